import Foundation
import GRDB
import GRDBSQLite
import TapescriptAudio

/// An interview with the facts `tapescript list` shows.
public struct InterviewSummary: Sendable, Equatable {
    public var interview: Interview
    public var recording: Recording
    public var segmentCount: Int
}

/// A row of the interview list as the one query reads it.
private struct SummaryRow: Decodable, FetchableRecord {
    var recording: Recording
    var interview: Interview
    var segmentCount: Int
}

/// Everything about one interview that reading commands need.
public struct InterviewDetail: Sendable {
    public var interview: Interview
    public var recording: Recording
    public var segments: [Segment]
    public var markers: [Marker]
}

extension Library {
    /// Adds an analysed recording as a new interview with its segments and markers, in one transaction.
    /// - Throws: `LibraryError.duplicateRecording` when the same audio is already in the library.
    public func importRecording(
        _ analysis: RecordingAnalysis, path: String, title: String, regions: [SpeechRegion],
        parameters: SegmentationParameters, now: Date = Date()
    ) throws(LibraryError) -> Interview {
        try write { db in
            let existing = Recording.filter(Recording.Columns.fingerprint == analysis.fingerprint)
                .select(Recording.Columns.interviewId, as: Int64.self)
            if let ownerId = try existing.fetchOne(db), let owner = try Interview.fetchOne(db, key: ownerId) {
                let former = try String.fetchOne(
                    db, sql: "SELECT path FROM recording WHERE interviewId = ?", arguments: [ownerId])
                if let former, former != path, !FileManager.default.fileExists(atPath: former) {
                    throw LibraryError.movedRecording(path: path, existing: owner.slug, formerPath: former)
                }
                throw LibraryError.duplicateRecording(path: path, existing: owner.slug)
            }
            var interview = Interview(id: nil, slug: try Slug.unique(from: title, in: db), title: title, createdAt: now)
            try interview.insert(db)
            guard let interviewId = interview.id else { throw LibraryError.databaseFailure(reason: "no row id") }
            var recording = Recording(
                id: nil, interviewId: interviewId, path: path, fingerprint: analysis.fingerprint,
                container: analysis.format.container, encoding: analysis.format.encoding,
                sampleRate: analysis.format.sampleRate, channelCount: analysis.format.channelCount,
                frameCount: analysis.decodedFrameCount, expectedFrameCount: analysis.truncation?.expectedFrameCount,
                nonFiniteSampleCount: analysis.nonFiniteSampleCount, envelope: analysis.envelope.encodedLevels(),
                segmentation: parameters, importedAt: now)
            try recording.insert(db)
            guard let recordingId = recording.id else { throw LibraryError.databaseFailure(reason: "no row id") }
            if let voiceprint = analysis.envelope.voiceprint {
                try Self.storeVoiceprint(voiceprint, recordingId: recordingId, db: db)
            }
            try Self.insertSegments(regions, recordingId: recordingId, db: db)
            for cue in analysis.markers {
                var marker = Marker(id: nil, recordingId: recordingId, frame: cue.frame, label: cue.label)
                try marker.insert(db)
            }
            return interview
        }
    }

    /// Writes a voiceprint into its own row through SQLite's incremental blob I/O: for hours of mono it is
    /// megabytes, and binding it as one value would hold two more copies of it in memory (GRDB's and SQLite's).
    /// The row's blob is its last column and starts as a zeroblob, so SQLite never builds it whole either.
    static func storeVoiceprint(_ voiceprint: Voiceprint, recordingId: Int64, db: Database) throws {
        try db.execute(
            sql: "INSERT INTO voiceprint (recordingId, section) VALUES (?, zeroblob(?))",
            arguments: [recordingId, voiceprint.encodedCount])
        var handle: OpaquePointer?
        guard
            sqlite3_blob_open(db.sqliteConnection, "main", "voiceprint", "section", recordingId, 1, &handle)
                == SQLITE_OK, let blob = handle
        else {
            sqlite3_blob_close(handle)
            throw LibraryError.databaseFailure(reason: "cannot open the voiceprint for writing")
        }
        defer { sqlite3_blob_close(blob) }
        var offset: Int32 = 0
        try voiceprint.encode { bytes in
            guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
            guard sqlite3_blob_write(blob, base, Int32(bytes.count), offset) == SQLITE_OK else {
                throw LibraryError.databaseFailure(reason: "cannot write the voiceprint")
            }
            offset += Int32(bytes.count)
        }
    }

    /// The stored envelope of `recording`, with its voiceprint wherever it is kept.
    /// - Throws: `LibraryError.damaged` when the stored bytes are not an envelope.
    public func envelope(of recording: Recording) throws(LibraryError) -> Envelope {
        let section = try read { db in
            try Data.fetchOne(
                db, sql: "SELECT section FROM voiceprint WHERE recordingId = ?", arguments: [recording.id])
        }
        let decoded =
            section.map { Envelope(encoded: recording.envelope, voiceprint: $0) }
            ?? Envelope(encoded: recording.envelope)
        guard let envelope = decoded else {
            throw .damaged(path: path, detail: "the level envelope of recording '\(recording.path)' cannot be read")
        }
        return envelope
    }

    /// Every interview, oldest first.
    /// - Throws: `LibraryError.unreadable` naming the first interview whose recording cannot be read.
    public func summaries() throws(LibraryError) -> [InterviewSummary] {
        try read { db in
            // One query: each recording with its interview and the number of its segments.
            let request = Recording.including(required: Recording.interview)
                .annotated(with: Recording.segments.count)
                .order(Recording.Columns.interviewId)
                .asRequest(of: SummaryRow.self)
            do {
                return try request.fetchAll(db).map {
                    InterviewSummary(interview: $0.interview, recording: $0.recording, segmentCount: $0.segmentCount)
                }
            } catch let error where error.isDecodingFailure {
                // Opening each interview in turn finds the one that does not read, and names it.
                for id in try Interview.order(Interview.Columns.id).fetchAll(db).compactMap(\.id) {
                    _ = try Self.detail(of: .number(id), db: db)
                }
                throw error
            }
        }
    }

    /// The interview a user named by its slug or its number.
    /// - Throws: `LibraryError.unknownInterview`, or `.unreadable` when its recording cannot be read.
    public func detail(of reference: InterviewReference) throws(LibraryError) -> InterviewDetail {
        try read { db in try Self.detail(of: reference, db: db) }
    }

    /// Replaces an interview's segments with new ones made with `parameters`, as one undoable edit. Text
    /// written for the old segments moves to the new segment that holds its middle; highlights are frame
    /// ranges and stay where they are.
    /// - Throws: `LibraryError.unknownInterview`, or another `LibraryError` from the store.
    @discardableResult
    public func replaceSegments(
        of reference: InterviewReference, with regions: [SpeechRegion], parameters: SegmentationParameters,
        now: Date = Date()
    ) throws(LibraryError) -> EditSummary {
        try edit(reference, now: now) { snapshot in
            0..<max(snapshot.recording.frameCount, regions.last?.endFrame ?? 0) + 1
        } _: { db, snapshot, scope in
            let byHand = try Segment.all().filter(recordingId: scope.recordingId)
                .filter(Segment.Columns.speakerSetByHand == true).fetchAll(db)
            try Segment.all().filter(recordingId: scope.recordingId).deleteAll(db)
            try Self.insertSegments(regions, recordingId: scope.recordingId, keeping: byHand, db: db)
            try Self.carryTexts(from: snapshot.segments, to: regions, interviewId: scope.interviewId, db: db, now: now)
            var recording = snapshot.recording
            try recording.updateChanges(db) { $0.segmentation = parameters }
            return .resegmented(fromSegmentCount: snapshot.segments.count, toSegmentCount: regions.count)
        }
    }

    private static func carryTexts(
        from old: [ReviewSegment], to regions: [SpeechRegion], interviewId: Int64, db: Database, now: Date
    ) throws {
        let versions = try newestVersions(interviewId: interviewId, db: db)
        let (authors, existing) = (versions.authorship, versions.currentTexts)
        var moved: [Int: [(text: String, author: (origin: TextOrigin, draftId: Int64?)?)]] = [:]
        for segment in old {
            guard let text = segment.text else { continue }
            let middle = (segment.startFrame + segment.endFrame) / 2
            let target =
                regions.firstIndex { $0.startFrame <= middle && middle < $0.endFrame }
                ?? regions.indices.min { abs(regions[$0].startFrame - middle) < abs(regions[$1].startFrame - middle) }
            let author = authors[FrameRange(segment.startFrame, segment.endFrame)]
            if let target { moved[target, default: []].append((text, author)) }
        }
        for (index, texts) in moved {
            let region = regions[index]
            let joined = texts.map(\.text).joined(separator: " ")
            guard existing[FrameRange(region.startFrame, region.endFrame)] != joined else { continue }
            // Words moved whole keep who wrote them (the author's stay the author's); words joined from several
            // segments are a new text of the interviewer's.
            let single = texts.count == 1 ? texts[0].author : nil
            var revision = TextRevision(
                id: nil, interviewId: interviewId, startFrame: region.startFrame, endFrame: region.endFrame,
                text: joined, origin: single?.origin ?? .interviewer, draftId: single?.draftId, createdAt: now)
            try revision.insert(db)
        }
    }

    static func detail(of reference: InterviewReference, db: Database) throws -> InterviewDetail {
        let found: Interview?
        switch reference {
        case .number(let id): found = try Interview.fetchOne(db, key: id)
        case .slug(let slug): found = try Interview.filter(Interview.Columns.slug == slug).fetchOne(db)
        }
        guard let interview = found, let id = interview.id else {
            throw LibraryError.unknownInterview(reference: reference.description)
        }
        let recording = try UnreadableData.naming(.recording(interview: interview.slug)) {
            try Recording.all().filter(interviewId: id).fetchOne(db)
        }
        guard let recording, let recordingId = recording.id else {
            throw LibraryError.unknownInterview(reference: reference.description)
        }
        let segments = try Segment.all().filter(recordingId: recordingId).order(Segment.Columns.startFrame).fetchAll(db)
        let markers = try Marker.all().filter(recordingId: recordingId).order(Marker.Columns.frame).fetchAll(db)
        return InterviewDetail(interview: interview, recording: recording, segments: segments, markers: markers)
    }

    /// Stores `regions` as segments. A region mostly covered by segments a person gave a speaker to (`byHand`)
    /// keeps the speaker that covers most of it.
    private static func insertSegments(
        _ regions: [SpeechRegion], recordingId: Int64, keeping byHand: [Segment] = [], db: Database
    ) throws {
        for region in regions {
            var segment = Segment(
                id: nil, recordingId: recordingId, startFrame: region.startFrame, endFrame: region.endFrame,
                channel: region.speaker, speakerConfidence: region.speakerConfidence)
            var covered: [Int: Int64] = [:]
            for given in byHand where given.startFrame < region.endFrame && given.endFrame > region.startFrame {
                guard let channel = given.channel else { continue }
                let overlap = min(given.endFrame, region.endFrame) - max(given.startFrame, region.startFrame)
                covered[channel, default: 0] += overlap
            }
            if let most = covered.max(by: { $0.value < $1.value }), most.value * 2 > region.endFrame - region.startFrame
            {
                segment.channel = most.key
                segment.speakerConfidence = nil
                segment.speakerSetByHand = true
            }
            try segment.insert(db)
        }
    }
}
