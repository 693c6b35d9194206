import Foundation
import GRDB

extension Library {
    /// Runs one undoable edit in one transaction: the state of the frames it touches is journalled before and
    /// after, and anything that was undone can no longer be redone.
    /// - Parameters:
    ///   - frames: the frames the edit may change, from the interview's state before it.
    ///   - body: makes the change; returns the message that describes it ("marked 12–14 as highlight 3").
    func edit(
        _ reference: InterviewReference, includesSpeakers: Bool = false, now: Date = Date(),
        frames: (ReviewSnapshot) throws -> Range<Int64>,
        _ body: (Database, ReviewSnapshot, EditScope) throws -> String
    ) throws(LibraryError) -> String {
        try write { db in
            let snapshot = try Self.reviewSnapshot(of: reference, db: db)
            guard let interviewId = snapshot.interview.id, let recordingId = snapshot.recording.id else {
                throw LibraryError.unknownInterview(reference: "\(reference)")
            }
            let scope = EditScope(
                interviewId: interviewId, recordingId: recordingId, frames: try frames(snapshot),
                includesSpeakers: includesSpeakers)
            let before = try EditJournal.capture(scope, db: db)
            let message = try body(db, snapshot, scope)
            let after = try EditJournal.capture(scope, db: db)
            try Edit.filter(Edit.Columns.interviewId == interviewId && Edit.Columns.undone == true).deleteAll(db)
            var entry = Edit(
                id: nil, interviewId: interviewId, label: message, startFrame: scope.frames.lowerBound,
                endFrame: scope.frames.upperBound, before: try JSONEncoder().encode(before),
                after: try JSONEncoder().encode(after), undone: false, createdAt: now)
            try entry.insert(db)
            return message
        }
    }

    /// Takes back the newest edit of the interview that is not undone yet.
    /// - Returns: what was undone, e.g. "undid: marked 12–14 as highlight 3".
    public func undo(_ reference: InterviewReference, now: Date = Date()) throws(LibraryError) -> String {
        try write { db in
            let (entry, scope) = try Self.journalEntry(reference, undone: false, newest: true, db: db)
            let slice = try JSONDecoder().decode(EditSlice.self, from: entry.before)
            try EditJournal.restore(slice, over: scope, db: db, now: now)
            var done = entry
            done.undone = true
            try done.update(db)
            return "undid: \(entry.label)"
        }
    }

    /// Makes again the oldest undone edit of the interview.
    public func redo(_ reference: InterviewReference, now: Date = Date()) throws(LibraryError) -> String {
        try write { db in
            let (entry, scope) = try Self.journalEntry(reference, undone: true, newest: false, db: db)
            let slice = try JSONDecoder().decode(EditSlice.self, from: entry.after)
            try EditJournal.restore(slice, over: scope, db: db, now: now)
            var again = entry
            again.undone = false
            try again.update(db)
            return "redid: \(entry.label)"
        }
    }

    private static func journalEntry(
        _ reference: InterviewReference, undone: Bool, newest: Bool, db: Database
    ) throws -> (Edit, EditScope) {
        let detail = try detail(of: reference, db: db)
        guard let interviewId = detail.interview.id, let recordingId = detail.recording.id else {
            throw LibraryError.unknownInterview(reference: "\(reference)")
        }
        let order = newest ? Edit.Columns.id.desc : Edit.Columns.id.asc
        guard
            let entry = try Edit.filter(Edit.Columns.interviewId == interviewId && Edit.Columns.undone == undone)
                .order(order).fetchOne(db)
        else { throw undone ? EditError.nothingToRedo : EditError.nothingToUndo }
        let before = try JSONDecoder().decode(EditSlice.self, from: entry.before)
        let scope = EditScope(
            interviewId: interviewId, recordingId: recordingId, frames: entry.startFrame..<entry.endFrame,
            includesSpeakers: before.speakerNames != nil)
        return (entry, scope)
    }
}
