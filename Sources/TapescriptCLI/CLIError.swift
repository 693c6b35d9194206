/// Failures of the command-line layer itself, said as one sentence.
enum CLIError: Error, Equatable, Sendable, CustomStringConvertible {
    case cannotRead(path: String, reason: String)
    case notATerminal
    case cannotWrite(path: String)
    /// Text that is not UTF-8; `byteOffset` is where the first invalid byte is.
    case notUTF8(path: String, byteOffset: Int)
    /// A deletion nobody confirmed: not at a terminal and no `--yes`, or the answer was not yes.
    case deletionNotConfirmed(slug: String)
    case noLibrary(path: String)
    /// A batch import that went on past files it could not read.
    case someFilesNotImported([String], of: Int)

    var description: String {
        switch self {
        case .cannotRead(let path, let reason):
            return "cannot read '\(path)': \(reason)"
        case .cannotWrite(let path):
            return "cannot write '\(path)': check that its folder exists and is writable"
        case .notUTF8(let path, let offset):
            let source = path == "-" ? "standard input" : "'\(path)'"
            return "\(source) is not UTF-8 text (the byte at offset \(offset) is not); save it as UTF-8 and try again"
        case .deletionNotConfirmed(let slug):
            return "interview '\(slug)' was not deleted; to delete it without being asked, add --yes"
        case .noLibrary(let path):
            return "there is no library at '\(path)' yet; import a recording first, or name one with --library"
        case .someFilesNotImported(let files, let total):
            let names = files.map { "'\($0)'" }.joined(separator: ", ")
            let left = total - files.count
            let others = left == 0 ? "" : left == 1 ? "; the other was" : "; the others were"
            return
                "\(files.count) of \(total) files \(files.count == 1 ? "was" : "were") not imported (\(names))\(others)"
        case .notATerminal:
            return "review needs a terminal; in scripts use mark, unmark, text, speakers, split, merge and undo"
        }
    }
}
