import Foundation
import TapescriptDrafts
import TapescriptLibrary

/// Builds the draft of an interview's highlights, and the paragraphs the library keeps as the base for the reply.
enum DraftBuilder {
    struct Draft {
        var document: DraftDocument
        var sent: [SentParagraph]
    }

    /// The interviewer is speaker A (channel 0): their paragraphs are the questions. A mono recording has no
    /// speakers, so there a paragraph that ends with a question mark is taken for a question.
    static let interviewerChannel = 0

    static func isQuestion(_ segment: ReviewSegment) -> Bool {
        segment.channel.map { $0 == interviewerChannel }
            ?? (segment.text?.trimmingCharacters(in: .whitespacesAndNewlines).hasSuffix("?") ?? false)
    }

    static func draft(of snapshot: ReviewSnapshot, version: Int, date: Date) throws(DraftError) -> Draft {
        let highlighted = snapshot.highlights.compactMap { highlight in
            highlight.segments.map { (highlight, snapshot.segments[($0.lowerBound - 1)...($0.upperBound - 1)]) }
        }
        guard !highlighted.isEmpty else { throw .noHighlights(slug: snapshot.interview.slug) }
        let starts = highlighted.flatMap { $0.1.map { snapshot.seconds($0.startFrame) } }
        var anchors = DraftDocument.anchors(forStartSeconds: starts)[...]
        var sections: [DraftSection] = []
        var sent: [SentParagraph] = []
        for (highlight, segments) in highlighted {
            var paragraphs: [DraftParagraph] = []
            for segment in segments {
                let anchor = anchors.popFirst() ?? ""
                let speaker = snapshot.speaker(channel: segment.channel)
                let isQuestion = isQuestion(segment)
                let text = segment.text ?? ""
                paragraphs.append(
                    DraftParagraph(
                        segmentIndex: segment.index, anchor: anchor, speaker: speaker, isQuestion: isQuestion,
                        text: text))
                sent.append(
                    SentParagraph(
                        anchor: anchor, startFrame: segment.startFrame, endFrame: segment.endFrame, speaker: speaker,
                        isQuestion: isQuestion, text: text, highlightTitle: highlight.title))
            }
            sections.append(
                DraftSection(title: highlight.title ?? "Highlight \(highlight.number)", paragraphs: paragraphs))
        }
        let document = DraftDocument(
            slug: snapshot.interview.slug, title: snapshot.interview.title, version: version,
            date: date.formatted(.iso8601.year().month().day()), sections: sections)
        return Draft(document: document, sent: sent)
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

    /// The draft as a Word document: the same words and markers as the text, with headings and bold questions.
    static func docx(_ document: DraftDocument) throws -> Data {
        let text = DraftRenderer.plainText(document)
        var paragraphs: [DocxParagraph] = []
        for block in text.components(separatedBy: "\n\n") {
            let line = block.split(separator: "\n").joined(separator: " ")
            if line.hasPrefix("## ") {
                paragraphs.append(DocxParagraph(kind: .heading2, text: String(line.dropFirst(3))))
            } else if line.hasPrefix("# ") {
                paragraphs.append(DocxParagraph(kind: .heading1, text: String(line.dropFirst(2))))
            } else if let range = line.range(of: #"^\[[^\]]+\] \*\*[^*]+\*\*"#, options: .regularExpression) {
                let label = line[range].replacingOccurrences(of: "**", with: "")
                paragraphs.append(
                    DocxParagraph(
                        kind: .body,
                        runs: [DocxRun(text: label, bold: true), DocxRun(text: String(line[range.upperBound...]))]))
            } else if !line.isEmpty {
                paragraphs.append(DocxParagraph(kind: .body, text: line))
            }
        }
        return try DocxWriter.document(title: "\(document.title) — draft \(document.version)", paragraphs: paragraphs)
    }
}

/// Why a draft cannot be made or a reply cannot be applied, in one sentence.
enum DraftError: Error, Equatable, Sendable, CustomStringConvertible {
    case noHighlights(slug: String)
    case binaryToTerminal(format: String)
    case missingRecipient
    case noDraftSent(slug: String)
    case noSuchDraft(slug: String, version: Int)
    case unknownInterviewInReply(slug: String)
    case interviewNotNamed
    case draftForAnotherInterview(replySlug: String, interview: String)
    case beyondRecognition(matched: Int, sent: Int, version: Int)
    case conflicts(count: Int)
    case needsConfirmation
    case unreadable(String)

    var description: String {
        switch self {
        case .noHighlights(let slug):
            return "interview '\(slug)' has no highlights to send; mark some first (tapescript mark \(slug) 3 5-7)"
        case .binaryToTerminal(let format):
            return "a .\(format) draft is not for a terminal; write it to a file with -o FILE"
        case .missingRecipient:
            return "an e-mail draft needs a recipient: --to ADDRESS"
        case .noDraftSent(let slug):
            return "no draft of interview '\(slug)' was ever made, so there is nothing to compare the reply with"
        case .noSuchDraft(let slug, let version):
            return "the reply answers draft \(version) of '\(slug)', which the library does not have"
        case .unknownInterviewInReply(let slug):
            return "the reply is a draft of interview '\(slug)', which is not in the library; name one with --interview"
        case .interviewNotNamed:
            return "the reply does not say which interview it is (its [tapescript … draft N] line is gone); "
                + "name it with --interview ID"
        case .draftForAnotherInterview(let replySlug, let interview):
            return "the reply is a draft of '\(replySlug)', not of '\(interview)'; check the file or drop --interview"
        case .beyondRecognition(let matched, let sent, let version):
            return "the reply matches only \(matched) of the \(sent) paragraphs of draft \(version); it is edited "
                + "beyond recognition or is not a reply to it; nothing applied"
        case .conflicts(let count):
            return "\(count) segment\(count == 1 ? " was" : "s were") changed both here and by the author; nothing "
                + "applied; choose with --take author or --take mine"
        case .needsConfirmation:
            return "nothing applied: not asked at a terminal; pass --yes to apply, or --dry-run to only look"
        case .unreadable(let reason):
            return reason
        }
    }
}
