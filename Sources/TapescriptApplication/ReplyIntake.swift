import Foundation
import TapescriptDocx
import TapescriptDrafts
import TapescriptMail

/// Finds the draft in whatever came back: an edited text or Markdown file, a .docx, or a whole e-mail (.eml or an
/// mbox of one message) with the draft inline, quoted, top-posted, in HTML or attached.
public enum ReplyIntake {
    /// Every draft that can be read from the bytes of `name`: the file's own, or each of a mail's (its text, its
    /// attached files). The fullest comes first, one that names its interview before one that does not; which one
    /// the author edited is for the plan to tell, against the draft as sent.
    /// - Throws: `DraftError`, `DraftReadError`, `MailError` or `DocxError`: why no draft could be read.
    public static func read(_ data: Data, name: String) throws -> [ReplyCandidate] {
        if data.starts(with: [0x50, 0x4B, 0x03, 0x04]) || name.lowercased().hasSuffix(".docx") {
            let reply = try DraftReader.read(paragraphs: try DocxReader.paragraphs(from: data))
            return [ReplyCandidate(source: .file, reply: reply)]
        }
        if looksLikeMail(data) {
            let message = try MailMessage.parse(data)
            var firstFailure: (any Error)?
            var candidates: [ReplyCandidate] = []
            for part in try message.draftCandidates() {
                do {
                    switch part {
                    case .body(let text):
                        candidates.append(ReplyCandidate(source: .messageText, reply: try DraftReader.read(text)))
                    case .attachedText(let filename, let text):
                        candidates.append(
                            ReplyCandidate(source: .attachment(filename: filename), reply: try DraftReader.read(text)))
                    case .attachedDocx(let attachment):
                        let paragraphs = try DocxReader.paragraphs(from: attachment.data)
                        candidates.append(
                            ReplyCandidate(
                                source: .attachment(filename: attachment.filename ?? "(unnamed .docx)"),
                                reply: try DraftReader.read(paragraphs: paragraphs)))
                    }
                } catch {
                    firstFailure = firstFailure ?? error
                }
            }
            guard !candidates.isEmpty else { throw firstFailure ?? DraftError.noDraftInMail }
            // A short "see attached" body can read as a paragraph or two: the fullest draft first, one that names its
            // interview before it.
            func fullness(_ candidate: ReplyCandidate) -> (Int, Int) {
                (candidate.reply.slug != nil ? 1 : 0, candidate.reply.paragraphs.count)
            }
            return candidates.enumerated().sorted { first, second in
                fullness(first.element) != fullness(second.element)
                    ? fullness(first.element) > fullness(second.element) : first.offset < second.offset
            }.map(\.element)
        }
        guard let text = String(data: data, encoding: .utf8) ?? String(data: data, encoding: .windowsCP1252) else {
            throw DraftError.unknownReplyFormat(name: name)
        }
        return [ReplyCandidate(source: .file, reply: try DraftReader.read(text))]
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
