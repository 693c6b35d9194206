import TapescriptText

/// Turns the lines of a frame into the ANSI output that changes the screen from the previous frame to this one.
///
/// Only rows whose content changed are rewritten, so scrolling the cursor down one row redraws two rows, not the
/// screen: over SSH this is the difference between a crisp and a smeared screen. The first frame, a frame of a new
/// size, and the frame after `invalidate()` clear the screen and draw every row.
struct ScreenRenderer: Sendable {
    private var previousRows: [Row] = []
    private var previousSize: TerminalSize?
    private var previousCursor: Cursor?
    private var cursorShown = false

    /// A row's escape sequences and text, and how many columns it fills.
    private struct Row: Equatable, Sendable {
        var text: String
        var width: Int
    }

    private struct Cursor: Equatable, Sendable {
        var row: Int
        var column: Int
    }

    init() {}

    /// Forgets what is on the screen, so the next `render` clears it and draws everything (after the screen was
    /// disturbed: the app was suspended, another program printed to it).
    mutating func invalidate() {
        previousSize = nil
    }

    /// The output that shows `lines` on a screen of `size`.
    ///
    /// Rows past the end of `lines` are blank; lines past the bottom are not drawn; each line is cut at the right
    /// edge (no ellipsis: truncate with `DisplayWidth` first to get one). A line is not padded: to make a reverse
    /// video bar span the screen, pad its text to the width.
    ///
    /// - Parameters:
    ///   - cursor: Where to show the terminal's cursor, 0-based row and display column, for an inline edit; nil hides
    ///     it.
    ///   - colour: Whether to emit foreground colours. Bold, dim, underline and reverse are emitted regardless.
    /// - Returns: The bytes to write, empty when nothing changed.
    mutating func render(_ lines: [Line], size: TerminalSize, cursor: (row: Int, column: Int)?, colour: Bool)
        -> String
    {
        let height = max(0, size.height)
        let rows = (0..<height).map { row in
            row < lines.count ? Self.encode(lines[row], width: size.width, colour: colour) : Row(text: "", width: 0)
        }
        let redraw = previousSize != size
        var body = ""
        if redraw {
            body += "\u{1B}[0m\u{1B}[2J"
            for (row, encoded) in rows.enumerated() where !encoded.text.isEmpty {
                body += Self.moveTo(row: row, column: 0) + encoded.text
            }
        } else {
            for (row, encoded) in rows.enumerated() where row >= previousRows.count || previousRows[row] != encoded {
                body += Self.moveTo(row: row, column: 0) + encoded.text
                // Erasing the rest covers a row that became shorter. Not after a full row: a terminal that has just
                // written the last column still reports the cursor there, and would erase that column.
                if encoded.width < size.width { body += "\u{1B}[K" }
            }
        }
        let newCursor = cursor.map { Cursor(row: $0.row, column: $0.column) }
        // A visible cursor is hidden while rows are drawn, or it would flicker across the screen.
        let hideFirst = (cursorShown && !body.isEmpty) || (newCursor == nil && (cursorShown || redraw))
        var output = hideFirst ? Self.hideCursor : ""
        output += body
        if let newCursor, !body.isEmpty || newCursor != previousCursor || !cursorShown {
            // Drawing moved the terminal's cursor: put it back where the edit is even if that did not change.
            output += Self.moveTo(row: newCursor.row, column: newCursor.column)
            if hideFirst || !cursorShown { output += Self.showCursor }
        }
        cursorShown = newCursor != nil
        previousCursor = newCursor
        previousRows = rows
        previousSize = size
        return output
    }

    private static let hideCursor = "\u{1B}[?25l"
    private static let showCursor = "\u{1B}[?25h"

    private static func moveTo(row: Int, column: Int) -> String {
        "\u{1B}[\(row + 1);\(column + 1)H"
    }

    /// The escape sequences and text for one row, cut to `width` columns, ending in the default style.
    private static func encode(_ line: Line, width: Int, colour: Bool) -> Row {
        var output = ""
        var used = 0
        var current = [0]
        for span in line {
            let text = DisplayWidth.prefix(of: sanitized(span.text), fittingIn: width - used)
            guard !text.isEmpty else {
                if DisplayWidth.of(span.text) > 0 { break } else { continue }
            }
            let parameters = span.style.selectGraphicParameters(colour: colour)
            if parameters != current {
                output += "\u{1B}[" + parameters.map(String.init).joined(separator: ";") + "m"
                current = parameters
            }
            output += text
            used += DisplayWidth.of(text)
        }
        if current != [0] { output += "\u{1B}[0m" }
        return Row(text: output, width: used)
    }

    /// `text` with each control character replaced by a space: a tab or newline from a transcript would move the
    /// terminal's cursor, and an ESC would let text in the library send commands to the terminal.
    private static func sanitized(_ text: String) -> String {
        if DisplayWidth.isPrintableASCII(text) { return text }
        guard text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else { return text }
        return String(text.map { $0.unicodeScalars.contains { $0.properties.generalCategory == .control } ? " " : $0 })
    }
}
