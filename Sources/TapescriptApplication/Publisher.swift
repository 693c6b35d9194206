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
    /// - Parameter approvalNote: whether to end with a line saying if, and when, the author approved the text.
    /// - Throws: `LibraryError` when the interview cannot be read.
    public func publication(
        of reference: InterviewReference, approvalNote: Bool = true
    ) throws(LibraryError) -> Publication {
        let snapshot = try library.reviewSnapshot(of: reference)
        let approved = try library.approval(reference)
        var publication = Self.publication(of: snapshot, approval: approvalNote ? Self.note(for: approved) : nil)
        if case .approved(let date, _) = approved { publication.metadata.approvedOn = date }
        return publication
    }

    /// The approval line, said only when it is true.
    static func note(for approval: Approval) -> String {
        switch approval {
        case .notYet:
            return "Not yet approved by the author."
        case .approved(let date, _):
            return "Approved by the author on \(DateStamp.day(date))."
        case .changedSince(let date, let draft, let segments):
            let which = segments.count == 1 ? "segment \(segments[0])" : "\(segments.count) segments"
            return "Not yet approved by the author: \(which) changed since the reply to draft \(draft) "
                + "was applied on \(DateStamp.day(date))."
        }
    }

    static func publication(of snapshot: ReviewSnapshot, approval: String?) -> Publication {
        let sections = snapshot.highlights.compactMap { highlight -> Publication.Section? in
            guard let rows = highlight.segments else { return nil }
            var paragraphs: [Publication.Paragraph] = []
            for segment in snapshot.segments[(rows.lowerBound - 1)...(rows.upperBound - 1)] {
                // Words the author deleted are not published, and nothing marks where they were: the author
                // approved the text without them.
                if segment.isLeftOutByAuthor { continue }
                guard let text = segment.text, !text.isEmpty else {
                    if paragraphs.last != .omission { paragraphs.append(.omission) }
                    continue
                }
                for paragraph in ParagraphBreaks.paragraphs(of: text) {
                    paragraphs.append(
                        .spoken(
                            speaker: snapshot.speaker(channel: segment.channel),
                            isQuestion: QuestionRule.isQuestion(segment, in: snapshot),
                            text: paragraph, startSeconds: snapshot.seconds(segment.startFrame),
                            endSeconds: snapshot.seconds(segment.endFrame)))
                }
            }
            if paragraphs.isEmpty { return nil }
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
        // Names only: "A" and "B" say nothing on a web page.
        let interviewer = snapshot.interviewer
        let guest = snapshot.speakerCount == 2 ? interviewer.map { 1 - $0 } : nil
        let metadata = Publication.Metadata(
            guest: guest.flatMap { snapshot.speakerNames[$0] },
            interviewer: interviewer.flatMap { snapshot.speakerNames[$0] })
        return Publication(
            title: snapshot.interview.title, intro: intro, approval: approval, sections: sections, metadata: metadata)
    }
}
