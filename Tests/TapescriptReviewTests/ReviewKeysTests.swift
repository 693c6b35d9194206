import Foundation
import TapescriptText
import Testing

@testable import TapescriptLibrary
@testable import TapescriptReview

/// Ctrl-C, Ctrl-Z, the scrolling `?` screen and markers in a pause: what review does with them, without a terminal.
@Suite struct ReviewKeysTests {
    @Test func ctrlCInterruptsAndCtrlZSuspendsAfterPausingPlayback() {
        var model = ReviewModelTests.model()
        model.playbackStarted(at: 8000)

        #expect(model.handle(.control("z")) == [.stopPlayback, .suspend])
        #expect(model.playback == .stopped)
        #expect(model.handle(.control("c")) == [.interrupt])
        #expect(model.handle(.character("q")) == [.quit])
    }

    @Test func theKeysFit80By24AndScrollToTheEnd() {
        let (width, height) = (80, 24)
        let maximum = ReviewHelp.maximumTop(width: width, height: height)
        var model = ReviewModelTests.model()
        model.helpMaximumTop = maximum

        #expect(maximum > 0, "at 80×24 the keys need more than one screen")
        let first = ReviewHelp.lines(width: width, height: height, top: 0)
        #expect(first.count == height)
        #expect(first.allSatisfy { $0.reduce(0) { $0 + DisplayWidth.of($1.text) } <= width })
        #expect(first.last?.first?.text.contains("scroll (lines 1–23 of") == true)
        ReviewModelTests.press([.character("?"), .pageDown, .pageDown, .pageDown], &model)
        guard case .help(let top) = model.mode else {
            Issue.record("the help closed on scrolling")
            return
        }
        #expect(top == maximum)
        let last = ReviewHelp.lines(width: width, height: height, top: top).map { $0.map(\.text).joined() }
        #expect(last.contains { $0.contains("Ctrl-Z") }, "\(last)")
        ReviewModelTests.press([.character("x")], &model)
        #expect(model.mode == .browse, "another key closes it")
        #expect(ReviewHelp.maximumTop(width: 100, height: 24) == 0, "two columns fit 100×24 whole")
    }

    @Test(arguments: [80, 100, 120, 200])
    func noMeaningIsCutAtAnyWidth(width: Int) {
        let shown = ReviewHelp.content(width: width).map { $0.map(\.text).joined() }.joined(separator: " ")
        let words = Set(shown.split(separator: " ").map(String.init))

        for (_, keys) in ReviewHelp.sections {
            for (_, meaning) in keys {
                for word in meaning.split(separator: " ") {
                    #expect(words.contains(String(word)), "'\(word)' of '\(meaning)' at \(width) columns")
                }
            }
        }
        #expect(!shown.contains("…"))
    }

    @Test func aMarkerInAPauseShowsOnTheSegmentBeforeIt() {
        var snapshot = ReviewModelTests.snapshot(count: 3)
        // Segments run 0–2 s, 3–5 s and 6–8 s at 8 kHz; a marker at 2.5 s lies in the first pause.
        snapshot.markers = [Marker(id: 1, recordingId: 1, frame: 20_000, label: "", origin: .listener)]

        #expect(ReviewScreen.markerSymbol(snapshot.segments[0], in: snapshot) == "◇")
        #expect(ReviewScreen.markerSymbol(snapshot.segments[1], in: snapshot) == " ")
        snapshot.markers[0].frame = 30_000
        #expect(ReviewScreen.markerSymbol(snapshot.segments[1], in: snapshot) == "◆")
        #expect(ReviewScreen.markerSymbol(snapshot.segments[0], in: snapshot) == " ")
    }
}
