import TapescriptText

/// A plain table of columns padded with spaces, the header in bold on a colour terminal.
struct TextTable {
    var header: [String]
    var rightAligned: Set<Int> = []
    var rows: [[String]]

    /// The table for a terminal: cells from outside (titles, names, words) have their control characters drawn.
    func render(terminal: Terminal) -> TerminalText {
        let header = header.map(ControlCharacters.visible)
        let rows = rows.map { $0.map(ControlCharacters.visible) }
        let widths = header.indices.map { column in
            ([header] + rows).map { $0[column].count }.max() ?? 0
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { column, cell in
                let padding = String(repeating: " ", count: widths[column] - cell.count)
                return rightAligned.contains(column) ? padding + cell : cell + padding
            }
            .joined(separator: "  ")
            .replacing(/\s+$/, with: "")
        }
        var output = terminal.bold(TerminalText(line(header))) + "\n"
        for row in rows { output += TerminalText(line(row) + "\n") }
        return output
    }
}
