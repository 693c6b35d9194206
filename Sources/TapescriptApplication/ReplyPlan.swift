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
        // A .docx comes back without Markdown, so its headings read as paragraphs: those are not additions. They are
        // the headings of the text as sent, where an untitled highlight was "Highlight 2".
        let headings = Set(DraftReader.headings(in: draft.text))
        let additions = alignment.added.filter { !headings.contains(reply.paragraphs[$0.replyIndex].text) }
        addedByAuthor = additions.map { reply.paragraphs[$0.replyIndex].text }
        let placed = Self.place(additions, sent: sent)
        // Each segment's text is merged whole: the paragraphs sent for it, as the author left them, with the
        // paragraphs they added next to them. A segment whose paragraphs were all deleted gets an empty text.
        for group in Self.groups(of: sent, in: snapshot) {
            let segment = snapshot.segments[group.row]
            var theirs: [String] = []
            for index in group.sentIndices {
                let paragraph = sent[index]
                theirs += placed.before[index, default: []].map { reply.paragraphs[$0].text }
                if let match = alignment.matches[index] {
                    theirs.append(match.text)
                } else {
                    deletedByAuthor.append("[\(paragraph.anchor)] \(paragraph.text)")
                }
                theirs += placed.after[index, default: []].map { reply.paragraphs[$0].text }
            }
            let first = sent[group.sentIndices[0]]
            let base = ParagraphBreaks.joined(group.sentIndices.map { sent[$0].text })
            let ours = segment.text ?? ""
            let stripped = ControlCharacters.stripped(ParagraphBreaks.joined(theirs))
            removedControlCharacters += stripped.removedCount
            switch ThreeWayMerge.merge(base: base, ours: ours, theirs: stripped.text) {
            case .unchanged, .same: break
            case .keepOurs: keptOurs.append(segment.index)
            case .takeTheirs(let text):
                let pieces = WordDiff.diff(ours, text)
                changes.append(
                    Change(
                        segment: segment.index, anchor: first.anchor, speaker: first.speaker,
                        question: first.isQuestion, before: ours, after: text,
                        diff: WordDiff.render(pieces, colour: false), startFrame: segment.startFrame,
                        endFrame: segment.endFrame, pieces: pieces))
            case .conflict(_, _, let theirs):
                conflicts.append(
                    Conflict(
                        segment: segment.index, anchor: first.anchor, sent: base, mine: ours, author: theirs,
                        startFrame: segment.startFrame, endFrame: segment.endFrame))
            }
        }
        wordsAfterDraft = reply.wordsAfterDraft
        comments = reply.comments.map { comment in (comment.anchor.map { "[\($0)] " } ?? "") + comment.text }
        notes = reply.comments.map { comment in
            let paragraph = comment.anchor.flatMap { anchor in sent.first { $0.anchor == anchor } }
            return ReplyNote(
                anchor: comment.anchor, frames: paragraph.map { $0.startFrame..<$0.endFrame },
                text: ControlCharacters.stripped(comment.text).text)
        }
    }

    /// The sent paragraphs by the segment that holds them now, in draft order: a segment's text may have gone out
    /// as several paragraphs, and a segment split or merged since is found by the middle of the frames sent.
    private static func groups(
        of sent: [SentParagraph], in snapshot: ReviewSnapshot
    ) -> [(row: Int, sentIndices: [Int])] {
        var groups: [(row: Int, sentIndices: [Int])] = []
        var positionByRow: [Int: Int] = [:]
        for (index, paragraph) in sent.enumerated() {
            guard let row = snapshot.segmentIndex(containing: (paragraph.startFrame + paragraph.endFrame) / 2) else {
                continue
            }
            if let position = positionByRow[row] {
                groups[position].sentIndices.append(index)
            } else {
                positionByRow[row] = groups.count
                groups.append((row, [index]))
            }
        }
        return groups
    }

    /// Where each added paragraph goes: after the sent paragraph it follows, or, when that is a question answered
    /// next in the same highlight, at the start of the answer (the author's words are not the interviewer's
    /// question); before the first paragraph when it comes before them all.
    private static func place(
        _ additions: [DraftAlignment.Addition], sent: [SentParagraph]
    ) -> (before: [Int: [Int]], after: [Int: [Int]]) {
        var before: [Int: [Int]] = [:]
        var after: [Int: [Int]] = [:]
        for addition in additions {
            guard let previous = addition.afterSent else {
                if !sent.isEmpty { before[0, default: []].append(addition.replyIndex) }
                continue
            }
            let next = previous + 1
            if sent[previous].isQuestion, next < sent.count, !sent[next].isQuestion,
                sent[next].highlightTitle == sent[previous].highlightTitle
            {
                before[next, default: []].append(addition.replyIndex)
            } else {
                after[previous, default: []].append(addition.replyIndex)
            }
        }
        return (before, after)
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
