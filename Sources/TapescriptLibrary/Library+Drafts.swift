import Foundation
import GRDB

/// Drafts sent to the author and their replies taken in.
extension Library {
    /// Records a draft as sent, with the next version number of the interview.
    /// - Parameter make: builds the text from the version number.
    /// - Throws: `LibraryError.unknownInterview`, or another `LibraryError` from the store.
    public func recordDraft(
        _ reference: InterviewReference, recipient: String?, paragraphs: [SentParagraph], format: String? = nil,
        now: Date = Date(), make: (Int) -> String
    ) throws(LibraryError) -> DraftRecord {
        do {
            return try recordDraft(
                reference, recipient: recipient, paragraphs: paragraphs, format: format, now: now, make: make
            ) { $0 }
        } catch let error as LibraryError {
            throw error
        } catch {
            // Handing the record back throws nothing; anything else is the store's.
            throw Self.translate(error, path: path)
        }
    }

    /// Records a draft as sent, with the next version number of the interview, and hands it over (writes its file)
    /// inside the same transaction, before the version is committed: a version is never recorded for a draft that
    /// was not delivered.
    /// - Parameters:
    ///   - make: builds the text from the version number.
    ///   - deliver: hands the recorded draft over; what it returns is returned.
    /// - Throws: `LibraryError.unknownInterview`, or another `LibraryError` from the store; what `deliver` throws,
    ///   as it is, with nothing recorded.
    public func recordDraft<Delivered>(
        _ reference: InterviewReference, recipient: String?, paragraphs: [SentParagraph], format: String? = nil,
        now: Date = Date(), make: (Int) -> String, deliver: (DraftRecord) throws -> Delivered
    ) throws -> Delivered {
        var undelivered: (any Error)?
        do {
            return try write { db in
                let detail = try Self.detail(of: reference, db: db)
                guard let interviewId = detail.interview.id else {
                    throw LibraryError.unknownInterview(reference: "\(reference)")
                }
                let last = try DraftRecord.all().filter(interviewId: interviewId)
                    .select(max(DraftRecord.Columns.version), as: Int.self).fetchOne(db)
                let version = (last ?? 0) + 1
                var draft = DraftRecord(
                    id: nil, interviewId: interviewId, version: version, text: make(version), recipient: recipient,
                    createdAt: now, paragraphs: paragraphs, format: format)
                try draft.insert(db)
                do {
                    return try deliver(draft)
                } catch {
                    undelivered = error
                    throw error
                }
            }
        } catch {
            // `write` rolled back and put every error in the store's words; the delivery's own says more.
            throw undelivered ?? error
        }
    }

    /// Draft `version` of the interview, or the newest when nil.
    /// - Returns: nil when there is no such draft.
    /// - Throws: `LibraryError.unreadable` when what the draft sent cannot be read, `.unknownInterview`.
    public func draft(_ reference: InterviewReference, version: Int?) throws(LibraryError) -> DraftRecord? {
        try read { db in
            let detail = try Self.detail(of: reference, db: db)
            guard let interviewId = detail.interview.id else { return nil }
            var request = DraftRecord.all().filter(interviewId: interviewId)
            if let version { request = request.filter(DraftRecord.Columns.version == version) }
            return try UnreadableData.naming(.draft(interview: detail.interview.slug, version: version)) {
                try request.order(DraftRecord.Columns.version.desc).fetchOne(db)
            }
        }
    }

    /// Stores the author's texts from a reply to `draft`, one new version per segment, in one transaction and
    /// one step of undo. `texts` maps the frame range of a segment to its new words.
    /// - Throws: `LibraryError.unknownInterview`, or another `LibraryError` from the store.
    public func applyReply(
        _ reference: InterviewReference, draft: DraftRecord,
        texts: [(startFrame: Int64, endFrame: Int64, text: String)], comments: [ReplyNote] = [],
        mergedTexts: [(startFrame: Int64, endFrame: Int64, text: String)] = [], now: Date = Date()
    ) throws(LibraryError) -> EditSummary {
        let all = texts.map { ($0, TextOrigin.author) } + mergedTexts.map { ($0, TextOrigin.interviewer) }
        let starts = all.map(\.0.startFrame)
        let frames = starts.min().map { start in start..<(all.map(\.0.endFrame).max() ?? start + 1) }
        return try edit(reference, now: now) { _ in
            frames ?? 0..<0
        } _: { db, snapshot, scope in
            var changed = 0
            for (item, origin) in all {
                // The segment may have been split or merged since the draft went out: the text goes to the segment
                // holding the middle of the range it was sent for.
                let middle = (item.startFrame + item.endFrame) / 2
                guard let index = snapshot.segmentIndex(containing: middle) else { continue }
                let segment = snapshot.segments[index]
                var revision = TextRevision(
                    id: nil, interviewId: scope.interviewId, startFrame: segment.startFrame, endFrame: segment.endFrame,
                    text: item.text, origin: origin, draftId: origin == .author ? draft.id : nil, createdAt: now)
                try revision.insert(db)
                changed += 1
            }
            try Self.keep(comments, draft: draft, interviewId: scope.interviewId, db: db, now: now)
            return .appliedReply(draftVersion: draft.version, segmentCount: changed)
        }
    }

    /// Every version of the text of segment `index`, oldest first.
    /// - Throws: `LibraryError.invalidEdit(.noSuchSegment)`, `.unreadable` when a version cannot be read,
    ///   `.unknownInterview`.
    public func history(_ reference: InterviewReference, segment index: Int) throws(LibraryError) -> [TextVersion] {
        try read { db in
            let snapshot = try Self.reviewSnapshot(of: reference, db: db)
            guard snapshot.segments.indices.contains(index - 1), let interviewId = snapshot.interview.id else {
                throw EditError.noSuchSegment(index, count: snapshot.segments.count)
            }
            let segment = snapshot.segments[index - 1]
            let versions = SQLRequest<TextVersion>(
                sql: """
                    SELECT t.text, t.origin, t.createdAt, d.version AS draftVersion FROM textRevision t
                    LEFT JOIN draft d ON d.id = t.draftId
                    WHERE t.interviewId = ? AND t.startFrame < ? AND t.endFrame > ?
                      AND (t.startFrame + t.endFrame) / 2 >= ? AND (t.startFrame + t.endFrame) / 2 < ?
                    ORDER BY t.id
                    """,
                arguments: [interviewId, segment.endFrame, segment.startFrame, segment.startFrame, segment.endFrame])
            return try UnreadableData.naming(.textHistory(interview: snapshot.interview.slug, segment: index)) {
                try versions.fetchAll(db)
            }
        }
    }

    /// Every draft of an interview, oldest first, with whether the author answered it.
    public func drafts(of reference: InterviewReference) throws(LibraryError) -> (Interview, [SentDraft]) {
        try read { db in
            let detail = try Self.detail(of: reference, db: db)
            let records = try DraftRecord.all().filter(interviewId: detail.interview.id ?? -1)
                .order(DraftRecord.Columns.version).fetchAll(db)
            let sent = try records.map { record in
                let words =
                    try Int.fetchOne(
                        db, sql: "SELECT count(*) FROM textRevision WHERE draftId = ? AND origin = 'author'",
                        arguments: [record.id]) ?? 0
                let comments =
                    try Int.fetchOne(
                        db, sql: "SELECT count(*) FROM authorComment WHERE draftId = ?", arguments: [record.id]) ?? 0
                return SentDraft(record: record, answered: words + comments > 0)
            }
            return (detail.interview, sent)
        }
    }
}

/// A draft as `drafts` lists it.
public struct SentDraft: Sendable, Equatable {
    public var record: DraftRecord
    /// Whether a reply to it was applied: texts or comments from the author came back on it.
    public var answered: Bool
}
