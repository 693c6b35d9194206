/// A segment's text may hold more than one paragraph: the author added one after it in a reply, or split it.
/// Paragraphs are separated by a blank line in the library, as in the draft; single line breaks are wrapping.
public enum ParagraphBreaks {
    /// What the library stores between two paragraphs of one segment.
    public static let separator = "\n\n"

    /// The paragraphs of `text`, each trimmed, empty ones left out.
    public static func paragraphs(of text: String) -> [String] {
        var paragraphs: [String] = []
        var current: [Substring] = []
        func close() {
            let paragraph = current.joined(separator: "\n")
            if !paragraph.isEmpty { paragraphs.append(paragraph) }
            current = []
        }
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            let trimmed = line.drop(while: DraftMarkers.isBlank).reversed().drop(while: DraftMarkers.isBlank).reversed()
            if trimmed.isEmpty { close() } else { current.append(Substring(trimmed)) }
        }
        close()
        return paragraphs
    }

    /// `paragraphs` as one segment's text.
    public static func joined(_ paragraphs: [String]) -> String {
        paragraphs.filter { !$0.isEmpty }.joined(separator: separator)
    }
}
