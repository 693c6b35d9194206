import Foundation

/// A stretch of a recording, written out as a 16-bit PCM WAV with the recording's rate and channels, for an
/// external player to play.
public struct AudioExcerpt: Sendable, Equatable {
    /// Frames copied per read and write: memory stays constant however long the excerpt.
    public static let blockFrameCount = 16_384

    public var sourcePath: String
    public var frames: Range<Int64>

    /// The frames `frames` of the recording at `sourcePath`.
    public init(of sourcePath: String, frames: Range<Int64>) {
        self.sourcePath = sourcePath
        self.frames = frames
    }

    /// Writes the excerpt to `destinationPath`, replacing any file there, and returns the frames written. An end
    /// past the recording's last frame is cut short to it; a file whose data ends early gives a shorter excerpt.
    /// Nothing is left at `destinationPath` when writing fails.
    /// - Throws: `AudioExcerptError` when the recording cannot be read, `frames` starts outside it or is
    ///   empty, or the destination cannot be written.
    @discardableResult
    public func write(to destinationPath: String) throws(AudioExcerptError) -> Int64 {
        let source: AudioFile
        do { source = try AudioFile(path: sourcePath) } catch { throw .source(error) }
        let format = source.format
        let end = min(frames.upperBound, format.frameCount)
        guard frames.lowerBound >= 0, frames.lowerBound < end else {
            throw .framesOutsideRecording(path: sourcePath, frames: frames, frameCount: format.frameCount)
        }
        do { try source.seek(toFrame: frames.lowerBound) } catch { throw .source(error) }

        let writer = try AudioFileWriter(
            path: destinationPath, sampleRate: format.sampleRate, channelCount: format.channelCount)
        var succeeded = false
        defer {
            if !succeeded { Self.discard(writer) }
        }
        let frameCount = end - frames.lowerBound
        let copied: Int64
        // Integer encodings go through libsndfile's 16-bit path bit for bit; float ones are scaled and clipped.
        switch format.sampleKind {
        case .integer: copied = try copy(from: source, to: writer, frameCount: frameCount, as: Int16.self)
        case .floatingPoint: copied = try copy(from: source, to: writer, frameCount: frameCount, as: Float.self)
        }
        try writer.finish()
        succeeded = true
        return copied
    }

    private func copy<Sample: AudioSample>(
        from source: AudioFile, to writer: AudioFileWriter, frameCount: Int64, as _: Sample.Type
    ) throws(AudioExcerptError) -> Int64 {
        let channelCount = source.format.channelCount
        let buffer = UnsafeMutablePointer<Sample>.allocate(capacity: Self.blockFrameCount * channelCount)
        defer { buffer.deallocate() }
        var copied: Int64 = 0
        while copied < frameCount {
            let wanted = Int(min(Int64(Self.blockFrameCount), frameCount - copied))
            let read = Sample.read(from: source, into: buffer, frameCount: wanted)
            guard read > 0 else {
                if let reason = source.lastErrorDescription {
                    throw .source(.readFailed(path: sourcePath, reason: reason))
                }
                break
            }
            try Sample.write(to: writer, from: buffer, frameCount: read)
            copied += Int64(read)
        }
        return copied
    }

    static func discard(_ writer: AudioFileWriter) {
        // The write has already failed and that error is what the caller sees; a half-written excerpt is
        // removed as well as it can be, and a failure to remove it adds nothing the caller could act on.
        do { try writer.finish() } catch {}
        unlink(writer.path)
    }
}

/// The two sample types libsndfile reads and writes for an excerpt.
private protocol AudioSample {
    static func read(from file: AudioFile, into buffer: UnsafeMutablePointer<Self>, frameCount: Int) -> Int
    static func write(
        to writer: AudioFileWriter, from buffer: UnsafePointer<Self>, frameCount: Int
    ) throws(AudioExcerptError)
}

extension Int16: AudioSample {
    fileprivate static func read(
        from file: AudioFile, into buffer: UnsafeMutablePointer<Int16>, frameCount: Int
    ) -> Int {
        file.readFrames(into: buffer, frameCount: frameCount)
    }

    fileprivate static func write(
        to writer: AudioFileWriter, from buffer: UnsafePointer<Int16>, frameCount: Int
    ) throws(AudioExcerptError) {
        try writer.write(buffer, frameCount: frameCount)
    }
}

extension Float: AudioSample {
    fileprivate static func read(
        from file: AudioFile, into buffer: UnsafeMutablePointer<Float>, frameCount: Int
    ) -> Int {
        file.readFrames(into: buffer, frameCount: frameCount)
    }

    fileprivate static func write(
        to writer: AudioFileWriter, from buffer: UnsafePointer<Float>, frameCount: Int
    ) throws(AudioExcerptError) {
        try writer.write(buffer, frameCount: frameCount)
    }
}
