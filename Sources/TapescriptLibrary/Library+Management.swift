import Foundation
import GRDB

/// What deleting an interview removes, to say so before and after.
public struct InterviewRemoval: Sendable, Equatable {
    public var slug: String
    public var title: String
    /// The recording's file, which is never touched.
    public var recordingPath: String
    public var segmentCount: Int
    public var highlightCount: Int
    /// Versions of segment texts, by anyone.
    public var textCount: Int
    public var draftCount: Int
}

extension Library {
    /// Gives an interview a new slug: lowercase letters, digits and single hyphens, not only digits (a number
    /// names an interview by its id), at most `Slug.maximumLength` characters, used by no other interview.
    /// - Throws: `LibraryError.invalidSlug`, `.slugTaken`, `.unknownInterview`.
    @discardableResult
    public func rename(_ reference: InterviewReference, to slug: String) throws(LibraryError) -> Interview {
        guard !slug.isEmpty, slug.count <= Slug.maximumLength, Slug.make(from: slug) == slug, Int64(slug) == nil
        else { throw .invalidSlug(slug) }
        return try write { db in
            var interview = try Self.detail(of: reference, db: db).interview
            guard interview.slug != slug else { return interview }
            if try Interview.filter(Interview.Columns.slug == slug).fetchCount(db) > 0 {
                throw LibraryError.slugTaken(slug)
            }
            try interview.updateChanges(db) { $0.slug = slug }
            return interview
        }
    }

    /// Gives an interview a new title; the slug stays (`rename` changes it).
    /// - Throws: `LibraryError.emptyTitle`, `.unknownInterview`.
    @discardableResult
    public func retitle(_ reference: InterviewReference, to title: String) throws(LibraryError) -> Interview {
        let trimmed = title.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw .emptyTitle }
        return try write { db in
            var interview = try Self.detail(of: reference, db: db).interview
            try interview.updateChanges(db) { $0.title = trimmed }
            return interview
        }
    }

    /// What `delete` would remove, without removing it.
    public func removal(of reference: InterviewReference) throws(LibraryError) -> InterviewRemoval {
        try read { db in try Self.removal(of: reference, db: db) }
    }

    /// Removes an interview and everything the library holds of it (segments, highlights, texts, drafts, its
    /// undo history), in one transaction. The recording's file is not touched.
    @discardableResult
    public func delete(_ reference: InterviewReference) throws(LibraryError) -> InterviewRemoval {
        try write { db in
            let removal = try Self.removal(of: reference, db: db)
            // Every table of an interview's belongs to it, or to its recording, with ON DELETE CASCADE.
            try Interview.filter(Interview.Columns.slug == removal.slug).deleteAll(db)
            return removal
        }
    }

    static func removal(of reference: InterviewReference, db: Database) throws -> InterviewRemoval {
        let detail = try detail(of: reference, db: db)
        func count(_ table: String) throws -> Int {
            try Int.fetchOne(
                db, sql: "SELECT count(*) FROM \(table) WHERE interviewId = ?", arguments: [detail.interview.id]) ?? 0
        }
        return InterviewRemoval(
            slug: detail.interview.slug, title: detail.interview.title, recordingPath: detail.recording.path,
            segmentCount: detail.segments.count, highlightCount: try count("highlight"),
            textCount: try count("textRevision"), draftCount: try count("draft"))
    }

    /// Points an interview at the new place of its recording, which must hold the same audio (`fingerprint` of
    /// the file there, as import computes it).
    /// - Throws: `LibraryError.differentAudio` when it does not, `.unknownInterview`.
    @discardableResult
    public func relink(
        _ reference: InterviewReference, path: String, fingerprint: String
    ) throws(LibraryError) -> Recording {
        try write { db in
            let detail = try Self.detail(of: reference, db: db)
            guard detail.recording.fingerprint == fingerprint else {
                throw LibraryError.differentAudio(path: path, interview: detail.interview.slug)
            }
            var recording = detail.recording
            try recording.updateChanges(db) { $0.path = path }
            return recording
        }
    }
}
