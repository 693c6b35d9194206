import Foundation

/// Finds the header a recorder leaves when it dies before closing the file: a RIFF/WAVE whose `data` chunk
/// still says 0 bytes. libsndfile then sees no audio at all, though every sample is on disk. The repair is a
/// view of the file with the two size fields filled in from the file's real length; the file is not touched.
struct WaveHeaderRepair: Sendable {
    /// Byte ranges of the file to read differently: (offset, replacement bytes).
    let patches: [(offset: Int64, bytes: [UInt8])]
    let fileLength: Int64
    /// What the header claimed for the audio, in frames, where it claimed anything; nil for 0 bytes.
    let claimedFrameCount: Int64?

    /// The repair `path` needs, or nil when it is not a WAV with an unfinished data chunk.
    static func inspect(path: String) -> WaveHeaderRepair? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        guard let fileLength = try? handle.seekToEnd(), fileLength > 44 else { return nil }
        func read(_ count: Int, at offset: UInt64) -> [UInt8]? {
            guard (try? handle.seek(toOffset: offset)) != nil, let data = try? handle.read(upToCount: count),
                data.count == count
            else { return nil }
            return [UInt8](data)
        }
        guard let riff = read(12, at: 0), riff[0..<4] == [0x52, 0x49, 0x46, 0x46],
            riff[8..<12] == [0x57, 0x41, 0x56, 0x45]
        else { return nil }
        var offset: UInt64 = 12
        var blockAlign: Int64 = 0
        while offset + 8 <= fileLength, let header = read(8, at: offset) {
            let size = UInt64(littleEndian32(header, at: 4))
            let id = String(decoding: header[0..<4], as: UTF8.self)
            if id == "fmt ", let fmt = read(16, at: offset + 8) {
                blockAlign = Int64(fmt[12]) | Int64(fmt[13]) << 8
            }
            if id == "data" {
                let dataStart = offset + 8
                guard size == 0, fileLength > dataStart, blockAlign > 0 else { return nil }
                let dataLength = (fileLength - dataStart) / UInt64(blockAlign) * UInt64(blockAlign)
                return WaveHeaderRepair(
                    patches: [
                        (4, bytes32(UInt32(clamping: fileLength - 8))),
                        (Int64(offset + 4), bytes32(UInt32(clamping: dataLength))),
                    ],
                    fileLength: Int64(fileLength),
                    claimedFrameCount: nil)
            }
            offset += 8 + size + (size & 1)
        }
        return nil
    }

    private static func littleEndian32(_ bytes: [UInt8], at index: Int) -> UInt32 {
        UInt32(bytes[index]) | UInt32(bytes[index + 1]) << 8 | UInt32(bytes[index + 2]) << 16
            | UInt32(bytes[index + 3]) << 24
    }

    private static func bytes32(_ value: UInt32) -> [UInt8] {
        [UInt8(value & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value >> 16 & 0xFF), UInt8(value >> 24)]
    }
}
