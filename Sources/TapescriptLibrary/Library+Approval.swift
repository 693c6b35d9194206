import Foundation
import GRDB

/// Whether the text that would be published is what the author approved.
public enum Approval: Sendable, Equatable {
    /// No reply of the author's was ever applied.
    case notYet
    /// Every highlighted segment's text is the author's, or what the author was sent and left as it was.
    case approved(on: Date, draft: Int)
    /// A reply was applied, but the text of `segments` (1-based) has changed since, or was never in that draft.
    case changedSince(Date, draft: Int, segments: [Int])
}

extension Library {
    /// Whether the highlights' text is the author's: approved only when every highlighted segment's newest text
    /// is one the author wrote, or the words the author was sent in the draft they answered and left alone.
    /// - Throws: `LibraryError` when the interview cannot be read.
    public func approval(_ reference: InterviewReference) throws(LibraryError) -> Approval {
        try read { db in
            let snapshot = try Self.reviewSnapshot(of: reference, db: db)
            guard let interviewId = snapshot.interview.id,
                let lastAuthored = try TextRevision.all().filter(interviewId: interviewId).filter(origin: .author)
                    .order(TextRevision.Columns.id.desc).fetchOne(db),
                let draftId = lastAuthored.draftId, let draft = try DraftRecord.fetchOne(db, key: draftId)
            else { return .notYet }
            let authors = try Self.authorship(interviewId: interviewId, db: db)
            var changed: [Int] = []
            for segment in snapshot.segments where segment.highlight != nil && segment.text != nil {
                if authors[FrameRange(segment.startFrame, segment.endFrame)]?.origin == .author { continue }
                let middle = (segment.startFrame + segment.endFrame) / 2
                let sent = draft.paragraphs.first { $0.startFrame <= middle && middle < $0.endFrame }
                if let sent, sent.text == segment.text { continue }
                changed.append(segment.index)
            }
            return changed.isEmpty
                ? .approved(on: lastAuthored.createdAt, draft: draft.version)
                : .changedSince(lastAuthored.createdAt, draft: draft.version, segments: changed)
        }
    }
}
