/// What the author sent back, read from the text of a reply: the draft it answers, if its header marker survived,
/// and its paragraphs and comments in the order they came.
public struct DraftReply: Sendable, Equatable {
    /// The interview's slug from `[tapescript <slug> draft <version>]`, or nil when that line is missing.
    public var slug: String?
    public var version: Int?
    public var paragraphs: [ReplyParagraph]
    public var comments: [ReplyComment]
    /// What the author typed after the quoted draft, unquoted, before their signature, one text per paragraph: no
    /// paragraph of the draft, but their words.
    public var wordsAfterDraft: [String]

    public init(
        slug: String?, version: Int?, paragraphs: [ReplyParagraph], comments: [ReplyComment],
        wordsAfterDraft: [String] = []
    ) {
        self.slug = slug
        self.version = version
        self.paragraphs = paragraphs
        self.comments = comments
        self.wordsAfterDraft = wordsAfterDraft
    }
}

/// One paragraph of a reply: its anchor as written (blanks removed) if one was found, its speaker label if any, and
/// the author's text exactly, except that line breaks are single spaces and comments are taken out.
public struct ReplyParagraph: Sendable, Equatable {
    public var anchor: String?
    public var speaker: String?
    public var text: String

    public init(anchor: String?, speaker: String?, text: String) {
        self.anchor = anchor
        self.speaker = speaker
        self.text = text
    }
}

/// A `[[comment]]` of the author's.
public struct ReplyComment: Sendable, Equatable {
    /// The anchor of the paragraph the comment was in, or nil when it stood on its own or that paragraph had none.
    public var anchor: String?
    /// The index in ``DraftReply/paragraphs`` of the paragraph it was in, if that paragraph kept any text.
    public var paragraphIndex: Int?
    public var text: String

    public init(anchor: String?, paragraphIndex: Int?, text: String) {
        self.anchor = anchor
        self.paragraphIndex = paragraphIndex
        self.text = text
    }
}

/// Why a reply cannot be read as a draft.
public enum DraftReadError: Error, Equatable, Sendable, CustomStringConvertible {
    case noDraftText

    public var description: String {
        switch self {
        case .noDraftText:
            return "the reply holds no draft text: no paragraph was found after its '[tapescript … draft …]' line "
                + "(or anywhere, when that line is missing)"
        }
    }
}
