import Foundation
import Testing

@testable import TapescriptDocx

/// Inputs `make fuzz` found, kept in Fixtures/fuzz/ (the fuzzer's artifact, minimised or rebuilt by hand).
@Suite struct FuzzRegressionTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/fuzz")

    // An end record whose comment length runs past the end of the file. ZIPFoundation then finds no end record,
    // and its in-memory archive throws without closing the FILE it opened: the FILE and a copy of the whole archive
    // leak (LeakSanitizer's finding). It has to be refused before ZIPFoundation sees it.
    @Test func anEndRecordWhoseCommentRunsPastTheEndIsRefusedBeforeZIPFoundationOpensIt() throws {
        let data = try Data(contentsOf: Self.fixtures.appendingPathComponent("end-record-comment-past-the-end.docx"))

        #expect(throws: ZipDirectory.Damage.noEndRecord) { try ZipDirectory(data) }
        #expect(throws: DocxError.notADocx(reason: .truncatedOrDamaged)) { try DocxReader.paragraphs(from: data) }
    }
}
