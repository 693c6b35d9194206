import Foundation
import TapescriptTestSupport
import Testing

@testable import TapescriptApplication

/// ffmpeg as a program that may fail or hang on a stranger's file: its last word becomes the reason, and a
/// decoder that stops making progress is stopped.
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

    @Test func aFailureIsSaidInFFmpegsLastLine() throws {
        let decoder = try fakeFFmpeg("echo 'Input #0, mov' >&2; echo 'memo.m4a: Invalid data found' >&2; exit 1")

        #expect {
            try decoder.decode(folder.file("memo.m4a"), to: folder.file("out.flac")) { _ in }
        } throws: { error in
            (error as? FFmpegFailure)?.reason == "memo.m4a: Invalid data found"
        }
    }

    @Test func aDecoderThatHangsIsStopped() throws {
        let decoder = try fakeFFmpeg("exec sleep 30", stallSeconds: 0.5)
        let started = Date()

        #expect {
            try decoder.decode(folder.file("memo.m4a"), to: folder.file("out.flac")) { _ in }
        } throws: { error in
            (error as? FFmpegFailure)?.reason.contains("made no progress") == true
        }
        // Not a timing assertion: the fake would sleep 30 s; stopped, it returns long before.
        #expect(Date().timeIntervalSince(started) < 25)
    }

    @Test func progressFollowsTheDurationAndTheOutputTime() throws {
        let decoder = try fakeFFmpeg(
            """
            echo '  Duration: 00:01:40.00, start: 0.000000, bitrate: 64 kb/s' >&2
            echo 'out_time_us=50000000'; sleep 0.3; echo 'out_time_us=100000000'; sleep 0.3
            """)
        var fractions: [Double] = []

        try decoder.decode(folder.file("memo.m4a"), to: folder.file("out.flac")) { fractions.append($0) }

        #expect(fractions.contains(0.5) || fractions.contains(1.0), "\(fractions)")
        #expect(fractions.allSatisfy { (0...1).contains($0) })
    }
}
