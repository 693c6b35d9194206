import GRDB

/// A part of the library whose stored data cannot be read, and so what no longer works.
public enum UnreadablePart: Sendable, Equatable, CustomStringConvertible {
    /// What a draft sent; nil: the newest draft.
    case draft(interview: String, version: Int?)
    /// An entry in the undo history.
    case undoHistory(interview: String)
    /// What import stored about a recording: its format, or the parameters it was segmented with.
    case recording(interview: String)
    /// A version of a segment's text.
    case textHistory(interview: String, segment: Int)
    /// A value the store could not place.
    case storedValue

    public var description: String {
        switch self {
        case .draft(let interview, let version):
            let draft = version.map { "draft \($0)" } ?? "the newest draft"
            return "what \(draft) of interview '\(interview)' sent cannot be read, so a reply to it cannot be applied; "
                + "the interview, its other drafts and new drafts still work"
        case .undoHistory(let interview):
            return "an entry in the undo history of interview '\(interview)' cannot be read, so undo and redo stop "
                + "there; the interview and new edits still work"
        case .recording(let interview):
            return "what was stored about the recording of interview '\(interview)' cannot be read, so that "
                + "interview cannot be opened; the other interviews still work by name or number"
        case .textHistory(let interview, let segment):
            return "a version of the text of segment \(segment) of interview '\(interview)' cannot be read, so its "
                + "history cannot be shown; its current text and everything else still work"
        case .storedValue:
            return "a value stored in it cannot be read; commands that do not need that value still work"
        }
    }
}

/// Damage found while reading, named by the store's code where it knows what it was reading; `Library` adds
/// the path and throws it as `LibraryError.unreadable`.
struct UnreadableData: Error {
    var part: UnreadablePart

    /// Runs `body`; a value it cannot decode is damage to `part`.
    static func naming<T>(_ part: @autoclosure () -> UnreadablePart, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error where error.isDecodingFailure {
            throw UnreadableData(part: part())
        }
    }
}

extension Error {
    /// Whether this is a stored value that does not decode: JSON that is not what it should be, or a column
    /// that does not convert.
    var isDecodingFailure: Bool { self is DecodingError || self is RowDecodingError }
}
