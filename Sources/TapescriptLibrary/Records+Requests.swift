import GRDB

// The questions the store asks of each table, so that no query spells a column name.

extension DerivableRequest<Recording> {
    /// The recording of interview `interviewId`.
    func filter(interviewId: Int64) -> Self { filter(Recording.Columns.interviewId == interviewId) }
}

extension DerivableRequest<Segment> {
    /// The segments of recording `recordingId`.
    func filter(recordingId: Int64) -> Self { filter(Segment.Columns.recordingId == recordingId) }

    /// The segments that share at least one frame with `frames`.
    func overlapping(_ frames: Range<Int64>) -> Self {
        filter(Segment.Columns.startFrame < frames.upperBound && Segment.Columns.endFrame > frames.lowerBound)
    }
}

extension DerivableRequest<Highlight> {
    /// The highlights of interview `interviewId`.
    func filter(interviewId: Int64) -> Self { filter(Highlight.Columns.interviewId == interviewId) }

    /// The highlights that share at least one frame with `frames`.
    func overlapping(_ frames: Range<Int64>) -> Self {
        filter(Highlight.Columns.startFrame < frames.upperBound && Highlight.Columns.endFrame > frames.lowerBound)
    }
}

extension DerivableRequest<Marker> {
    /// The markers of recording `recordingId`.
    func filter(recordingId: Int64) -> Self { filter(Marker.Columns.recordingId == recordingId) }

    /// The markers placed by `origin`: the recorder or the listener.
    func filter(origin: Marker.Origin) -> Self { filter(Marker.Columns.origin == origin.rawValue) }

    /// The markers inside `frames`.
    func placed(in frames: Range<Int64>) -> Self {
        filter(Marker.Columns.frame >= frames.lowerBound && Marker.Columns.frame < frames.upperBound)
    }
}

extension DerivableRequest<SpeakerName> {
    /// The speaker names of interview `interviewId`.
    func filter(interviewId: Int64) -> Self { filter(SpeakerName.Columns.interviewId == interviewId) }

    /// The name of the speaker on `channel`.
    func filter(channel: Int) -> Self { filter(SpeakerName.Columns.channel == channel) }
}

extension DerivableRequest<TextRevision> {
    /// The text versions of interview `interviewId`.
    func filter(interviewId: Int64) -> Self { filter(TextRevision.Columns.interviewId == interviewId) }

    /// The versions written by `origin`.
    func filter(origin: TextOrigin) -> Self { filter(TextRevision.Columns.origin == origin.rawValue) }
}

extension DerivableRequest<DraftRecord> {
    /// The drafts of interview `interviewId`.
    func filter(interviewId: Int64) -> Self { filter(DraftRecord.Columns.interviewId == interviewId) }
}

extension DerivableRequest<Edit> {
    /// The journal of interview `interviewId`.
    func filter(interviewId: Int64) -> Self { filter(Edit.Columns.interviewId == interviewId) }

    /// The edits that are undone (and so can be redone), or those that are not (and so can be undone).
    func filter(undone: Bool) -> Self { filter(Edit.Columns.undone == undone) }
}
