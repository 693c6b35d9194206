import Foundation
import TapescriptDrafts
import TapescriptLibrary
import TapescriptText

/// What applying a reply would do, segment by segment: the three-way merge of the draft as sent (base), the
/// library now (ours) and the reply (theirs).
public struct ReplyPlan: Encodable, Sendable {
    public struct Change: Encodable, Sendable {
        public var segment: Int
        public var anchor: String
        public var speaker: String?
        public var question: Bool
        public var before: String
        public var after: String
        public var diff: String
        public var startFrame: Int64
        public var endFrame: Int64
        /// The word diff itself, kept so the report can colour it without diffing again; `diff` is its plain form.
        public var pieces: [WordDiff.Piece]

        private enum CodingKeys: String, CodingKey {
            case segment, anchor, speaker, question, before, after, diff, startFrame, endFrame
        }
    }

    public struct Conflict: Encodable, Sendable {
        public var segment: Int
        public var anchor: String
        public var sent: String
        public var mine: String
        public var author: String
        public var startFrame: Int64
        public var endFrame: Int64
    }

    public var interview: String
    public var draft: Int
    /// The part of the reply the draft was read from.
    public var source: ReplySource
    public var changes: [Change] = []
    public var conflicts: [Conflict] = []
    public var keptOurs: [Int] = []
    public var deletedByAuthor: [String] = []
    public var addedByAuthor: [String] = []
    public var comments: [String] = []
    /// The comments as they are kept: by the paragraph they were written at, control characters taken out.
    var notes: [ReplyNote] = []
    /// The author's words typed after the quoted draft (a P.S.): shown, never applied.
    public var wordsAfterDraft: [String] = []
    /// Control characters (ESC, NUL, …) taken out of the author's words before they could reach the library.
    public var removedControlCharacters = 0

    private enum CodingKeys: String, CodingKey {
        case interview, draft, source, changes, conflicts, keptOurs, deletedByAuthor, addedByAuthor, comments
        case wordsAfterDraft, removedControlCharacters
    }

    init(reply: DraftReply, source: ReplySource, draft: DraftRecord, snapshot: ReviewSnapshot) throws {
        interview = snapshot.interview.slug
        self.source = source
        self.draft = draft.version
        let sent = draft.paragraphs
        let document = DraftMaker.document(
            from: sent, slug: snapshot.interview.slug, title: snapshot.interview.title, version: draft.version)
        let alignment = DraftAligner.align(reply: reply, to: document)
        let matched = alignment.matches.compactMap { $0 }.count
        guard alignment.isRecognizable else {
            throw DraftError.beyondRecognition(matched: matched, sent: sent.count, version: draft.version)
        }
        for (index, paragraph) in sent.enumerated() {
            let middle = (paragraph.startFrame + paragraph.endFrame) / 2
            guard let row = snapshot.segmentIndex(containing: middle) else { continue }
            let segment = snapshot.segments[row]
            guard let match = alignment.matches[index] else {
                deletedByAuthor.append("[\(paragraph.anchor)] \(paragraph.text)")
                continue
            }
            let ours = segment.text ?? ""
            let theirs = ControlCharacters.stripped(match.text)
            removedControlCharacters += theirs.removedCount
            switch ThreeWayMerge.merge(base: paragraph.text, ours: ours, theirs: theirs.text) {
            case .unchanged, .same: break
            case .keepOurs: keptOurs.append(segment.index)
            case .takeTheirs(let text):
                let pieces = WordDiff.diff(ours, text)
                changes.append(
                    Change(
                        segment: segment.index, anchor: paragraph.anchor, speaker: paragraph.speaker,
                        question: paragraph.isQuestion, before: ours, after: text,
                        diff: WordDiff.render(pieces, colour: false), startFrame: segment.startFrame,
                        endFrame: segment.endFrame, pieces: pieces))
            case .conflict(_, _, let theirs):
                conflicts.append(
                    Conflict(
                        segment: segment.index, anchor: paragraph.anchor, sent: paragraph.text, mine: ours,
                        author: theirs, startFrame: segment.startFrame, endFrame: segment.endFrame))
            }
        }
        // A .docx comes back without Markdown, so its headings read as paragraphs: those are not additions. They are
        // the headings of the text as sent, where an untitled highlight was "Highlight 2".
        let headings = Set(DraftReader.headings(in: draft.text))
        addedByAuthor = alignment.added.map { reply.paragraphs[$0.replyIndex].text }.filter { !headings.contains($0) }
        wordsAfterDraft = reply.wordsAfterDraft
        comments = reply.comments.map { comment in (comment.anchor.map { "[\($0)] " } ?? "") + comment.text }
        notes = reply.comments.map { comment in
            let paragraph = comment.anchor.flatMap { anchor in sent.first { $0.anchor == anchor } }
            return ReplyNote(
                anchor: comment.anchor, frames: paragraph.map { $0.startFrame..<$0.endFrame },
                text: ControlCharacters.stripped(comment.text).text)
        }
    }

    /// Whether the author's draft differs from the one sent: changed words, comments, paragraphs added or removed,
    /// words after the draft.
    var differsFromSent: Bool {
        !changes.isEmpty || !conflicts.isEmpty || !comments.isEmpty || !addedByAuthor.isEmpty
            || !deletedByAuthor.isEmpty || !wordsAfterDraft.isEmpty
    }

    /// The texts to store: the author's changes and each conflict `choices` gives the author, and apart, the
    /// words the interviewer merged by hand (theirs, not the author's). For `mine`, nothing is stored.
    func texts(
        by choices: ConflictChoices
    ) -> (
        author: [(startFrame: Int64, endFrame: Int64, text: String)],
        merged: [(startFrame: Int64, endFrame: Int64, text: String)]
    ) {
        var author = changes.map { ($0.startFrame, $0.endFrame, $0.after) }
        var merged: [(startFrame: Int64, endFrame: Int64, text: String)] = []
        for conflict in conflicts {
            switch choices.decision(for: conflict.segment) {
            case .take(.author): author.append((conflict.startFrame, conflict.endFrame, conflict.author))
            case .merged(let words): merged.append((conflict.startFrame, conflict.endFrame, words))
            case .take(.mine), nil: break
            }
        }
        return (author, merged)
    }
}
