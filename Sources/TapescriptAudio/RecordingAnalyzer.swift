import Foundation
import TapescriptKernels

/// Decodes a recording once. One core decodes, fingerprints and decimates each block (and, for mono, takes
/// the voiceprint); the other builds the level envelope and the pitch track from the decimated voice band.
public enum RecordingAnalyzer {
    /// Windows decoded per block: about 1.3 s, large enough that libsndfile's per-call cost vanishes, small
    /// enough to stay in the second-level cache.
    static let blockWindowCount = 128

    /// Reads `path` from start to end.
    /// - Parameter progress: called now and then with the fraction of frames read so far.
    /// - Throws: `AudioError` when the file cannot be opened or holds no readable audio.
    public static func analyze(
        path: String, progress: (Double) -> Void = { _ in }
    ) throws(AudioError) -> RecordingAnalysis {
        try analyze(try AudioFile(path: path), progress: progress)
    }

    /// Reads `file` from where it is to its end: a file on disk, or a WAV arriving on a pipe.
    public static func analyze(
        _ file: AudioFile, progress: (Double) -> Void = { _ in }
    ) throws(AudioError) -> RecordingAnalysis {
        let path = file.path
        let format = file.format
        let channels = format.channelCount
        let fingerprint = ContentFingerprint()
        let envelope = EnvelopeAccumulator(
            EnvelopeBuilder(
                sampleRate: format.sampleRate, channelCount: channels, expectedFrameCount: format.frameCount))
        let decimator = envelope.builder.decimator
        // Only one channel needs telling its speakers apart by voice: on a call, each has a channel.
        let voiceprinter =
            channels == 1
            ? VoiceprintBuilder(sampleRate: format.sampleRate, expectedFrameCount: format.frameCount) : nil
        // Whole windows per block, so every block but the last decimates into whole groups.
        let blockFrameCount = envelope.builder.windowFrameCount * blockWindowCount
        let pipeline = BlockPipeline<Float>(
            blockFrameCount: blockFrameCount / decimator.decimation + 1, channelCount: channels)
        var decoded: Int64 = 0
        var nonFinite = 0
        var blocks = 0

        func note(_ frames: Int) {
            decoded += Int64(frames)
            blocks += 1
            if blocks % 16 == 0 { progress(min(1, Double(decoded) / Double(max(1, format.frameCount)))) }
        }

        /// One pass with samples read as `Sample`: read a block, hash it, decimate it for the other core.
        func pass<Sample>(
            _: Sample.Type, read: (UnsafeMutablePointer<Sample>, Int) -> Int,
            voice: (UnsafePointer<Sample>, Int) -> Void,
            decimate: (UnsafePointer<Sample>, Int, UnsafeMutablePointer<Float>) -> Int
        ) {
            let block = UnsafeMutablePointer<Sample>.allocate(capacity: blockFrameCount * channels)
            defer { block.deallocate() }
            pipeline.run(
                produce: { output in
                    let frames = fill(block, frameCount: blockFrameCount, channelCount: channels, read: read)
                    guard frames > 0 else { return 0 }
                    fingerprint.update(block, count: frames * channels * MemoryLayout<Sample>.size)
                    note(frames)
                    voice(block, frames)
                    return decimate(block, frames, output)
                },
                consume: { frames, count in envelope.builder.append(decimated: frames, frameCount: count) })
        }

        switch format.sampleKind {
        case .integer:
            pass(
                Int16.self, read: { file.readFrames(into: $0, frameCount: $1) },
                voice: { voiceprinter?.append($0, count: $1) }
            ) { block, frames, output in
                decimator.decimate(block, frameCount: frames, into: output)
            }
        case .floatingPoint:
            pass(
                Float.self, read: { file.readFrames(into: $0, frameCount: $1) },
                voice: { voiceprinter?.append($0, count: $1) }
            ) { block, frames, output in
                let result = decimator.decimate(block, frameCount: frames, into: output)
                nonFinite += result.nonFiniteSamples
                return result.frames
            }
        }
        progress(1)
        guard decoded > 0 else {
            throw .readFailed(path: path, reason: file.lastErrorDescription ?? "no audio frames could be decoded")
        }
        return RecordingAnalysis(
            format: format,
            envelope: envelope.builder.finish(voiceprint: voiceprinter?.finish()),
            fingerprint: fingerprint.finish(shape: "\(format.sampleRate)Hz/\(channels)ch/\(format.sampleKind)"),
            markers: file.cuePoints(),
            decodedFrameCount: decoded,
            truncation: file.isStream ? nil : TruncationCheck.inspect(file: file, decodedFrameCount: decoded),
            nonFiniteSampleCount: nonFinite
        )
    }

    /// Reads until the block is full or the file ends: every block but the last then holds whole windows.
    private static func fill<Sample>(
        _ block: UnsafeMutablePointer<Sample>, frameCount: Int, channelCount: Int,
        read: (UnsafeMutablePointer<Sample>, Int) -> Int
    ) -> Int {
        var filled = 0
        while filled < frameCount {
            let got = read(block + filled * channelCount, frameCount - filled)
            guard got > 0 else { break }
            filled += got
        }
        return filled
    }
}

/// Holds the envelope builder while the consumer thread feeds it. Safety: only that thread touches `builder`
/// until `BlockPipeline.run` returns, after which only the caller does.
private final class EnvelopeAccumulator: @unchecked Sendable {
    var builder: EnvelopeBuilder

    init(_ builder: EnvelopeBuilder) { self.builder = builder }
}
