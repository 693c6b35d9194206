import Foundation
import Testing

@testable import TapescriptDocx

/// Archives made to hurt: a directory that lies about where things are, and text that inflates without end. Each
/// is one clear error, read in bounded memory, never a trap inside the zip library.
@Suite struct HostileDocxTests {
    /// A written draft with `patch` applied to its central directory: `entry` counts from 0, `field` is the byte
    /// offset inside the 46-byte central header.
    static func patched(entry: Int? = nil, field: Int, value: UInt32) throws -> Data {
        var bytes = [UInt8](try DocxRoundTripTests.writtenDocument())
        let end = try #require(
            stride(from: bytes.count - 22, through: 0, by: -1).first {
                bytes[$0] == 0x50 && bytes[$0 + 1] == 0x4B && bytes[$0 + 2] == 5 && bytes[$0 + 3] == 6
            })
        var offset = end
        if let entry {
            offset = Int(read32(bytes, end + 16))
            for _ in 0..<entry {
                offset +=
                    46 + Int(read16(bytes, offset + 28)) + Int(read16(bytes, offset + 30))
                    + Int(read16(bytes, offset + 32))
            }
        }
        for index in 0..<4 { bytes[offset + field + index] = UInt8(truncatingIfNeeded: value >> (8 * index)) }
        return Data(bytes)
    }

    static func read16(_ bytes: [UInt8], _ at: Int) -> UInt16 { UInt16(bytes[at]) | UInt16(bytes[at + 1]) << 8 }
    static func read32(_ bytes: [UInt8], _ at: Int) -> UInt32 {
        UInt32(read16(bytes, at)) | UInt32(read16(bytes, at + 2)) << 16
    }

    @Test func aDirectoryPastTheEndOfTheFileIsDamageNotACrash() throws {
        let data = try Self.patched(field: 16, value: 1_000_000)
        #expect(throws: DocxError.notADocx(reason: .truncatedOrDamaged)) { try DocxReader.paragraphs(from: data) }
    }

    @Test(arguments: [0, 2])
    func anEntryWhoseLocalHeaderLiesOutsideTheArchiveIsDamage(entry: Int) throws {
        let data = try Self.patched(entry: entry, field: 42, value: 0x7FFF_FFF0)
        #expect(throws: DocxError.notADocx(reason: .truncatedOrDamaged)) { try DocxReader.paragraphs(from: data) }
    }

    @Test func anEntryLongerThanTheArchiveIsDamage() throws {
        let data = try Self.patched(entry: 2, field: 20, value: 0x00FF_FFFF)
        #expect(throws: DocxError.notADocx(reason: .truncatedOrDamaged)) { try DocxReader.paragraphs(from: data) }
    }

    @Test func aDocumentThatInflatesPastTheLimitIsRefusedWhateverItsHeaderSays() throws {
        // 20 MiB of spaces deflate to about 20 KB.
        let spaces = String(repeating: " ", count: 20 << 20)
        let bomb = try DocxWriter.package([("word/document.xml", "<w:document>" + spaces + "</w:document>")])

        #expect(throws: DocxError.documentTooLarge(limitBytes: DocxReader.maximumDocumentBytes)) {
            try DocxReader.paragraphs(from: bomb)
        }
        var lying = [UInt8](bomb)
        let end = try #require(
            stride(from: lying.count - 22, through: 0, by: -1).first { lying[$0 + 3] == 6 && lying[$0 + 2] == 5 })
        let directory = Int(Self.read32(lying, end + 16))
        for index in 0..<4 { lying[directory + 24 + index] = index == 0 ? 100 : 0 }
        #expect(throws: DocxError.documentTooLarge(limitBytes: DocxReader.maximumDocumentBytes)) {
            try DocxReader.paragraphs(from: Data(lying))
        }
    }
}
