import Foundation
import Testing

@testable import TapescriptDocx

/// Inputs `make fuzz` found, kept in Fixtures/fuzz/ (the fuzzer's artifact, minimised or rebuilt by hand).
@Suite struct FuzzRegressionTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/fuzz")

    static func fixture(_ name: String) throws -> Data {
        try Data(contentsOf: fixtures.appendingPathComponent(name))
    }

    // An end record whose comment length runs past the end of the file. ZIPFoundation then finds no end record,
    // and its in-memory archive throws without closing the FILE it opened: the FILE and a copy of the whole archive
    // leak (LeakSanitizer's finding). It has to be refused before ZIPFoundation sees it.
    @Test func anEndRecordWhoseCommentRunsPastTheEndIsRefusedBeforeZIPFoundationOpensIt() throws {
        let data = try Self.fixture("end-record-comment-past-the-end.docx")

        #expect(throws: ZipDirectory.Damage.noEndRecord) { try ZipDirectory(data) }
        #expect(throws: DocxError.notADocx(reason: .truncatedOrDamaged)) { try DocxReader.paragraphs(from: data) }
    }

    // libxml2 under XMLParser dereferenced NULL (SEGV) switching to the encoding these parts name or start with: the
    // fuzzer's UTF-7 declaration cut short by a stray byte, and EBCDIC named, told by the first bytes, or named inside
    // UTF-16.
    @Test func aDeclarationThatNeverEndsIsMalformedNotACrash() throws {
        let data = try Self.fixture("declaration-utf7-cut-short.docx")

        #expect(throws: DocxError.malformedDocumentXML(line: 1)) { try DocxReader.paragraphs(from: data) }
    }

    @Test func aPartStartingLikeEBCDICIsMalformedNotACrash() throws {
        let data = try Self.fixture("ebcdic-signature.docx")

        #expect(throws: DocxError.malformedDocumentXML(line: 1)) { try DocxReader.paragraphs(from: data) }
    }

    @Test(arguments: ["declaration-ebcdic.docx", "utf16-declaring-ebcdic.docx"])
    func aPartNamingAnotherEncodingIsReadAsTheUnicodeItIs(fixture: String) throws {
        #expect(try DocxReader.paragraphs(from: Self.fixture(fixture)) == ["Hello"])
    }

    @Test(arguments: ["utf16-little-endian.docx", "utf16-big-endian-without-mark.docx"])
    func aUTF16PartStillReads(fixture: String) throws {
        #expect(try DocxReader.paragraphs(from: Self.fixture(fixture)) == ["Hello"])
    }
}
