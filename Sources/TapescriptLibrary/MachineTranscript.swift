import Foundation
import GRDB

/// What a recogniser wrote for one segment, kept with the machine's text version: which engine and model, and
/// each word with its times (seconds from the segment's start) and the engine's confidence, so that review can
/// show the words it was unsure of.
public struct MachineTranscript: Codable, Sendable, Equatable {
    public struct Word: Codable, Sendable, Equatable {
        public var text: String
        public var start: Double
        public var end: Double
        public var probability: Double?

        public init(text: String, start: Double, end: Double, probability: Double?) {
            self.text = text
            self.start = start
            self.end = end
            self.probability = probability
        }
    }

    public var engine: String
    public var model: String
    public var language: String?
    public var words: [Word]

    public init(engine: String, model: String, language: String?, words: [Word]) {
        self.engine = engine
        self.model = model
        self.language = language
        self.words = words
    }

    /// Below this probability a word is shown as one to check.
    public static let uncertainBelow = 0.5

    /// The words the engine was unsure of, in order.
    public var uncertainWords: [Word] { words.filter { ($0.probability ?? 1) < Self.uncertainBelow } }
}

/// A machine text on its way into the library.
public struct MachineText: Sendable, Equatable {
    public var startFrame: Int64
    public var endFrame: Int64
    public var text: String
    public var transcript: MachineTranscript

    public init(startFrame: Int64, endFrame: Int64, text: String, transcript: MachineTranscript) {
        self.startFrame = startFrame
        self.endFrame = endFrame
        self.text = text
        self.transcript = transcript
    }
}

extension Library {
    /// Stores machine texts in one transaction. Text a person wrote (the interviewer's or the author's, also a
    /// paragraph the author deleted) is never replaced; earlier machine text only with `overwriteMachine`. A text
    /// goes to the segment holding the middle of its frames, so a segment split meanwhile is still found.
    /// Machine text is no edit of a person's and is not journalled: running `transcribe` again gives it back.
    /// - Returns: the 1-based numbers of the segments that got a version.
    /// - Throws: `LibraryError` when the interview is unknown or the write fails.
    public func storeMachineTexts(
        _ reference: InterviewReference, _ texts: [MachineText], overwriteMachine: Bool, now: Date = Date()
    ) throws(LibraryError) -> [Int] {
        try write { db in
            let snapshot = try Self.reviewSnapshot(of: reference, db: db)
            guard let interviewId = snapshot.interview.id else { return [] }
            var stored: [Int] = []
            for text in texts {
                guard let row = snapshot.segmentIndex(containing: (text.startFrame + text.endFrame) / 2) else {
                    continue
                }
                let segment = snapshot.segments[row]
                guard segment.mayTakeMachineText(overwriting: overwriteMachine), !stored.contains(segment.index) else {
                    continue
                }
                var revision = TextRevision(
                    id: nil, interviewId: interviewId, startFrame: segment.startFrame, endFrame: segment.endFrame,
                    text: text.text, origin: .machine, draftId: nil, createdAt: now, machine: text.transcript)
                try revision.insert(db)
                stored.append(segment.index)
            }
            return stored
        }
    }
}

extension ReviewSegment {
    /// Whether `transcribe` may write this segment's text: it has none, or only the machine's and
    /// `overwriting` is set. A person's words, and the author's deletion, are never replaced.
    public func mayTakeMachineText(overwriting: Bool) -> Bool {
        if isLeftOutByAuthor { return false }
        guard text != nil else { return true }
        return textOrigin == .machine && overwriting
    }

    /// Whether its text is the machine's, not corrected by a person yet.
    public var hasMachineText: Bool { text != nil && textOrigin == .machine }
}
