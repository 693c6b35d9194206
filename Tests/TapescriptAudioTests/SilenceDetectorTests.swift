import Foundation
import TapescriptTestSupport
import Testing

@testable import TapescriptAudio

/// Boundaries are asserted within 100 ms: the envelope has 10 ms windows, and padding adds 20 ms.
@Suite struct SilenceDetectorTests {
    static let tolerance = 0.1

    func segments(of recording: TestRecording, format: Int32? = nil) throws -> [(Double, Double, Int?)] {
        let folder = try TemporaryFolder()
        let path = folder.file("test.wav")
        if let format { try recording.write(to: path, format: format) } else { try recording.write(to: path) }
        let envelope = try RecordingAnalyzer.analyze(path: path).envelope
        let rate = Double(envelope.sampleRate)
        return SilenceDetector().detect(in: envelope).map {
            (Double($0.startFrame) / rate, Double($0.endFrame) / rate, $0.channel)
        }
    }

    func expectBoundaries(_ found: [(Double, Double, Int?)], _ expected: [(Double, Double)]) {
        #expect(found.count == expected.count, "found \(found.map { ($0.0, $0.1) })")
        for (segment, truth) in zip(found, expected) {
            #expect(abs(segment.0 - truth.0) < Self.tolerance, "start \(segment.0) vs \(truth.0)")
            #expect(abs(segment.1 - truth.1) < Self.tolerance, "end \(segment.1) vs \(truth.1)")
        }
    }

    @Test func shortPauseInsideATurnDoesNotSplitIt() throws {
        var recording = TestRecording(sampleRate: 16_000, channelCount: 1, seconds: 6)
        recording.addSpeech(from: 0.5, to: 2.5, decibels: -25, pitch: 120)
        recording.addSpeech(from: 2.75, to: 5.0, decibels: -25, pitch: 122, seed: 2)
        expectBoundaries(try segments(of: recording), [(0.5, 5.0)])
    }

    @Test func longPauseSplitsEvenWhenTheSameVoiceGoesOn() throws {
        var recording = TestRecording(sampleRate: 16_000, channelCount: 1, seconds: 7)
        recording.addSpeech(from: 0.5, to: 2.5, decibels: -25, pitch: 120)
        recording.addSpeech(from: 3.7, to: 6.0, decibels: -25, pitch: 120, seed: 2)
        expectBoundaries(try segments(of: recording), [(0.5, 2.5), (3.7, 6.0)])
    }

    @Test func shortGapSplitsWhenTheVoiceChanges() throws {
        var recording = TestRecording(sampleRate: 16_000, channelCount: 1, seconds: 6)
        recording.addSpeech(from: 0.5, to: 2.5, decibels: -25, pitch: 110)
        recording.addSpeech(from: 2.75, to: 5.0, decibels: -25, pitch: 220, seed: 2)
        expectBoundaries(try segments(of: recording), [(0.5, 2.5), (2.75, 5.0)])
    }

    @Test(arguments: [-50.0, -30.0, -8.0])
    func boundariesDoNotDependOnTheRecordingLevel(decibels: Double) throws {
        var recording = TestRecording(sampleRate: 16_000, channelCount: 1, seconds: 8)
        recording.addSpeech(from: 1, to: 3, decibels: decibels, pitch: 120)
        recording.addSpeech(from: 4.5, to: 7, decibels: decibels, pitch: 200, seed: 3)
        recording.addNoise(decibels: decibels - 35)
        expectBoundaries(try segments(of: recording), [(1, 3), (4.5, 7)])
    }

    @Test func humAndANoisyFloorDoNotHideThePauses() throws {
        var recording = TestRecording(sampleRate: 16_000, channelCount: 1, seconds: 8)
        recording.addSpeech(from: 1, to: 3, decibels: -28, pitch: 120)
        recording.addSpeech(from: 4.5, to: 7, decibels: -28, pitch: 200, seed: 3)
        recording.addHum(frequency: 50, decibels: -40)
        recording.addNoise(decibels: -50)
        expectBoundaries(try segments(of: recording), [(1, 3), (4.5, 7)])
    }

    @Test func callRecordingAttributesEachTurnToItsChannelDespiteCrosstalk() throws {
        var recording = TestRecording(sampleRate: 8000, channelCount: 2, seconds: 9)
        recording.addSpeech(from: 0.5, to: 2.5, decibels: -25, channel: 0, pitch: 150)
        recording.addSpeech(from: 2.8, to: 5.5, decibels: -25, channel: 1, pitch: 150, seed: 2)
        recording.addSpeech(from: 6.0, to: 8.0, decibels: -25, channel: 0, pitch: 150, seed: 3)
        recording.bleed(from: 0, into: 1, decibels: -30)
        recording.bleed(from: 1, into: 0, decibels: -30)
        let found = try segments(of: recording)
        expectBoundaries(found, [(0.5, 2.5), (2.8, 5.5), (6.0, 8.0)])
        #expect(found.map(\.2) == [0, 1, 0])
    }

    /// A hissing line louder than the quiet party's voice: the channel that rose above its own floor talks.
    @Test func aNoisyLineDoesNotTakeTheQuietPartysTurns() throws {
        var recording = TestRecording(sampleRate: 8000, channelCount: 2, seconds: 10)
        recording.addSpeech(from: 0.5, to: 2.5, decibels: -40, channel: 0, pitch: 150)
        recording.addSpeech(from: 3.5, to: 5.5, decibels: -20, channel: 1, pitch: 150, seed: 2)
        recording.addSpeech(from: 6.5, to: 8.5, decibels: -40, channel: 0, pitch: 150, seed: 3)
        recording.bleed(from: 0, into: 1, decibels: -30)
        recording.bleed(from: 1, into: 0, decibels: -30)
        recording.addNoise(decibels: -38, channel: 1)
        let found = try segments(of: recording)
        expectBoundaries(found, [(0.5, 2.5), (3.5, 5.5), (6.5, 8.5)])
        #expect(found.map(\.2) == [0, 1, 0])
    }

    @Test func silenceGivesNoSegments() throws {
        let recording = TestRecording(sampleRate: 16_000, channelCount: 1, seconds: 3)
        #expect(try segments(of: recording).isEmpty)
    }

    @Test func longerMinimumSilenceMergesMore() throws {
        var recording = TestRecording(sampleRate: 16_000, channelCount: 1, seconds: 7)
        recording.addSpeech(from: 0.5, to: 2.5, decibels: -25, pitch: 120)
        recording.addSpeech(from: 3.5, to: 6.0, decibels: -25, pitch: 121, seed: 2)
        let folder = try TemporaryFolder()
        try recording.write(to: folder.file("a.wav"))
        let envelope = try RecordingAnalyzer.analyze(path: folder.file("a.wav")).envelope
        var parameters = SegmentationParameters.interview
        #expect(SilenceDetector(parameters: parameters).detect(in: envelope).count == 2)
        parameters.minimumSilenceSeconds = 1.5
        #expect(SilenceDetector(parameters: parameters).detect(in: envelope).count == 1)
        let pauses = SilenceDetector(parameters: parameters).pauses(in: envelope)
        #expect(pauses.contains { !$0.splits && Double($0.endFrame - $0.startFrame) / 16_000 > 0.9 })
    }

    func speakers(of recording: TestRecording) throws -> [Int?] {
        let folder = try TemporaryFolder()
        try recording.write(to: folder.file("voices.wav"))
        return SilenceDetector().detect(in: try RecordingAnalyzer.analyze(path: folder.file("voices.wav")).envelope)
            .map(\.speaker)
    }

    @Test func twoVoicesTakingTurnsAreTwoSpeakers() throws {
        var recording = TestRecording(sampleRate: 16_000, channelCount: 1, seconds: 19)
        for turn in 0..<6 {
            let start = 0.5 + Double(turn) * 3
            recording.addSpeech(
                from: start, to: start + 2, decibels: -25, pitch: turn.isMultiple(of: 2) ? 110 : 220,
                seed: UInt64(turn + 1))
        }
        #expect(try speakers(of: recording) == [0, 1, 0, 1, 0, 1])
    }

    /// Clustering always finds two groups; one voice must still be heard as one speaker, not split in two.
    @Test func oneVoiceIsOneSpeaker() throws {
        var recording = TestRecording(sampleRate: 16_000, channelCount: 1, seconds: 13)
        for turn in 0..<4 {
            let start = 0.5 + Double(turn) * 3
            recording.addSpeech(from: start, to: start + 2, decibels: -25, pitch: 120, seed: UInt64(turn + 1))
        }
        #expect(Set(try speakers(of: recording)).count == 1)
    }
}
