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

    // libreoffice-from-text.docx: a text file of two wrapped paragraphs (the first of two lines, a blank line between)
    // opened in LibreOffice 7.4.7 and saved as .docx: `soffice --headless "--infilter=Text (encoded):UTF8,LF,,,"
    // --convert-to docx:"MS Word 2007 XML" from-text.txt`. Each line is a paragraph and the blank line an empty one,
    // which the draft reader needs to put the lines of a paragraph back together.
    @Test func aTextFileSavedByLibreOfficeKeepsItsLinesAndItsBlankLine() throws {
        let data = try Data(contentsOf: Self.fixtures.appendingPathComponent("libreoffice-from-text.docx"))

        let texts = try DocxReader.paragraphs(from: data)

        #expect(
            texts == [
                "[0:00] **Andy:** So how did you find your first job, back when you were",
                "just starting out and nobody knew your name?", "", "[0:02] Jane: Well, I started by asking around.",
            ])
    }
}
