import TapescriptLibrary

/// Which paragraphs are the interviewer's questions, in drafts and publications alike.
enum QuestionRule {
    /// The interviewer's paragraphs are the questions: the speaker chosen with `speakers --interviewer`, or
    /// whoever speaks first. A mono recording without speakers cannot tell, so there a paragraph that ends with a
    /// question mark is taken for a question.
    static func isQuestion(_ segment: ReviewSegment, in snapshot: ReviewSnapshot) -> Bool {
        if let interviewer = snapshot.interviewer, let channel = segment.channel { return channel == interviewer }
        return segment.text?.trimmingCharacters(in: .whitespacesAndNewlines).hasSuffix("?") ?? false
    }
}
