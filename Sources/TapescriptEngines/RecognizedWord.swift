/// A word a recogniser heard, with its times in the audio it was given and how sure it was.
public struct RecognizedWord: Sendable, Equatable, Codable {
    /// The word as written, with its punctuation, without the space before it.
    public var text: String
    /// Start and end in seconds from the start of the audio.
    public var start: Double
    public var end: Double
    /// The recogniser's probability for the word, 0 to 1; nil when it gives none.
    public var probability: Double?

    public init(text: String, start: Double, end: Double, probability: Double?) {
        self.text = text
        self.start = start
        self.end = end
        self.probability = probability
    }
}

/// What a recogniser made of one audio file: its words in order, and whether their times can be trusted (a
/// program that prints plain text has words but no times).
public struct Recognition: Sendable, Equatable {
    public var words: [RecognizedWord]
    public var hasTimes: Bool

    public init(words: [RecognizedWord], hasTimes: Bool) {
        self.words = words
        self.hasTimes = hasTimes
    }

    /// The words as one text, spaced.
    public var text: String { words.map(\.text).joined(separator: " ") }
}
