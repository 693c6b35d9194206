import Foundation
import TapescriptDrafts
import TapescriptLibrary
import TapescriptMail
import TapescriptTime

/// The use case behind `tapescript draft`: the next draft of an interview's highlights, recorded as sent.
public struct DraftMaker: Sendable {
    /// The forms a draft is sent in.
    public enum Format: String, CaseIterable, Sendable {
        case txt, md, docx, eml

        /// Bytes that would garble a terminal.
        public var isBinary: Bool { self == .docx }
    }

    /// A draft made and recorded: its version, and the bytes to hand to the author.
    public struct Made: Sendable {
        public var slug: String
        public var version: Int
        public var paragraphCount: Int
        public var content: Data
        /// The segments sent with the machine's text, not corrected by a person yet.
        public var machineSegments: [Int] = []
    }

    let library: Library

    public init(library: Library) {
        self.library = library
    }

    /// Makes the draft, takes the next version number and keeps its exact text as the base for the reply.
    /// - Parameters:
    ///   - recipient: the interviewee's address, kept with the draft; needed for `.eml`.
    ///   - sender: the `From:` of an `.eml`.
    ///   - deliver: writes the draft where it goes, before its version is committed: when it throws, or the process
    ///     dies first, no version is recorded. A file it has written when the commit then fails (or the process is
    ///     killed in that instant) is a draft no version stands for: the next draft takes the same number, and
    ///     overwrites it when sent to the same file.
    /// - Throws: `DraftError` when there is nothing to send, `LibraryError` when the library cannot be read or
    ///   written, `DocxError` when the Word document cannot be built, or what `deliver` throws.
    public func make(
        _ reference: InterviewReference, format: Format, recipient: String?, sender: String?, now: Date = Date(),
        deliver: (Made) throws -> Void = { _ in }
    ) throws -> Made {
        if format == .eml, recipient == nil { throw DraftError.missingRecipient }
        let snapshot = try library.reviewSnapshot(of: reference)
        let built = try Self.draft(of: snapshot, version: 0, date: now)
        var document = built.document
        // The version number is taken in the same transaction that stores the text and delivers the draft.
        return try library.recordDraft(
            reference, recipient: recipient, paragraphs: built.sent, format: format.rawValue, now: now
        ) { version in
            document.version = version
            return DraftRenderer.plainText(document)
        } deliver: { record in
            let made = Made(
                slug: snapshot.interview.slug, version: record.version, paragraphCount: built.sent.count,
                content: try Self.content(
                    of: document, text: record.text, format: format, recipient: recipient, sender: sender, date: now),
                machineSegments: snapshot.segments.filter { segment in
                    segment.hasMachineText && segment.highlight != nil
                }.map(\.index))
            try deliver(made)
            return made
        }
    }

    /// The bytes of the draft in `format`; `text` is its plain text as recorded.
    static func content(
        of document: DraftDocument, text: String, format: Format, recipient: String?, sender: String?, date: Date
    ) throws -> Data {
        switch format {
        case .txt, .md:
            return Data(text.utf8)
        case .docx:
            return try DraftDocx.data(for: document)
        case .eml:
            return MailComposer.compose(
                to: recipient ?? "", from: sender,
                subject: "Draft \(document.version) of “\(document.title)” for your review",
                text: text,
                attachment: (
                    filename: "\(document.slug)-draft-\(document.version).docx",
                    contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                    data: try DraftDocx.data(for: document)
                ), date: date, messageID: "<\(UUID().uuidString)@tapescript>")
        }
    }

    /// The document of the highlights, and the paragraphs the library keeps as the base for the reply.
    static func draft(
        of snapshot: ReviewSnapshot, version: Int, date: Date
    ) throws(DraftError) -> (document: DraftDocument, sent: [SentParagraph]) {
        let highlighted = snapshot.highlights.compactMap { highlight in
            highlight.segments.map { (highlight, snapshot.segments[($0.lowerBound - 1)...($0.upperBound - 1)]) }
        }
        guard !highlighted.isEmpty else { throw .noHighlights(slug: snapshot.interview.slug) }
        // One paragraph per paragraph of a segment's text (an author's addition is one of its own), none for a
        // segment whose words the author left out; every paragraph of a segment is sent for its frames.
        let paragraphsBySegment = highlighted.map { _, segments in
            segments.map { segment -> (ReviewSegment, [String]) in
                if segment.isLeftOutByAuthor { return (segment, []) }
                let paragraphs = ParagraphBreaks.paragraphs(of: segment.text ?? "")
                return (segment, paragraphs.isEmpty ? [""] : paragraphs)
            }
        }
        let starts = paragraphsBySegment.flatMap { segments in
            segments.flatMap { segment, paragraphs in paragraphs.map { _ in snapshot.seconds(segment.startFrame) } }
        }
        var anchors = DraftDocument.anchors(forStartSeconds: starts)[...]
        var sections: [DraftSection] = []
        var sent: [SentParagraph] = []
        for ((highlight, _), segments) in zip(highlighted, paragraphsBySegment) {
            var paragraphs: [DraftParagraph] = []
            for (segment, texts) in segments {
                let speaker = snapshot.speaker(channel: segment.channel)
                let isQuestion = QuestionRule.isQuestion(segment, in: snapshot)
                for text in texts {
                    let anchor = anchors.popFirst() ?? ""
                    paragraphs.append(
                        DraftParagraph(
                            segmentIndex: segment.index, anchor: anchor, speaker: speaker, isQuestion: isQuestion,
                            text: text))
                    sent.append(
                        SentParagraph(
                            anchor: anchor, startFrame: segment.startFrame, endFrame: segment.endFrame,
                            speaker: speaker, isQuestion: isQuestion, text: text, highlightTitle: highlight.title))
                }
            }
            sections.append(
                DraftSection(title: highlight.title ?? "Highlight \(highlight.number)", paragraphs: paragraphs))
        }
        let document = DraftDocument(
            slug: snapshot.interview.slug, title: snapshot.interview.title, version: version,
            date: DateStamp.day(date), sections: sections)
        return (document, sent)
    }

    /// The sent paragraphs as a document again, for aligning a reply with them.
    static func document(from sent: [SentParagraph], slug: String, title: String, version: Int) -> DraftDocument {
        DraftDocument(
            slug: slug, title: title, version: version, date: "",
            sections: [
                DraftSection(
                    title: nil,
                    paragraphs: sent.enumerated().map { index, paragraph in
                        DraftParagraph(
                            segmentIndex: index + 1, anchor: paragraph.anchor, speaker: paragraph.speaker,
                            isQuestion: paragraph.isQuestion, text: paragraph.text)
                    })
            ])
    }
}
