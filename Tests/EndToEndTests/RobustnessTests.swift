import CSndfile
import Foundation
import TapescriptTestSupport
import Testing

/// Recordings that are damaged, odd or in other formats still import, with a warning or note where one is due.
@Suite struct RobustnessTests {
    let workspace: Workspace

    init() throws { workspace = try Workspace() }

    /// Where the synthetic speech is, in seconds; the recording is `totalSeconds` long.
    static let utterances: [(start: Double, end: Double)] = [(1.0, 3.0), (4.5, 7.0)]
    static let totalSeconds = 8.0
    static let boundaryTolerance = 0.25

    /// Two utterances over a faint noise floor.
    static func twoUtterances(sampleRate: Int = 16_000, channelCount: Int = 1) -> TestRecording {
        var recording = TestRecording(sampleRate: sampleRate, channelCount: channelCount, seconds: totalSeconds)
        for (index, utterance) in utterances.enumerated() {
            recording.addSpeech(
                from: utterance.start, to: utterance.end, decibels: -26, channel: index % channelCount,
                seed: UInt64(index + 1))
        }
        recording.addNoise(decibels: -70)
        return recording
    }

    @Test func aTruncatedRecordingImportsWithAWarningSayingHowMuchIsMissing() async throws {
        let file = workspace.file("cut-short.wav")
        try Self.twoUtterances().write(to: file)
        let handle = try #require(FileHandle(forUpdatingAtPath: file))
        let length = try handle.seekToEnd()
        // Keep the 44-byte header and the first 5 of the 8 seconds (16-bit mono at 16 kHz: 32 000 bytes a second).
        try handle.truncate(atOffset: 44 + 5 * 32_000)
        try handle.close()
        #expect(length == 44 + 8 * 32_000)

        let result = try await workspace.run("import", "--json", file)

        #expect(result.exitCode == 0, "\(result)")
        #expect(result.stderrLines.count == 1, "\(result)")
        let warning = try #require(result.stderrLines.first)
        #expect(warning.hasPrefix("warning: "))
        #expect(warning.contains("cut-short.wav"))
        #expect(warning.contains("3.0 s are missing"), "\(warning)")
        let report = try decodeJSON(ImportedInterview.self, from: result.stdout)
        #expect(report.truncated)
        #expect(abs(report.duration - 5) < 0.01)
        #expect(abs((report.missingSeconds ?? 0) - 3) < 0.01)
    }

    @Test func aWavWhoseHeaderWasNeverFinishedImportsInFullWithAWarning() async throws {
        let file = workspace.file("recorder-crashed.wav")
        try Self.twoUtterances().write(to: file)
        var bytes = try Data(contentsOf: URL(fileURLWithPath: file))
        let dataTag = try #require(bytes.firstRange(of: Data("data".utf8)))
        // A recorder writes the sizes when it closes the file; one that crashed leaves them 0.
        bytes.replaceSubrange(4..<8, with: Data(repeating: 0, count: 4))
        bytes.replaceSubrange(dataTag.upperBound..<dataTag.upperBound + 4, with: Data(repeating: 0, count: 4))
        try bytes.write(to: URL(fileURLWithPath: file))

        let result = try await workspace.run("import", "--json", file)

        #expect(result.exitCode == 0, "\(result)")
        #expect(result.stderrLines.count == 1, "\(result)")
        #expect(result.stderrLines.first?.hasPrefix("warning: ") == true)
        #expect(result.stderr.contains("recorder-crashed.wav"))
        let report = try decodeJSON(ImportedInterview.self, from: result.stdout)
        #expect(abs(report.duration - Self.totalSeconds) < 0.01)
        #expect(report.segments == Self.utterances.count)
    }

    @Test func anAllSilentRecordingImportsWithNoSegmentsAndANote() async throws {
        let file = workspace.file("silence.wav")
        try TestRecording(sampleRate: 16_000, channelCount: 1, seconds: 5).write(to: file)

        let result = try await workspace.run("import", "--json", file)

        #expect(result.exitCode == 0, "\(result)")
        #expect(result.stderrLines.count == 1, "\(result)")
        #expect(result.stderrLines.first?.hasPrefix("note: ") == true)
        #expect(result.stderr.contains("silence.wav"))
        let report = try decodeJSON(ImportedInterview.self, from: result.stdout)
        #expect(report.segments == 0)
        #expect(abs(report.duration - 5) < 0.01)
        let segments = try await workspace.run("segments", report.slug, "--format", "json")
        #expect(try decodeJSON([SegmentOutput].self, from: segments.stdout).isEmpty)
        let table = try await workspace.run("segments", report.slug)
        #expect(table.exitCode == 0, "\(table)")
        #expect(table.stderr.contains("No speech was found"))
    }

    @Test func aFloatWavWithNaNAndInfinitySamplesImportsWithANote() async throws {
        let file = workspace.file("not-numbers.wav")
        var recording = Self.twoUtterances()
        for index in stride(from: 100, to: 1_100, by: 10) { recording.channels[0][index] = .nan }
        for index in stride(from: 20_000, to: 20_100, by: 10) { recording.channels[0][index] = .infinity }
        for index in stride(from: 90_000, to: 90_100, by: 10) { recording.channels[0][index] = -.infinity }
        try recording.write(to: file, format: Int32(SF_FORMAT_WAV | SF_FORMAT_FLOAT))

        let result = try await workspace.run("import", "--json", file)

        #expect(result.exitCode == 0, "\(result)")
        #expect(result.stderrLines.count == 1, "\(result)")
        let note = try #require(result.stderrLines.first)
        #expect(note.hasPrefix("note: "))
        #expect(note.contains("120 samples"), "\(note)")
        #expect(note.contains("not-numbers.wav"))
        let report = try decodeJSON(ImportedInterview.self, from: result.stdout)
        #expect(abs(report.duration - Self.totalSeconds) < 0.01)
        #expect(report.segments >= 1)
    }

    struct Encoding: CustomTestStringConvertible, Sendable {
        var name: String
        var fileExtension: String
        var format: Int32
        var testDescription: String { name }
    }

    static let encodings: [Encoding] = [
        Encoding(name: "FLAC", fileExtension: "flac", format: Int32(SF_FORMAT_FLAC | SF_FORMAT_PCM_16)),
        Encoding(name: "AIFF", fileExtension: "aiff", format: Int32(SF_FORMAT_AIFF | SF_FORMAT_PCM_16)),
        Encoding(name: "W64", fileExtension: "w64", format: Int32(SF_FORMAT_W64 | SF_FORMAT_PCM_16)),
        Encoding(name: "µ-law WAV", fileExtension: "wav", format: Int32(SF_FORMAT_WAV | SF_FORMAT_ULAW)),
        Encoding(name: "24-bit WAV", fileExtension: "wav", format: Int32(SF_FORMAT_WAV | SF_FORMAT_PCM_24)),
        Encoding(name: "8-bit unsigned WAV", fileExtension: "wav", format: Int32(SF_FORMAT_WAV | SF_FORMAT_PCM_U8)),
        Encoding(name: "float WAV", fileExtension: "wav", format: Int32(SF_FORMAT_WAV | SF_FORMAT_FLOAT)),
        Encoding(name: "Ogg Vorbis", fileExtension: "ogg", format: Int32(SF_FORMAT_OGG | SF_FORMAT_VORBIS)),
    ]

    @Test(arguments: encodings)
    func recordingsInOtherFormatsImportAndSegment(encoding: Encoding) async throws {
        let file = workspace.file("speech.\(encoding.fileExtension)")
        try Self.twoUtterances().write(to: file, format: encoding.format)

        let result = try await workspace.run("import", "--json", file)

        #expect(result.exitCode == 0, "\(result)")
        #expect(result.stderr.isEmpty, "\(result)")
        let report = try decodeJSON(ImportedInterview.self, from: result.stdout)
        #expect(abs(report.duration - Self.totalSeconds) < 0.05)
        let segments = try decodeJSON(
            [SegmentOutput].self, from: try await workspace.run("segments", report.slug, "--format", "json").stdout)
        #expect(segments.count == Self.utterances.count)
        for (segment, utterance) in zip(segments, Self.utterances) {
            #expect(abs(segment.start - utterance.start) <= Self.boundaryTolerance, "\(segment.start)")
            #expect(abs(segment.end - utterance.end) <= Self.boundaryTolerance, "\(segment.end)")
        }
    }

    @Test func aStereoCallRecordingNamesTheSpeakerOfEachChannel() async throws {
        let file = workspace.file("call.wav")
        var recording = Self.twoUtterances(channelCount: 2)
        recording.bleed(from: 0, into: 1, decibels: -30)
        recording.bleed(from: 1, into: 0, decibels: -30)
        try recording.write(to: file)

        let interview = try await workspace.importRecording(file)
        let result = try await workspace.run("segments", interview.slug, "--format", "json")

        let segments = try decodeJSON([SegmentOutput].self, from: result.stdout)
        #expect(segments.map(\.speaker) == ["A", "B"])
    }

    struct Bucket: Decodable {
        var from: Double
        var to: Double?
        var count: Int
    }

    @Test
    func aPauseShorterThanATenthOfASecondIsCountedWhereItBelongs() async throws {
        let file = workspace.file("short-gap.wav")
        var recording = TestRecording(sampleRate: 16_000, channelCount: 1, seconds: 6)
        recording.addSpeech(from: 1.0, to: 2.0, decibels: -26, seed: 1)
        recording.addSpeech(from: 2.06, to: 3.0, decibels: -26, seed: 2)
        recording.addSpeech(from: 3.5, to: 4.5, decibels: -26, seed: 3)
        recording.addNoise(decibels: -70)
        try recording.write(to: file)
        let interview = try await workspace.importRecording(file)

        let result = try await workspace.run("pauses", interview.slug, "--turn-gap", "0.02", "--json")

        #expect(result.exitCode == 0, "\(result)")
        let buckets = try decodeJSON([Bucket].self, from: result.stdout)
        #expect(buckets.map(\.count).reduce(0, +) == 2)
        let holding = buckets.filter { $0.count > 0 }
        #expect(holding.contains { $0.from <= 0.06 && 0.06 < ($0.to ?? .infinity) }, "\(holding)")
        #expect(holding.contains { 0.3 <= $0.from && $0.from < 0.6 }, "the half-second pause: \(holding)")
    }
}
