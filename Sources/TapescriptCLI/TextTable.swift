import TapescriptText

/// A plain table of columns padded with spaces, the header in bold on a colour terminal.
///
/// Columns are measured in terminal columns, not characters, so CJK titles and emoji line up; on a terminal too
/// narrow for the table, the `shrinkable` column (the free text: a title, a transcript) is cut with `…` to fit.
/// Into a pipe nothing is cut: a script gets every word.
struct TextTable {
    var header: [String]
    var rightAligned: Set<Int> = []
    var rows: [[String]]
    /// The column given up first when the table is wider than the terminal.
    var shrinkable: Int? = nil

    private static let gap = 2
    /// A cut column keeps at least this many columns, however narrow the terminal: a start to recognise.
    private static let narrowestCut = 8

    /// The table for a terminal: cells from outside (titles, names, words) have their control characters drawn.
    func render(terminal: Terminal) -> TerminalText {
        let header = header.map(ControlCharacters.visible)
        var rows = rows.map { $0.map(ControlCharacters.visible) }
        var widths = header.indices.map { column in
            ([header] + rows).map { DisplayWidth.of($0[column]) }.max() ?? 0
        }
        if let columns = terminal.columns, let shrinkable, widths.indices.contains(shrinkable) {
            let total = widths.reduce(0, +) + Self.gap * max(0, widths.count - 1)
            if total > columns {
                let others = total - widths[shrinkable]
                let width = max(Self.narrowestCut, DisplayWidth.of(header[shrinkable]), columns - others)
                if width < widths[shrinkable] {
                    widths[shrinkable] = width
                    for index in rows.indices {
                        rows[index][shrinkable] = DisplayWidth.truncate(rows[index][shrinkable], toWidth: width)
                    }
                }
            }
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { column, cell in
                DisplayWidth.pad(
                    cell, toWidth: widths[column], alignment: rightAligned.contains(column) ? .trailing : .leading)
            }
            .joined(separator: String(repeating: " ", count: Self.gap))
            .replacing(/\s+$/, with: "")
        }
        var output = terminal.bold(TerminalText(line(header))) + "\n"
        for row in rows { output += TerminalText(line(row) + "\n") }
        return output
    }
}
