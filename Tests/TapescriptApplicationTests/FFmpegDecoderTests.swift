import Foundation
import TapescriptAudio
import TapescriptTestSupport
import Testing

@testable import TapescriptApplication

/// ffmpeg as a program that may fail or hang on a stranger's file: its last word becomes the reason, a decoder
/// that stops making progress is stopped, and the PCM it pipes is read as it comes.
@Suite struct FFmpegDecoderTests {
    let folder: TemporaryFolder

    init() throws { folder = try TemporaryFolder() }

    /// A stand-in for ffmpeg: a shell script.
    private func fakeFFmpeg(_ body: String, stallSeconds: Double = 60) throws -> FFmpegDecoder {
        let path = folder.file("ffmpeg")
        try Data("#!/bin/sh\n\(body)\n".utf8).write(to: URL(fileURLWithPath: path))
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        return FFmpegDecoder(program: URL(fileURLWithPath: path), stallSeconds: stallSeconds)
    }

    /// Decodes through `decoder` the way import does: the piped WAV analysed as it arrives.
    private func analyse(with decoder: FFmpegDecoder, progress: (Double) -> Void = { _ in }) throws
        -> RecordingAnalysis
    {
        try decoder.decode(folder.file("memo.m4a"), copyTo: folder.file("copy.flac"), progress: progress) {
            pcm, seconds, tick in
            try RecordingAnalyzer.analyze(
                AudioFile(streamingFrom: pcm, name: "memo.m4a", expectedSeconds: seconds)
            ) { _ in tick() }
        }
    }

    @Test func aFailureIsSaidInFFmpegsLastLineNotInItsProgressReports() throws {
        let decoder = try fakeFFmpeg(
            "echo 'Input #0, mov' >&2; echo 'memo.m4a: Invalid data found' >&2; echo 'progress=end' >&2; exit 1")

        #expect {
            try analyse(with: decoder)
        } throws: { error in
            (error as? FFmpegFailure)?.reason == "memo.m4a: Invalid data found"
        }
    }

    @Test func aDecoderThatHangsIsStopped() throws {
        let decoder = try fakeFFmpeg("exec sleep 30", stallSeconds: 0.5)
        let started = Date()

        #expect {
            try analyse(with: decoder)
        } throws: { error in
            (error as? FFmpegFailure)?.reason.contains("made no progress") == true
        }
        // Not a timing assertion: the fake would sleep 30 s; stopped, it returns long before.
        #expect(Date().timeIntervalSince(started) < 25)
    }

    @Test func thePipedWAVIsAnalysedAsItComesWithFFmpegsProgress() throws {
        let wav = folder.file("speech.wav")
        try TestRecording(sampleRate: 8000, channelCount: 1, seconds: 40).write(to: wav)
        let decoder = try fakeFFmpeg(
            """
            echo '  Duration: 00:00:40.00, start: 0.000000, bitrate: 64 kb/s' >&2
            echo 'out_time_us=20000000' >&2; sleep 0.2
            cat '\(wav)'
            echo 'out_time_us=40000000' >&2; echo 'progress=end' >&2
            """)
        var fractions: [Double] = []

        let analysis = try analyse(with: decoder) { fractions.append($0) }

        #expect(analysis.decodedFrameCount == 320_000)
        #expect(analysis.truncation == nil, "a stream promises no length, so it is never truncated")
        #expect(!fractions.isEmpty && fractions.allSatisfy { (0...1).contains($0) }, "\(fractions)")
    }

    @Test func aReaderThatGivesUpStopsFFmpegAndItsErrorIsTheOneSaid() throws {
        let decoder = try fakeFFmpeg("exec sleep 30")
        struct Refused: Error {}
        let started = Date()

        #expect(throws: Refused.self) {
            try decoder.decode(folder.file("memo.m4a"), copyTo: folder.file("copy.flac"), progress: { _ in }) {
                _, _, _ in throw Refused()
            }
        }
        #expect(Date().timeIntervalSince(started) < 25)
    }
}
