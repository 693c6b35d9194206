/// Why an edit to an interview cannot be made. Nothing is changed when one is thrown.
public enum EditError: Error, Equatable, Sendable, CustomStringConvertible {
    case noSuchSegment(Int, count: Int)
    case emptyRange(first: Int, last: Int)
    case crossesHighlight(first: Int, last: Int, highlight: Int)
    case notInAHighlight(segment: Int)
    /// With the numbers the interview's highlights have.
    case noSuchHighlight(Int, existing: [Int])
    case emptyTitle
    case splitOutsideSegment(segment: Int, at: Double, start: Double, end: Double)
    case nothingToMerge(segment: Int)
    case mergeAcrossHighlights(segment: Int)
    case unknownSpeaker(String)
    case emptySpeakerName(String)
    case nothingToUndo
    case nothingToRedo
    case monoHasNoSpeakers

    public var description: String {
        switch self {
        case .noSuchSegment(let index, let count):
            return count == 0
                ? "there are no segments (segment \(index) was asked for)"
                : "there is no segment \(index); segments are numbered 1 to \(count)"
        case .emptyRange(let first, let last):
            return "the range \(first)-\(last) is empty; write the lower number first"
        case .crossesHighlight(let first, let last, let highlight):
            let span = first == last ? "segment \(first) crosses" : "segments \(first)–\(last) cross"
            return "\(span) highlight \(highlight); unmark it first or pick a range outside it"
        case .notInAHighlight(let segment):
            return "segment \(segment) is not in a highlight"
        case .noSuchHighlight(let number, let existing):
            guard let last = existing.last else { return "there are no highlights yet" }
            let listed =
                existing.count == 1
                ? "the only one is \(last)"
                : "there are \(existing.dropLast().map(String.init).joined(separator: ", ")) and \(last)"
            return "there is no highlight \(number); \(listed)"
        case .emptyTitle:
            return "a title cannot be empty"
        case .splitOutsideSegment(let segment, let at, let start, let end):
            return String(
                format: "%.2f s is not inside segment %d (%.2f–%.2f s); split at a time between its ends", at, segment,
                start, end)
        case .nothingToMerge(let segment):
            return "segment \(segment) is the last one; there is nothing after it to merge with"
        case .mergeAcrossHighlights(let segment):
            return "segments \(segment) and \(segment + 1) are in different highlights; unmark one first"
        case .unknownSpeaker(let speaker):
            return "there is no speaker '\(speaker)'; speakers are the letters A, B, … or the names they were given"
        case .emptySpeakerName(let speaker):
            return "speaker \(speaker) needs a name (A=Name)"
        case .nothingToUndo:
            return "there is nothing to undo"
        case .nothingToRedo:
            return "there is nothing to redo"
        case .monoHasNoSpeakers:
            return "this mono recording was imported before voices were told apart, so it has no speakers to name"
        }
    }
}
