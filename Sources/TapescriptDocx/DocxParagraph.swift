/// One paragraph of a document written by ``DocxWriter``.
public struct DocxParagraph: Sendable, Equatable {
    /// The paragraph style: Word's built-in `Heading1`, `Heading2`, or `Normal`.
    public enum Kind: Sendable, Equatable {
        case heading1
        case heading2
        case body
    }

    public var kind: Kind
    public var runs: [DocxRun]

    public init(kind: Kind, runs: [DocxRun]) {
        self.kind = kind
        self.runs = runs
    }

    /// A paragraph of one plain (not bold) run.
    public init(kind: Kind = .body, text: String) {
        self.init(kind: kind, runs: [DocxRun(text: text)])
    }
}

/// A stretch of text with one formatting. A tab becomes a Word tab and a line break a Word line break (not a new
/// paragraph).
public struct DocxRun: Sendable, Equatable {
    public var text: String
    public var bold: Bool

    public init(text: String, bold: Bool = false) {
        self.text = text
        self.bold = bold
    }
}
