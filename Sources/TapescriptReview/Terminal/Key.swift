/// One key press as the review screen sees it, decoded from the terminal's raw input by `KeyDecoder`.
enum Key: Sendable, Equatable, Hashable {
    /// A printable character, space included.
    case character(Character)
    case up, down, left, right
    case pageUp, pageDown, home, end
    case enter, tab, backTab, backspace, delete, escape
    /// Control held with a letter, as the lowercase letter: Ctrl-R is `.control("r")`. Ctrl-H, Ctrl-I, Ctrl-J and
    /// Ctrl-M send the same bytes as Backspace, Tab and Enter, so they arrive as those keys instead.
    case control(Character)
    /// A byte sequence the decoder does not know (a function key, Insert, an invalid UTF-8 byte).
    case unknown([UInt8])
}
