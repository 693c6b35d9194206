/// Failures of the command-line layer itself, said as one sentence.
enum CLIError: Error, Equatable, Sendable, CustomStringConvertible {
    case cannotRead(path: String, reason: String)
    case notATerminal
    case cannotWrite(path: String)
    /// Text that is not UTF-8; `byteOffset` is where the first invalid byte is.
    case notUTF8(path: String, byteOffset: Int)

    var description: String {
        switch self {
        case .cannotRead(let path, let reason):
            return "cannot read '\(path)': \(reason)"
        case .cannotWrite(let path):
            return "cannot write '\(path)': check that its folder exists and is writable"
        case .notUTF8(let path, let offset):
            let source = path == "-" ? "standard input" : "'\(path)'"
            return "\(source) is not UTF-8 text (the byte at offset \(offset) is not); save it as UTF-8 and try again"
        case .notATerminal:
            return "review needs a terminal; in scripts use mark, unmark, text, speakers, split, merge and undo"
        }
    }
}
