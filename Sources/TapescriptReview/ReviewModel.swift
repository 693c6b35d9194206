import TapescriptLibrary

/// The review screen's state and everything the keys do to it, with no terminal, no player and no database:
/// a key goes in, the state changes, and the effects the world should carry out come out.
struct ReviewModel {
    static let jumpSeconds = 5.0
    /// Resuming after a stop starts this much earlier, so the listener hears the words again.
    static let resumeStepBackSeconds = 1.5
    /// Playback goes on into the following segments, in excerpts this long (one takes ~70 ms to cut at
    /// 48 kHz stereo, so starting never keeps the screen waiting).
    static let playAheadSeconds = 120.0
    static let speeds: [Double] = [0.5, 0.75, 1, 1.25, 1.5, 2]

    private(set) var snapshot: ReviewSnapshot
    /// The row the cursor is on (0-based).
    private(set) var cursor = 0
    /// The first row shown.
    private(set) var top = 0
    private(set) var mode: ReviewMode = .browse
    var message: String
    var playback: PlaybackState = .stopped
    var speed = 1.0
    var looping = false
    /// Where playback last stopped, to resume from.
    var resumeFrame: Int64?
    /// The last marker dropped with `.`, where `s` splits.
    var lastMarkerFrame: Int64?
    /// Where the excerpt now playing ends, when playback is to go on after it.
    var playingUntil: Int64?
    private(set) var lastSearch: String?
    /// The segment (by its start) and its text when a text edit began, so that text changed elsewhere meanwhile
    /// is noticed before it is superseded.
    private(set) var textEditBase: (startFrame: Int64, text: String)?

    /// The base of the text edit just committed, handed over once.
    mutating func takeTextEditBase() -> (startFrame: Int64, text: String)? {
        defer { textEditBase = nil }
        return textEditBase
    }
    /// How far the `?` screen scrolls at the terminal's size (0: it all fits, and any key closes it).
    var helpMaximumTop = 0

    /// Rows the list shows at once; the screen sets it from the terminal's height.
    var pageHeight = 20 {
        didSet { scrollToCursor() }
    }
    let reactionDelaySeconds: Double
    let canChangeSpeed: Bool

    init(
        snapshot: ReviewSnapshot, reactionDelaySeconds: Double = 0.5, canChangeSpeed: Bool = false, message: String = ""
    ) {
        self.snapshot = snapshot
        self.reactionDelaySeconds = reactionDelaySeconds
        self.canChangeSpeed = canChangeSpeed
        self.message = message
    }

    var rowCount: Int { snapshot.segments.count }
    var currentSegment: ReviewSegment? { snapshot.segments.indices.contains(cursor) ? snapshot.segments[cursor] : nil }

    /// The selected rows in visual mode, else the cursor's row.
    var selection: ClosedRange<Int> {
        if case .visual(let anchor) = mode { return min(anchor, cursor)...max(anchor, cursor) }
        return cursor...cursor
    }

    // MARK: - Keys

    /// Where the `?` screen scrolls to on `key`; nil when the key closes it.
    private func scrolledHelp(from top: Int, by key: Key) -> Int? {
        guard helpMaximumTop > 0 else { return nil }
        let page = max(1, pageHeight - 1)
        switch key {
        case .down, .character("j"), .enter: return min(helpMaximumTop, top + 1)
        case .up, .character("k"): return max(0, top - 1)
        case .pageDown, .character(" "), .control("f"), .control("d"): return min(helpMaximumTop, top + page)
        case .pageUp, .control("b"), .control("u"): return max(0, top - page)
        default: return nil
        }
    }

    mutating func handle(_ key: Key) -> [ReviewEffect] {
        switch mode {
        case .help(let top):
            mode = scrolledHelp(from: top, by: key).map { .help(top: $0) } ?? .browse
            return []
        case .field(let purpose, var editor):
            switch editor.handle(key) {
            case .editing:
                mode = .field(purpose, editor)
                return []
            case .cancelled:
                mode = .browse
                message = "cancelled"
                return []
            case .committed(let text):
                mode = .browse
                return commit(text, for: purpose)
            }
        case .browse, .visual:
            return handleBrowsing(key)
        }
    }

    private mutating func handleBrowsing(_ key: Key) -> [ReviewEffect] {
        switch key {
        case .down, .character("j"): move(to: cursor + 1)
        case .up, .character("k"): move(to: cursor - 1)
        case .pageDown, .control("f"), .control("d"): move(to: cursor + max(1, pageHeight - 1))
        case .pageUp, .control("b"), .control("u"): move(to: cursor - max(1, pageHeight - 1))
        case .home, .character("g"): move(to: 0)
        case .end, .character("G"): move(to: rowCount - 1)
        case .tab: jumpToHighlight(forward: true)
        case .backTab: jumpToHighlight(forward: false)
        case .character("?"): mode = .help(top: 0)
        case .character("q"): return stopping() + [.quit]
        case .control("c"): return stopping() + [.interrupt]
        case .control("z"): return pausing() + [.suspend]
        case .escape:
            if case .visual = mode { mode = .browse }
        case .character("v"):
            if case .visual = mode { mode = .browse } else if rowCount > 0 { mode = .visual(anchor: cursor) }
        case .character(" "): return togglePlayback()
        case .enter: return playFromSegmentStart()
        case .left: return jump(by: -Self.jumpSeconds)
        case .right: return jump(by: Self.jumpSeconds)
        case .character("["): return changeSpeed(by: -1)
        case .character("]"): return changeSpeed(by: 1)
        case .character("l"): return toggleLoop()
        case .character("."): return dropMarker()
        case .character("s"): return splitAtMarker()
        case .character("m"): return toggleHighlight()
        case .character("t"):
            openHighlightField {
                .title(highlight: $0.number)
            } prefill: {
                $0.title
            }
        case .character("c"):
            openHighlightField {
                .note(highlight: $0.number)
            } prefill: {
                $0.note
            }
        case .character("x"):
            guard let segment = currentSegment else { return [] }
            return [.edit(.merge(segment: segment.index))]
        case .character("u"): return [.edit(.undo)]
        case .control("r"): return [.edit(.redo)]
        case .character("i"):
            guard let segment = currentSegment else { return [] }
            mode = .field(.text(segment: segment.index), LineEditor(text: segment.text ?? ""))
            textEditBase = (segment.startFrame, segment.text ?? "")
        case .character("e"): return openEditor()
        case .character("a"): return giveToNextSpeaker()
        case .character("S"):
            guard snapshot.speakerCount > 0 else {
                message = "this mono recording was imported before voices were told apart: no speakers to name"
                return []
            }
            let names = snapshot.speakerNames.sorted { $0.key < $1.key }.map { channel, name in
                "\(ReviewSnapshot.letter(channel: channel))=\(name)"
            }
            mode = .field(.speakers, LineEditor(text: names.joined(separator: " ")))
        case .character("/"): mode = .field(.search, LineEditor())
        case .character("n"): search(lastSearch, forward: true)
        case .character("N"): search(lastSearch, forward: false)
        default: break
        }
        return []
    }

    // MARK: - Library changes

    /// Takes a fresh snapshot after an edit, keeping the cursor on the same place in the recording.
    mutating func reload(_ fresh: ReviewSnapshot, message: String) {
        let frame = currentSegment?.startFrame
        snapshot = fresh
        if let frame, let index = fresh.segmentIndex(containing: frame) { cursor = index }
        cursor = min(max(0, cursor), max(0, rowCount - 1))
        if case .visual = mode { mode = .browse }
        self.message = message
        scrollToCursor()
    }

    private mutating func commit(_ text: String, for purpose: FieldPurpose) -> [ReviewEffect] {
        switch purpose {
        case .text(let segment): return [.edit(.text(segment: segment, text))]
        case .title(let highlight): return [.edit(.title(highlight: highlight, text))]
        case .note(let highlight): return [.edit(.note(highlight: highlight, text))]
        case .search:
            lastSearch = text.isEmpty ? lastSearch : text
            search(lastSearch, forward: true)
            return []
        case .speakers:
            guard let assignments = SpeakerAssignment.parse(text) else {
                message = "write the names as A=Name B=Name (each letter once)"
                return []
            }
            return [.edit(.speakers(assignments))]
        }
    }

    private mutating func toggleHighlight() -> [ReviewEffect] {
        guard rowCount > 0 else { return [] }
        let rows = selection
        let (first, last) = (rows.lowerBound + 1, rows.upperBound + 1)
        if case .browse = mode, let segment = currentSegment, segment.highlight != nil {
            return [.edit(.unmark(first: first, last: first))]
        }
        return [.edit(.mark(first: first, last: last))]
    }

    /// Gives the segment (or the selection) to the speaker after the current segment's, round the speakers.
    private mutating func giveToNextSpeaker() -> [ReviewEffect] {
        guard let segment = currentSegment else { return [] }
        guard snapshot.speakerCount > 1 else {
            message = "this recording has no other speaker to give the segment to"
            return []
        }
        let rows = selection
        let next = ((segment.channel ?? -1) + 1) % snapshot.speakerCount
        return [
            .edit(
                .assignSpeaker(
                    first: rows.lowerBound + 1, last: rows.upperBound + 1, speaker: ReviewSnapshot.letter(channel: next)
                ))
        ]
    }

    private mutating func openHighlightField(
        _ purpose: (ReviewHighlight) -> FieldPurpose, prefill: (ReviewHighlight) -> String?
    ) {
        guard let number = currentSegment?.highlight, let highlight = snapshot.highlight(numbered: number) else {
            message = "the segment is not in a highlight; mark it with m first"
            return
        }
        mode = .field(purpose(highlight), LineEditor(text: prefill(highlight) ?? ""))
    }

    private mutating func openEditor() -> [ReviewEffect] {
        guard let segment = currentSegment else { return [] }
        if let number = segment.highlight, let rows = snapshot.highlight(numbered: number)?.segments {
            return [.openEditor(first: rows.lowerBound, last: rows.upperBound)]
        }
        return [.openEditor(first: segment.index, last: segment.index)]
    }

    // MARK: - Moving

    mutating func move(to row: Int) {
        cursor = min(max(0, row), max(0, rowCount - 1))
        scrollToCursor()
    }

    private mutating func scrollToCursor() {
        let height = max(1, pageHeight)
        if cursor < top { top = cursor }
        if cursor >= top + height { top = cursor - height + 1 }
        top = max(0, min(top, max(0, rowCount - height)))
    }

    private mutating func jumpToHighlight(forward: Bool) {
        let current = currentSegment?.highlight
        let starts = snapshot.highlights.compactMap { highlight in
            highlight.segments.map { (highlight.number, $0.lowerBound - 1) }
        }
        let target =
            forward
            ? starts.first { $0.1 > cursor && $0.0 != current }
            : starts.last { $0.1 < cursor && ($0.0 != current || cursor != $0.1) }
        guard let target else {
            message = snapshot.highlights.isEmpty ? "no highlights yet; mark one with m" : "no more highlights"
            return
        }
        move(to: target.1)
    }

    private mutating func search(_ query: String?, forward: Bool) {
        guard let query, !query.isEmpty else {
            message = "search with / first"
            return
        }
        let needle = query.lowercased()
        let count = rowCount
        guard count > 0 else { return }
        for step in 1...count {
            let row = ((forward ? cursor + step : cursor - step) % count + count) % count
            let segment = snapshot.segments[row]
            let haystack =
                (segment.text ?? "") + " "
                + (segment.highlight.flatMap { snapshot.highlight(numbered: $0)?.title } ?? "")
            if haystack.lowercased().contains(needle) {
                move(to: row)
                message = "/\(query)"
                return
            }
        }
        message = "“\(query)” not found"
    }
}
