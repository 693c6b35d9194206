import Foundation
import TapescriptDrafts
import TapescriptLibrary

/// What applying a reply would do, segment by segment: the three-way merge of the draft as sent (base), the
/// library now (ours) and the reply (theirs).
struct ReplyPlan: Encodable {
    struct Change: Encodable {
        var segment: Int
        var anchor: String
        var speaker: String?
        var question: Bool
        var before: String
        var after: String
        var diff: String
        var startFrame: Int64
        var endFrame: Int64
        /// The word diff itself, kept so the report can colour it without diffing again; `diff` is its plain form.
        var pieces: [WordDiff.Piece]

        private enum CodingKeys: String, CodingKey {
            case segment, anchor, speaker, question, before, after, diff, startFrame, endFrame
        }
    }

    struct Conflict: Encodable {
        var segment: Int
        var anchor: String
        var sent: String
        var mine: String
        var author: String
        var startFrame: Int64
        var endFrame: Int64
    }

    var interview: String
    var draft: Int
    var changes: [Change] = []
    var conflicts: [Conflict] = []
    var keptOurs: [Int] = []
    var deletedByAuthor: [String] = []
    var addedByAuthor: [String] = []
    var comments: [String] = []

    init(reply: DraftReply, draft: DraftRecord, snapshot: ReviewSnapshot) throws {
        interview = snapshot.interview.slug
        self.draft = draft.version
        let sent = draft.paragraphs
        let document = DraftBuilder.document(
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
            switch ThreeWayMerge.merge(base: paragraph.text, ours: ours, theirs: match.text) {
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
        // A .docx comes back without Markdown, so its headings read as paragraphs: those are not additions.
        let headings = Set(sent.compactMap(\.highlightTitle) + [snapshot.interview.title])
        addedByAuthor = alignment.added.map { reply.paragraphs[$0.replyIndex].text }.filter { text in
            !headings.contains(text) && !text.hasPrefix(snapshot.interview.title + " — draft")
        }
        comments = reply.comments.map { comment in (comment.anchor.map { "[\($0)] " } ?? "") + comment.text }
    }

    /// The texts to store: the author's changes, and each conflict as `take` decides.
    func texts(take: Tapescript.Apply.Side?) -> [(startFrame: Int64, endFrame: Int64, text: String)] {
        var texts = changes.map { ($0.startFrame, $0.endFrame, $0.after) }
        if take == .author { texts += conflicts.map { ($0.startFrame, $0.endFrame, $0.author) } }
        return texts
    }
}
