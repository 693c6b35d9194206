import Foundation
import GRDB

/// The state of a stretch of an interview that an edit can change: its segments (with their current text),
/// the highlights and listener markers that overlap it, and, for speaker edits, the speaker names. Undo puts
/// the stretch back as it was before; redo as it was after.
struct EditSlice: Codable, Sendable {
    struct SegmentState: Codable, Sendable, Equatable {
        var startFrame: Int64
        var endFrame: Int64
        var channel: Int?
        /// Nil in entries journalled before confidences and hand-given speakers were kept.
        var speakerConfidence: Double?
        var speakerSetByHand: Bool?
        var text: String?
        /// Who wrote `text`, and the draft whose reply brought it: undo and redo put the words back as theirs.
        /// Nil in entries journalled before these were kept, whose words come back as the interviewer's.
        var origin: TextOrigin?
        var draftId: Int64?
    }

    struct HighlightState: Codable, Sendable, Equatable {
        /// Nil in entries journalled before highlights kept their numbers; those get the next one back.
        var number: Int?
        var startFrame: Int64
        var endFrame: Int64
        var title: String?
        var note: String?
        var createdAt: Date
    }

    var segments: [SegmentState]
    var highlights: [HighlightState]
    var listenerMarkers: [Int64]
    var speakerNames: [Int: String]?
    /// The chosen interviewer, kept with the names (nil there: whoever speaks first).
    var interviewerSpeaker: Int?
}

/// Where an edit works: the interview and the frames it may touch.
struct EditScope {
    var interviewId: Int64
    var recordingId: Int64
    var frames: Range<Int64>
    var includesSpeakers: Bool

    /// The segments an edit in this scope may touch.
    var segments: QueryInterfaceRequest<Segment> { Segment.all().filter(recordingId: recordingId).overlapping(frames) }

    /// The highlights an edit in this scope may touch.
    var highlights: QueryInterfaceRequest<Highlight> {
        Highlight.all().filter(interviewId: interviewId).overlapping(frames)
    }

    /// The listener's markers an edit in this scope may touch; the recorder's are never edited.
    var listenerMarkers: QueryInterfaceRequest<Marker> {
        Marker.all().filter(recordingId: recordingId).filter(origin: .listener).placed(in: frames)
    }
}

enum EditJournal {
    /// Captures the state of `scope`.
    static func capture(_ scope: EditScope, db: Database) throws -> EditSlice {
        let versions = try Library.newestVersions(interviewId: scope.interviewId, db: db)
        let (texts, authors) = (versions.currentTexts, versions.authorship)
        let segments = try scope.segments.fetchAll(db)
        let highlights = try scope.highlights.fetchAll(db)
        let markers = try scope.listenerMarkers.fetchAll(db)
        var names: [Int: String]?
        var interviewer: Int?
        if scope.includesSpeakers {
            let rows = try SpeakerName.all().filter(interviewId: scope.interviewId).fetchAll(db)
            names = Dictionary(rows.map { ($0.channel, $0.name) }) { $1 }
            interviewer = try Interview.fetchOne(db, key: scope.interviewId)?.interviewerSpeaker
        }
        return EditSlice(
            segments: segments.sorted { $0.startFrame < $1.startFrame }.map {
                let range = FrameRange($0.startFrame, $0.endFrame)
                let text = texts[range]
                let author = text == nil ? nil : authors[range]
                return EditSlice.SegmentState(
                    startFrame: $0.startFrame, endFrame: $0.endFrame, channel: $0.channel,
                    speakerConfidence: $0.speakerConfidence, speakerSetByHand: $0.speakerSetByHand, text: text,
                    origin: author?.origin, draftId: author?.draftId)
            },
            highlights: highlights.map {
                EditSlice.HighlightState(
                    number: $0.number, startFrame: $0.startFrame, endFrame: $0.endFrame, title: $0.title, note: $0.note,
                    createdAt: $0.createdAt)
            },
            listenerMarkers: markers.map(\.frame).sorted(),
            speakerNames: names, interviewerSpeaker: interviewer)
    }

    /// Puts `slice` back over `scope`: what overlaps the scope now is replaced by what the slice holds.
    static func restore(_ slice: EditSlice, over scope: EditScope, db: Database, now: Date) throws {
        let texts = try Library.currentTexts(interviewId: scope.interviewId, db: db)
        try scope.segments.deleteAll(db)
        try scope.highlights.deleteAll(db)
        try scope.listenerMarkers.deleteAll(db)
        for state in slice.segments {
            var segment = Segment(
                id: nil, recordingId: scope.recordingId, startFrame: state.startFrame, endFrame: state.endFrame,
                channel: state.channel, speakerConfidence: state.speakerConfidence,
                speakerSetByHand: state.speakerSetByHand ?? false)
            try segment.insert(db)
            // Versions are never deleted: putting old text back is a new version with the old words.
            let current = texts[FrameRange(state.startFrame, state.endFrame)] ?? ""
            if current != (state.text ?? "") {
                var revision = TextRevision(
                    id: nil, interviewId: scope.interviewId, startFrame: state.startFrame, endFrame: state.endFrame,
                    text: state.text ?? "", origin: state.origin ?? .interviewer, draftId: state.draftId,
                    createdAt: now)
                try revision.insert(db)
            }
        }
        for state in slice.highlights {
            // Undo brings a highlight back under its own number, unless another has taken it since.
            let number: Int
            if let kept = state.number,
                try Highlight.all().filter(interviewId: scope.interviewId).filter(Highlight.Columns.number == kept)
                    .fetchCount(db) == 0
            {
                number = kept
            } else {
                number = try Highlight.nextNumber(interviewId: scope.interviewId, db: db)
            }
            var highlight = Highlight(
                id: nil, interviewId: scope.interviewId, number: number, startFrame: state.startFrame,
                endFrame: state.endFrame, title: state.title, note: state.note, createdAt: state.createdAt)
            try highlight.insert(db)
        }
        for frame in slice.listenerMarkers {
            var marker = Marker(id: nil, recordingId: scope.recordingId, frame: frame, label: "", origin: .listener)
            try marker.insert(db)
        }
        if let names = slice.speakerNames {
            try SpeakerName.all().filter(interviewId: scope.interviewId).deleteAll(db)
            for (channel, name) in names.sorted(by: { $0.key < $1.key }) {
                var row = SpeakerName(id: nil, interviewId: scope.interviewId, channel: channel, name: name)
                try row.insert(db)
            }
            if var interview = try Interview.fetchOne(db, key: scope.interviewId) {
                try interview.updateChanges(db) { $0.interviewerSpeaker = slice.interviewerSpeaker }
            }
        }
    }
}
