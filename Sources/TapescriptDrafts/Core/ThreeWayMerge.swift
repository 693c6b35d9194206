/// What to do with one paragraph's text when a reply is applied.
public enum MergeOutcome: Sendable, Equatable {
    /// Nobody changed it.
    case unchanged
    /// Only the author changed it: apply their text.
    case takeTheirs(String)
    /// Only the library changed since the draft was sent: keep it.
    case keepOurs
    /// Both made the same change.
    case same
    /// Both changed it, differently; `theirs` is the author's text as applied would be.
    case conflict(base: String, ours: String, theirs: String)
}

/// Three-way merge of a paragraph: the sent draft is the base, the library now is ours, the reply is theirs.
public enum ThreeWayMerge {
    /// Merges one segment's text. Texts are compared with blanks collapsed and trimmed, so re-wrapping is no change,
    /// but a paragraph break (a blank line) is one; the author's text is returned as written, trimmed, each line
    /// break inside a paragraph (and the blanks around it) made one space.
    public static func merge(base: String, ours: String, theirs: String) -> MergeOutcome {
        let (normalBase, normalOurs, normalTheirs) = (normalized(base), normalized(ours), normalized(theirs))
        switch (normalOurs == normalBase, normalTheirs == normalBase) {
        case (true, true): return .unchanged
        case (true, false): return .takeTheirs(authorText(theirs))
        case (false, true): return .keepOurs
        case (false, false):
            return normalOurs == normalTheirs
                ? .same : .conflict(base: base, ours: ours, theirs: authorText(theirs))
        }
    }

    static func normalized(_ text: String) -> String {
        ParagraphBreaks.joined(
            ParagraphBreaks.paragraphs(of: text).map { $0.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
        )
    }

    /// The text trimmed, each line break inside a paragraph with the blanks around it made one space.
    static func authorText(_ text: String) -> String {
        ParagraphBreaks.joined(
            ParagraphBreaks.paragraphs(of: text).map { $0.split(whereSeparator: \.isNewline).joined(separator: " ") })
    }
}
