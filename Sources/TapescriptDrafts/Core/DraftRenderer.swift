/// Renders a draft for the author.
public enum DraftRenderer {
    /// The longest line of a plain-text draft, in characters; mail clients re-wrap longer ones.
    public static let lineWidth = 72

    /// What the author is asked to do, between the header marker and the first section.
    static let instructions = """
        This is a draft of your interview: please change any words you like.
        Keep the small [markers] in square brackets at the start of each
        paragraph, as they tie it to the recording. Add comments for us in
        [[double brackets]]. Reply with the whole text, inline or attached.
        """

    /// The draft as plain text that is also Markdown: UTF-8, lines of at most ``lineWidth`` characters without
    /// trailing spaces, LF line ends, one newline at the end. Each paragraph starts with its anchor in brackets and
    /// its speaker (in bold for questions).
    public static func plainText(_ document: DraftDocument) -> String {
        var blocks: [[String]] = [
            heading("\(document.title) — draft \(document.version)", level: 1),
            wrap(["[tapescript", document.slug, "draft", "\(document.version)]"]),
            instructions.split(separator: "\n").map(String.init),
        ]
        for section in document.sections {
            if let title = section.title, !DraftMarkers.collapsingBlanks(title).isEmpty {
                blocks.append(heading(title, level: 2))
            }
            blocks += section.paragraphs.map(paragraph)
        }
        return blocks.map { $0.joined(separator: "\n") }.joined(separator: "\n\n") + "\n"
    }

    private static func paragraph(_ paragraph: DraftParagraph) -> [String] {
        var label = ["[\(paragraph.anchor)]"]
        if let speaker = paragraph.speaker, !DraftMarkers.collapsingBlanks(speaker).isEmpty {
            let words = DraftMarkers.words(speaker).map(String.init)
            let mark = paragraph.isQuestion ? "**" : ""
            label += words.enumerated().map { index, word in
                (index == 0 ? mark : "") + word + (index == words.count - 1 ? ":" + mark : "")
            }
        }
        return wrap(label + DraftMarkers.words(paragraph.text).map(String.init), keepingTogether: label.count)
    }

    /// An ATX heading when it fits on a line, else a setext heading whose text is wrapped.
    private static func heading(_ text: String, level: Int) -> [String] {
        let words = DraftMarkers.words(text).map(String.init)
        let atx = String(repeating: "#", count: level) + " " + words.joined(separator: " ")
        guard atx.count > lineWidth else { return [atx] }
        let lines = wrap(words)
        let underline = String(repeating: level == 1 ? "=" : "-", count: max(3, lines.map(\.count).max() ?? 3))
        return lines + [underline]
    }

    /// Greedy wrapping at ``lineWidth`` that keeps the first `keepingTogether` words on the first line and never
    /// starts a continuation line with a word that Markdown or the reader would take for structure (`#`, `>`, `-`,
    /// `1.`, an anchor): the word before it moves down too.
    static func wrap(_ words: [String], keepingTogether: Int = 0) -> [String] {
        var lines: [[String]] = [[]]
        var width = 0
        for (index, word) in words.enumerated() {
            let last = lines.count - 1
            if lines[last].isEmpty || index < keepingTogether || width + 1 + word.count <= lineWidth {
                width += (lines[last].isEmpty ? 0 : 1) + word.count
                lines[last].append(word)
                continue
            }
            var carried = [word]
            let fixed = last == 0 ? max(1, keepingTogether) : 1
            while startsStructure(carried[0]), lines[last].count > fixed, let moved = lines[last].popLast() {
                carried.insert(moved, at: 0)
            }
            lines.append(carried)
            width = carried.joined(separator: " ").count
        }
        return lines.map { $0.joined(separator: " ") }
    }

    private static func startsStructure(_ word: String) -> Bool {
        guard let first = word.first else { return false }
        if "#>-+*=|`~".contains(first) { return true }
        if first == "[" || first == "\\" {
            return DraftMarkers.anchorPrefix(of: Substring(word)) != nil || word.hasPrefix("[[")
        }
        if first.isNumber {
            let afterDigits = word.drop { $0.isNumber }
            return afterDigits == "." || afterDigits == ")" || word.contains("]")
                || DraftMarkers.anchorPrefix(of: Substring(word)) != nil
        }
        return false
    }
}
