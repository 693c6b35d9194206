import TapescriptText

/// A one-line text field: the text, a cursor in it, and the Emacs-style keys a terminal user expects (the ones
/// readline gives every shell prompt). Used for inline edits of a segment's text and for prompts.
///
/// Pure: it knows nothing of the screen. `visibleSlice(width:)` says what to draw for a field of a given width.
struct LineEditor: Sendable, Equatable {
    /// What a key did to the edit.
    enum Outcome: Sendable, Equatable {
        /// Still editing (the key may or may not have changed the text).
        case editing
        /// Enter: the edit is done, with this text.
        case committed(String)
        /// Escape or Ctrl-C: the edit is abandoned.
        case cancelled
    }

    private(set) var text: String
    /// The cursor's position in Characters from the start: 0 is before the first, `text.count` after the last.
    private(set) var cursor: Int

    /// An editor holding `text` with the cursor at `cursor`, by default at the end.
    init(text: String = "", cursor: Int? = nil) {
        self.text = text
        self.cursor = min(max(0, cursor ?? text.count), text.count)
    }

    /// Applies one key.
    mutating func handle(_ key: Key) -> Outcome {
        switch key {
        case .enter:
            return .committed(text)
        case .escape, .control("c"):
            return .cancelled
        case .character(let character):
            insert(character)
        case .backspace:
            if cursor > 0 { replace(cursor - 1..<cursor, with: "") }
        case .delete, .control("d"):
            if cursor < text.count { replace(cursor..<cursor + 1, with: "") }
        case .left, .control("b"):
            cursor = max(0, cursor - 1)
        case .right, .control("f"):
            cursor = min(text.count, cursor + 1)
        case .home, .control("a"):
            cursor = 0
        case .end, .control("e"):
            cursor = text.count
        case .control("k"):
            replace(cursor..<text.count, with: "")
        case .control("u"):
            replace(0..<cursor, with: "")
        case .control("w"):
            replace(startOfWordBeforeCursor()..<cursor, with: "")
        default:
            break
        }
        return .editing
    }

    /// What to show in a field `width` columns wide: the part of the text around the cursor, and the column of the
    /// cursor inside it. The text scrolls sideways so the cursor (and the character under it) is always in view;
    /// the start of the text is shown whenever the cursor allows.
    func visibleSlice(width: Int) -> (text: String, cursorColumn: Int) {
        guard width > 0 else { return ("", 0) }
        let characters = Array(text)
        // The cursor past the end still needs a column to stand in.
        let cursorCellWidth = cursor < characters.count ? max(1, DisplayWidth.of(characters[cursor])) : 1
        var start = 0
        var widthBeforeCursor = characters[..<cursor].reduce(0) { $0 + DisplayWidth.of($1) }
        while start < cursor, widthBeforeCursor + cursorCellWidth > width {
            widthBeforeCursor -= DisplayWidth.of(characters[start])
            start += 1
        }
        let visible = DisplayWidth.prefix(of: String(characters[start...]), fittingIn: width)
        return (visible, widthBeforeCursor)
    }

    private mutating func insert(_ character: Character) {
        let characters = Array(text)
        let before = String(characters[..<cursor]) + String(character)
        text = before + String(characters[cursor...])
        // A combining mark joins the character before it, so the count of Characters may not grow.
        cursor = min(before.count, text.count)
    }

    private mutating func replace(_ range: Range<Int>, with replacement: String) {
        let characters = Array(text)
        let before = String(characters[..<range.lowerBound]) + replacement
        text = before + String(characters[range.upperBound...])
        cursor = min(before.count, text.count)
    }

    /// Where Ctrl-W stops: back over any spaces, then back over the word before them, as readline's
    /// `unix-word-rubout` does.
    private func startOfWordBeforeCursor() -> Int {
        let characters = Array(text)
        var index = cursor
        while index > 0, characters[index - 1].isWhitespace { index -= 1 }
        while index > 0, !characters[index - 1].isWhitespace { index -= 1 }
        return index
    }
}
