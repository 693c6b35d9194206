import Foundation

/// Highlight audio: stretches of a recording written out as one file, each faded in and out so that it starts and
/// ends without a click, with silence between stretches.
///
/// Each stretch is widened by the fade on both sides (within the recording), so the fades fall on the pause around
/// the speech rather than on its first and last syllables.
public struct AudioClip: Sendable, Equatable {
    public var sourcePath: String
    /// The stretches, in the order they are heard.
    public var pieces: [Range<Int64>]
    public var fadeSeconds: Double
    public var gapSeconds: Double

    public init(of sourcePath: String, pieces: [Range<Int64>], fadeSeconds: Double = 0.05, gapSeconds: Double = 1) {
        self.sourcePath = sourcePath
        self.pieces = pieces
        self.fadeSeconds = fadeSeconds
        self.gapSeconds = gapSeconds
    }

    /// Writes the clip to `destinationPath` in `format`, replacing any file there, readable by its owner alone,
    /// and returns its length in frames. Memory stays at one block however long the clip. Nothing is left at
    /// `destinationPath` when writing fails.
    /// - Throws: `AudioExcerptError` when the recording cannot be read, a piece lies outside it, or the file
    ///   cannot be written (this libsndfile cannot write the format at the recording's rate, say).
    @discardableResult
    public func write(to destinationPath: String, format: ClipFormat) throws(AudioExcerptError) -> Int64 {
        let source: AudioFile
        do { source = try AudioFile(path: sourcePath) } catch { throw .source(error) }
        let recording = source.format
        let fadeFrames = Int64((fadeSeconds * Double(recording.sampleRate)).rounded())
        let gapFrames = Int64((gapSeconds * Double(recording.sampleRate)).rounded())
        let stretches = try pieces.map { piece throws(AudioExcerptError) in
            guard piece.lowerBound >= 0, piece.lowerBound < piece.upperBound,
                piece.lowerBound < recording.frameCount
            else {
                throw .framesOutsideRecording(path: sourcePath, frames: piece, frameCount: recording.frameCount)
            }
            return max(0, piece.lowerBound - fadeFrames)..<min(recording.frameCount, piece.upperBound + fadeFrames)
        }
        let writer = try AudioFileWriter(
            path: destinationPath, sampleRate: recording.sampleRate, channelCount: recording.channelCount,
            format: format)
        var succeeded = false
        defer {
            if !succeeded { AudioExcerpt.discard(writer) }
        }
        let channelCount = recording.channelCount
        let buffer = UnsafeMutablePointer<Float>.allocate(capacity: AudioExcerpt.blockFrameCount * channelCount)
        defer { buffer.deallocate() }
        var written: Int64 = 0
        for (number, stretch) in stretches.enumerated() {
            if number > 0, gapFrames > 0 {
                written += try writeSilence(gapFrames, to: writer, buffer: buffer, channelCount: channelCount)
            }
            do { try source.seek(toFrame: stretch.lowerBound) } catch { throw .source(error) }
            let length = stretch.upperBound - stretch.lowerBound
            let fade = min(fadeFrames, length / 2)
            var done: Int64 = 0
            while done < length {
                let wanted = Int(min(Int64(AudioExcerpt.blockFrameCount), length - done))
                let read = source.readFrames(into: buffer, frameCount: wanted)
                guard read > 0 else {
                    if let reason = source.lastErrorDescription {
                        throw .source(.readFailed(path: sourcePath, reason: reason))
                    }
                    break  // the data ends early: the clip is as long as the recording allows
                }
                Self.applyFades(
                    to: buffer, frames: read, channelCount: channelCount, firstFrame: done, length: length,
                    fade: fade)
                try writer.write(buffer, frameCount: read)
                done += Int64(read)
            }
            written += done
        }
        try writer.finish()
        succeeded = true
        return written
    }

    private func writeSilence(
        _ frames: Int64, to writer: AudioFileWriter, buffer: UnsafeMutablePointer<Float>, channelCount: Int
    ) throws(AudioExcerptError) -> Int64 {
        buffer.update(repeating: 0, count: AudioExcerpt.blockFrameCount * channelCount)
        var left = frames
        while left > 0 {
            let count = Int(min(Int64(AudioExcerpt.blockFrameCount), left))
            try writer.write(buffer, frameCount: count)
            left -= Int64(count)
        }
        return frames
    }

    /// Scales the frames at `firstFrame…` of a stretch of `length` frames by a raised-cosine ramp over the first
    /// and last `fade` frames: smooth at both ends, so neither edge clicks.
    static func applyFades(
        to buffer: UnsafeMutablePointer<Float>, frames: Int, channelCount: Int, firstFrame: Int64, length: Int64,
        fade: Int64
    ) {
        guard fade > 0 else { return }
        for frame in 0..<frames {
            let position = firstFrame + Int64(frame)
            let distance = min(position, length - 1 - position)
            guard distance < fade else { continue }
            let gain = Float(0.5 - 0.5 * cos(Double.pi * (Double(distance) + 0.5) / Double(fade)))
            for channel in 0..<channelCount { buffer[frame * channelCount + channel] *= gain }
        }
    }
}
