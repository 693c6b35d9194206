/// What one edit did, as facts: the store returns it and journals it, and the edge of the program puts it into
/// words (`EditWording` in TapescriptApplication).
///
/// The journal stores it as JSON, so the case names and labels are a storage format: add cases freely, rename
/// none.
public enum EditSummary: Codable, Sendable, Equatable {
    /// Segments `first...last` became highlight `highlight`. `title` is the title as it was given: the highlight
    /// keeps it trimmed, but the sentence has always echoed it as typed.
    case marked(first: Int, last: Int, highlight: Int, title: String?)
    /// These highlights (their numbers before the edit, ascending) were removed.
    case unmarked(highlights: [Int])
    /// Highlight `highlight` got a new title (trimmed of spaces and tabs, as the sentence has always shown it).
    case retitled(highlight: Int, title: String)
    /// Highlight `highlight` got a new note.
    case noted(highlight: Int)
    /// Segment `segment` has a new version of its text.
    case savedText(segment: Int)
    /// The text given for segment `segment` was the text it already had: nothing new was stored.
    case textUnchanged(segment: Int)
    /// Speakers were named, in the order given.
    case namedSpeakers(names: [SpeakerNaming])
    /// Segments `first...last` were given to speaker `channel` by hand.
    case assignedSpeaker(first: Int, last: Int, channel: Int)
    /// Speaker `channel`'s paragraphs are the questions from now on.
    case choseInterviewer(channel: Int)
    /// Segment `segment` was split in two at `atFrame` of a recording of `sampleRate` frames a second.
    case split(segment: Int, atFrame: Int64, sampleRate: Int)
    /// Segment `segment` and the one after it became one.
    case merged(segment: Int)
    /// A listener's marker was dropped at `atFrame` of a recording of `sampleRate` frames a second.
    case addedMarker(atFrame: Int64, sampleRate: Int)
    /// The interview was segmented again: `fromSegmentCount` segments became `toSegmentCount`.
    case resegmented(fromSegmentCount: Int, toSegmentCount: Int)
    /// The author's texts from draft `draftVersion` were stored for `segmentCount` segments.
    case appliedReply(draftVersion: Int, segmentCount: Int)
}

/// A speaker named by an edit: the channel and the name it now goes by.
public struct SpeakerNaming: Codable, Sendable, Equatable {
    public var channel: Int
    public var name: String

    public init(channel: Int, name: String) {
        self.channel = channel
        self.name = name
    }
}

/// An edit as the journal knows it.
public enum JournalledEdit: Sendable, Equatable {
    /// What the edit did.
    case summary(EditSummary)
    /// An edit journalled by a Tapescript from before summaries, known only by the sentence it stored.
    case legacy(label: String)
}

/// What undo or redo did.
public enum UndoOutcome: Sendable, Equatable {
    /// The edit was taken back.
    case undid(JournalledEdit)
    /// The edit was made again.
    case redid(JournalledEdit)
}
