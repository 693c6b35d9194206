import Foundation

/// Decodes a recording once, feeding every block to both the level envelope and the content fingerprint.
public enum RecordingAnalyzer {
    /// Frames decoded per block: large enough that libsndfile's per-call cost vanishes, small enough to stay
    /// in cache (64 Ki frames of 8 channels of 16-bit = 1 MiB).
    static let blockFrameCount = 65_536

    /// Reads `path` from start to end.
    /// - Parameter progress: called now and then with the fraction of frames read so far.
    /// - Throws: `AudioError` when the file cannot be opened or holds no readable audio.
    public static func analyze(
        path: String, progress: (Double) -> Void = { _ in }
    ) throws(AudioError) -> RecordingAnalysis {
        let file = try AudioFile(path: path)
        let format = file.format
        let channels = format.channelCount
        var builder = EnvelopeBuilder(
            sampleRate: format.sampleRate, channelCount: channels, expectedFrameCount: format.frameCount)
        let fingerprint = ContentFingerprint()
        var decoded: Int64 = 0
        var blocksSinceReport = 0

        func reportProgress() {
            blocksSinceReport += 1
            if blocksSinceReport == 32 {
                blocksSinceReport = 0
                progress(min(1, Double(decoded) / Double(format.frameCount)))
            }
        }

        switch format.sampleKind {
        case .integer:
            let buffer = UnsafeMutablePointer<Int16>.allocate(capacity: blockFrameCount * channels)
            defer { buffer.deallocate() }
            while true {
                let frames = file.readFrames(into: buffer, frameCount: blockFrameCount)
                guard frames > 0 else { break }
                builder.append(buffer, frameCount: frames)
                fingerprint.update(buffer, count: frames * channels * MemoryLayout<Int16>.size)
                decoded += Int64(frames)
                reportProgress()
            }
        case .floatingPoint:
            let buffer = UnsafeMutablePointer<Float>.allocate(capacity: blockFrameCount * channels)
            defer { buffer.deallocate() }
            while true {
                let frames = file.readFrames(into: buffer, frameCount: blockFrameCount)
                guard frames > 0 else { break }
                builder.append(buffer, frameCount: frames)
                fingerprint.update(buffer, count: frames * channels * MemoryLayout<Float>.size)
                decoded += Int64(frames)
                reportProgress()
            }
        }
        progress(1)
        guard decoded > 0 else {
            throw .readFailed(path: path, reason: file.lastErrorDescription ?? "no audio frames could be decoded")
        }
        let truncation = TruncationCheck.inspect(file: file, decodedFrameCount: decoded)
        return RecordingAnalysis(
            format: format,
            envelope: builder.finish(),
            fingerprint: fingerprint.finish(shape: "\(format.sampleRate)Hz/\(channels)ch/\(format.sampleKind)"),
            markers: file.cuePoints(),
            decodedFrameCount: decoded,
            truncation: truncation,
            nonFiniteSampleCount: builder.nonFiniteSampleCount
        )
    }
}
