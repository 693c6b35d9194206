import Foundation

/// The central directory of a ZIP archive, read with every offset and length checked against the bytes there
/// are. ZIPFoundation trusts those fields and traps on an archive whose directory lies about them, so a .docx
/// from outside is read through here first: only an archive whose entries all lie inside it, are stored or
/// deflated, and inflate to a bounded size is handed over.
struct ZipDirectory {
    struct Entry {
        var path: String
        var compressionMethod: UInt16
        var compressedSize: Int
        var uncompressedSize: Int
        var localHeaderOffset: Int
    }

    /// Why the directory cannot be trusted.
    enum Damage: Error, Equatable {
        case noEndRecord
        case outOfBounds
        case tooManyEntries
        case unsupported
    }

    /// More entries than any word processor writes; a directory claiming more is not worth walking.
    static let maximumEntryCount = 10_000

    let entries: [Entry]

    /// - Throws: `Damage` when the end record is missing, a field points outside the data, or an entry uses
    ///   ZIP64, encryption or a compression other than deflate.
    init(_ data: Data) throws(Damage) {
        let bytes = [UInt8](data)
        guard let end = Self.endRecordOffset(in: bytes) else { throw .noEndRecord }
        // ZIPFoundation reads the comment the end record announces; cut short, it sees no end record at all and, on an
        // archive in memory, throws without closing what it opened (the FILE and a copy of the archive leak).
        guard Int(Self.uint16(bytes, end + 20)) <= bytes.count - end - 22 else { throw .noEndRecord }
        let count = Int(Self.uint16(bytes, end + 10))
        let directorySize = Int(Self.uint32(bytes, end + 12))
        let directoryOffset = Int(Self.uint32(bytes, end + 16))
        guard count <= Self.maximumEntryCount else { throw .tooManyEntries }
        guard directoryOffset <= end, directorySize <= end - directoryOffset else { throw .outOfBounds }
        var entries: [Entry] = []
        var cursor = directoryOffset
        for _ in 0..<count {
            guard cursor + 46 <= end, Self.uint32(bytes, cursor) == 0x0201_4B50 else { throw .outOfBounds }
            let flags = Self.uint16(bytes, cursor + 8)
            let method = Self.uint16(bytes, cursor + 10)
            let compressed = Self.uint32(bytes, cursor + 20)
            let uncompressed = Self.uint32(bytes, cursor + 24)
            let nameLength = Int(Self.uint16(bytes, cursor + 28))
            let extraLength = Int(Self.uint16(bytes, cursor + 30))
            let commentLength = Int(Self.uint16(bytes, cursor + 32))
            let localOffset = Self.uint32(bytes, cursor + 42)
            // Encrypted entries, and ZIP64's 0xFFFFFFFF placeholders: no .docx an author saves needs either.
            guard flags & 1 == 0, method == 0 || method == 8,
                compressed != .max, uncompressed != .max, localOffset != .max
            else { throw .unsupported }
            let nameStart = cursor + 46
            guard nameStart + nameLength + extraLength + commentLength <= end else { throw .outOfBounds }
            let local = Int(localOffset)
            guard local + 30 <= directoryOffset, Self.uint32(bytes, local) == 0x0403_4B50 else { throw .outOfBounds }
            let localNameLength = Int(Self.uint16(bytes, local + 26))
            let localExtraLength = Int(Self.uint16(bytes, local + 28))
            let dataStart = local + 30 + localNameLength + localExtraLength
            guard dataStart <= directoryOffset, Int(compressed) <= directoryOffset - dataStart else {
                throw .outOfBounds
            }
            entries.append(
                Entry(
                    path: String(decoding: bytes[nameStart..<(nameStart + nameLength)], as: UTF8.self),
                    compressionMethod: method, compressedSize: Int(compressed), uncompressedSize: Int(uncompressed),
                    localHeaderOffset: local))
            cursor = nameStart + nameLength + extraLength + commentLength
        }
        self.entries = entries
    }

    /// The end-of-central-directory record: 22 bytes, within the last 64 KiB (its comment is at most that long).
    private static func endRecordOffset(in bytes: [UInt8]) -> Int? {
        guard bytes.count >= 22 else { return nil }
        let lowest = max(0, bytes.count - 22 - 0xFFFF)
        for offset in stride(from: bytes.count - 22, through: lowest, by: -1) where uint32(bytes, offset) == 0x0605_4B50
        {
            return offset
        }
        return nil
    }

    private static func uint16(_ bytes: [UInt8], _ offset: Int) -> UInt16 {
        UInt16(bytes[offset]) | UInt16(bytes[offset + 1]) << 8
    }

    private static func uint32(_ bytes: [UInt8], _ offset: Int) -> UInt32 {
        UInt32(uint16(bytes, offset)) | UInt32(uint16(bytes, offset + 2)) << 16
    }
}
