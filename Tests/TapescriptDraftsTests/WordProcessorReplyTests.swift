import Testing

@testable import TapescriptDrafts

/// A draft that comes back as a word processor's paragraphs (a .docx): either the .docx draft, one paragraph per
/// block, or the text draft opened in Word or LibreOffice and saved as .docx, one paragraph per line.
@Suite struct WordProcessorReplyTests {
    static let sent = DraftSamples.document
    static let text = DraftRenderer.plainText(sent)

    /// What LibreOffice and Word make of a text file: each line a paragraph, each blank line an empty one.
    static let linesAsParagraphs = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(
        String.init)

    /// The .docx draft's paragraphs, as `DraftDocx` writes them (labels in bold, so no `**` in the text).
    static let blocksAsParagraphs: [String] = sent.blocks.map { block in
        switch block {
        case .heading(_, let text), .marker(let text), .instructions(let text): return text
        case .paragraph(let label, _, let text): return text.isEmpty ? label : label + " " + text
        }
    }

    @Test func theTextDraftSavedAsADocxKeepsEveryLineOfEachParagraph() throws {
        #expect(Self.text.split(separator: "\n").contains { $0.count > 60 }, "the sample wraps")

        let reply = try DraftReader.read(paragraphs: Self.linesAsParagraphs)

        #expect(reply == (try DraftReader.read(Self.text)))
        #expect(reply.slug == "jane-doe-on-networking" && reply.version == 2)
        #expect(Self.texts(of: reply) == Self.sent.paragraphs.map(\.text))
        #expect(DraftAligner.align(reply: reply, to: Self.sent).added.isEmpty)
    }

    @Test func theTextDraftSavedAsADocxWithoutItsEmptyParagraphsStillKeepsThem() throws {
        let reply = try DraftReader.read(paragraphs: Self.linesAsParagraphs.filter { !$0.isEmpty })

        #expect(reply.paragraphs.map(\.anchor) == Self.sent.paragraphs.map(\.anchor))
        #expect(Self.texts(of: reply) == Self.sent.paragraphs.map(\.text))
    }

    @Test func theDocxDraftReadsOneParagraphPerParagraph() throws {
        let reply = try DraftReader.read(paragraphs: Self.blocksAsParagraphs)

        #expect(Self.texts(of: reply) == Self.sent.paragraphs.map(\.text))
        let added = DraftAligner.align(reply: reply, to: Self.sent).added.map { reply.paragraphs[$0.replyIndex].text }
        #expect(added == ["Finding the first job", "Mentors"], "the headings, which the plan leaves out")
    }

    /// An author who presses Enter twice leaves an empty paragraph in the .docx draft: that does not make the
    /// document's paragraphs lines of one another, so the heading after an added paragraph stays a heading.
    @Test func anEmptyParagraphInTheDocxDraftJoinsNothing() throws {
        var paragraphs = Self.blocksAsParagraphs
        let mentors = try #require(paragraphs.firstIndex(of: "Mentors"))
        paragraphs.insert(contentsOf: ["", "I should add that the printer was my uncle’s friend."], at: mentors)

        let reply = try DraftReader.read(paragraphs: paragraphs)

        #expect(Self.texts(of: reply) == Self.sent.paragraphs.map(\.text))
        let added = DraftAligner.align(reply: reply, to: Self.sent).added.map { reply.paragraphs[$0.replyIndex].text }
        #expect(added == ["Finding the first job", "I should add that the printer was my uncle’s friend.", "Mentors"])
    }

    /// The author's text for each sent paragraph.
    private static func texts(of reply: DraftReply) -> [String?] {
        DraftAligner.align(reply: reply, to: sent).matches.map { $0?.text }
    }
}
