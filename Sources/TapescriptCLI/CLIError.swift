/// Failures of the command-line layer itself, said as one sentence.
enum CLIError: Error, Equatable, Sendable, CustomStringConvertible {
    case cannotRead(path: String, reason: String)
    case notATerminal
    case cannotWrite(path: String)

    var description: String {
        switch self {
        case .cannotRead(let path, let reason):
            return "cannot read '\(path)': \(reason)"
        case .cannotWrite(let path):
            return "cannot write '\(path)': check that its folder exists and is writable"
        case .notATerminal:
            return "review needs a terminal; in scripts use mark, unmark, text, speakers, split, merge and undo"
        }
    }
}
