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

    /// Wraps each line of `text` at spaces into lines of at most `width` characters with soft breaks (DelSp=no), and
    /// space-stuffs lines that start with a space, `>` or `From `. `nil` when a line ends in a space: that space
    /// would read as a soft break, so such text cannot be sent flowed unchanged.
    static func encode(_ text: String, width: Int = 76) -> [String]? {
        var output: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasSuffix(" ") && line != "-- " { return nil }
            for segment in wrap(Array(line), width: width) {
                let stuffed = segment.first == " " || segment.first == ">" || segment.hasPrefix("From ")
                output.append(stuffed ? " " + segment : segment)
            }
        }
        return output
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
