import Foundation
import GRDB

/// A `[[comment]]` the author left in a reply: kept with the draft it came back on, shown with the segment it
/// was written by, never published.
public struct AuthorComment: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "authorComment"
    public var id: Int64?
    public var interviewId: Int64
    public var draftId: Int64
    /// The anchor of the paragraph it was written by (`12:03`), nil for a comment on the whole draft.
    public var anchor: String?
    /// The frames that paragraph was sent for.
    public var startFrame: Int64?
    public var endFrame: Int64?
    public var text: String
    public var createdAt: Date

    public enum Columns {
        public static let interviewId = Column(CodingKeys.interviewId)
        public static let draftId = Column(CodingKeys.draftId)
        public static let id = Column(CodingKeys.id)
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// A comment on its way into the library: where it was written, and its words.
public struct ReplyNote: Sendable, Equatable {
    public var anchor: String?
    public var frames: Range<Int64>?
    public var text: String

    public init(anchor: String?, frames: Range<Int64>?, text: String) {
        self.anchor = anchor
        self.frames = frames
        self.text = text
    }
}

/// A kept comment as `history` and `highlights` show it.
public struct KeptComment: Sendable, Equatable {
    public var draftVersion: Int
    public var anchor: String?
    public var frames: Range<Int64>?
    public var text: String
    public var createdAt: Date
}

extension Library {
    /// The author's comments on the interview, oldest first; those written by a paragraph whose frames overlap
    /// `frames` when it is given, with the comments on the whole draft.
    /// - Throws: `LibraryError` when the library cannot be read.
    public func comments(
        _ reference: InterviewReference, overlapping frames: Range<Int64>? = nil
    ) throws(LibraryError) -> [KeptComment] {
        try read { db in
            let detail = try Self.detail(of: reference, db: db)
            guard let interviewId = detail.interview.id else { return [] }
            let rows = try AuthorComment.filter(AuthorComment.Columns.interviewId == interviewId)
                .order(AuthorComment.Columns.id).fetchAll(db)
            let versions = Dictionary(
                try DraftRecord.filter(DraftRecord.Columns.interviewId == interviewId).fetchAll(db).compactMap {
                    draft in
                    draft.id.map { ($0, draft.version) }
                }
            ) { first, _ in first }
            return rows.compactMap { row in
                let span = row.startFrame.flatMap { start in row.endFrame.map { start..<max(start, $0) } }
                if let frames, let span, !span.overlaps(frames) { return nil }
                return KeptComment(
                    draftVersion: versions[row.draftId] ?? 0, anchor: row.anchor, frames: span, text: row.text,
                    createdAt: row.createdAt)
            }
        }
    }

    /// Stores `notes` for `draft`, in the write under way; a comment already kept for the same draft and place
    /// (a reply applied twice) is not kept again.
    static func keep(_ notes: [ReplyNote], draft: DraftRecord, interviewId: Int64, db: Database, now: Date) throws {
        guard let draftId = draft.id else { return }
        let kept = try AuthorComment.filter(AuthorComment.Columns.draftId == draftId).fetchAll(db)
        for note in notes {
            if kept.contains(where: { $0.anchor == note.anchor && $0.text == note.text }) { continue }
            var row = AuthorComment(
                id: nil, interviewId: interviewId, draftId: draftId, anchor: note.anchor,
                startFrame: note.frames?.lowerBound, endFrame: note.frames?.upperBound, text: note.text, createdAt: now)
            try row.insert(db)
        }
    }
}
