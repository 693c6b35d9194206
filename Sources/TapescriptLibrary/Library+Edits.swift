import Foundation
import GRDB

extension Library {
    /// Runs one undoable edit in one transaction: the state of the frames it touches is journalled before and
    /// after, with the summary of what it did, and anything that was undone can no longer be redone.
    /// - Parameters:
    ///   - frames: the frames the edit may change, from the interview's state before it.
    ///   - body: makes the change; returns what it did (`.marked(first: 12, last: 14, highlight: 3, title: nil)`).
    func edit(
        _ reference: InterviewReference, includesSpeakers: Bool = false, now: Date = Date(),
        frames: (ReviewSnapshot) throws -> Range<Int64>,
        _ body: (Database, ReviewSnapshot, EditScope) throws -> EditSummary
    ) throws(LibraryError) -> EditSummary {
        try write { db in
            let snapshot = try Self.reviewSnapshot(of: reference, db: db)
            guard let interviewId = snapshot.interview.id, let recordingId = snapshot.recording.id else {
                throw LibraryError.unknownInterview(reference: "\(reference)")
            }
            let scope = EditScope(
                interviewId: interviewId, recordingId: recordingId, frames: try frames(snapshot),
                includesSpeakers: includesSpeakers)
            let before = try EditJournal.capture(scope, db: db)
            let summary = try body(db, snapshot, scope)
            let after = try EditJournal.capture(scope, db: db)
            try Edit.all().filter(interviewId: interviewId).filter(undone: true).deleteAll(db)
            var entry = Edit(
                id: nil, interviewId: interviewId, label: nil, summary: summary, startFrame: scope.frames.lowerBound,
                endFrame: scope.frames.upperBound, before: before, after: after, undone: false, createdAt: now)
            try entry.insert(db)
            return summary
        }
    }

    /// Takes back the newest edit of the interview that is not undone yet.
    /// - Returns: `.undid` with what the edit was.
    /// - Throws: `LibraryError.invalidEdit(.nothingToUndo)` when every edit is undone, `.unknownInterview`, or
    ///   `.unreadable` when the journal entry cannot be read.
    public func undo(_ reference: InterviewReference, now: Date = Date()) throws(LibraryError) -> UndoOutcome {
        .undid(try step(reference, back: true, now: now))
    }

    /// Makes again the oldest undone edit of the interview.
    /// - Returns: `.redid` with what the edit was.
    /// - Throws: `LibraryError.invalidEdit(.nothingToRedo)` when nothing is undone, `.unknownInterview`, or
    ///   `.unreadable` when the journal entry cannot be read.
    public func redo(_ reference: InterviewReference, now: Date = Date()) throws(LibraryError) -> UndoOutcome {
        .redid(try step(reference, back: false, now: now))
    }

    /// One step through the journal: back puts the newest edit that is not undone as it was before; forward
    /// puts the oldest undone one as it was after.
    private func step(_ reference: InterviewReference, back: Bool, now: Date) throws(LibraryError) -> JournalledEdit {
        try write { db in
            let detail = try Self.detail(of: reference, db: db)
            guard let interviewId = detail.interview.id, let recordingId = detail.recording.id else {
                throw LibraryError.unknownInterview(reference: "\(reference)")
            }
            let candidates = Edit.all().filter(interviewId: interviewId).filter(undone: !back)
            let entry = try UnreadableData.naming(.undoHistory(interview: detail.interview.slug)) {
                try candidates.order(back ? Edit.Columns.id.desc : Edit.Columns.id.asc).fetchOne(db)
            }
            guard var entry else { throw back ? EditError.nothingToUndo : EditError.nothingToRedo }
            let scope = EditScope(
                interviewId: interviewId, recordingId: recordingId, frames: entry.startFrame..<entry.endFrame,
                includesSpeakers: entry.before.speakerNames != nil)
            try EditJournal.restore(back ? entry.before : entry.after, over: scope, db: db, now: now)
            try entry.updateChanges(db) { $0.undone = back }
            return entry.journalled
        }
    }
}
