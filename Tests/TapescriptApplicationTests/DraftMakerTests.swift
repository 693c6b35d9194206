import Foundation
import TapescriptDocx
import TapescriptDrafts
import TapescriptLibrary
import Testing

@testable import TapescriptApplication

@Suite struct DraftMakerTests {
    @Test func eachDraftTakesTheNextVersionAndKeepsItsText() throws {
        let library = try ApplicationFixture.highlightedLibrary()
        let maker = DraftMaker(library: library)

        let first = try maker.make(ApplicationFixture.interview, format: .txt, recipient: nil, sender: nil)
        let second = try maker.make(ApplicationFixture.interview, format: .md, recipient: nil, sender: nil)

        #expect(first.version == 1)
        #expect(second.version == 2)
        #expect(first.paragraphCount == 4)
        let text = String(decoding: first.content, as: UTF8.self)
        #expect(text.contains("[tapescript test draft 1]"))
        #expect(text.contains("[0:02] B: In a garage, with two friends."))
        #expect(try library.draft(ApplicationFixture.interview, version: 1)?.text == text)
    }

    struct Undeliverable: Error, Equatable {}

    @Test func aDraftThatCannotBeDeliveredIsNotRecordedAndItsErrorComesOut() throws {
        let library = try ApplicationFixture.highlightedLibrary()
        let maker = DraftMaker(library: library)

        #expect(throws: Undeliverable()) {
            try maker.make(ApplicationFixture.interview, format: .docx, recipient: nil, sender: nil) { _ in
                throw Undeliverable()
            }
        }

        #expect(try library.draft(ApplicationFixture.interview, version: nil) == nil)
        var delivered: [Int] = []
        let made = try maker.make(ApplicationFixture.interview, format: .txt, recipient: nil, sender: nil) {
            delivered.append($0.version)
        }
        #expect(made.version == 1)
        #expect(delivered == [1])
    }

    @Test func anInterviewWithoutHighlightsHasNoDraft() throws {
        let library = try ApplicationFixture.library()
        #expect(throws: DraftError.noHighlights(slug: "test")) {
            try DraftMaker(library: library).make(
                ApplicationFixture.interview, format: .txt, recipient: nil, sender: nil)
        }
        #expect(try library.draft(ApplicationFixture.interview, version: nil) == nil)
    }

    @Test func anEmailDraftNeedsARecipient() throws {
        let library = try ApplicationFixture.highlightedLibrary()
        #expect(throws: DraftError.missingRecipient) {
            try DraftMaker(library: library).make(
                ApplicationFixture.interview, format: .eml, recipient: nil, sender: nil)
        }
    }

    @Test func theWordDocumentHoldsTheSameBlocksAsTheText() throws {
        let library = try ApplicationFixture.highlightedLibrary()
        let made = try DraftMaker(library: library)
            .make(ApplicationFixture.interview, format: .docx, recipient: nil, sender: nil)

        let paragraphs = try DocxReader.paragraphs(from: made.content)

        let text = try #require(try library.draft(ApplicationFixture.interview, version: 1)?.text)
        let blocks = text.components(separatedBy: "\n\n").map {
            $0.split(separator: "\n").joined(separator: " ").replacingOccurrences(of: "**", with: "")
                .replacingOccurrences(of: "# ", with: "").replacingOccurrences(of: "#", with: "")
        }
        #expect(paragraphs == blocks)
    }

    /// The e-mail's text is `format=flowed` for real: the lines inside a paragraph end in a soft break, so a client
    /// can reflow it, and the draft read back from the mail is the one read from the text.
    @Test func theEmailDraftFlowsEachParagraphAndReadsBackAsTheText() throws {
        let library = try ApplicationFixture.highlightedLibrary()
        _ = try library.setText(
            ApplicationFixture.interview, segment: 2,
            text: String(repeating: "In a garage, with two friends. ", count: 8) + "Then a shop.")
        let made = try DraftMaker(library: library).make(
            ApplicationFixture.interview, format: .eml, recipient: "jane@example.org", sender: nil)
        let text = try #require(try library.draft(ApplicationFixture.interview, version: 1)?.text)

        let raw = String(decoding: made.content, as: UTF8.self)
        #expect(raw.contains("format=flowed"))
        #expect(raw.contains("at the start of each=20\r\nparagraph, as they tie it"), "a soft break, QP-encoded")
        #expect(raw.contains("with two friends. In a garage,=20\r\n"))
        #expect(!raw.contains("Then a shop.=20"), "the last line of a paragraph is a hard break")
        let candidates = try ReplyIntake.read(made.content, name: "draft.eml")
        #expect(candidates.map(\.source) == [.attachment(filename: "test-draft-1.docx"), .messageText])
        #expect(candidates.last?.reply == (try DraftReader.read(text)))
    }

    @Test func questionsAreTheInterviewersParagraphs() throws {
        let library = try ApplicationFixture.highlightedLibrary()
        let snapshot = try library.reviewSnapshot(of: ApplicationFixture.interview)

        let draft = try DraftMaker.draft(of: snapshot, version: 1, date: Date(timeIntervalSince1970: 0))

        #expect(draft.sent.map(\.isQuestion) == [true, false, true, false])
        #expect(draft.document.date == "1970-01-01")
    }
}
