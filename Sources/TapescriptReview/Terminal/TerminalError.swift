/// Why the terminal could not be used for the full-screen review.
enum TerminalError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Standard input or output is a pipe or a file: the review needs a terminal on both.
    case notATerminal
    /// The terminal refused a settings change; the payload says which call and why.
    case cannotConfigure(String)
    /// Reading the keyboard failed, or the terminal went away.
    case cannotRead(String)
    /// Writing to the screen failed, or the terminal went away.
    case cannotWrite(String)

    var description: String {
        switch self {
        case .notATerminal:
            return "the review needs a terminal: standard input and output must both be a terminal"
        case .cannotConfigure(let reason):
            return "cannot configure the terminal: \(reason)"
        case .cannotRead(let reason):
            return "cannot read from the terminal: \(reason)"
        case .cannotWrite(let reason):
            return "cannot write to the terminal: \(reason)"
        }
    }
}
