import Foundation
import Testing

@testable import TapescriptDocx

@Suite struct DocxRoundTripTests {
    static let paragraphs: [DocxParagraph] = [
        DocxParagraph(kind: .heading1, text: "Interview with Zoë Müller"),
        DocxParagraph(kind: .heading2, text: "Part 1 — “Childhood” & <school>"),
        DocxParagraph(
            kind: .body,
            runs: [
                DocxRun(text: "[00:12] ", bold: false), DocxRun(text: "Zoë:", bold: true),
                DocxRun(text: " We lived in Kraków, ‘near the river’ — it's 5 < 7 & \"quoted\"."),
            ]),
        DocxParagraph(text: "[12:03] Tabs\tand a line\nbreak, ünïcødé 日本語 🎙️"),
        DocxParagraph(text: "  leading and trailing spaces  "),
        DocxParagraph(kind: .body, runs: []),
    ]

    static func writtenDocument() throws -> Data {
        try DocxWriter.document(title: "Zoë & “the river”", paragraphs: paragraphs)
    }

    @Test func readingAWrittenDocumentGivesBackEveryParagraphText() throws {
        let texts = try DocxReader.paragraphs(from: Self.writtenDocument())

        #expect(texts == Self.paragraphs.map { $0.runs.map(\.text).joined() })
    }

    @Test func writingTheSameDraftTwiceGivesTheSameBytes() throws {
        #expect(try Self.writtenDocument() == Self.writtenDocument())
    }

    @Test func textJoinsNonEmptyParagraphsWithBlankLines() throws {
        let data = try DocxWriter.document(
            title: "t",
            paragraphs: [
                DocxParagraph(kind: .heading1, text: "Title"), DocxParagraph(text: ""),
                DocxParagraph(text: "[00:00] One."), DocxParagraph(text: "[00:05] Two."),
            ])

        #expect(try DocxReader.text(from: data) == "Title\n\n[00:00] One.\n\n[00:05] Two.\n")
    }

    @Test func writtenPackageHasStylesRelationshipsAndTitle() throws {
        let data = try Self.writtenDocument()
        let text = String(decoding: data, as: UTF8.self)

        // Entry names are stored uncompressed in the ZIP directory.
        for part in [
            "[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/_rels/document.xml.rels",
            "word/styles.xml", "docProps/core.xml",
        ] {
            #expect(text.contains(part), "missing \(part)")
        }
        let core = DocxParts.coreProperties(title: "Zoë & “the river”")
        #expect(core.contains("<dc:title>Zoë &amp; “the river”</dc:title>"))
        let document = DocxParts.document(Self.paragraphs)
        #expect(document.contains(#"<w:pPr><w:pStyle w:val="Heading1"/></w:pPr>"#))
        #expect(document.contains(#"<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">Zoë:</w:t></w:r>"#))
        #expect(document.contains("5 &lt; 7 &amp; &quot;quoted&quot;"))
    }

    @Test func controlCharactersXMLCannotHoldAreDropped() throws {
        let data = try DocxWriter.document(title: "\u{1}", paragraphs: [DocxParagraph(text: "a\u{0}b\u{7}c")])

        #expect(try DocxReader.paragraphs(from: data) == ["abc"])
    }
}
