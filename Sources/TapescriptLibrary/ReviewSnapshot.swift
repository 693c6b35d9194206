import Foundation
import GRDB

/// Everything the review screen and the editing commands show of one interview, read in one transaction.
public struct ReviewSnapshot: Sendable {
    public var interview: Interview
    public var recording: Recording
    public var segments: [ReviewSegment]
    public var highlights: [ReviewHighlight]
    public var markers: [Marker]
    /// Names given to speakers, by channel.
    public var speakerNames: [Int: String]
    public var canUndo: Bool
    public var canRedo: Bool

    /// The highlight the user calls `number` (highlights keep their numbers; in time order they may read 1, 3, 2).
    public func highlight(numbered number: Int) -> ReviewHighlight? {
        highlights.first { $0.number == number }
    }

    /// The name of the speaker on `channel`, or its letter until named; nil on mono.
    public func speaker(channel: Int?) -> String? {
        channel.map { speakerNames[$0] ?? Self.letter(channel: $0) }
    }

    public static func letter(channel: Int) -> String {
        String(UnicodeScalar(UInt8(65 + min(max(channel, 0), 25))))
    }

    /// How many speakers there are: one per channel on a call recording; on mono, as many as import told apart
    /// by voice (none for mono imported before voiceprints).
    public var speakerCount: Int {
        if recording.channelCount > 1 { return recording.channelCount }
        guard let highest = segments.compactMap(\.channel).max() else { return 0 }
        return max(highest + 1, recording.segmentation.speakerCount ?? 2)
    }

    /// The speaker whose paragraphs are the questions: the one chosen, or else whoever speaks first; nil on mono
    /// without speakers.
    public var interviewer: Int? {
        guard speakerCount > 0 else { return nil }
        return interview.interviewerSpeaker.flatMap { $0 < speakerCount ? $0 : nil }
            ?? segments.lazy.compactMap(\.channel).first ?? 0
    }

    /// The channel a speaker letter or name stands for.
    public func channel(forSpeaker speaker: String) -> Int? {
        let wanted = speaker.lowercased()
        if wanted.count == 1, let scalar = wanted.unicodeScalars.first, ("a"..."h").contains(wanted) {
            let channel = Int(scalar.value) - 97
            return channel < speakerCount ? channel : nil
        }
        return speakerNames.first { $0.value.lowercased() == wanted }?.key
    }

    public func seconds(_ frame: Int64) -> Double { Double(frame) / Double(recording.sampleRate) }

    /// The segment holding `frame`, or the last one starting before it.
    public func segmentIndex(containing frame: Int64) -> Int? {
        var low = 0
        var high = segments.count - 1
        var found: Int?
        while low <= high {
            let middle = (low + high) / 2
            if segments[middle].startFrame <= frame {
                found = middle
                low = middle + 1
            } else {
                high = middle - 1
            }
        }
        return found
    }
}

/// A segment as review shows it: its number (1-based, in time order), text and highlight.
public struct ReviewSegment: Sendable, Equatable {
    public var index: Int
    public var startFrame: Int64
    public var endFrame: Int64
    public var channel: Int?
    /// How sure import was of the voice (0–1); nil where the channel tells or a person chose.
    public var speakerConfidence: Double? = nil
    /// Whether a person gave the segment its speaker.
    public var speakerSetByHand: Bool = false
    public var text: String?
    /// The number of the highlight the segment belongs to (1-based, in time order).
    public var highlight: Int?
    /// Who wrote the newest version of its text, nil when it never had one. With no `text`, `.author` means the
    /// author deleted its paragraphs in a reply.
    public var textOrigin: TextOrigin? = nil
    /// The recogniser's words and confidences, while the text is the machine's.
    public var machine: MachineTranscript? = nil

    /// Whether the author took this segment's words out of the text to publish: the segment and its highlight
    /// stay, the words are left out of drafts and the publication.
    public var isLeftOutByAuthor: Bool { text == nil && textOrigin == .author }
}

/// A highlight with its number and the segments it spans.
public struct ReviewHighlight: Sendable, Equatable {
    public var number: Int
    public var id: Int64
    public var startFrame: Int64
    public var endFrame: Int64
    public var title: String?
    public var note: String?
    /// The 1-based numbers of its first and last segment; nil when no segment lies inside it any more.
    public var segments: ClosedRange<Int>?
}

extension Library {
    /// The review state of the interview `reference` names.
    /// - Throws: `LibraryError.unknownInterview`, `.unreadable` when its recording cannot be read.
    public func reviewSnapshot(of reference: InterviewReference) throws(LibraryError) -> ReviewSnapshot {
        try read { db in try Self.reviewSnapshot(of: reference, db: db) }
    }

    static func reviewSnapshot(of reference: InterviewReference, db: Database) throws -> ReviewSnapshot {
        let detail = try detail(of: reference, db: db)
        guard let interviewId = detail.interview.id else {
            throw LibraryError.unknownInterview(reference: "\(reference)")
        }
        let versions = try newestVersions(interviewId: interviewId, db: db)
        let (texts, authors, transcripts) = (versions.currentTexts, versions.authorship, versions.machineTranscripts)
        let highlights = try Highlight.all().filter(interviewId: interviewId).order(Highlight.Columns.startFrame)
            .fetchAll(db)
        var segments = detail.segments.enumerated().map { offset, segment in
            let range = FrameRange(segment.startFrame, segment.endFrame)
            return ReviewSegment(
                index: offset + 1, startFrame: segment.startFrame, endFrame: segment.endFrame,
                channel: segment.channel, speakerConfidence: segment.speakerConfidence,
                speakerSetByHand: segment.speakerSetByHand, text: texts[range], highlight: nil,
                textOrigin: authors[range]?.origin, machine: transcripts[range])
        }
        var views: [ReviewHighlight] = []
        for highlight in highlights {
            var first: Int?
            var last: Int?
            for position in segments.indices where highlight.contains(segments[position]) {
                segments[position].highlight = highlight.number
                first = first ?? position + 1
                last = position + 1
            }
            views.append(
                ReviewHighlight(
                    number: highlight.number, id: highlight.id ?? 0, startFrame: highlight.startFrame,
                    endFrame: highlight.endFrame, title: highlight.title, note: highlight.note,
                    segments: first.flatMap { first in last.map { first...$0 } }))
        }
        let names = try SpeakerName.all().filter(interviewId: interviewId).fetchAll(db)
        let journal = Edit.all().filter(interviewId: interviewId)
        let undoable = try journal.filter(undone: false).fetchCount(db)
        let redoable = try journal.filter(undone: true).fetchCount(db)
        return ReviewSnapshot(
            interview: detail.interview, recording: detail.recording, segments: segments, highlights: views,
            markers: detail.markers, speakerNames: Dictionary(names.map { ($0.channel, $0.name) }) { $1 },
            canUndo: undoable > 0, canRedo: redoable > 0)
    }

    /// The newest version of every frame range's text, read in one query: its words (empty for a deletion),
    /// who wrote them and through which draft, and the machine's transcript as stored. Read leniently: an origin
    /// no Tapescript writes is damage that `history` names, and must not stop every edit of the interview; it
    /// comes back as nil, and those words as the interviewer's.
    static func newestVersions(interviewId: Int64, db: Database) throws -> [FrameRange: NewestVersion] {
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT startFrame, endFrame, text, origin, draftId, machine FROM textRevision
                WHERE id IN (SELECT MAX(id) FROM textRevision WHERE interviewId = ? GROUP BY startFrame, endFrame)
                """, arguments: [interviewId])
        var versions: [FrameRange: NewestVersion] = [:]
        for row in rows {
            versions[FrameRange(row["startFrame"], row["endFrame"])] = NewestVersion(
                text: row["text"], origin: String.fromDatabaseValue(row["origin"]).flatMap(TextOrigin.init(rawValue:)),
                draftId: Int64.fromDatabaseValue(row["draftId"]), machineJSON: String.fromDatabaseValue(row["machine"]))
        }
        return versions
    }

    /// The newest text of every frame range that has one.
    static func currentTexts(interviewId: Int64, db: Database) throws -> [FrameRange: String] {
        try newestVersions(interviewId: interviewId, db: db).currentTexts
    }

    /// Who wrote the newest version of every frame range's text, and through which draft.
    static func authorship(
        interviewId: Int64, db: Database
    ) throws -> [FrameRange: (origin: TextOrigin, draftId: Int64?)] {
        try newestVersions(interviewId: interviewId, db: db).authorship
    }
}

/// The newest version of one frame range's text, as `newestVersions` reads it.
struct NewestVersion {
    var text: String
    var origin: TextOrigin?
    var draftId: Int64?
    var machineJSON: String?
}

extension [FrameRange: NewestVersion] {
    /// The words of every range that has some.
    var currentTexts: [FrameRange: String] { compactMapValues { $0.text.isEmpty ? nil : $0.text } }

    /// Who wrote every range's words, where the origin is one Tapescript writes.
    var authorship: [FrameRange: (origin: TextOrigin, draftId: Int64?)] {
        compactMapValues { version in version.origin.map { ($0, version.draftId) } }
    }

    /// The machine's transcript of every range whose newest text is the machine's. A damaged transcript costs its
    /// confidences only, never the text.
    var machineTranscripts: [FrameRange: MachineTranscript] {
        let decoder = JSONDecoder()
        return compactMapValues { version in
            guard version.origin == .machine, let json = version.machineJSON else { return nil }
            return try? decoder.decode(MachineTranscript.self, from: Data(json.utf8))
        }
    }
}

/// A frame range as a dictionary key.
struct FrameRange: Hashable {
    var start: Int64
    var end: Int64

    init(_ start: Int64, _ end: Int64) {
        self.start = start
        self.end = end
    }
}

extension Highlight {
    /// Whether a segment belongs to this highlight: its middle lies inside.
    func contains(_ segment: ReviewSegment) -> Bool {
        let middle = (segment.startFrame + segment.endFrame) / 2
        return startFrame <= middle && middle < endFrame
    }
}
