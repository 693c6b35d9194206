import Foundation
import TapescriptDocx
import TapescriptDrafts
import TapescriptMail

/// Finds the draft in whatever came back: an edited text or Markdown file, a .docx, or a whole e-mail (.eml or an
/// mbox of one message) with the draft inline, quoted, top-posted, in HTML or attached.
public enum ReplyIntake {
    /// The draft the author sent back, from the bytes of `name`.
    /// - Throws: `DraftError`, `DraftReadError`, `MailError` or `DocxError`: why no draft could be read.
    public static func read(_ data: Data, name: String) throws -> DraftReply {
        if data.starts(with: [0x50, 0x4B, 0x03, 0x04]) || name.lowercased().hasSuffix(".docx") {
            return try DraftReader.read(paragraphs: try DocxReader.paragraphs(from: data))
        }
        if looksLikeMail(data) {
            let message = try MailMessage.parse(data)
            var firstFailure: (any Error)?
            var replies: [DraftReply] = []
            for candidate in try message.draftCandidates() {
                do {
                    switch candidate {
                    case .body(let text), .attachedText(_, let text):
                        replies.append(try DraftReader.read(text))
                    case .attachedDocx(let attachment):
                        replies.append(
                            try DraftReader.read(paragraphs: try DocxReader.paragraphs(from: attachment.data)))
                    }
                } catch {
                    firstFailure = firstFailure ?? error
                }
            }
            // A short "see attached" body can read as a paragraph or two: the fullest draft wins, one that names
            // its interview first.
            let best = replies.max {
                ($0.slug != nil ? 1 : 0, $0.paragraphs.count) < ($1.slug != nil ? 1 : 0, $1.paragraphs.count)
            }
            if let best { return best }
            throw firstFailure ?? DraftError.noDraftInMail
        }
        guard let text = String(data: data, encoding: .utf8) ?? String(data: data, encoding: .windowsCP1252) else {
            throw DraftError.unknownReplyFormat(name: name)
        }
        return try DraftReader.read(text)
    }

    /// A message starts with header lines (`Name: value`) or an mbox `From ` line.
    static func looksLikeMail(_ data: Data) -> Bool {
        let head = String(decoding: data.prefix(2048), as: UTF8.self)
        if head.hasPrefix("From ") { return true }
        let firstLine = head.prefix { $0 != "\n" && $0 != "\r" }
        let headerNames = [
            "from:", "to:", "subject:", "date:", "received:", "return-path:", "mime-version:",
            "message-id:", "delivered-to:", "x-", "content-type:",
        ]
        let lower = firstLine.lowercased()
        return headerNames.contains { lower.hasPrefix($0) }
    }
}
