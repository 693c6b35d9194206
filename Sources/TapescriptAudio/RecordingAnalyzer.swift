import Foundation

/// Decodes a recording once. One core decodes and fingerprints each block; the other builds the level
/// envelope and the pitch track from it.
public enum RecordingAnalyzer {
    /// Frames decoded per block: large enough that libsndfile's per-call cost vanishes, small enough to stay
    /// in the second-level cache (64 Ki frames of stereo 16-bit = 256 KiB).
    static let blockFrameCount = 65_536

    /// Reads `path` from start to end.
    /// - Parameter progress: called now and then with the fraction of frames read so far.
    /// - Throws: `AudioError` when the file cannot be opened or holds no readable audio.
    public static func analyze(
        path: String, progress: (Double) -> Void = { _ in }
    ) throws(AudioError) -> RecordingAnalysis {
        let file = try AudioFile(path: path)
        let format = file.format
        let fingerprint = ContentFingerprint()
        let envelope = EnvelopeAccumulator(
            EnvelopeBuilder(
                sampleRate: format.sampleRate, channelCount: format.channelCount,
                expectedFrameCount: format.frameCount))
        var decoded: Int64 = 0
        var blocks = 0

        func produce<Sample>(_ buffer: UnsafeMutablePointer<Sample>, read: (UnsafeMutablePointer<Sample>) -> Int)
            -> Int
        {
            let frames = read(buffer)
            guard frames > 0 else { return 0 }
            fingerprint.update(buffer, count: frames * format.channelCount * MemoryLayout<Sample>.size)
            decoded += Int64(frames)
            blocks += 1
            if blocks % 64 == 0 { progress(min(1, Double(decoded) / Double(format.frameCount))) }
            return frames
        }

        switch format.sampleKind {
        case .integer:
            BlockPipeline<Int16>(blockFrameCount: blockFrameCount, channelCount: format.channelCount).run(
                produce: { buffer in
                    produce(buffer) { file.readFrames(into: $0, frameCount: blockFrameCount) }
                },
                consume: { samples, frames in envelope.builder.append(samples, frameCount: frames) })
        case .floatingPoint:
            BlockPipeline<Float>(blockFrameCount: blockFrameCount, channelCount: format.channelCount).run(
                produce: { buffer in
                    produce(buffer) { file.readFrames(into: $0, frameCount: blockFrameCount) }
                },
                consume: { samples, frames in envelope.builder.append(samples, frameCount: frames) })
        }
        progress(1)
        guard decoded > 0 else {
            throw .readFailed(path: path, reason: file.lastErrorDescription ?? "no audio frames could be decoded")
        }
        return RecordingAnalysis(
            format: format,
            envelope: envelope.builder.finish(),
            fingerprint: fingerprint.finish(
                shape: "\(format.sampleRate)Hz/\(format.channelCount)ch/\(format.sampleKind)"),
            markers: file.cuePoints(),
            decodedFrameCount: decoded,
            truncation: TruncationCheck.inspect(file: file, decodedFrameCount: decoded),
            nonFiniteSampleCount: envelope.builder.nonFiniteSampleCount
        )
    }
}

/// Holds the envelope builder while the consumer thread feeds it. Safety: only that thread touches `builder`
/// until `BlockPipeline.run` returns, after which only the caller does.
private final class EnvelopeAccumulator: @unchecked Sendable {
    var builder: EnvelopeBuilder

    init(_ builder: EnvelopeBuilder) { self.builder = builder }
}
