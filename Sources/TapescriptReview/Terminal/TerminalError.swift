/// Why the terminal could not be used for the full-screen review.
enum TerminalError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Standard input or output is a pipe or a file: the review needs a terminal on both.
    case notATerminal
    /// The terminal refused a settings change (`tcgetattr`, `tcsetattr`, …).
    case cannotConfigure(SystemCallError)
    /// Reading the keyboard failed.
    case cannotRead(SystemCallError)
    /// Writing to the screen failed.
    case cannotWrite(SystemCallError)
    /// The screen took no bytes at all.
    case acceptedNothing
    /// The terminal went away (the window closed, the connection dropped).
    case closed
    /// The pipe that turns signals into wake-ups could not be made.
    case noSignalPipe
    /// A handler for `signal` could not be installed; `errorNumber` is why.
    case cannotCatchSignal(Int32, errorNumber: Int32)

    var description: String {
        switch self {
        case .notATerminal:
            return "the review needs a terminal: standard input and output must both be a terminal"
        case .cannotConfigure(let failure):
            return "cannot configure the terminal: \(failure)"
        case .cannotRead(let failure):
            return "cannot read from the terminal: \(failure)"
        case .cannotWrite(let failure):
            return "cannot write to the terminal: \(failure)"
        case .acceptedNothing:
            return "cannot write to the terminal: it accepted no bytes"
        case .closed:
            return "cannot read from the terminal: the terminal was closed"
        case .noSignalPipe:
            return "cannot configure the terminal: cannot create a pipe for signals"
        case .cannotCatchSignal(let signal, let errorNumber):
            return "cannot configure the terminal: cannot catch signal \(signal): "
                + String(cString: strerror(errorNumber))
        }
    }
}
