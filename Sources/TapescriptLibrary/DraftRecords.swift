import Foundation
import GRDB

/// A draft as sent: its version, the exact text, to whom and when, and what each paragraph stood for. It is the
/// base the reply is compared with.
public struct DraftRecord: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "draft"
    public var id: Int64?
    public var interviewId: Int64
    public var version: Int
    public var text: String
    public var recipient: String?
    public var createdAt: Date
    /// What each paragraph sent stood for (stored as JSON).
    public var paragraphs: [SentParagraph]
    /// The form it was sent in (txt, md, docx, eml); nil for drafts recorded before the form was kept.
    public var format: String? = nil

    public enum Columns {
        public static let interviewId = Column(CodingKeys.interviewId)
        public static let version = Column(CodingKeys.version)
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// One paragraph of a sent draft: the segment it came from (by frames, which outlive segment numbers), its
/// anchor in the text, and the words as sent.
public struct SentParagraph: Codable, Sendable, Equatable {
    public var anchor: String
    public var startFrame: Int64
    public var endFrame: Int64
    public var speaker: String?
    public var isQuestion: Bool
    public var text: String
    public var highlightTitle: String?

    public init(
        anchor: String, startFrame: Int64, endFrame: Int64, speaker: String?, isQuestion: Bool, text: String,
        highlightTitle: String?
    ) {
        self.anchor = anchor
        self.startFrame = startFrame
        self.endFrame = endFrame
        self.speaker = speaker
        self.isQuestion = isQuestion
        self.text = text
        self.highlightTitle = highlightTitle
    }
}

/// A version of a segment's text as `tapescript history` shows it. It is read from a row, so an origin this
/// Tapescript does not know is an error, never a silent default.
public struct TextVersion: Sendable, Equatable, Decodable, FetchableRecord {
    public var text: String
    public var origin: TextOrigin
    /// The version of the draft whose reply brought this text, for the author's versions.
    public var draftVersion: Int?
    public var createdAt: Date
}
