import Foundation
import Testing

@testable import TapescriptMail

@Suite struct MailDraftCandidateTests {
    @Test func plainBodiesComeFirstThenTextAndDocxAttachments() throws {
        #expect(
            try MailFixture.message("reply-with-txt.eml").draftCandidates() == [
                .body("See the corrected draft attached.\n"),
                .attachedText(
                    filename: "draft.txt", text: "Interviewer: When did you arrive?\n\nJane: In the spring of 1963.\n"),
            ])
        let candidates = try MailFixture.message("reply-with-docx.eml").draftCandidates()
        #expect(candidates.count == 3)
        guard case .attachedDocx(let docx) = candidates[1] else {
            Issue.record("expected the .docx second, got \(candidates)")
            return
        }
        #expect(docx.filename == "Entwurf – korrigiert.docx")
        #expect(candidates[2] == .attachedText(filename: "draft.md", text: "# Draft\n\nJane: Yes.\n"))
    }

    @Test func anHTMLOnlyReplyIsTurnedIntoText() throws {
        let expected = try String(
            contentsOf: MailFixture.folder.appendingPathComponent("html-only.expected.txt"), encoding: .utf8)
        #expect(try MailFixture.message("html-only.eml").draftCandidates() == [.body(expected)])
    }

    @Test func aMessageWithOnlyAnImageHasNoText() throws {
        let message = try MailFixture.message("image-only.eml")
        #expect(message.attachments.map(\.contentType) == ["image/png"])
        #expect(throws: MailError.noText) { try message.draftCandidates() }
    }
}
