import CSamplerate
import Foundation

/// Stretches of one recording joined into one 16 kHz mono WAV for a speech recogniser, with a short silence
/// between them: a recogniser encodes at least 30 s per call, so many short segments are best sent together, and
/// the words it finds are mapped back to their stretch by time.
public struct SpeechWindow: Sendable, Equatable {
    /// The rate every Whisper model listens at.
    public static let sampleRate = 16_000
    /// The silence put between two stretches: long enough that a recogniser ends the sentence, short enough to
    /// cost little.
    public static let gapSeconds = 1.5

    /// One stretch: the frames of the recording, the channel to take (nil: the mix of all channels), and where
    /// it lies in the window.
    public struct Piece: Sendable, Equatable {
        public var frames: Range<Int64>
        public var channel: Int?
        /// Its start in the window, in seconds.
        public var windowStart: Double
        /// Its length in the window, in seconds.
        public var duration: Double

        public var windowRange: Range<Double> { windowStart..<(windowStart + duration) }
    }

    public var pieces: [Piece]

    /// The stretches `frames` of a recording at `sampleRate`, each from `channel` (nil for the mix), laid out one
    /// after the other with `gapSeconds` between.
    public init(stretches: [(frames: Range<Int64>, channel: Int?)], sampleRate: Int) {
        var start = 0.0
        pieces = stretches.map { stretch in
            let duration = Double(stretch.frames.count) / Double(max(1, sampleRate))
            defer { start += duration + Self.gapSeconds }
            return Piece(frames: stretch.frames, channel: stretch.channel, windowStart: start, duration: duration)
        }
    }

    /// The window's length in seconds.
    public var duration: Double { pieces.last.map { $0.windowStart + $0.duration } ?? 0 }

    /// How much earlier than a piece's start a word may be timed and still be its. Recognisers time words late
    /// more often than early.
    public static let earlyWordSeconds = 0.3

    /// The piece a word starting at `seconds` belongs to: the last one started by then. A word timed in the silence
    /// after a piece is that piece's last word, timed late, as recognisers do at the end of a sentence.
    public func piece(startingWordAt seconds: Double) -> Int? {
        guard !pieces.isEmpty else { return nil }
        return pieces.lastIndex { $0.windowStart <= seconds + Self.earlyWordSeconds } ?? 0
    }

    /// Writes the window as a 16 kHz mono 16-bit WAV at `destinationPath` (created readable by the user alone),
    /// reading the recording at `sourcePath` in blocks: memory stays constant however long the window.
    /// - Throws: `AudioExcerptError` when the recording cannot be read or the file cannot be written; nothing is
    ///   left at `destinationPath` then.
    public func write(from sourcePath: String, to destinationPath: String) throws(AudioExcerptError) {
        let source: AudioFile
        do { source = try AudioFile(path: sourcePath) } catch { throw .source(error) }
        let writer = try AudioFileWriter(path: destinationPath, sampleRate: Self.sampleRate, channelCount: 1)
        var succeeded = false
        defer {
            if !succeeded {
                do { try writer.finish() } catch {}
                unlink(destinationPath)
            }
        }
        let resampler = try SpeechResampler(fromRate: source.format.sampleRate, path: sourcePath)
        let gapFrames = Int(Self.gapSeconds * Double(Self.sampleRate))
        for (index, piece) in pieces.enumerated() {
            if index > 0 { try Self.writeSilence(frameCount: gapFrames, to: writer) }
            let expected = Int((piece.duration * Double(Self.sampleRate)).rounded())
            let written = try resampler.convert(piece, from: source, path: sourcePath) {
                (buffer, count) throws(AudioExcerptError) in
                try writer.write(buffer, frameCount: count)
            }
            // The resampler's output can differ from the exact length by a frame or two; pad so that every later
            // piece starts where `windowStart` says.
            if written < expected {
                try Self.writeSilence(frameCount: expected - written, to: writer)

            }
        }
        try writer.finish()
        succeeded = true
    }

    private static func writeSilence(frameCount: Int, to writer: AudioFileWriter) throws(AudioExcerptError) {
        guard frameCount > 0 else { return }
        let zeros = UnsafeMutablePointer<Float>.allocate(capacity: frameCount)
        defer { zeros.deallocate() }
        zeros.initialize(repeating: 0, count: frameCount)
        try writer.write(zeros, frameCount: frameCount)
    }
}

/// libsamplerate's converter, taking one channel (or the mix) of a recording's frames to 16 kHz mono.
private final class SpeechResampler {
    static let blockFrameCount = 8_192
    let ratio: Double
    let state: OpaquePointer

    init(fromRate rate: Int, path: String) throws(AudioExcerptError) {
        var error: Int32 = 0
        guard let state = src_new(Int32(SRC_SINC_FASTEST), 1, &error) else {
            throw .source(.readFailed(path: path, reason: String(cString: src_strerror(error))))
        }
        self.state = state
        ratio = Double(SpeechWindow.sampleRate) / Double(rate)
    }

    deinit { src_delete(state) }

    /// Converts `piece`'s frames, handing each block of output to `emit` (pointer, frame count); returns the
    /// frames emitted. A recording that ends early gives a shorter piece.
    func convert(
        _ piece: SpeechWindow.Piece, from source: AudioFile, path: String,
        emit: (UnsafePointer<Float>, Int) throws(AudioExcerptError) -> Void
    ) throws(AudioExcerptError) -> Int {
        src_reset(state)
        do { try source.seek(toFrame: piece.frames.lowerBound) } catch { throw .source(error) }
        let channels = source.format.channelCount
        let end = min(piece.frames.upperBound, source.format.frameCount)
        let frames = UnsafeMutablePointer<Float>.allocate(capacity: Self.blockFrameCount * channels)
        let mono = UnsafeMutablePointer<Float>.allocate(capacity: Self.blockFrameCount)
        let outputCapacity = Int(Double(Self.blockFrameCount) * ratio) + 64
        let output = UnsafeMutablePointer<Float>.allocate(capacity: outputCapacity)
        defer {
            frames.deallocate()
            mono.deallocate()
            output.deallocate()
        }
        var position = piece.frames.lowerBound
        var emitted = 0
        var finished = false
        while !finished {
            let wanted = Int(min(Int64(Self.blockFrameCount), max(0, end - position)))
            let read = wanted > 0 ? source.readFrames(into: frames, frameCount: wanted) : 0
            if read == 0, wanted > 0, let reason = source.lastErrorDescription {
                throw .source(.readFailed(path: path, reason: reason))
            }
            position += Int64(read)
            for frame in 0..<read {
                if let channel = piece.channel, channel < channels {
                    mono[frame] = frames[frame * channels + channel]
                } else {
                    var sum: Float = 0
                    for channel in 0..<channels { sum += frames[frame * channels + channel] }
                    mono[frame] = sum / Float(channels)
                }
            }
            let last = read == 0 || position >= end
            var consumed = 0
            repeat {
                var data = SRC_DATA()
                data.data_in = UnsafePointer(mono + consumed)
                data.input_frames = read - consumed
                data.data_out = output
                data.output_frames = outputCapacity
                data.src_ratio = ratio
                data.end_of_input = last ? 1 : 0
                let status = src_process(state, &data)
                guard status == 0 else {
                    throw .source(.readFailed(path: path, reason: String(cString: src_strerror(status))))
                }
                consumed += data.input_frames_used
                if data.output_frames_gen > 0 {
                    try emit(output, data.output_frames_gen)
                    emitted += data.output_frames_gen
                }
                // At the end of input the converter drains its filter over several calls until it gives nothing.
                if last, data.output_frames_gen == 0, consumed >= read { finished = true }
            } while consumed < read || (last && !finished)
        }
        return emitted
    }
}
