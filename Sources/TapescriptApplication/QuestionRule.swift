import TapescriptLibrary

/// Which paragraphs are the interviewer's questions, in drafts and publications alike.
enum QuestionRule {
    /// The interviewer is speaker A (channel 0): their paragraphs are the questions. A mono recording has no
    /// speakers, so there a paragraph that ends with a question mark is taken for a question.
    static let interviewerChannel = 0

    static func isQuestion(_ segment: ReviewSegment) -> Bool {
        segment.channel.map { $0 == interviewerChannel }
            ?? (segment.text?.trimmingCharacters(in: .whitespacesAndNewlines).hasSuffix("?") ?? false)
    }
}
