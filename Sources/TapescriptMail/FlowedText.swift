/// `format=flowed` text (RFC 3676), with lines already split on "\n".
enum FlowedText {
    /// Joins soft-broken lines, removes space-stuffing and writes quote depth as one `> ` per level.
    static func decode(_ text: String, deleteSpace: Bool) -> String {
        var output: [String] = []
        var paragraph: (depth: Int, text: String)?
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = Substring(rawLine)
            let depth = line.prefix { $0 == ">" }.count
            line = line.dropFirst(depth)
            if line.first == " " { line = line.dropFirst() }
            // The signature separator "-- " is never a soft break.
            let isSoft = line.hasSuffix(" ") && line != "-- "
            if isSoft && deleteSpace { line = line.dropLast() }
            if let current = paragraph, current.depth != depth {
                output.append(quoted(current.text, depth: current.depth))
                paragraph = nil
            }
            paragraph = (depth, (paragraph?.text ?? "") + line)
            if !isSoft, let current = paragraph {
                output.append(quoted(current.text, depth: current.depth))
                paragraph = nil
            }
        }
        if let current = paragraph {
            output.append(quoted(current.text, depth: current.depth))
        }
        return output.joined(separator: "\n")
    }

    private static func quoted(_ text: String, depth: Int) -> String {
        guard depth > 0 else { return text }
        let prefix = String(repeating: "> ", count: depth)
        return text.isEmpty ? String(prefix.dropLast()) : prefix + text
    }

    /// `text` as flowed lines (DelSp=no): each line that the next one continues, in the same paragraph, ends in a
    /// soft break (a space), and the last line of a paragraph does not, so that a client can reflow the paragraph
    /// to its own width and a reader gets it back as one line. Lines longer than `width` are also broken at spaces
    /// with soft breaks. Lines that start with a space, `>` or `From ` are space-stuffed. `nil` when a line ends in
    /// a space: that space would read as a soft break, so such text cannot be sent flowed unchanged.
    static func encode(_ text: String, width: Int = 76) -> [String]? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var output: [String] = []
        for (index, line) in lines.enumerated() {
            if line.hasSuffix(" ") && line != "-- " { return nil }
            var segments = wrap(Array(line), width: width)
            if index + 1 < lines.count, flows(line, into: lines[index + 1]) {
                segments[segments.count - 1] += " "
            }
            for segment in segments {
                let stuffed = segment.first == " " || segment.first == ">" || segment.hasPrefix("From ")
                output.append(stuffed ? " " + segment : segment)
            }
        }
        return output
    }

    /// Whether `next` goes on with the paragraph of `line`: neither is empty or the signature separator, and `next`
    /// is no quotation, no indented line and no rule (a Markdown heading's underline must stay on its own line).
    private static func flows(_ line: Substring, into next: Substring) -> Bool {
        guard !line.isEmpty, line != "-- ", !next.isEmpty, next != "-- ", let first = next.first else { return false }
        if first == " " || first == "\t" || first == ">" { return false }
        let isRule = next.count >= 3 && "=-".contains(first) && next.allSatisfy { $0 == first }
        return !isRule
    }

    private static func wrap(_ characters: [Character], width: Int) -> [String] {
        var segments: [String] = []
        var rest = characters[...]
        while rest.count > width, let breakIndex = breakIndex(in: rest, width: width) {
            segments.append(String(rest[...breakIndex]))
            rest = rest[(breakIndex + 1)...]
        }
        segments.append(String(rest))
        return segments
    }

    /// Where to break `line`: at the last space of a run of spaces, after some non-space text, preferring the
    /// latest such point within `width` and else the first one after it (a word longer than the line).
    private static func breakIndex(in line: ArraySlice<Character>, width: Int) -> Int? {
        func isBreak(_ index: Int) -> Bool {
            line[index] == " " && index + 1 < line.endIndex && line[index + 1] != " "
                && line[line.startIndex..<index].contains { $0 != " " }
                && String(line[line.startIndex...index]) != "-- "
        }
        let lastFitting = line.startIndex + width - 1
        if let index = stride(from: lastFitting, to: line.startIndex, by: -1).first(where: isBreak) {
            return index
        }
        return (lastFitting + 1..<line.endIndex).first(where: isBreak)
    }
}
