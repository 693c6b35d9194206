/// A text in a reply that may hold the interviewee's corrected draft.
public enum MailDraftCandidate: Sendable, Equatable {
    /// A body of the message: a `text/plain` part, or an HTML part turned into text when there is no plain part.
    case body(String)
    /// An attached `.txt` or `.md` file, decoded.
    case attachedText(filename: String, text: String)
    /// An attached `.docx` file, for the Word reader.
    case attachedDocx(MailAttachment)
}

extension MailMessage {
    /// The texts that may hold the draft, in this order: the plain-text bodies (else the HTML bodies as text), then
    /// the `.txt`, `.md` and `.docx` attachments in message order. Bodies holding only white space are skipped.
    /// - Throws: `MailError.noText` when there is none.
    public func draftCandidates() throws(MailError) -> [MailDraftCandidate] {
        let hasText: (String) -> Bool = { $0.contains { !$0.isWhitespace } }
        var bodies = textBodies.filter(hasText)
        if bodies.isEmpty {
            bodies = htmlBodies.map(HTMLText.plainText).filter(hasText)
        }
        var candidates = bodies.map(MailDraftCandidate.body)
        for attachment in attachments {
            if attachment.isDocx {
                candidates.append(.attachedDocx(attachment))
            } else if attachment.isPlainText, let filename = attachment.filename {
                candidates.append(.attachedText(filename: filename, text: attachment.text))
            }
        }
        guard !candidates.isEmpty else { throw .noText }
        return candidates
    }
}
