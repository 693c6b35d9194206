import Foundation
import Testing

@testable import TapescriptDrafts

/// A draft goes out, the author edits it in their mail client, and it comes back: reading and aligning must recover
/// exactly what they wrote, paragraph by paragraph, whatever the client did to the text on the way.
@Suite struct DraftReplyTests {
    static let sent = DraftSamples.document
    static let added = "The printer was my uncle’s friend."

    /// What the author does: edits words, comments, deletes a question, damages and deletes anchors, moves a
    /// paragraph to the top and adds one. Returns the edited draft with each paragraph on one line.
    static func authorEdits() -> String {
        var blocks = DraftSamples.unwrapped(DraftRenderer.plainText(sent)).components(separatedBy: "\n\n")
        func edit(_ anchor: String, _ change: (String) -> String) {
            if let index = blocks.firstIndex(where: { $0.hasPrefix("[\(anchor)]") }) {
                blocks[index] = change(blocks[index])
            }
        }
        edit("12:03") { $0.replacing(exactly: "[12:03] **Andy:**", with: "\\[12:03\\] \\*\\*Andy:\\*\\*") }
        edit("12:08") {
            $0.replacing(exactly: "asking around", with: "asking around – mostly friends of friends")
                .replacing(exactly: "“knew someone”", with: "‘knew somebody’")
        }
        edit("12:41") {
            $0.replacing(exactly: "in Leeds.", with: "in Leeds. [[Please check: was it Leeds or\nBradford?]]")
        }
        blocks.removeAll { $0.hasPrefix("[13:02.4]") }
        edit("13:02.9") {
            $0.replacing(exactly: "[13:02.9]", with: "13:02.9]").replacing(exactly: "hated", with: "loathed")
        }
        edit("1:02:15") { $0.replacing(exactly: "[1:02:15] ", with: "") }
        edit("1:02:20") { $0.replacing(exactly: "red pencil", with: "blue pencil") }
        if let moved = blocks.firstIndex(where: { $0.hasPrefix("[1:02:20]") }),
            let first = blocks.firstIndex(where: { $0.hasPrefix("\\[12:03") })
        {
            blocks.insert(blocks.remove(at: moved), at: first)
        }
        if let after = blocks.firstIndex(where: { $0.hasPrefix("[12:41]") }) { blocks.insert(added, at: after + 1) }
        return blocks.joined(separator: "\n\n") + "\n"
    }

    /// The author's text for each sent paragraph, nil where they deleted it.
    static let expected: [String?] = {
        let texts = sent.paragraphs.map(\.text)
        return [
            texts[0],
            texts[1].replacing(exactly: "asking around", with: "asking around – mostly friends of friends")
                .replacing(exactly: "“knew someone”", with: "‘knew somebody’"),
            texts[2],
            nil,
            texts[4].replacing(exactly: "hated", with: "loathed"),
            texts[5],
            texts[6].replacing(exactly: "red pencil", with: "blue pencil"),
            texts[7],
        ]
    }()

    /// The edited draft as different clients send it back.
    static let replies: [(String, String)] = {
        let edited = authorEdits()
        let unquotedAddition = { (text: String, prefix: String) in
            text.replacing(exactly: prefix + added, with: added)
        }
        let topPosted =
            "\u{FEFF}Hi Andy,\r\n\r\nHere you are. [[not a comment on the draft]]\r\n\r\nJane\r\n\r\n-- \r\nJane Doe\r\n\r\n"
            + "On Tue, 4 Mar 2025 at 10:12, Andy Smith <andy@example.com> wrote:\r\n"
            + unquotedAddition(DraftSamples.quoted(DraftSamples.rewrapped(edited, width: 60)), "> ")
            .replacingOccurrences(of: "\n", with: "\r\n")
        let bottomPosted =
            "On Tue, 4 Mar 2025 at 10:12, Andy Smith <andy@example.com>\nwrote:\n"
            + DraftSamples.quoted(
                DraftSamples.quoted(
                    unquotedAddition(DraftSamples.quoted(DraftSamples.rewrapped(edited, width: 40), with: ">"), ">"),
                    with: ">"), with: "> ")
            + "\nThanks, that was fun.\nJane\n\n-- \nJane Doe, Leeds\n"
        let classicMac = DraftSamples.rewrapped(edited, width: 1000).replacingOccurrences(of: "\n", with: "\r")
        let curlyRewrap = DraftSamples.quoted(DraftSamples.rewrapped(edited, width: 25))
        return [
            ("edited in an editor, one line per paragraph", edited),
            ("top-posted, quoted, re-wrapped at 60, CRLF, BOM", topPosted),
            ("bottom-posted, quoted three deep, re-wrapped at 40", bottomPosted),
            ("CR line ends", classicMac),
            ("quoted and re-wrapped at 25", curlyRewrap),
        ]
    }()

    @Test(arguments: replies.indices)
    func readingAndAligningRecoversEveryParagraphExactly(_ index: Int) throws {
        let (name, text) = Self.replies[index]
        let reply = try DraftReader.read(text)
        #expect(reply.slug == "jane-doe-on-networking", "\(name)")
        #expect(reply.version == 2, "\(name)")

        let alignment = DraftAligner.align(reply: reply, to: Self.sent)
        #expect(alignment.matches.map { $0?.text } == Self.expected, "\(name)")
        #expect(alignment.added.count == 1, "\(name)")
        #expect(alignment.added.first?.afterSent == 2, "\(name)")
        #expect(alignment.added.first.map { reply.paragraphs[$0.replyIndex].text } == Self.added, "\(name)")
        #expect(alignment.unmatchedReply == alignment.added.map(\.replyIndex), "\(name)")
        #expect(alignment.deleted == [3], "\(name)")
        #expect(alignment.isRecognizable, "\(name)")
        #expect(reply.comments.map(\.text) == ["Please check: was it Leeds or Bradford?"], "\(name)")
        #expect(reply.comments.first?.anchor == "12:41", "\(name)")
        #expect(alignment.matches[0]?.method == .anchor, "\(name)")
        #expect(alignment.matches[4]?.method == .anchor, "\(name)")
        if case .text = alignment.matches[5]?.method {} else { Issue.record("\(name): 1:02:15 not matched by text") }
    }

    @Test func anUntouchedDraftReadsBackAsSent() throws {
        let reply = try DraftReader.read(DraftRenderer.plainText(Self.sent))
        #expect(reply.paragraphs.map(\.anchor) == Self.sent.paragraphs.map(\.anchor))
        #expect(
            reply.paragraphs.map(\.speaker) == [
                "Andy", "Jane", "Jane", "Andy", "Jane", "Andy", "Jane", "Honestly",
            ])
        let alignment = DraftAligner.align(reply: reply, to: Self.sent)
        #expect(alignment.matches.map { $0?.text } == Self.sent.paragraphs.map(\.text))
        #expect(alignment.confidence == 1)
        #expect(reply.comments.isEmpty)
    }

    @Test func anchorsWithOddSpacingAndColonsMatchNormalized() throws {
        let text =
            "[tapescript jane-doe-on-networking draft 2]\n\n[ 12 : 03 ] **Andy:** So how?\n\n[12：08] Jane: Well.\n"
        let alignment = DraftAligner.align(reply: try DraftReader.read(text), to: Self.sent)
        #expect(alignment.matches[0]?.method == .anchor)
        #expect(alignment.matches[1]?.method == .normalizedAnchor)
        #expect(alignment.matches[1]?.text == "Well.")
    }

    @Test func paragraphsJoinedOnOneLineAreSplitAtTheirAnchors() throws {
        let text =
            "[12:03] **Andy:** So how did you start? [12:08] Jane: By asking [[really?]] around. [12:41] Jane: Then."
        let reply = try DraftReader.read(text)
        #expect(reply.slug == nil && reply.version == nil)
        #expect(
            reply.paragraphs == [
                ReplyParagraph(anchor: "12:03", speaker: "Andy", text: "So how did you start?"),
                ReplyParagraph(anchor: "12:08", speaker: "Jane", text: "By asking around."),
                ReplyParagraph(anchor: "12:41", speaker: "Jane", text: "Then."),
            ])
        #expect(reply.comments == [ReplyComment(anchor: "12:08", paragraphIndex: 1, text: "really?")])
    }

    @Test func aDraftWithoutAnyAnchorsIsAlignedByItsWordsInOrder() throws {
        let paragraphs = Self.sent.paragraphs
        let text = [0, 1, 2, 4, 6, 7].map { paragraphs[$0].text }.joined(separator: "\n\n")
        let alignment = DraftAligner.align(reply: try DraftReader.read(text), to: Self.sent)
        #expect(alignment.matches.map { $0?.replyIndex } == [0, 1, 2, nil, 3, nil, 4, 5])
        #expect(
            alignment.matches.map { $0?.text }
                == paragraphs.indices.map { [3, 5].contains($0) ? nil : paragraphs[$0].text })
    }

    @Test func aCommentOnItsOwnHasNoAnchorAndAnEmptiedParagraphIsGone() throws {
        let text = "[12:03] Andy: So?\n\n[[General: lovely, thanks]]\n\n[12:08] Jane: [[cut this]]\n"
        let reply = try DraftReader.read(text)
        #expect(reply.paragraphs.count == 1)
        #expect(
            reply.comments == [
                ReplyComment(anchor: nil, paragraphIndex: nil, text: "General: lovely, thanks"),
                ReplyComment(anchor: "12:08", paragraphIndex: nil, text: "cut this"),
            ])
        #expect(DraftAligner.align(reply: reply, to: Self.sent).deleted == [1, 2, 3, 4, 5, 6, 7])
    }

    /// Words typed below the quoted draft, before the signature, are the author's too: no paragraph of the draft,
    /// but kept to be shown.
    @Test func wordsTypedAfterTheQuotedDraftAreKeptApartFromItsParagraphs() throws {
        let postScript = "P.S. In the last answer, please say Bradford rather than Leeds."
        let text =
            DraftSamples.quoted(DraftRenderer.plainText(Self.sent)) + "\n" + postScript + "\n\nThanks,\nJane\n\n-- \n"
            + "Jane Doe, Leeds\n"

        let reply = try DraftReader.read(text)

        #expect(reply.wordsAfterDraft == [postScript, "Thanks, Jane"])
        let alignment = DraftAligner.align(reply: reply, to: Self.sent)
        #expect(alignment.matches.map { $0?.text } == Self.sent.paragraphs.map(\.text))
        #expect(alignment.added.isEmpty)
    }

    @Test func aReplyToSomethingElseIsNotRecognizable() throws {
        let reply = try DraftReader.read("Sorry, wrong thread.\n\nSee you on Friday at the station.")
        let alignment = DraftAligner.align(reply: reply, to: Self.sent)
        #expect(!alignment.isRecognizable)
        #expect(alignment.confidence == 0)
        #expect(alignment.unmatchedReply == [0, 1])
    }

    @Test(arguments: ["", "\u{FEFF}\r\n\r\n", "-- \nJane Doe\n", "> [tapescript x draft 1]\n>\n> # Title\n"])
    func aReplyWithoutParagraphsIsAnError(_ text: String) {
        #expect(throws: DraftReadError.noDraftText) { try DraftReader.read(text) }
    }

    @Test func theErrorSaysWhatWasMissing() {
        #expect(DraftReadError.noDraftText.description.contains("no paragraph was found"))
    }
}
