/// The part of a reply its draft was read from.
public enum ReplySource: Sendable, Equatable, Encodable, CustomStringConvertible {
    /// The file itself: an edited .txt, .md or .docx.
    case file
    /// The text of the mail (its HTML part made text when it has no plain one).
    case messageText
    /// A .txt, .md or .docx attached to the mail.
    case attachment(filename: String)

    public var description: String {
        switch self {
        case .file: return "the file"
        case .messageText: return "the text of the mail"
        case .attachment(let filename): return "the attached '\(filename)'"
        }
    }

    private enum CodingKeys: String, CodingKey {
        case part, filename
    }

    /// `{"part": "attachment", "filename": "…"}`, `{"part": "messageText"}` or `{"part": "file"}`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .file: try container.encode("file", forKey: .part)
        case .messageText: try container.encode("messageText", forKey: .part)
        case .attachment(let filename):
            try container.encode("attachment", forKey: .part)
            try container.encode(filename, forKey: .filename)
        }
    }

    /// Whether this is a file the author attached, which beats the text of the mail (often a quotation).
    var isAttachment: Bool {
        if case .attachment = self { return true }
        return false
    }
}
