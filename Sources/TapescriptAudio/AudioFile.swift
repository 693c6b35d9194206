import CSndfile
import Foundation

/// A recording opened for reading through libsndfile. The handle is closed when the value goes away.
public final class AudioFile {
    public static let maximumChannelCount = 8
    /// The sample rates a recorder writes lie between telephone-band 8 kHz and 768 kHz studio formats; a header
    /// outside this (a bit flip, or a file made to hurt) would size every buffer by it.
    public static let sampleRates = 1_000...768_000

    public let path: String
    public let format: AudioFormat
    /// Set when the file is a WAV whose recorder died before finishing the header, and is read through a repair.
    let repairedHeader: WaveHeaderRepair?
    /// Read from a pipe: its header promises no length, so there is nothing to call truncated.
    let isStream: Bool
    private let handle: OpaquePointer
    // Keeps the virtual-I/O source alive as long as libsndfile reads from it.
    private let patchedReader: PatchedFileReader?

    /// Opens `path` and reads its header.
    /// - Throws: `AudioError` naming the file and the reason it cannot be read.
    public init(path: String) throws(AudioError) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw .fileNotFound(path: path)
        }
        if isDirectory.boolValue { throw .isDirectory(path: path) }
        let byteCount = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? nil
        if byteCount == 0 { throw .emptyFile(path: path) }

        var info = SF_INFO()
        var opened = sf_open(path, Int32(SFM_READ), &info)
        var repair: WaveHeaderRepair?
        var patchedReader: PatchedFileReader?
        if opened == nil || info.frames == 0, let needed = WaveHeaderRepair.inspect(path: path),
            let reader = PatchedFileReader(path: path, repair: needed)
        {
            if let opened { sf_close(opened) }
            var callbacks = PatchedFileReader.callbacks
            info = SF_INFO()
            opened = sf_open_virtual(&callbacks, Int32(SFM_READ), &info, Unmanaged.passUnretained(reader).toOpaque())
            (repair, patchedReader) = (needed, reader)
        }
        guard let handle = opened else {
            throw .unreadable(path: path, reason: Self.describeOpenFailure(sf_strerror(nil)))
        }
        let format = try Self.checkedFormat(of: info, frameCount: Int64(info.frames), name: path, closing: handle)
        guard info.frames > 0 else {
            sf_close(handle)
            throw .noAudioFrames(path: path)
        }
        self.path = path
        self.handle = handle
        self.repairedHeader = repair
        self.patchedReader = patchedReader
        self.isStream = false
        self.format = format
    }

    /// Opens a WAV arriving on a pipe (`descriptor`, left open), as ffmpeg writes one while it decodes what
    /// libsndfile cannot read. Its length is not known until it ends: `expectedSeconds` is only a guess for
    /// sizing buffers and telling progress.
    /// - Throws: `AudioError` naming `name` when no WAV header arrives or it is not one Tapescript reads.
    public init(streamingFrom descriptor: Int32, name: String, expectedSeconds: Double?) throws(AudioError) {
        var info = SF_INFO()
        guard let handle = sf_open_fd(descriptor, Int32(SFM_READ), &info, 0) else {
            throw .unreadable(path: name, reason: Self.describeOpenFailure(sf_strerror(nil)))
        }
        let guessed = Int64(max(0, min(Double(Int32.max), (expectedSeconds ?? 0) * Double(info.samplerate))))
        let format = try Self.checkedFormat(of: info, frameCount: guessed, name: name, closing: handle)
        self.path = name
        self.handle = handle
        self.repairedHeader = nil
        self.patchedReader = nil
        self.isStream = true
        self.format = format
    }

    /// The format a header declares, once its channels and rate are ones a recording has; `handle` is closed
    /// when they are not.
    private static func checkedFormat(
        of info: SF_INFO, frameCount: Int64, name: String, closing handle: OpaquePointer
    ) throws(AudioError) -> AudioFormat {
        guard info.channels >= 1, info.channels <= maximumChannelCount else {
            sf_close(handle)
            throw .tooManyChannels(path: name, channelCount: Int(info.channels))
        }
        guard sampleRates.contains(Int(info.samplerate)) else {
            sf_close(handle)
            throw .impossibleSampleRate(path: name, sampleRate: Int(info.samplerate))
        }
        return AudioFormat(
            container: formatName(info.format & Int32(SF_FORMAT_TYPEMASK)),
            encoding: formatName(info.format & Int32(SF_FORMAT_SUBMASK)),
            sampleRate: Int(info.samplerate), channelCount: Int(info.channels), frameCount: frameCount,
            sampleKind: sampleKind(subtype: info.format & Int32(SF_FORMAT_SUBMASK)))
    }

    deinit { sf_close(handle) }

    /// Reads up to `frameCount` interleaved frames into `buffer`; returns the frames read (0 at the end).
    func readFrames(into buffer: UnsafeMutablePointer<Int16>, frameCount: Int) -> Int {
        Int(sf_readf_short(handle, buffer, sf_count_t(frameCount)))
    }

    /// Reads up to `frameCount` interleaved frames into `buffer`; returns the frames read (0 at the end).
    func readFrames(into buffer: UnsafeMutablePointer<Float>, frameCount: Int) -> Int {
        Int(sf_readf_float(handle, buffer, sf_count_t(frameCount)))
    }

    /// Moves the read position to `frame`.
    func seek(toFrame frame: Int64) throws(AudioError) {
        guard sf_seek(handle, sf_count_t(frame), SEEK_SET) >= 0 else {
            throw .readFailed(path: path, reason: "cannot seek to frame \(frame)")
        }
    }

    /// The error libsndfile recorded for this handle, if any, as a sentence fragment.
    var lastErrorDescription: String? {
        sf_error(handle) == 0 ? nil : String(cString: sf_strerror(handle))
    }

    /// libsndfile's own parse log for this file: it notes header oddities such as a data chunk that
    /// claims more bytes than the file holds.
    public var parseLog: String {
        var buffer = [CChar](repeating: 0, count: 16_384)
        let written = buffer.withUnsafeMutableBufferPointer { pointer in
            sf_command(handle, Int32(SFC_GET_LOG_INFO), pointer.baseAddress, Int32(pointer.count))
        }
        guard written > 0 else { return "" }
        return String(decoding: buffer.prefix(Int(written)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Cue points (markers) stored in the file, as libsndfile reads them from WAV `cue ` or AIFF `MARK`.
    public func cuePoints() -> [RecorderMarker] {
        var count: UInt32 = 0
        guard sf_command(handle, Int32(SFC_GET_CUE_COUNT), &count, Int32(MemoryLayout<UInt32>.size)) == SF_TRUE,
            count > 0
        else { return [] }
        let cues = UnsafeMutablePointer<SF_CUES>.allocate(capacity: 1)
        defer { cues.deallocate() }
        guard sf_command(handle, Int32(SFC_GET_CUE), cues, Int32(MemoryLayout<SF_CUES>.size)) == SF_TRUE else {
            return []
        }
        let available = min(Int(cues.pointee.cue_count), 100)
        return (0..<available).compactMap { index in
            var point = tapescript_cue_point(cues, UInt32(index))
            let name = withUnsafeBytes(of: &point.name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            let frame = Int64(point.sample_offset)
            guard frame >= 0, frame <= format.frameCount else { return nil }
            return RecorderMarker(frame: frame, label: name.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        .sorted { $0.frame < $1.frame }
    }

    private static func formatName(_ format: Int32) -> String {
        var info = SF_FORMAT_INFO()
        info.format = format
        guard sf_command(nil, Int32(SFC_GET_FORMAT_INFO), &info, Int32(MemoryLayout<SF_FORMAT_INFO>.size)) == 0,
            let name = info.name
        else { return String(format: "format 0x%06X", format) }
        return String(cString: name)
    }

    private static func sampleKind(subtype: Int32) -> SampleKind {
        let floatingPointSubtypes: Set<Int32> = [
            Int32(SF_FORMAT_FLOAT), Int32(SF_FORMAT_DOUBLE), Int32(SF_FORMAT_VORBIS), Int32(SF_FORMAT_OPUS),
            Int32(SF_FORMAT_MPEG_LAYER_I), Int32(SF_FORMAT_MPEG_LAYER_II), Int32(SF_FORMAT_MPEG_LAYER_III),
        ]
        return floatingPointSubtypes.contains(subtype) ? .floatingPoint : .integer
    }

    // libsndfile's messages are terse ("Format not recognised."); say it the way a user thinks of it.
    private static func describeOpenFailure(_ message: UnsafePointer<CChar>?) -> String {
        let raw = message.map { String(cString: $0) } ?? "unknown error"
        let trimmed = raw.trimmingCharacters(in: CharacterSet(charactersIn: ". \n"))
        if trimmed.lowercased().contains("format not recognised") {
            return "not an audio file libsndfile can read (format not recognised)"
        }
        return trimmed.prefix(1).lowercased() + trimmed.dropFirst()
    }
}
