import Foundation
import TapescriptAudio
import TapescriptText
import Testing

@testable import TapescriptLibrary
@testable import TapescriptReview

/// The review state machine, driven key by key with no terminal, player or database.
@Suite struct ReviewModelTests {
    /// An interview of `count` segments of 2 s each, starting every 3 s, at 8 kHz.
    static func snapshot(count: Int = 30, highlights: [ClosedRange<Int>] = [], channels: Int = 2) -> ReviewSnapshot {
        let rate = 8000
        let recording = Recording(
            id: 1, interviewId: 1, path: "/calls/test.wav", fingerprint: "x", container: "WAV", encoding: "PCM",
            sampleRate: rate, channelCount: channels, frameCount: Int64(count * 3 * rate + rate),
            expectedFrameCount: nil, nonFiniteSampleCount: 0, envelope: Data(), segmentation: .interview,
            importedAt: Date())
        var segments = (0..<count).map { index in
            ReviewSegment(
                index: index + 1, startFrame: Int64(index * 3 * rate), endFrame: Int64((index * 3 + 2) * rate),
                channel: channels > 1 ? index % 2 : nil, text: index == 4 ? "the word mentor is here" : nil,
                highlight: nil)
        }
        var views: [ReviewHighlight] = []
        for (offset, rows) in highlights.enumerated() {
            for row in rows { segments[row - 1].highlight = offset + 1 }
            views.append(
                ReviewHighlight(
                    number: offset + 1, id: Int64(offset + 1), startFrame: segments[rows.lowerBound - 1].startFrame,
                    endFrame: segments[rows.upperBound - 1].endFrame, title: "Topic \(offset + 1)", note: nil,
                    segments: rows))
        }
        return ReviewSnapshot(
            interview: Interview(id: 1, slug: "test", title: "Test", createdAt: Date()), recording: recording,
            segments: segments, highlights: views, markers: [], speakerNames: [:], canUndo: false, canRedo: false)
    }

    static func model(_ snapshot: ReviewSnapshot = snapshot(), speed: Bool = true) -> ReviewModel {
        var model = ReviewModel(snapshot: snapshot, reactionDelaySeconds: 0.5, canChangeSpeed: speed)
        model.pageHeight = 10
        return model
    }

    @discardableResult
    static func press(_ keys: [Key], _ model: inout ReviewModel) -> [ReviewEffect] {
        keys.flatMap { model.handle($0) }
    }

    @Test func movingScrollsToKeepTheCursorInView() {
        var model = Self.model()
        Self.press(Array(repeating: .character("j"), count: 12), &model)
        #expect(model.cursor == 12)
        #expect(model.top == 3)
        Self.press([.character("G")], &model)
        #expect((model.cursor, model.top) == (29, 20))
        Self.press([.pageUp], &model)
        #expect(model.cursor == 20)
        Self.press([.character("g")], &model)
        #expect((model.cursor, model.top) == (0, 0))
        Self.press([.up], &model)
        #expect(model.cursor == 0)
    }

    @Test func markingASegmentAsksForOneHighlight() {
        var model = Self.model()
        #expect(Self.press([.down, .character("m")], &model) == [.edit(.mark(first: 2, last: 2))])
    }

    @Test func markingInAHighlightUnmarksIt() {
        var model = Self.model(Self.snapshot(highlights: [3...5]))
        #expect(Self.press([.down, .down, .down, .character("m")], &model) == [.edit(.unmark(first: 4, last: 4))])
    }

    @Test func aVisualSelectionBecomesOneHighlight() {
        var model = Self.model()
        let effects = Self.press([.down, .character("v"), .down, .down, .character("m")], &model)
        #expect(effects == [.edit(.mark(first: 2, last: 4))])
    }

    @Test func escapeLeavesTheSelection() {
        var model = Self.model()
        Self.press([.character("v"), .down, .escape], &model)
        #expect(model.mode == .browse)
        #expect(model.selection == 1...1)
    }

    @Test func aTitleIsTypedAndCommitted() {
        var model = Self.model(Self.snapshot(highlights: [1...2]))
        Self.press([.character("t")], &model)
        guard case .field(.title(highlight: 1), _) = model.mode else {
            Issue.record("no title field: \(model.mode)")
            return
        }
        // The field starts with the current title; Ctrl-U clears it.
        let effects = Self.press([.control("u")] + "Mentors".map { .character($0) } + [.enter], &model)
        #expect(effects == [.edit(.title(highlight: 1, "Mentors"))])
        #expect(model.mode == .browse)
    }

    @Test func aTitleOutsideAHighlightIsRefusedWithAMessage() {
        var model = Self.model()
        #expect(Self.press([.character("t")], &model).isEmpty)
        #expect(model.mode == .browse)
        #expect(model.message.contains("not in a highlight"))
    }

    @Test func inlineTextCanBeCancelledWithoutAnEdit() {
        var model = Self.model()
        let effects = Self.press([.character("i"), .character("x"), .escape], &model)
        #expect(effects.isEmpty)
        #expect(model.mode == .browse)
    }

    @Test func inlineTextIsSavedOnEnter() {
        var model = Self.model()
        let effects = Self.press([.character("i")] + "Hello".map { .character($0) } + [.enter], &model)
        #expect(effects == [.edit(.text(segment: 1, "Hello"))])
    }

    @Test func undoAndRedoAreEdits() {
        var model = Self.model()
        #expect(Self.press([.character("u"), .control("r")], &model) == [.edit(.undo), .edit(.redo)])
    }

    @Test func spacePlaysOnAndStopsAndResumesABitEarlier() {
        var model = Self.model()
        let rate: Int64 = 8000
        // Playback runs on to the end of this short recording (at most 10 minutes ahead).
        let end = model.snapshot.recording.frameCount
        #expect(Self.press([.down, .character(" ")], &model) == [.play(from: 3 * rate, to: end)])
        model.playbackStarted(at: 3 * rate)
        model.playbackMoved(to: 4 * rate)
        #expect(Self.press([.character(" ")], &model) == [.stopPlayback])
        #expect(model.playback == .stopped)
        let resumed = Self.press([.character(" ")], &model)
        #expect(resumed == [.play(from: 3 * rate, to: end)])  // 4 s − 1.5 s, kept inside the segment
    }

    @Test func theCursorFollowsPlayback() {
        var model = Self.model()
        Self.press([.character(" ")], &model)
        model.playbackStarted(at: 0)
        model.playbackMoved(to: 8000 * 10)
        #expect(model.cursor == 3)
    }

    @Test func arrowsJumpFiveSeconds() {
        var model = Self.model()
        model.playbackStarted(at: 0)
        model.playbackMoved(to: 8000 * 10)
        let rate: Int64 = 8000
        let expected = ReviewEffect.play(from: rate * 15, to: model.snapshot.recording.frameCount)
        #expect(Self.press([.right], &model).first == expected)
        #expect(model.cursor == 5)
    }

    @Test func speedStepsWithinHalfToDouble() {
        var model = Self.model()
        Self.press(Array(repeating: .character("]"), count: 9), &model)
        #expect(model.speed == 2)
        Self.press(Array(repeating: .character("["), count: 9), &model)
        #expect(model.speed == 0.5)
        var fixed = Self.model(speed: false)
        Self.press([.character("]")], &fixed)
        #expect(fixed.speed == 1)
        #expect(fixed.message.contains("cannot change speed"))
    }

    @Test func aMarkerIsDroppedBeforeThePlaybackPositionAndSplitsThere() {
        var model = Self.model()
        model.playbackStarted(at: 0)
        model.playbackMoved(to: 8000)
        #expect(Self.press([.character(".")], &model) == [.edit(.marker(frame: 4000))])
        #expect(Self.press([.character("s")], &model) == [.edit(.split(segment: 1, frame: 4000))])
    }

    @Test func loopingReplaysTheSegmentWhenPlaybackEnds() {
        var model = Self.model()
        #expect(Self.press([.character("l")], &model) == [.play(from: 0, to: 16_000)])
        model.playbackStarted(at: 0)
        #expect(model.playbackEnded() == [.play(from: 0, to: 16_000)])
    }

    @Test func tabJumpsBetweenHighlights() {
        var model = Self.model(Self.snapshot(highlights: [3...4, 10...12]))
        Self.press([.tab], &model)
        #expect(model.cursor == 2)
        Self.press([.tab], &model)
        #expect(model.cursor == 9)
        Self.press([.backTab], &model)
        #expect(model.cursor == 2)
    }

    @Test func searchFindsTextAndWrapsAround() {
        var model = Self.model()
        Self.press([.character("/")] + "MENTOR".map { .character($0) } + [.enter], &model)
        #expect(model.cursor == 4)
        Self.press([.character("G"), .character("n")], &model)
        #expect(model.cursor == 4)
        Self.press([.character("/")] + "absent".map { .character($0) } + [.enter], &model)
        #expect(model.message.contains("not found"))
    }

    @Test func editingAHighlightOpensTheEditorOnAllItsSegments() {
        var model = Self.model(Self.snapshot(highlights: [3...5]))
        #expect(Self.press([.down, .down, .down, .character("e")], &model) == [.openEditor(first: 3, last: 5)])
    }

    @Test func quittingStopsPlaybackFirst() {
        var model = Self.model()
        model.playbackStarted(at: 0)
        #expect(Self.press([.character("q")], &model) == [.stopPlayback, .quit])
    }

    @Test func speakersAreNamedOnCallsOnly() {
        var mono = Self.model(Self.snapshot(channels: 1))
        Self.press([.character("S")], &mono)
        #expect(mono.mode == .browse)
        var call = Self.model()
        let effects = Self.press(
            [.character("S"), .control("u")] + "A=Andy B=Jane".map { .character($0) } + [.enter], &call)
        #expect(
            effects == [
                .edit(
                    .speakers([
                        SpeakerAssignment(speaker: "A", name: "Andy"), SpeakerAssignment(speaker: "B", name: "Jane"),
                    ]))
            ])
    }

    @Test func speakerNamesMayHaveSpacesButEachLetterComesOnce() {
        #expect(
            SpeakerAssignment.parse("A=Andy Smith  b=Jane") == [
                SpeakerAssignment(speaker: "A", name: "Andy Smith"), SpeakerAssignment(speaker: "B", name: "Jane"),
            ])
        #expect(SpeakerAssignment.parse("A= B=A=Andy") == nil)
        #expect(SpeakerAssignment.parse("A=Andy A=Jane") == nil)
        #expect(SpeakerAssignment.parse("Andy") == nil)
    }

    @Test func reloadingKeepsTheCursorOnTheSamePlace() {
        var model = Self.model()
        Self.press([.down, .down, .down], &model)
        model.reload(Self.snapshot(highlights: [1...2]), message: "marked")
        #expect(model.cursor == 3)
        #expect(model.message == "marked")
    }

    @Test func theScreenFitsEightyByTwentyFour() throws {
        let model = Self.model()
        let envelope = TapescriptAudioEnvelope.silent(windows: 30 * 300, channels: 2)
        let (lines, _) = ReviewScreen(envelope: envelope, playerName: "aplay").lines(
            for: model, size: TerminalSize(width: 80, height: 24))
        #expect(lines.count == 24)
        for line in lines { #expect(line.reduce(0) { $0 + DisplayWidth.of($1.text) } <= 80) }
        let tiny = ReviewScreen(envelope: envelope, playerName: nil).lines(
            for: model, size: TerminalSize(width: 40, height: 8))
        #expect(tiny.lines.first?.first?.text.contains("too small") == true)
    }
}

/// Envelopes for screen tests.
enum TapescriptAudioEnvelope {
    static func silent(windows: Int, channels: Int) -> Envelope {
        Envelope(
            sampleRate: 8000, windowFrameCount: 80, channelCount: channels,
            levelCodes: Array(repeating: 100, count: windows * channels),
            pitchCodes: Array(repeating: 0, count: windows))
    }
}
