import Foundation
import TapescriptDrafts
import TapescriptLibrary
import TapescriptTime

/// The use case behind `tapescript publish`: the highlights as the Q&A that is published.
public struct Publisher: Sendable {
    let library: Library

    public init(library: Library) {
        self.library = library
    }

    /// The publication of the interview's highlights with their newest text.
    /// - Throws: `LibraryError` when the interview cannot be read.
    public func publication(of reference: InterviewReference) throws(LibraryError) -> Publication {
        let snapshot = try library.reviewSnapshot(of: reference)
        return Self.publication(of: snapshot, approvedAt: try library.lastApproval(reference))
    }

    static func publication(of snapshot: ReviewSnapshot, approvedAt: Date?) -> Publication {
        let sections = snapshot.highlights.compactMap { highlight -> Publication.Section? in
            guard let rows = highlight.segments else { return nil }
            var paragraphs: [Publication.Paragraph] = []
            for segment in snapshot.segments[(rows.lowerBound - 1)...(rows.upperBound - 1)] {
                guard let text = segment.text, !text.isEmpty else {
                    if paragraphs.last != .omission { paragraphs.append(.omission) }
                    continue
                }
                paragraphs.append(
                    .spoken(
                        speaker: snapshot.speaker(channel: segment.channel),
                        isQuestion: QuestionRule.isQuestion(segment),
                        text: text, startSeconds: snapshot.seconds(segment.startFrame),
                        endSeconds: snapshot.seconds(segment.endFrame)))
            }
            return Publication.Section(
                title: highlight.title ?? "Highlight \(highlight.number)",
                startSeconds: snapshot.seconds(highlight.startFrame), endSeconds: snapshot.seconds(highlight.endFrame),
                paragraphs: paragraphs)
        }
        let names = (0..<snapshot.recording.channelCount).compactMap { snapshot.speakerNames[$0] }
        let intro =
            names.count >= 2
            ? "\(names[1]) in conversation with \(names[0])."
            : "Selected passages from the interview, edited for reading."
        let approval =
            approvedAt.map { "Approved by the author on \(DateStamp.day($0))." }
            ?? "Not yet approved by the author."
        return Publication(title: snapshot.interview.title, intro: intro, approval: approval, sections: sections)
    }
}
