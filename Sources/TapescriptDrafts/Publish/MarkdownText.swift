/// Text from a person (the author's reply controls it) made safe to put in Markdown: it renders as the words it
/// is, never as HTML, a link, an image, emphasis, a heading, a list or a quote.
enum MarkdownText {
    /// Characters CommonMark gives meaning to anywhere in a line; a backslash before any of them shows it as is.
    private static let inlineSpecials: Set<Character> = ["\\", "`", "*", "_", "[", "]", "<", ">", "|", "~"]
    /// Characters that start a block when they open a line: heading, quote, list item, setext underline, table.
    private static let lineStartSpecials: Set<Character> = ["#", ">", "-", "+", "=", "*", "|", ":"]

    static func escaped(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { escapedLine(Substring($0)) }
            .joined(separator: "\n")
    }

    private static func escapedLine(_ line: Substring) -> String {
        // Four leading spaces make a code block, and any indentation can continue a list: none is kept.
        let line = line.drop { $0 == " " || $0 == "\t" }
        var out = ""
        var previous: Character?
        for (offset, character) in zip(line.indices, line) {
            let next = line.index(after: offset) < line.endIndex ? line[line.index(after: offset)] : nil
            if inlineSpecials.contains(character) || (previous == nil && lineStartSpecials.contains(character)) {
                out += "\\"
            } else if character == "&", let next, next.isLetter || next.isNumber || next == "#" {
                // An entity (`&lt;`, `&#60;`) would turn into the character it names.
                out += "\\"
            } else if character == "." || character == ")", !out.isEmpty, out.allSatisfy(\.isNumber) {
                // `1.` or `1)` at the start of a line opens an ordered list.
                out += "\\"
            }
            out.append(character)
            previous = character
        }
        return out
    }
}
