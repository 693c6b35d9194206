import CSndfile
import Foundation
import TapescriptTestSupport
import Testing

@testable import TapescriptAudio

@Suite struct AudioExcerptTests {
    @Test func anExcerptHoldsExactlyTheRequestedFramesOfEveryChannel() throws {
        let folder = try TemporaryFolder()
        var recording = TestRecording(sampleRate: 8000, channelCount: 2, seconds: 12)
        recording.addSpeech(from: 0, to: 12, decibels: -20, channel: 0)
        recording.addNoise(decibels: -40)
        try recording.write(to: folder.file("call.wav"))
        // Longer than several blocks and not a multiple of one, so the last block is partial.
        let frames: Range<Int64> = 12_345..<(12_345 + 3 * Int64(AudioExcerpt.blockFrameCount) + 777)

        let written = try AudioExcerpt(of: folder.file("call.wav"), frames: frames).write(to: folder.file("cut.wav"))

        #expect(written == Int64(frames.count))
        let excerpt = try AudioFile(path: folder.file("cut.wav"))
        #expect(excerpt.format.frameCount == Int64(frames.count))
        #expect(excerpt.format.sampleRate == 8000)
        #expect(excerpt.format.channelCount == 2)
        #expect(excerpt.format.encoding == "Signed 16 bit PCM")
        let source = try AudioFile(path: folder.file("call.wav"))
        try source.seek(toFrame: frames.lowerBound)
        #expect(try samples(of: excerpt, frameCount: frames.count) == samples(of: source, frameCount: frames.count))
    }

    @Test func aFloatRecordingIsWrittenAsSixteenBitAndClippedAtFullScale() throws {
        let folder = try TemporaryFolder()
        var recording = TestRecording(sampleRate: 16_000, channelCount: 1, seconds: 1)
        recording.channels[0][100] = 0.5
        recording.channels[0][101] = 3
        recording.channels[0][102] = -3
        try recording.write(to: folder.file("float.wav"), format: Int32(SF_FORMAT_WAV | SF_FORMAT_FLOAT))

        try AudioExcerpt(of: folder.file("float.wav"), frames: 100..<200).write(to: folder.file("cut.wav"))

        let excerpt = try AudioFile(path: folder.file("cut.wav"))
        #expect(excerpt.format.encoding == "Signed 16 bit PCM")
        let values = try samples(of: excerpt, frameCount: 100)
        #expect(abs(Int(values[0]) - 16_384) <= 1)
        #expect(values[1] == Int16.max)
        #expect(values[2] <= Int16.min + 1)
    }

    @Test func anEndPastTheRecordingIsCutShortToIt() throws {
        let folder = try TemporaryFolder()
        try TestRecording(sampleRate: 8000, channelCount: 1, seconds: 2).write(to: folder.file("short.wav"))

        let written = try AudioExcerpt(of: folder.file("short.wav"), frames: 15_000..<90_000)
            .write(to: folder.file("cut.wav"))

        #expect(written == 1000)
        #expect(try AudioFile(path: folder.file("cut.wav")).format.frameCount == 1000)
    }

    @Test func framesOutsideTheRecordingAreRejectedAndLeaveNoFile() throws {
        let folder = try TemporaryFolder()
        try TestRecording(sampleRate: 8000, channelCount: 1, seconds: 1).write(to: folder.file("one.wav"))

        let outside = AudioExcerptError.framesOutsideRecording(
            path: folder.file("one.wav"), frames: 8000..<9000, frameCount: 8000)
        #expect(throws: outside) {
            try AudioExcerpt(of: folder.file("one.wav"), frames: 8000..<9000).write(to: folder.file("cut.wav"))
        }
        #expect(!FileManager.default.fileExists(atPath: folder.file("cut.wav")))
        let error = AudioExcerptError.framesOutsideRecording(path: "one.wav", frames: 8000..<9000, frameCount: 8000)
        #expect(error.description == "cannot cut frames 8000..<9000 from 'one.wav': it holds 8000 frames")
    }

    @Test func aMissingRecordingIsReportedAsTheSourceError() throws {
        let folder = try TemporaryFolder()
        #expect(throws: AudioExcerptError.source(.fileNotFound(path: folder.file("gone.wav")))) {
            try AudioExcerpt(of: folder.file("gone.wav"), frames: 0..<10).write(to: folder.file("cut.wav"))
        }
    }

    @Test func anUnwritableDestinationIsNamedInTheError() throws {
        let folder = try TemporaryFolder()
        try TestRecording(sampleRate: 8000, channelCount: 1, seconds: 1).write(to: folder.file("one.wav"))
        let destination = folder.file("no-such-folder/cut.wav")

        let error = try #require(throws: AudioExcerptError.self) {
            try AudioExcerpt(of: folder.file("one.wav"), frames: 0..<10).write(to: destination)
        }
        guard case .cannotCreate(let path, _) = error else {
            Issue.record("expected cannotCreate, got \(error)")
            return
        }
        #expect(path == destination)
        #expect(error.description.hasPrefix("cannot create audio file '\(destination)': "))
    }

    private func samples(of file: AudioFile, frameCount: Int) throws -> [Int16] {
        let channelCount = file.format.channelCount
        var values = [Int16](repeating: 0, count: frameCount * channelCount)
        let read = values.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress.map { file.readFrames(into: $0, frameCount: frameCount) } ?? 0
        }
        try #require(read == frameCount)
        return values
    }
}
