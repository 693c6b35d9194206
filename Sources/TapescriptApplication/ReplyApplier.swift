import Foundation
import TapescriptDrafts
import TapescriptLibrary

/// The use case behind `tapescript apply`: read the author's reply, plan the merge, and store it.
public struct ReplyApplier: Sendable {
    /// A plan with what it was made against, ready to resolve.
    public struct Planned: Sendable {
        public let plan: ReplyPlan
        let reference: InterviewReference
        let draft: DraftRecord

        /// The conflicts `choices` leaves undecided.
        public func undecided(by choices: ConflictChoices) -> [ReplyPlan.Conflict] {
            plan.conflicts.filter { choices.decision(for: $0.segment) == nil }
        }

        /// The texts to store, with each conflict decided by `choices`.
        /// - Throws: `DraftError.conflicts` when a conflict is left undecided.
        public func resolved(by choices: ConflictChoices) throws(DraftError) -> Resolution {
            let open = undecided(by: choices)
            guard open.isEmpty else { throw .conflicts(count: open.count) }
            let texts = plan.texts(by: choices)
            return Resolution(
                reference: reference, draft: draft, texts: texts.author, mergedTexts: texts.merged, notes: plan.notes)
        }
    }

    /// The new texts of a reply, every conflict decided.
    public struct Resolution: Sendable {
        let reference: InterviewReference
        let draft: DraftRecord
        let texts: [(startFrame: Int64, endFrame: Int64, text: String)]
        let mergedTexts: [(startFrame: Int64, endFrame: Int64, text: String)]
        let notes: [ReplyNote]

        /// How many segments get a new version.
        public var count: Int { texts.count + mergedTexts.count }
        /// How many of the author's comments are kept with the draft.
        public var commentCount: Int { notes.count }
    }

    let library: Library

    public init(library: Library) {
        self.library = library
    }

    /// The drafts in a reply's bytes, refused when none is a draft of Tapescript's at all.
    /// - Parameters:
    ///   - name: the file's name, for the error and to tell a .docx.
    ///   - interview: the interview named on the command line, if any.
    /// - Throws: `DraftError.notADraft` for text without anchors or a `[tapescript …]` line; whatever reading the
    ///   mail, the .docx or the text threw.
    public static func read(_ data: Data, name: String, interview: String?) throws -> ReceivedReply {
        let candidates = try ReplyIntake.read(data, name: name).filter { candidate in
            candidate.reply.slug != nil || interview != nil || candidate.reply.paragraphs.contains { $0.anchor != nil }
        }
        guard !candidates.isEmpty else { throw DraftError.notADraft(name: name) }
        return ReceivedReply(candidates: candidates)
    }

    /// What applying the reply would do: the three-way merge of the draft as sent, the library now and the reply.
    ///
    /// When the reply holds several drafts (the mail's text quoting the draft as sent, the author's copy attached),
    /// the author's is the one that differs from what was sent; where more than one does, an attached file beats
    /// the text of the mail. The plan says which part it was read from.
    /// - Parameter interview: the interview to apply it to when the reply does not name its own.
    /// - Throws: `DraftError` when the reply names no known interview or draft, or is beyond recognition;
    ///   `LibraryError` when the library cannot be read.
    public func plan(_ received: ReceivedReply, interview: String?) throws -> Planned {
        let reference: InterviewReference
        if let interview {
            reference = InterviewReference(interview)
        } else if let slug = received.slug {
            reference = .slug(slug)
        } else {
            throw DraftError.interviewNotNamed
        }
        let snapshot = try library.reviewSnapshot(of: reference)
        var plans: [Planned] = []
        var firstFailure: DraftError?
        for candidate in received.candidates {
            do {
                plans.append(try plan(candidate, reference: reference, snapshot: snapshot))
            } catch let error as DraftError {
                firstFailure = firstFailure ?? error
            }
        }
        // The candidates come fullest first, and `max` keeps the first of equals.
        let best = plans.max { first, second in
            (first.plan.differsFromSent ? 1 : 0, first.plan.source.isAttachment ? 1 : 0)
                < (second.plan.differsFromSent ? 1 : 0, second.plan.source.isAttachment ? 1 : 0)
        }
        guard let best else { throw firstFailure ?? DraftError.noDraftInMail }
        return best
    }

    private func plan(
        _ candidate: ReplyCandidate, reference: InterviewReference, snapshot: ReviewSnapshot
    ) throws -> Planned {
        let reply = candidate.reply
        if let slug = reply.slug, slug != snapshot.interview.slug {
            throw DraftError.draftForAnotherInterview(replySlug: slug, interview: snapshot.interview.slug)
        }
        guard let draft = try library.draft(reference, version: reply.version) else {
            if let version = reply.version {
                throw DraftError.noSuchDraft(slug: snapshot.interview.slug, version: version)
            }
            throw DraftError.noDraftSent(slug: snapshot.interview.slug)
        }
        let plan = try ReplyPlan(reply: reply, source: candidate.source, draft: draft, snapshot: snapshot)
        return Planned(plan: plan, reference: reference, draft: draft)
    }

    /// Stores the resolved texts, in one transaction and one step of undo.
    /// - Throws: `LibraryError` when the write fails.
    public func apply(_ resolution: Resolution) throws(LibraryError) -> EditSummary {
        try library.applyReply(
            resolution.reference, draft: resolution.draft, texts: resolution.texts, comments: resolution.notes,
            mergedTexts: resolution.mergedTexts)
    }
}
