import Foundation
import TapescriptAudio
import TapescriptLibrary
import TapescriptText
import TapescriptTime

/// Lays the review state out as lines of styled text for a terminal of a given size.
struct ReviewScreen {
    static let minimumSize = TerminalSize(width: 60, height: 12)
    /// Header above the list; status and key/prompt lines below it.
    static let chromeHeight = 3

    let envelope: Envelope
    var playerName: String?

    static func listHeight(for size: TerminalSize) -> Int { max(1, size.height - chromeHeight) }

    /// The lines to draw and where the terminal's cursor goes (only while typing in a field).
    func lines(for model: ReviewModel, size: TerminalSize) -> (lines: [Line], cursor: (row: Int, column: Int)?) {
        guard size.width >= Self.minimumSize.width, size.height >= Self.minimumSize.height else {
            let text = "Terminal too small (\(size.width)×\(size.height)); enlarge it to at least 60×12, or press q."
            return ([[Span(DisplayWidth.truncate(text, toWidth: size.width), style: Style(bold: true))]], nil)
        }
        if case .help(let top) = model.mode {
            return (ReviewHelp.lines(width: size.width, height: size.height, top: top), nil)
        }
        var lines: [Line] = [header(model, width: size.width)]
        let height = Self.listHeight(for: size)
        let snapshot = model.snapshot
        if snapshot.segments.isEmpty {
            lines.append([Span("No segments: the recording holds no speech that was found. Try 'tapescript pauses'.")])
        }
        for row in model.top..<min(snapshot.segments.count, model.top + height) {
            lines.append(segmentLine(row, model: model, width: size.width))
        }
        while lines.count < height + 1 { lines.append([Span("~", style: Style(dim: true))]) }
        lines.append(statusLine(model, width: size.width))
        let (bottom, cursorColumn) = bottomLine(model, width: size.width)
        lines.append(bottom)
        return (lines, cursorColumn.map { (size.height - 1, $0) })
    }

    private func header(_ model: ReviewModel, width: Int) -> Line {
        let snapshot = model.snapshot
        let summary =
            "  \(snapshot.interview.slug) · \(counted(snapshot.segments.count, "segment")) · "
            + counted(snapshot.highlights.count, "highlight")
        return [
            Span(DisplayWidth.truncate(snapshot.interview.title, toWidth: width / 2), style: Style(bold: true)),
            Span(summary, style: Style(dim: true)),
        ]
    }

    private func segmentLine(_ row: Int, model: ReviewModel, width: Int) -> Line {
        let snapshot = model.snapshot
        let segment = snapshot.segments[row]
        let isCursor = row == model.cursor
        let isSelected =
            model.selection.contains(row) && { if case .visual = model.mode { return true } else { return false } }()
        var playing = false
        if case .playing(let frame) = model.playback, segment.startFrame <= frame, frame < segment.endFrame {
            playing = true
        }
        let base = Style(reverse: isCursor || isSelected)
        let start = model.snapshot.seconds(segment.startFrame)
        let length = model.snapshot.seconds(segment.endFrame - segment.startFrame)
        let speaker = DisplayWidth.fit(snapshot.speaker(channel: segment.channel) ?? "·", toWidth: 6)
        var spans: [Span] = [
            Span(playing ? "▶" : " ", style: Style(bold: true, reverse: base.reverse, foreground: .green)),
            Span(DisplayWidth.fit(String(segment.index), toWidth: 4, alignment: .trailing) + " ", style: base),
            Span(DisplayWidth.fit(Timecode.clock(start), toWidth: 8, alignment: .trailing) + " ", style: base),
            Span(
                DisplayWidth.fit(Timecode.compactDuration(length), toWidth: 6, alignment: .trailing) + " ", style: base),
            Span(
                speaker + " ", style: Style(reverse: base.reverse, foreground: segment.channel == 1 ? .magenta : .cyan)),
            Span(meter(segment) + " ", style: Style(reverse: base.reverse, foreground: .grey)),
        ]
        spans.append(highlightSpan(segment, in: snapshot, width: 18, reverse: base.reverse))
        spans.append(
            Span(
                Self.markerSymbol(segment, in: snapshot) + " ", style: Style(reverse: base.reverse, foreground: .yellow)
            ))
        let used = spans.reduce(0) { $0 + DisplayWidth.of($1.text) }
        if segment.hasMachineText {
            spans += machineTextSpans(segment, width: max(0, width - used), reverse: base.reverse)
            return spans
        }
        let preview = (segment.text ?? "").split(whereSeparator: \.isNewline).joined(separator: " ")
        let placeholder = segment.isLeftOutByAuthor ? "(deleted by the author)" : "·"
        spans.append(
            Span(
                DisplayWidth.fit(preview.isEmpty ? placeholder : preview, toWidth: max(0, width - used)),
                style: Style(dim: preview.isEmpty, reverse: base.reverse)))
        return spans
    }

    /// Machine text, not yet corrected: marked `≈` and dim, each word the engine was unsure of underlined (so it
    /// shows without colour too), cut to `width`.
    private func machineTextSpans(_ segment: ReviewSegment, width: Int, reverse: Bool) -> [Span] {
        let marker = Span("≈ ", style: Style(bold: true, reverse: reverse, foreground: .blue))
        var spans = [marker]
        var left = width - DisplayWidth.of(marker.text)
        let uncertain = Set((segment.machine?.uncertainWords ?? []).map(\.text))
        let words = (segment.text ?? "").split(whereSeparator: \.isWhitespace).map(String.init)
        for (index, word) in words.enumerated() where left > 0 {
            let text = (index == 0 ? "" : " ") + word
            let style = Style(dim: !uncertain.contains(word), reverse: reverse, underline: uncertain.contains(word))
            let fitted = DisplayWidth.fit(text, toWidth: min(left, DisplayWidth.of(text)))
            spans.append(Span(fitted, style: style))
            left -= DisplayWidth.of(fitted)
        }
        if left > 0 { spans.append(Span(String(repeating: " ", count: left), style: Style(reverse: reverse))) }
        return spans
    }

    /// `◆` for a marker inside the segment; `◇` for one in the pause after it (or, on the first segment, before
    /// it), which no segment holds but which must not vanish from the screen it was dropped on.
    static func markerSymbol(_ segment: ReviewSegment, in snapshot: ReviewSnapshot) -> String {
        let frames = snapshot.markers.map(\.frame)
        if frames.contains(where: { segment.startFrame <= $0 && $0 < segment.endFrame }) { return "◆" }
        let next = segment.index  // the next segment's position, `index` being 1-based
        let pauseEnd =
            snapshot.segments.indices.contains(next)
            ? snapshot.segments[next].startFrame : snapshot.recording.frameCount + 1
        let isFirst = segment.index == 1
        let inPause = frames.contains {
            ($0 >= segment.endFrame && $0 < pauseEnd) || (isFirst && $0 < segment.startFrame)
        }
        return inPause ? "◇" : " "
    }

    /// The highlight mark: its number and title on its first segment, a bar on the rest.
    private func highlightSpan(_ segment: ReviewSegment, in snapshot: ReviewSnapshot, width: Int, reverse: Bool) -> Span
    {
        guard let number = segment.highlight, let highlight = snapshot.highlight(numbered: number) else {
            return Span(String(repeating: " ", count: width) + " ", style: Style(reverse: reverse))
        }
        let text =
            highlight.segments?.lowerBound == segment.index
            ? "★\(number) " + (highlight.title ?? "(untitled)") : "┃"
        return Span(
            DisplayWidth.fit(text, toWidth: width) + " ",
            style: Style(bold: true, reverse: reverse, foreground: .yellow))
    }

    /// A mini-waveform of the segment: eight cells, each the loudest 10 ms window of its eighth.
    private func meter(_ segment: ReviewSegment) -> String {
        let cells = 8
        let first = envelope.window(ofFrame: segment.startFrame)
        let last = max(first + 1, min(envelope.windowCount, envelope.window(ofFrame: segment.endFrame)))
        guard first < envelope.windowCount else { return String(repeating: " ", count: cells) }
        let glyphs: [Character] = [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
        var text = ""
        for cell in 0..<cells {
            let from = first + (last - first) * cell / cells
            let to = max(from + 1, first + (last - first) * (cell + 1) / cells)
            var loudest: Float = Envelope.floorDecibels
            for window in from..<min(to, envelope.windowCount) {
                for channel in 0..<envelope.channelCount {
                    loudest = max(loudest, envelope.level(window: window, channel: channel))
                }
            }
            let fraction = min(1, max(0, (loudest + 60) / 54))
            text.append(glyphs[Int((fraction * Float(glyphs.count - 1)).rounded())])
        }
        return text
    }

    private func statusLine(_ model: ReviewModel, width: Int) -> Line {
        [Span(DisplayWidth.fit(statusText(model), toWidth: width), style: Style(reverse: true))]
    }

    /// The status line in full: where the cursor and playback are, then the last message.
    func statusText(_ model: ReviewModel) -> String {
        let position = model.snapshot.segments.isEmpty ? "0/0" : "\(model.cursor + 1)/\(model.snapshot.segments.count)"
        var playback: String
        switch model.playback {
        case .stopped: playback = "■ stopped"
        case .playing(let frame): playback = "▶ " + Timecode.clock(model.snapshot.seconds(frame))
        }
        playback += " \(ReviewModel.describe(model.speed))×" + (model.looping ? " loop" : "")
        playback += " · " + (playerName ?? "no player")
        var mode = ""
        if case .visual = model.mode { mode = " · VISUAL \(model.selection.count)" }
        let left = " \(position) · \(playback) · saved\(mode) "
        let message = model.message.isEmpty ? "" : " " + model.message
        return left + "│" + message
    }

    private func bottomLine(_ model: ReviewModel, width: Int) -> (Line, Int?) {
        if case .field(let purpose, let editor) = model.mode {
            let prompt = purpose.prompt
            let room = max(1, width - DisplayWidth.of(prompt) - 1)
            let visible = editor.visibleSlice(width: room)
            return (
                [Span(prompt, style: Style(bold: true)), Span(visible.text)],
                DisplayWidth.of(prompt) + visible.cursorColumn
            )
        }
        let hints = "? keys  space play  m mark  t title  i text  e editor  / search  u undo  q quit"
        return ([Span(DisplayWidth.truncate(hints, toWidth: width), style: Style(dim: true))], nil)
    }
}
