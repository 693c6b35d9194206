/// Why an e-mail could not be read.
public enum MailError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file holds no bytes, or only white space.
    case empty
    /// The file does not begin with mail header lines.
    case notAMessage
    /// An mbox file holds more than one message.
    case severalMessages(count: Int)
    /// A multipart body ends before its closing boundary.
    case truncated(boundary: String)
    /// A multipart part names no boundary.
    case missingBoundary(contentType: String)
    /// A base64 part cannot be decoded.
    case invalidBase64(part: String)
    /// MIME parts nest deeper than any real message does.
    case nestedTooDeeply(limit: Int)
    /// Nothing in the message can hold the draft.
    case noText

    public var description: String {
        switch self {
        case .empty:
            "the e-mail file is empty"
        case .notAMessage:
            "the file is not an e-mail message: it does not begin with header lines such as 'From:' or 'Subject:'"
        case .severalMessages(let count):
            "the mailbox holds \(count) messages; save only the reply as its own .eml or .mbox file"
        case .truncated(let boundary):
            "the e-mail is truncated: its multipart body ends before the closing boundary '\(boundary)'"
        case .missingBoundary(let contentType):
            "the e-mail's \(contentType) part has no boundary parameter"
        case .invalidBase64(let part):
            "the e-mail's base64-encoded \(part) is truncated or corrupt"
        case .nestedTooDeeply(let limit):
            "the e-mail nests its MIME parts more than \(limit) levels deep"
        case .noText:
            "the e-mail has no text part and no .txt, .md or .docx attachment"
        }
    }
}
