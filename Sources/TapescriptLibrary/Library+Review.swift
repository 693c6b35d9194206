import Foundation
import GRDB

/// The edits a reviewer makes. Each is one transaction and one step of undo, and returns what it did; the status
/// line and the scriptable commands put that into words. Each throws `LibraryError.invalidEdit` when the edit
/// cannot be made (and then changes nothing), `.unknownInterview`, or another `LibraryError` from the store.
extension Library {
    /// Makes segments `first...last` (1-based) one highlight.
    /// - Throws: `LibraryError.invalidEdit` for a range that does not exist or crosses a highlight, or an empty
    ///   title.
    public func mark(
        _ reference: InterviewReference, segments first: Int, through last: Int, title: String? = nil,
        note: String? = nil, now: Date = Date()
    ) throws(LibraryError) -> EditSummary {
        try edit(reference, now: now) { snapshot in
            try Self.frames(of: first, through: last, in: snapshot)
        } _: { db, snapshot, scope in
            if let title, title.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { throw EditError.emptyTitle }
            if let crossed = snapshot.highlights.first(where: {
                $0.startFrame < scope.frames.upperBound && $0.endFrame > scope.frames.lowerBound
            }) {
                throw EditError.crossesHighlight(first: first, last: last, highlight: crossed.number)
            }
            let number = try Highlight.nextNumber(interviewId: scope.interviewId, db: db)
            var highlight = Highlight(
                id: nil, interviewId: scope.interviewId, number: number, startFrame: scope.frames.lowerBound,
                endFrame: scope.frames.upperBound, title: title?.trimmingCharacters(in: .whitespacesAndNewlines),
                note: note, createdAt: now)
            try highlight.insert(db)
            return .marked(first: first, last: last, highlight: number, title: title)
        }
    }

    /// Removes every highlight that segments `first...last` belong to.
    /// - Throws: `LibraryError.invalidEdit` when no segment of the range is in a highlight.
    public func unmark(
        _ reference: InterviewReference, segments first: Int, through last: Int, now: Date = Date()
    ) throws(LibraryError) -> EditSummary {
        try edit(reference, now: now) { snapshot in
            try Self.frames(of: first, through: last, in: snapshot)
        } _: { db, snapshot, scope in
            let numbers = Set(snapshot.segments[(first - 1)...(last - 1)].compactMap(\.highlight)).sorted()
            guard !numbers.isEmpty else { throw EditError.notInAHighlight(segment: first) }
            let ids = numbers.compactMap { snapshot.highlight(numbered: $0)?.id }
            try Highlight.deleteAll(db, keys: ids)
            return .unmarked(highlights: numbers)
        }
    }

    /// Sets the title or the note of highlight `number`; nil leaves that one as it is.
    /// - Throws: `LibraryError.invalidEdit` for a highlight that does not exist or an empty title.
    public func describeHighlight(
        _ reference: InterviewReference, number: Int, title: String?, note: String?, now: Date = Date()
    ) throws(LibraryError) -> EditSummary {
        try edit(reference, now: now) { snapshot in
            guard let highlight = snapshot.highlight(numbered: number) else {
                throw EditError.noSuchHighlight(number, existing: snapshot.highlights.map(\.number).sorted())
            }
            return highlight.startFrame..<highlight.endFrame
        } _: { db, snapshot, _ in
            guard let view = snapshot.highlight(numbered: number),
                var highlight = try Highlight.fetchOne(db, key: view.id)
            else {
                throw EditError.noSuchHighlight(number, existing: snapshot.highlights.map(\.number).sorted())
            }
            if let title {
                let trimmed = title.trimmingCharacters(in: .whitespacesAndNewlines)
                guard !trimmed.isEmpty else { throw EditError.emptyTitle }
                highlight.title = trimmed
            }
            if let note { highlight.note = note.isEmpty ? nil : note }
            try highlight.update(db)
            if let title { return .retitled(highlight: number, title: title.trimmingCharacters(in: .whitespaces)) }
            return .noted(highlight: number)
        }
    }

    /// Stores a new version of the text of segment `index`.
    /// - Throws: `LibraryError.invalidEdit` for a segment that does not exist.
    public func setText(
        _ reference: InterviewReference, segment index: Int, text: String, origin: TextOrigin = .interviewer,
        now: Date = Date()
    ) throws(LibraryError) -> EditSummary {
        try edit(reference, now: now) { snapshot in
            try Self.frames(of: index, through: index, in: snapshot)
        } _: { db, snapshot, scope in
            let segment = snapshot.segments[index - 1]
            let cleaned = text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard cleaned != (segment.text ?? "") else { return .textUnchanged(segment: index) }
            var revision = TextRevision(
                id: nil, interviewId: scope.interviewId, startFrame: segment.startFrame, endFrame: segment.endFrame,
                text: cleaned, origin: origin, draftId: nil, createdAt: now)
            try revision.insert(db)
            return .savedText(segment: index)
        }
    }

    /// Names speakers: `[("A", "Andy"), ("B", "Jane")]`.
    /// - Throws: `LibraryError.invalidEdit` on mono, for an unknown speaker, or an empty name.
    public func nameSpeakers(
        _ reference: InterviewReference, _ names: [(speaker: String, name: String)], now: Date = Date()
    ) throws(LibraryError) -> EditSummary {
        try edit(reference, includesSpeakers: true, now: now) { _ in
            0..<0
        } _: { db, snapshot, scope in
            guard snapshot.speakerCount > 0 else { throw EditError.monoHasNoSpeakers }
            var named: [SpeakerNaming] = []
            for (speaker, name) in names {
                guard let channel = snapshot.channel(forSpeaker: speaker) else {
                    throw EditError.unknownSpeaker(speaker)
                }
                let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
                guard !trimmed.isEmpty else { throw EditError.emptySpeakerName(speaker) }
                try SpeakerName.all().filter(interviewId: scope.interviewId).filter(channel: channel).deleteAll(db)
                var row = SpeakerName(id: nil, interviewId: scope.interviewId, channel: channel, name: trimmed)
                try row.insert(db)
                named.append(SpeakerNaming(channel: channel, name: trimmed))
            }
            return .namedSpeakers(names: named)
        }
    }

    /// Gives segments `first...last` to `speaker` (a letter or a name) by hand: they keep that speaker through a
    /// resegment.
    /// - Throws: `LibraryError.invalidEdit` for a range that does not exist, an unknown speaker, or a recording
    ///   without speakers.
    public func assignSpeaker(
        _ reference: InterviewReference, segments first: Int, through last: Int, to speaker: String,
        now: Date = Date()
    ) throws(LibraryError) -> EditSummary {
        try edit(reference, now: now) { snapshot in
            try Self.frames(of: first, through: last, in: snapshot)
        } _: { db, snapshot, scope in
            guard snapshot.speakerCount > 0 else { throw EditError.monoHasNoSpeakers }
            guard let channel = snapshot.channel(forSpeaker: speaker) else { throw EditError.unknownSpeaker(speaker) }
            for view in snapshot.segments[(first - 1)...(last - 1)] {
                guard
                    var segment = try scope.segments.filter(Segment.Columns.startFrame == view.startFrame).fetchOne(db)
                else { continue }
                try segment.updateChanges(db) {
                    $0.channel = channel
                    $0.speakerConfidence = nil
                    $0.speakerSetByHand = true
                }
            }
            return .assignedSpeaker(first: first, last: last, channel: channel)
        }
    }

    /// Makes `speaker` (a letter or a name) the interviewer: their paragraphs are the questions in drafts and
    /// publications.
    /// - Throws: `LibraryError.invalidEdit` for an unknown speaker or a recording without speakers.
    public func chooseInterviewer(
        _ reference: InterviewReference, _ speaker: String, now: Date = Date()
    ) throws(LibraryError) -> EditSummary {
        try edit(reference, includesSpeakers: true, now: now) { _ in
            0..<0
        } _: { db, snapshot, _ in
            guard snapshot.speakerCount > 0 else { throw EditError.monoHasNoSpeakers }
            guard let channel = snapshot.channel(forSpeaker: speaker) else { throw EditError.unknownSpeaker(speaker) }
            var interview = snapshot.interview
            try interview.updateChanges(db) { $0.interviewerSpeaker = channel }
            return .choseInterviewer(channel: channel)
        }
    }

    /// Splits segment `index` in two at `frame`. The text stays with the first part.
    /// - Throws: `LibraryError.invalidEdit` for a segment that does not exist or a frame outside it.
    public func split(
        _ reference: InterviewReference, segment index: Int, atFrame frame: Int64, now: Date = Date()
    ) throws(LibraryError) -> EditSummary {
        try edit(reference, now: now) { snapshot in
            let frames = try Self.frames(of: index, through: index, in: snapshot)
            // Each part keeps at least 10 ms.
            let margin = Int64(snapshot.recording.sampleRate / 100)
            guard frame >= frames.lowerBound + margin, frame <= frames.upperBound - margin else {
                throw EditError.splitOutsideSegment(
                    segment: index, at: snapshot.seconds(frame), start: snapshot.seconds(frames.lowerBound),
                    end: snapshot.seconds(frames.upperBound))
            }
            return frames
        } _: { db, snapshot, scope in
            let old = snapshot.segments[index - 1]
            try Segment.all().filter(recordingId: scope.recordingId)
                .filter(Segment.Columns.startFrame == old.startFrame).deleteAll(db)
            for (start, end) in [(old.startFrame, frame), (frame, old.endFrame)] {
                var part = Segment(
                    id: nil, recordingId: scope.recordingId, startFrame: start, endFrame: end, channel: old.channel,
                    speakerConfidence: old.speakerConfidence, speakerSetByHand: old.speakerSetByHand)
                try part.insert(db)
            }
            if let text = old.text {
                // The words are the same ones: they keep who wrote them.
                let source = try Self.authorship(interviewId: scope.interviewId, db: db)[
                    FrameRange(old.startFrame, old.endFrame)]
                var revision = TextRevision(
                    id: nil, interviewId: scope.interviewId, startFrame: old.startFrame, endFrame: frame, text: text,
                    origin: source?.origin ?? .interviewer, draftId: source?.draftId, createdAt: now)
                try revision.insert(db)
            }
            return .split(segment: index, atFrame: frame, sampleRate: snapshot.recording.sampleRate)
        }
    }

    /// Merges segment `index` with the one after it; their texts are joined.
    /// - Throws: `LibraryError.invalidEdit` for the last segment, or two segments in different highlights.
    public func merge(
        _ reference: InterviewReference, segment index: Int, now: Date = Date()
    ) throws(LibraryError) -> EditSummary {
        try edit(reference, now: now) { snapshot in
            guard index < snapshot.segments.count else {
                if snapshot.segments.indices.contains(index - 1) { throw EditError.nothingToMerge(segment: index) }
                throw EditError.noSuchSegment(index, count: snapshot.segments.count)
            }
            return try Self.frames(of: index, through: index + 1, in: snapshot)
        } _: { db, snapshot, scope in
            let (first, second) = (snapshot.segments[index - 1], snapshot.segments[index])
            if let a = first.highlight, let b = second.highlight, a != b {
                throw EditError.mergeAcrossHighlights(segment: index)
            }
            try Segment.all().filter(recordingId: scope.recordingId)
                .filter(
                    Segment.Columns.startFrame >= first.startFrame && Segment.Columns.startFrame <= second.startFrame
                )
                .deleteAll(db)
            let speaker = first.channel == nil ? second : first
            var merged = Segment(
                id: nil, recordingId: scope.recordingId, startFrame: first.startFrame, endFrame: second.endFrame,
                channel: speaker.channel, speakerConfidence: speaker.speakerConfidence,
                speakerSetByHand: speaker.speakerSetByHand)
            try merged.insert(db)
            let text = [first.text, second.text].compactMap { $0 }.joined(separator: " ")
            if !text.isEmpty {
                var revision = TextRevision(
                    id: nil, interviewId: scope.interviewId, startFrame: first.startFrame, endFrame: second.endFrame,
                    text: text, origin: .interviewer, draftId: nil, createdAt: now)
                try revision.insert(db)
            }
            // A highlight that held either half now holds the whole.
            if let number = first.highlight ?? second.highlight,
                let view = snapshot.highlight(numbered: number),
                var highlight = try Highlight.fetchOne(db, key: view.id)
            {
                highlight.startFrame = min(highlight.startFrame, first.startFrame)
                highlight.endFrame = max(highlight.endFrame, second.endFrame)
                try highlight.update(db)
            }
            return .merged(segment: index)
        }
    }

    /// Drops a listener's marker at `frame`.
    /// - Throws: `LibraryError.unknownInterview`, or another `LibraryError` from the store.
    public func addMarker(
        _ reference: InterviewReference, atFrame frame: Int64, now: Date = Date()
    ) throws(LibraryError) -> EditSummary {
        try edit(reference, now: now) { _ in
            frame..<(frame + 1)
        } _: { db, snapshot, scope in
            var marker = Marker(id: nil, recordingId: scope.recordingId, frame: frame, label: "", origin: .listener)
            try marker.insert(db)
            return .addedMarker(atFrame: frame, sampleRate: snapshot.recording.sampleRate)
        }
    }

    /// The frames of segments `first...last`.
    static func frames(of first: Int, through last: Int, in snapshot: ReviewSnapshot) throws -> Range<Int64> {
        let count = snapshot.segments.count
        guard first <= last else { throw EditError.emptyRange(first: first, last: last) }
        for index in [first, last] where !(1...max(1, count)).contains(index) || count == 0 {
            throw EditError.noSuchSegment(index, count: count)
        }
        return snapshot.segments[first - 1].startFrame..<snapshot.segments[last - 1].endFrame
    }
}
