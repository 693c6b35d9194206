import Foundation
import TapescriptLibrary

/// The sentences that say what an edit did, for the status line of the review screen and the scriptable
/// commands: "marked segments 12–14 as highlight 3", "undid: saved the text of segment 4".
public enum EditWording {
    /// What `summary` did, as one sentence.
    public static func sentence(for summary: EditSummary) -> String {
        switch summary {
        case .marked(let first, let last, let highlight, let title):
            let span = first == last ? "segment \(first)" : "segments \(first)–\(last)"
            return "marked \(span) as highlight \(highlight)" + (title.map { " “\($0)”" } ?? "")
        case .unmarked(let highlights):
            return highlights.count == 1
                ? "unmarked highlight \(highlights[0])"
                : "unmarked highlights " + highlights.map(String.init).joined(separator: ", ")
        case .retitled(let highlight, let title):
            return "highlight \(highlight) is now “\(title)”"
        case .noted(let highlight):
            return "noted highlight \(highlight)"
        case .savedText(let segment):
            return "saved the text of segment \(segment)"
        case .textUnchanged(let segment):
            return "text of segment \(segment) unchanged"
        case .namedSpeakers(let names):
            let said = names.map { "\(ReviewSnapshot.letter(channel: $0.channel)) is \($0.name)" }
            return "speakers: " + said.joined(separator: ", ")
        case .assignedSpeaker(let first, let last, let channel):
            let span = first == last ? "segment \(first) is" : "segments \(first)–\(last) are"
            return "\(span) now speaker \(ReviewSnapshot.letter(channel: channel))'s"
        case .choseInterviewer(let channel):
            return "speaker \(ReviewSnapshot.letter(channel: channel)) is the interviewer"
        case .split(let segment, let frame, let sampleRate):
            return String(format: "split segment %d at %.1f s", segment, seconds(frame, sampleRate: sampleRate))
        case .merged(let segment):
            return "merged segments \(segment) and \(segment + 1)"
        case .addedMarker(let frame, let sampleRate):
            return String(format: "marker at %.1f s", seconds(frame, sampleRate: sampleRate))
        case .resegmented(let before, let after):
            return "re-segmented: \(before) → \(after) segments"
        case .appliedReply(let draftVersion, let segmentCount):
            return "applied the author's changes from draft \(draftVersion) to \(segmentCount) "
                + (segmentCount == 1 ? "segment" : "segments")
        }
    }

    /// What the journalled `edit` did: its summary in words, or the sentence an older Tapescript stored.
    public static func sentence(for edit: JournalledEdit) -> String {
        switch edit {
        case .summary(let summary): return sentence(for: summary)
        case .legacy(let label): return label
        }
    }

    /// What undo or redo did: "undid: marked segment 3 as highlight 1".
    public static func sentence(for outcome: UndoOutcome) -> String {
        switch outcome {
        case .undid(let edit): return "undid: " + sentence(for: edit)
        case .redid(let edit): return "redid: " + sentence(for: edit)
        }
    }

    private static func seconds(_ frame: Int64, sampleRate: Int) -> Double { Double(frame) / Double(sampleRate) }
}
