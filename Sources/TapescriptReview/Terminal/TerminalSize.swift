/// The size of the terminal window in character cells.
struct TerminalSize: Sendable, Equatable, Hashable {
    var width: Int
    var height: Int

    /// What a terminal that does not report its size is assumed to be: the VT100's 80×24.
    static let fallback = TerminalSize(width: 80, height: 24)
}
