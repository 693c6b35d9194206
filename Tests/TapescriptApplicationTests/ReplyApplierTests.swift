import Foundation
import TapescriptDrafts
import TapescriptLibrary
import Testing

@testable import TapescriptApplication

@Suite struct ReplyApplierTests {
    /// The text of draft 1, as the author would send it back after `edit`.
    static func reply(from library: Library, _ edit: (String) -> String) throws -> Data {
        let made = try DraftMaker(library: library).make(
            ApplicationFixture.interview, format: .txt, recipient: nil, sender: nil)
        return Data(edit(String(decoding: made.content, as: UTF8.self)).utf8)
    }

    @Test func theAuthorsChangeIsPlannedThenStored() throws {
        let library = try ApplicationFixture.highlightedLibrary()
        let data = try Self.reply(from: library) { $0.replacingOccurrences(of: "two friends", with: "three friends") }
        let applier = ReplyApplier(library: library)

        let planned = try applier.plan(try ReplyApplier.read(data, name: "reply.txt", interview: nil), interview: nil)
        #expect(planned.plan.changes.map(\.segment) == [2])
        #expect(planned.plan.changes.first?.after == "In a garage, with three friends.")
        _ = try applier.apply(try planned.resolved(by: ConflictChoices()))

        let snapshot = try library.reviewSnapshot(of: ApplicationFixture.interview)
        #expect(snapshot.segments[1].text == "In a garage, with three friends.")
        #expect(try library.history(ApplicationFixture.interview, segment: 2).last?.origin == .author)
    }

    @Test func aConflictNeedsAChoiceAndEachChoiceKeepsItsWords() throws {
        let library = try ApplicationFixture.highlightedLibrary()
        let data = try Self.reply(from: library) {
            $0.replacingOccurrences(of: "Then we grew.", with: "Then we grew fast.")
        }
        _ = try library.setText(ApplicationFixture.interview, segment: 4, text: "Then we grew slowly.")
        let applier = ReplyApplier(library: library)
        let planned = try applier.plan(try ReplyApplier.read(data, name: "reply.txt", interview: nil), interview: nil)

        #expect(planned.plan.conflicts.map(\.segment) == [4])
        #expect(throws: DraftError.conflicts(count: 1)) { try planned.resolved(by: ConflictChoices()) }
        #expect(try planned.resolved(by: ConflictChoices(forAll: .mine)).count == 0)
        _ = try applier.apply(try planned.resolved(by: ConflictChoices(forAll: .author)))
        #expect(try library.reviewSnapshot(of: ApplicationFixture.interview).segments[3].text == "Then we grew fast.")
    }

    @Test func textWithoutMarkersIsNoDraft() throws {
        #expect(throws: DraftError.notADraft(name: "notes.txt")) {
            try ReplyApplier.read(Data("Just some notes.\n".utf8), name: "notes.txt", interview: nil)
        }
    }

    /// Untitled highlights go out as "Highlight 1", "Highlight 2": headings of the draft, which a .docx brings back
    /// as plain paragraphs (and the .eml as an attached .docx).
    @Test(arguments: [DraftMaker.Format.docx, .eml, .txt])
    func untitledHighlightsSentBackUntouchedAreNoAddedParagraphs(format: DraftMaker.Format) throws {
        let library = try ApplicationFixture.highlightedLibrary(titles: [nil, nil])
        let made = try DraftMaker(library: library).make(
            ApplicationFixture.interview, format: format, recipient: "jane@example.org", sender: nil)

        let reply = try ReplyApplier.read(made.content, name: "draft.\(format)", interview: nil)
        let plan = try ReplyApplier(library: library).plan(reply, interview: nil).plan

        #expect(plan.addedByAuthor == [])
        #expect(plan.changes.isEmpty)
    }

    /// A mail of a text part and an attached `draft-edited.txt`, both given as the text they hold.
    static func mail(text: String, attached: String) -> Data {
        let parts = [
            "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n\(text)",
            "Content-Type: text/plain; charset=utf-8\r\nContent-Disposition: attachment; filename=\"draft-edited.txt\""
                + "\r\nContent-Transfer-Encoding: 8bit\r\n\r\n\(attached)",
        ]
        let message =
            "From: Jane <jane@example.org>\r\nSubject: Re: draft\r\nMIME-Version: 1.0\r\n"
            + "Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n"
            + parts.map { "--b\r\n\($0)\r\n" }.joined() + "--b--\r\n"
        return Data(message.utf8)
    }

    static func quoted(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { "> \($0)" }.joined(separator: "\n")
    }

    @Test func theEditedCopyAttachedBeatsTheDraftAsSentQuotedBelowANote() throws {
        let library = try ApplicationFixture.highlightedLibrary()
        let sent = String(decoding: try Self.reply(from: library) { $0 }, as: UTF8.self)
        let edited = sent.replacingOccurrences(of: "two friends", with: "three friends")
        let data = Self.mail(text: "My changes are attached.\n\nJane wrote:\n" + Self.quoted(sent), attached: edited)

        let plan = try ReplyApplier(library: library).plan(
            try ReplyApplier.read(data, name: "reply.eml", interview: nil), interview: nil
        ).plan

        #expect(plan.source == .attachment(filename: "draft-edited.txt"))
        #expect(plan.changes.map(\.after) == ["In a garage, with three friends."])
    }

    @Test func theMailTextEditedInPlaceBeatsTheDraftAsSentAttached() throws {
        let library = try ApplicationFixture.highlightedLibrary()
        let sent = String(decoding: try Self.reply(from: library) { $0 }, as: UTF8.self)
        let edited = sent.replacingOccurrences(of: "Then we grew.", with: "Then we grew fast.")
        let data = Self.mail(text: Self.quoted(edited), attached: sent)

        let plan = try ReplyApplier(library: library).plan(
            try ReplyApplier.read(data, name: "reply.eml", interview: nil), interview: nil
        ).plan

        #expect(plan.source == .messageText)
        #expect(plan.changes.map(\.after) == ["Then we grew fast."])
    }

    @Test func aReplyToADraftNeverMadeIsRefused() throws {
        let library = try ApplicationFixture.highlightedLibrary()
        let data = try Self.reply(from: library) { $0.replacingOccurrences(of: "draft 1]", with: "draft 7]") }
        let reply = try ReplyApplier.read(data, name: "reply.txt", interview: nil)
        #expect(throws: DraftError.noSuchDraft(slug: "test", version: 7)) {
            try ReplyApplier(library: library).plan(reply, interview: nil)
        }
    }
}

/// Paragraphs the author adds or deletes are applied: an addition is kept with the paragraph it follows, a
/// deletion leaves the words out of drafts and the publication while the segment and its highlight stay.
@Suite struct AddedAndDeletedParagraphTests {
    static func apply(_ library: Library, _ edit: (String) -> String) throws -> ReplyPlan {
        let data = try ReplyApplierTests.reply(from: library, edit)
        let applier = ReplyApplier(library: library)
        let planned = try applier.plan(try ReplyApplier.read(data, name: "reply.txt", interview: nil), interview: nil)
        _ = try applier.apply(try planned.resolved(by: ConflictChoices()))
        return planned.plan
    }

    static func spoken(_ publication: Publication) -> [String] {
        publication.sections.flatMap(\.paragraphs).map { paragraph in
            if case .spoken(let speaker, _, let text, _, _) = paragraph { return "\(speaker ?? "-"): \(text)" }
            return "[…]"
        }
    }

    @Test func anAddedParagraphIsKeptAfterTheOneItFollowsAndPublished() throws {
        let library = try ApplicationFixture.highlightedLibrary()
        let plan = try Self.apply(library) {
            $0.replacingOccurrences(of: "two friends.\n", with: "two friends.\n\nIt was my father's garage.\n")
        }
        #expect(plan.addedByAuthor == ["It was my father's garage."])
        #expect(plan.changes.map(\.segment) == [2])

        let snapshot = try library.reviewSnapshot(of: ApplicationFixture.interview)
        #expect(snapshot.segments[1].text == "In a garage, with two friends.\n\nIt was my father's garage.")
        #expect(snapshot.segments[1].textOrigin == .author)
        let publication = try Publisher(library: library).publication(of: ApplicationFixture.interview)
        #expect(
            Self.spoken(publication) == [
                "A: Where did you start?", "B: In a garage, with two friends.", "B: It was my father's garage.",
                "A: And then?", "B: Then we grew.",
            ])
    }

    @Test func theNextDraftSendsTheAdditionWithItsOwnAnchorAndItComesBackUnchanged() throws {
        let library = try ApplicationFixture.highlightedLibrary()
        _ = try Self.apply(library) {
            $0.replacingOccurrences(of: "two friends.\n", with: "two friends.\n\nIt was my father's garage.\n")
        }
        let again = try Self.apply(library) { $0 }
        #expect(again.addedByAuthor == [])
        #expect(again.deletedByAuthor == [])
        #expect(again.changes.isEmpty)

        let edited = try Self.apply(library) {
            $0.replacingOccurrences(of: "my father's garage", with: "my uncle's garage")
        }
        #expect(edited.changes.map(\.after) == ["In a garage, with two friends.\n\nIt was my uncle's garage."])
    }

    @Test func anAdditionAfterAQuestionStartsTheAnswer() throws {
        let library = try ApplicationFixture.highlightedLibrary()
        _ = try Self.apply(library) {
            $0.replacingOccurrences(of: "And then?\n", with: "And then?\n\nWe moved to Lisbon.\n")
        }
        let snapshot = try library.reviewSnapshot(of: ApplicationFixture.interview)
        #expect(snapshot.segments[2].text == "And then?")
        #expect(snapshot.segments[3].text == "We moved to Lisbon.\n\nThen we grew.")
    }

    @Test func aDeletedParagraphLeavesThePublicationButNotTheHighlightAndUndoBringsItBack() throws {
        let library = try ApplicationFixture.highlightedLibrary()
        let plan = try Self.apply(library) { draft in
            draft.split(separator: "\n", omittingEmptySubsequences: false)
                .filter { !$0.contains("Then we grew.") }.joined(separator: "\n")
        }
        #expect(plan.deletedByAuthor.count == 1)

        let snapshot = try library.reviewSnapshot(of: ApplicationFixture.interview)
        #expect(snapshot.segments.count == 4)
        #expect(snapshot.segments[3].isLeftOutByAuthor)
        #expect(snapshot.segments[3].highlight == 1)
        let publication = try Publisher(library: library).publication(of: ApplicationFixture.interview)
        #expect(
            Self.spoken(publication) == [
                "A: Where did you start?", "B: In a garage, with two friends.", "A: And then?",
            ])
        let next = try DraftMaker(library: library).make(
            ApplicationFixture.interview, format: .txt, recipient: nil, sender: nil)
        #expect(!String(decoding: next.content, as: UTF8.self).contains("Then we grew"))
        #expect(next.paragraphCount == 3)

        _ = try library.undo(ApplicationFixture.interview)
        let restored = try library.reviewSnapshot(of: ApplicationFixture.interview)
        #expect(restored.segments[3].text == "Then we grew.")
        #expect(!restored.segments[3].isLeftOutByAuthor)
    }
}
