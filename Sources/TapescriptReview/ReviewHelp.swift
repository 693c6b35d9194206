import TapescriptText

/// The `?` screen: every key, grouped as the user thinks of them.
enum ReviewHelp {
    static let sections: [(String, [(String, String)])] = [
        (
            "Moving",
            [
                ("↑ ↓  j k", "previous / next segment"), ("PgUp PgDn", "a page up / down"),
                ("g G  Home End", "first / last segment"), ("Tab  Shift-Tab", "next / previous highlight"),
                ("/  n  N", "search the text, next / previous match"),
            ]
        ),
        (
            "Listening",
            [
                ("space", "play from here on / stop (resumes 1.5 s back)"),
                ("Enter", "replay the segment from its start"),
                ("← →", "5 s back / forward"), ("[ ]", "slower / faster (0.5×–2×, if the player can)"),
                ("l", "loop the segment"), (".", "drop a marker (minus the reaction delay)"),
                ("s", "split the segment at the last marker"),
            ]
        ),
        (
            "Marking",
            [
                ("m", "mark / unmark the segment as a highlight"), ("v", "select a range, then m to mark it"),
                ("t  c", "title / note of the highlight"), ("x", "merge with the next segment"),
                ("u  Ctrl-R", "undo / redo"),
            ]
        ),
        (
            "Writing",
            [
                ("i", "edit the text here (Enter saves, Esc cancels)"),
                ("e", "edit in $VISUAL / $EDITOR (a whole highlight: one paragraph a segment)"),
                ("S", "name the speakers (A=Andy B=Jane)"), ("a", "give the segment to the next speaker"),
                ("q", "quit (everything is already saved)"), ("Ctrl-C", "quit too (exit status 130)"),
                ("Ctrl-Z", "suspend to the shell; fg comes back"),
            ]
        ),
    ]

    /// What the `?` screen shows of the keys at `size`, from line `top` on: everything, with the meanings
    /// wrapped rather than cut, and a last line saying how to scroll when it does not all fit.
    static func lines(width: Int, height: Int, top: Int = 0) -> [Line] {
        let content = content(width: width)
        let room = max(1, height - 1)
        guard content.count > room else {
            return content + [[Span("any key closes this", style: Style(dim: true))]]
        }
        let first = min(max(0, top), content.count - room)
        let shown = "lines \(first + 1)–\(first + room) of \(content.count)"
        let footer = DisplayWidth.fit("↑ ↓ PgUp PgDn scroll (\(shown)) · any other key closes this", toWidth: width)
        return Array(content[first..<(first + room)]) + [[Span(footer, style: Style(dim: true))]]
    }

    /// How far the keys scroll at `width`×`height`: 0 when they all fit.
    static func maximumTop(width: Int, height: Int) -> Int {
        max(0, content(width: width).count - max(1, height - 1))
    }

    /// The sections in one column, or two side by side when the terminal is wide enough.
    static func content(width: Int) -> [Line] {
        let columns = width >= 2 * columnWidth ? 2 : 1
        var blocks: [[Line]] = Array(repeating: [], count: columns)
        for (position, section) in sections.enumerated() {
            blocks[columns == 2 ? position / 2 : 0] += block(section, width: width / columns)
        }
        var lines: [Line] = []
        for row in 0..<(blocks.map(\.count).max() ?? 0) {
            var line: Line = []
            for column in 0..<columns {
                let cell = row < blocks[column].count ? blocks[column][row] : []
                let used = cell.reduce(0) { $0 + DisplayWidth.of($1.text) }
                line += cell
                if column + 1 < columns {
                    line.append(Span(String(repeating: " ", count: max(0, width / columns - used))))
                }
            }
            lines.append(line)
        }
        return lines
    }

    static let columnWidth = 50
    /// The key column: two spaces, the keys, a space.
    static let keyWidth = 18

    private static func block(_ section: (String, [(String, String)]), width: Int) -> [Line] {
        var lines: [Line] = [[Span(section.0, style: Style(bold: true, foreground: .yellow))]]
        for (key, meaning) in section.1 {
            let wrapped = wrap(meaning, toWidth: max(10, width - keyWidth - 1))
            for (offset, part) in wrapped.enumerated() {
                let keys = offset == 0 ? key : ""
                lines.append([
                    Span("  " + DisplayWidth.fit(keys, toWidth: keyWidth - 3) + " ", style: Style(bold: true)),
                    Span(DisplayWidth.truncate(part, toWidth: max(0, width - keyWidth))),
                ])
            }
        }
        return lines
    }

    /// Breaks `text` at spaces into lines of at most `width` columns (a longer word stays whole on its own line).
    static func wrap(_ text: String, toWidth width: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            let candidate = current.isEmpty ? String(word) : current + " " + word
            if DisplayWidth.of(candidate) <= width || current.isEmpty {
                current = candidate
            } else {
                lines.append(current)
                current = String(word)
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines.isEmpty ? [""] : lines
    }
}
