import Foundation
import TapescriptLibrary

/// A change to the library the review screen asks for. The session performs it in one transaction.
enum EditRequest: Equatable, Sendable {
    case mark(first: Int, last: Int)
    case unmark(first: Int, last: Int)
    case title(highlight: Int, String)
    case note(highlight: Int, String)
    case text(segment: Int, String)
    case speakers([SpeakerAssignment])
    /// Segments `first...last` are `speaker`'s (a letter).
    case assignSpeaker(first: Int, last: Int, speaker: String)
    case split(segment: Int, frame: Int64)
    case merge(segment: Int)
    case marker(frame: Int64)
    case undo
    case redo
}

struct SpeakerAssignment: Equatable, Sendable {
    var speaker: String
    var name: String

    /// Reads `A=Andy Smith B=Jane`: a letter and `=` start each name, which runs to the next one. Nil when
    /// there is no name, a letter comes twice, or a name is empty.
    static func parse(_ text: String) -> [SpeakerAssignment]? {
        let starts = text.ranges(of: /(?:^|\s)([A-Ha-h])=/)
        guard !starts.isEmpty, text[..<starts[0].lowerBound].allSatisfy(\.isWhitespace) else { return nil }
        var assignments: [SpeakerAssignment] = []
        for (position, range) in starts.enumerated() {
            let nameEnd = position + 1 < starts.count ? starts[position + 1].lowerBound : text.endIndex
            let letter = text[range].trimmingCharacters(in: .whitespaces).prefix(1).uppercased()
            let name = text[range.upperBound..<nameEnd].trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty, !assignments.contains(where: { $0.speaker == letter }) else { return nil }
            assignments.append(SpeakerAssignment(speaker: letter, name: name))
        }
        return assignments
    }
}

/// What the state machine asks the world to do after handling a key or an event.
enum ReviewEffect: Equatable, Sendable {
    case edit(EditRequest)
    case play(from: Int64, to: Int64)
    case stopPlayback
    /// Edit the text of segments `first...last` in the user's editor, one paragraph each.
    case openEditor(first: Int, last: Int)
    /// Ctrl-Z: give the terminal back to the shell until it resumes the review (`fg`).
    case suspend
    case quit
    /// Ctrl-C: quit as an interrupted program does (exit 130), everything saved.
    case interrupt
}
