import Foundation
import TapescriptDocx
import Testing

@Suite struct DocxFixtureTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/docx")

    // libreoffice-roundtrip.docx: DocxRoundTripTests.writtenDocument() written to draft.docx, then
    // `soffice --headless --convert-to docx:"MS Word 2007 XML" draft.docx` (LibreOffice 7.4.7, Debian 12). LibreOffice
    // re-splits runs and adds its own properties, settings, font table and section.
    @Test func aDraftSavedByLibreOfficeReadsBackUnchanged() throws {
        let data = try Data(contentsOf: Self.fixtures.appendingPathComponent("libreoffice-roundtrip.docx"))

        let texts = try DocxReader.paragraphs(from: data)

        #expect(texts == DocxRoundTripTests.paragraphs.map { $0.runs.map(\.text).joined() })
    }
}
