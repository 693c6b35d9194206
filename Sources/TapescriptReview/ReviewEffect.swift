import TapescriptLibrary

/// A change to the library the review screen asks for. The session performs it in one transaction.
enum EditRequest: Equatable, Sendable {
    case mark(first: Int, last: Int)
    case unmark(first: Int, last: Int)
    case title(highlight: Int, String)
    case note(highlight: Int, String)
    case text(segment: Int, String)
    case speakers([SpeakerAssignment])
    case split(segment: Int, frame: Int64)
    case merge(segment: Int)
    case marker(frame: Int64)
    case undo
    case redo
}

struct SpeakerAssignment: Equatable, Sendable {
    var speaker: String
    var name: String
}

/// What the state machine asks the world to do after handling a key or an event.
enum ReviewEffect: Equatable, Sendable {
    case edit(EditRequest)
    case play(from: Int64, to: Int64)
    case stopPlayback
    /// Edit the text of segments `first...last` in the user's editor, one paragraph each.
    case openEditor(first: Int, last: Int)
    case quit
}
