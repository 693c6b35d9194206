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
                ("q", "quit (everything is already saved)"),
            ]
        ),
    ]

    /// The sections in one column, or two side by side when the terminal is wide enough.
    static func lines(width: Int, height: Int) -> [Line] {
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
        lines.append([Span("any key closes this", style: Style(dim: true))])
        return Array(lines.prefix(height))
    }

    static let columnWidth = 50

    private static func block(_ section: (String, [(String, String)]), width: Int) -> [Line] {
        var lines: [Line] = [[Span(section.0, style: Style(bold: true, foreground: .yellow))]]
        for (key, meaning) in section.1 {
            lines.append([
                Span("  " + DisplayWidth.fit(key, toWidth: 15) + " ", style: Style(bold: true)),
                Span(DisplayWidth.truncate(meaning, toWidth: max(0, width - 18))),
            ])
        }
        return lines
    }
}
