import CSndfile
import Foundation
import TapescriptTestSupport
import Testing

@testable import TapescriptAudio

@Suite struct RecordingAnalyzerTests {
    static let formats: [(String, Int32)] = [
        ("wav", Int32(SF_FORMAT_WAV | SF_FORMAT_PCM_16)), ("wav", Int32(SF_FORMAT_WAV | SF_FORMAT_PCM_24)),
        ("wav", Int32(SF_FORMAT_WAV | SF_FORMAT_PCM_32)), ("wav", Int32(SF_FORMAT_WAV | SF_FORMAT_PCM_U8)),
        ("wav", Int32(SF_FORMAT_WAV | SF_FORMAT_FLOAT)), ("wav", Int32(SF_FORMAT_WAV | SF_FORMAT_ULAW)),
        ("wav", Int32(SF_FORMAT_WAV | SF_FORMAT_ALAW)), ("w64", Int32(SF_FORMAT_W64 | SF_FORMAT_PCM_16)),
        ("aiff", Int32(SF_FORMAT_AIFF | SF_FORMAT_PCM_16)), ("flac", Int32(SF_FORMAT_FLAC | SF_FORMAT_PCM_16)),
        ("ogg", Int32(SF_FORMAT_OGG | SF_FORMAT_VORBIS)),
    ]

    @Test(arguments: formats.indices)
    func everyFormatLibsndfileOpensIsReadAndSegmented(index: Int) throws {
        let (suffix, format) = Self.formats[index]
        let folder = try TemporaryFolder()
        var recording = TestRecording(sampleRate: 22_050, channelCount: 2, seconds: 5)
        recording.addSpeech(from: 0.5, to: 2.0, decibels: -20, channel: 0)
        recording.addSpeech(from: 3.0, to: 4.5, decibels: -20, channel: 1, seed: 2)
        let path = folder.file("speech.\(suffix)")
        try recording.write(to: path, format: format)
        let analysis = try RecordingAnalyzer.analyze(path: path)
        #expect(abs(analysis.format.durationSeconds - 5) < 0.05)
        #expect(analysis.truncation == nil)
        let regions = SilenceDetector().detect(in: analysis.envelope)
        #expect(regions.map(\.channel) == [0, 1])
    }

    @Test func theSameAudioInAnotherContainerHasTheSameFingerprint() throws {
        let folder = try TemporaryFolder()
        var recording = TestRecording(sampleRate: 16_000, channelCount: 1, seconds: 2)
        recording.addSpeech(from: 0.2, to: 1.8, decibels: -20)
        try recording.write(to: folder.file("a.wav"))
        try recording.write(to: folder.file("a.flac"), format: Int32(SF_FORMAT_FLAC | SF_FORMAT_PCM_16))
        recording.addNoise(decibels: -80)
        try recording.write(to: folder.file("b.wav"))
        let wav = try RecordingAnalyzer.analyze(path: folder.file("a.wav")).fingerprint
        #expect(try RecordingAnalyzer.analyze(path: folder.file("a.flac")).fingerprint == wav)
        #expect(try RecordingAnalyzer.analyze(path: folder.file("b.wav")).fingerprint != wav)
    }

    @Test func aTruncatedFileIsReadAsFarAsItGoesAndSaysWhatIsMissing() throws {
        let folder = try TemporaryFolder()
        var recording = TestRecording(sampleRate: 16_000, channelCount: 1, seconds: 4)
        recording.addSpeech(from: 0.5, to: 3.5, decibels: -20)
        let path = folder.file("cut.wav")
        try recording.write(to: path)
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: 44 + 2 * 16_000)  // header + 1 s
        try handle.close()
        let analysis = try RecordingAnalyzer.analyze(path: path)
        let truncation = try #require(analysis.truncation)
        #expect(truncation.availableFrameCount == 16_000)
        #expect(truncation.missingFrameCount == 48_000)
    }

    @Test func aHeaderTheRecorderNeverFinishedIsRepaired() throws {
        let folder = try TemporaryFolder()
        var recording = TestRecording(sampleRate: 16_000, channelCount: 1, seconds: 3)
        recording.addSpeech(from: 0.5, to: 2.5, decibels: -20)
        let path = folder.file("unfinished.wav")
        try recording.write(to: path)
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        let dataTag = try #require((0..<(bytes.count - 4)).first { bytes[$0..<($0 + 4)] == [0x64, 0x61, 0x74, 0x61] })
        for offset in [4, dataTag + 4] { bytes.replaceSubrange(offset..<(offset + 4), with: [0, 0, 0, 0]) }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let analysis = try RecordingAnalyzer.analyze(path: path)
        #expect(analysis.decodedFrameCount == 48_000)
        #expect(analysis.truncation?.expectedFrameCount == nil)
        #expect(analysis.truncation != nil)
    }

    @Test func notANumberSamplesCountAsSilenceAndAreCounted() throws {
        let folder = try TemporaryFolder()
        var recording = TestRecording(sampleRate: 16_000, channelCount: 1, seconds: 2)
        recording.addSpeech(from: 0.2, to: 1.8, decibels: -20)
        recording.channels[0][100] = .nan
        recording.channels[0][200] = .infinity
        let path = folder.file("nan.wav")
        try recording.write(to: path, format: Int32(SF_FORMAT_WAV | SF_FORMAT_FLOAT))
        let analysis = try RecordingAnalyzer.analyze(path: path)
        #expect(analysis.nonFiniteSampleCount == 2)
        #expect(SilenceDetector().detect(in: analysis.envelope).count == 1)
    }

    @Test func recorderMarkersAreReadWithTheirLabels() throws {
        let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Samples/call-stereo.wav").path
        let analysis = try RecordingAnalyzer.analyze(path: samples)
        #expect(analysis.markers.map(\.frame) == [41_600, 164_000])
        #expect(analysis.markers.first?.label == "great answer about the early years")
    }

    @Test func unreadableInputsFailWithTheirCause() throws {
        let folder = try TemporaryFolder()
        try Data("this is text, not audio".utf8).write(to: URL(fileURLWithPath: folder.file("text.wav")))
        try Data().write(to: URL(fileURLWithPath: folder.file("empty.wav")))
        #expect(throws: AudioError.fileNotFound(path: folder.file("missing.wav"))) {
            try RecordingAnalyzer.analyze(path: folder.file("missing.wav"))
        }
        #expect(throws: AudioError.isDirectory(path: folder.path)) { try RecordingAnalyzer.analyze(path: folder.path) }
        #expect(throws: AudioError.emptyFile(path: folder.file("empty.wav"))) {
            try RecordingAnalyzer.analyze(path: folder.file("empty.wav"))
        }
        do {
            _ = try RecordingAnalyzer.analyze(path: folder.file("text.wav"))
            Issue.record("a text file was read as audio")
        } catch {
            #expect(error.description.contains("not an audio file"))
        }
    }
}
