import TapescriptTime
import Testing

@testable import TapescriptCLI

@Suite struct FormattingTests {
    @Test(arguments: [(0.0, "0:00.0"), (61.25, "1:01.3"), (3725.0, "1:02:05.0")])
    func clockTimesReadAsMinutesAndSeconds(seconds: Double, text: String) {
        #expect(Timecode.clock(seconds) == text)
    }

    @Test func subtitleTimesHaveMilliseconds() {
        #expect(Timecode.subtitle(3723.004, separator: ",") == "01:02:03,004")
        #expect(Timecode.subtitle(0.5, separator: ".") == "00:00:00.500")
    }

    static let rows = [
        SegmentRow(
            index: 1, start: 0.5, end: 2.25, duration: 1.75, speaker: "A", level: -20, startFrame: 4000,
            endFrame: 18_000, markers: []),
        SegmentRow(
            index: 2, start: 3, end: 4.5, duration: 1.5, speaker: nil, level: -22, startFrame: 24_000,
            endFrame: 36_000, markers: []),
    ]

    @Test func labelsAreAudacityTracksWithSixDecimals() {
        #expect(SegmentExport.labels(Self.rows) == "0.500000\t2.250000\t1 A\n3.000000\t4.500000\t2\n")
    }

    @Test func subtitlesNumberTheirCues() {
        #expect(SegmentExport.srt(Self.rows).hasPrefix("1\n00:00:00,500 --> 00:00:02,250\n1 A\n\n2\n"))
        #expect(SegmentExport.vtt(Self.rows).hasPrefix("WEBVTT\n\n1\n00:00:00.500 --> 00:00:02.250\n"))
    }

    @Test func colourIsOffWithoutATerminalOrWithNoColor() {
        #expect(!Terminal(descriptor: -1, environment: [:]).usesColour)
        #expect(Terminal(descriptor: -1, environment: [:]).bold("x") == "x")
    }

    @Test func segmentationOptionsOutsideTheirRangeAreUsageErrors() {
        #expect(throws: (any Error).self) { try Tapescript.Resegment.parse(["jane", "--min-silence", "-1"]) }
        #expect(throws: (any Error).self) {
            try Tapescript.Resegment.parse(["jane", "--min-silence", "0.3", "--turn-gap", "0.5"])
        }
        #expect(throws: Never.self) { try Tapescript.Resegment.parse(["jane", "--min-silence", "0.8"]) }
    }
}
