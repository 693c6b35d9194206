import Foundation
import Testing

@testable import TapescriptDocx

@Suite struct DocxReaderTests {
    static let namespaces = """
        xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" \
        xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"
        """

    /// A package whose only part is `word/document.xml` with `body` inside `w:body`.
    static func docx(body: String) throws -> Data {
        try DocxWriter.package([
            ("word/document.xml", "<w:document \(namespaces)><w:body>\(body)</w:body></w:document>")
        ])
    }

    @Test func trackedChangesTabsBreaksAndSplitRunsReadAsTheAuthorMeantThem() throws {
        let data = try Self.docx(
            body: """
                <w:p><w:r><w:t>Hel</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>lo</w:t></w:r>\
                <w:r><w:t xml:space="preserve"> </w:t></w:r>\
                <w:del w:id="1" w:author="A"><w:r><w:delText>old </w:delText></w:r></w:del>\
                <w:ins w:id="2" w:author="A"><w:r><w:t xml:space="preserve">new </w:t></w:r></w:ins>\
                <w:r><w:t>world</w:t></w:r></w:p>
                <w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr>\
                <w:r><w:t>[12:03]</w:t><w:tab/><w:t>one</w:t><w:br/><w:t>two</w:t><w:cr/><w:t>three</w:t></w:r></w:p>
                """)

        #expect(try DocxReader.paragraphs(from: data) == ["Hello new world", "[12:03]\tone\ntwo\nthree"])
    }

    @Test func fieldCodesAreSkippedButTheirResultsKept() throws {
        let data = try Self.docx(
            body: """
                <w:p><w:r><w:t xml:space="preserve">Page </w:t></w:r>\
                <w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>\
                <w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r>\
                <w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>
                """)

        #expect(try DocxReader.paragraphs(from: data) == ["Page 3"])
    }

    @Test func aDeletedParagraphMarkJoinsTheParagraphToTheNextOne() throws {
        let data = try Self.docx(
            body: """
                <w:p><w:pPr><w:rPr><w:del w:id="1" w:author="A"/></w:rPr></w:pPr>\
                <w:r><w:t xml:space="preserve">First half, </w:t></w:r></w:p>\
                <w:p><w:r><w:t>second half.</w:t></w:r></w:p><w:p><w:r><w:t>Next.</w:t></w:r></w:p>
                """)

        #expect(try DocxReader.paragraphs(from: data) == ["First half, second half.", "Next."])
    }

    @Test func alternateContentFallbackIsNotReadTwice() throws {
        let data = try Self.docx(
            body: """
                <w:p><w:r><mc:AlternateContent>\
                <mc:Choice Requires="wps">\
                <w:txbxContent><w:p><w:r><w:t>Box</w:t></w:r></w:p></w:txbxContent></mc:Choice>\
                <mc:Fallback><w:txbxContent><w:p><w:r><w:t>Box</w:t></w:r></w:p></w:txbxContent></mc:Fallback>\
                </mc:AlternateContent></w:r><w:r><w:t>Outer</w:t></w:r></w:p>
                """)

        #expect(try DocxReader.paragraphs(from: data) == ["Box", "Outer"])
    }

    @Test func anyNamespacePrefixIsAccepted() throws {
        let xml = """
            <x:document xmlns:x="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><x:body>\
            <x:p><x:r><x:t>Fish &amp; chips</x:t></x:r></x:p></x:body></x:document>
            """
        let data = try DocxWriter.package([("word/document.xml", xml)])

        #expect(try DocxReader.paragraphs(from: data) == ["Fish & chips"])
    }

    @Test func aTruncatedDocxIsNotADocx() throws {
        let data = try DocxRoundTripTests.writtenDocument()

        #expect(throws: DocxError.notADocx(reason: .truncatedOrDamaged)) {
            try DocxReader.paragraphs(from: data.prefix(data.count / 2))
        }
    }

    @Test func randomBytesAreNotADocx() {
        var generator = SystemRandomNumberGenerator()
        let bytes = Data((0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) })

        #expect(throws: DocxError.notADocx(reason: .notAZipArchive)) { try DocxReader.paragraphs(from: bytes) }
        #expect(throws: DocxError.notADocx(reason: .notAZipArchive)) { try DocxReader.paragraphs(from: Data()) }
    }

    @Test func aWordBinaryDocumentIsRecognised() {
        let header = Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + Array(repeating: 0, count: 504))

        #expect(throws: DocxError.notADocx(reason: .wordBinaryOrEncrypted)) {
            try DocxReader.paragraphs(from: header)
        }
    }

    @Test func aZipWithoutDocumentXMLIsReported() throws {
        let data = try DocxWriter.package([("content.xml", "<office/>")])

        #expect(throws: DocxError.missingDocumentPart) { try DocxReader.paragraphs(from: data) }
    }

    @Test func malformedDocumentXMLIsReported() throws {
        let data = try DocxWriter.package([
            ("word/document.xml", "<w:document \(Self.namespaces)>\n<w:body><w:p></w:body></w:document>")
        ])

        #expect(throws: DocxError.malformedDocumentXML(line: 2)) { try DocxReader.paragraphs(from: data) }
    }

    @Test func errorsDescribeThemselvesInOneLine() {
        let errors: [DocxError] = [
            .notADocx(reason: .notAZipArchive), .notADocx(reason: .wordBinaryOrEncrypted),
            .notADocx(reason: .truncatedOrDamaged), .missingDocumentPart, .malformedDocumentXML(line: 3),
            .cannotWritePart("word/document.xml"),
        ]

        #expect(errors[0].description == "the file is not a .docx (not a ZIP archive)")
        for error in errors {
            #expect(!error.description.contains("\n"))
        }
    }
}
