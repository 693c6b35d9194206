import CSndfile
import Foundation

/// An audio file opened for writing through libsndfile: a 16-bit PCM WAV unless told otherwise. `finish()`
/// completes the header; a writer that goes away unfinished still closes its handle.
final class AudioFileWriter {
    let path: String
    let channelCount: Int
    private var handle: OpaquePointer?
    private let descriptor: Int32

    /// Creates (or truncates) `path` in `format` with the given shape.
    /// - Throws: `AudioExcerptError.cannotCreate` with libsndfile's reason, or when this libsndfile cannot
    ///   write that format at that rate and channel count.
    init(
        path: String, sampleRate: Int, channelCount: Int, format: ClipFormat = .wav
    ) throws(AudioExcerptError) {
        var info = SF_INFO()
        info.samplerate = Int32(sampleRate)
        info.channels = Int32(channelCount)
        info.format = format.libsndfileFormat
        guard sf_format_check(&info) == SF_TRUE else {
            throw .cannotCreate(
                path: path,
                reason: "this libsndfile cannot write \(format.name) at \(sampleRate) Hz with \(channelCount) channels")
        }
        // An excerpt is the interview's audio: the file is made readable by its owner alone (libsndfile's own
        // open would leave that to the umask).
        let descriptor = open(path, O_CREAT | O_TRUNC | O_WRONLY | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw .cannotCreate(path: path, reason: String(cString: strerror(errno)))
        }
        // libsndfile is told not to close the descriptor, so that it is closed exactly once, here.
        guard let handle = sf_open_fd(descriptor, Int32(SFM_WRITE), &info, Int32(SF_FALSE)) else {
            close(descriptor)
            throw .cannotCreate(path: path, reason: Self.describe(sf_strerror(nil)))
        }
        // Float sources may exceed full scale; without clipping libsndfile wraps them into loud clicks.
        sf_command(handle, Int32(SFC_SET_CLIPPING), nil, Int32(SF_TRUE))
        if var quality = format.encodingQuality {
            sf_command(handle, Int32(SFC_SET_VBR_ENCODING_QUALITY), &quality, Int32(MemoryLayout<Double>.size))
        }
        self.path = path
        self.channelCount = channelCount
        self.handle = handle
        self.descriptor = descriptor
    }

    deinit {
        if let handle { sf_close(handle) }
        close(descriptor)
    }

    /// Appends `frameCount` interleaved frames from `buffer`.
    /// - Throws: `AudioExcerptError.writeFailed` when libsndfile writes fewer frames (a full disk, say).
    func write(_ buffer: UnsafePointer<Int16>, frameCount: Int) throws(AudioExcerptError) {
        let written = sf_writef_short(try openHandle(), buffer, sf_count_t(frameCount))
        try check(written: written, expected: frameCount)
    }

    /// Appends `frameCount` interleaved frames from `buffer`, clipped to full scale.
    /// - Throws: `AudioExcerptError.writeFailed` when libsndfile writes fewer frames.
    func write(_ buffer: UnsafePointer<Float>, frameCount: Int) throws(AudioExcerptError) {
        let written = sf_writef_float(try openHandle(), buffer, sf_count_t(frameCount))
        try check(written: written, expected: frameCount)
    }

    /// Writes the final header and closes the file.
    /// - Throws: `AudioExcerptError.writeFailed` when the close fails.
    func finish() throws(AudioExcerptError) {
        guard let handle else { return }
        self.handle = nil
        let status = sf_close(handle)
        guard status == 0 else {
            throw .writeFailed(path: path, reason: Self.describe(sf_error_number(status)))
        }
    }

    private func openHandle() throws(AudioExcerptError) -> OpaquePointer {
        guard let handle else { throw .writeFailed(path: path, reason: "the file is already closed") }
        return handle
    }

    private func check(written: sf_count_t, expected: Int) throws(AudioExcerptError) {
        guard written == expected else {
            let reason = handle.map { Self.describe(sf_strerror($0)) } ?? "short write"
            throw .writeFailed(path: path, reason: "wrote \(written) of \(expected) frames (\(reason))")
        }
    }

    private static func describe(_ message: UnsafePointer<CChar>?) -> String {
        let raw = message.map { String(cString: $0) } ?? "unknown error"
        let trimmed = raw.trimmingCharacters(in: [".", " ", "\n"])
        return trimmed.prefix(1).lowercased() + trimmed.dropFirst()
    }
}
