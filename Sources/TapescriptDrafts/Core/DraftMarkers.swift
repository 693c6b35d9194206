/// Finding the small markers of a draft in text that came back by mail: anchors such as `[12:03]`, speaker labels
/// such as `**Andy:**`, and `[[comments]]`, tolerating what clients and authors do to them.
enum DraftMarkers {
    /// An anchor at the start of `text` (after blanks): `[12:03]`, `[ 12 : 03 ]`, `\[12:03\]`, or damaged to
    /// `12:03]` or `[12:03`. With `strict`, both brackets are required. Returns the anchor with its blanks removed and
    /// the text after it.
    static func anchorPrefix(of text: Substring, strict: Bool = false) -> (anchor: String, rest: Substring)? {
        var index = text.startIndex
        func peek() -> Character? { index < text.endIndex ? text[index] : nil }
        func skipBlanks() { while let character = peek(), isBlank(character) { index = text.index(after: index) } }
        func take(_ allowed: (Character) -> Bool) -> Bool {
            guard let character = peek(), allowed(character) else { return false }
            index = text.index(after: index)
            return true
        }
        func digits(max: Int) -> Int {
            var count = 0
            while count < max, take({ $0.isASCII && $0.isNumber }) { count += 1 }
            return count
        }
        let colon: (Character) -> Bool = { $0 == ":" || $0 == "：" || $0 == "∶" }

        skipBlanks()
        _ = take { $0 == "\\" }
        let hasOpen = take { $0 == "[" }
        skipBlanks()
        let anchorStart = index
        guard (1...3).contains(digits(max: 3)) else { return nil }
        skipBlanks()
        guard take(colon) else { return nil }
        skipBlanks()
        guard digits(max: 2) == 2 else { return nil }
        let beforeHours = index
        skipBlanks()
        if take(colon) {
            skipBlanks()
            if digits(max: 2) != 2 { index = beforeHours }
        } else {
            index = beforeHours
        }
        let beforeTenths = index
        if take({ $0 == "." || $0 == "," }), digits(max: 1) != 1 { index = beforeTenths }
        while take({ $0.isASCII && $0.isLowercase }) {}
        _ = digits(max: 3)
        let anchorEnd = index
        skipBlanks()
        _ = take { $0 == "\\" }
        let hasClose = take { $0 == "]" }
        guard hasOpen || hasClose, !strict || (hasOpen && hasClose) else { return nil }
        // Without its `]`, an anchor must still end at a blank: `[0:02 Jane:`, not `[0:02Jane`.
        if !hasClose, anchorEnd < text.endIndex, !isBlank(text[anchorEnd]) { return nil }
        let anchor = String(text[anchorStart..<anchorEnd].filter { !isBlank($0) })
        skipBlanks()
        return (anchor, text[index...])
    }

    /// A speaker label at the start of `text`: `**Andy:**`, `**Andy**:`, `*Andy:*`, `\*\*Andy:\*\*` or `Andy:`.
    /// A plain label must look like a name (one to three words, the first capitalised) so that a sentence such as
    /// `Well: …` is not taken for one.
    static func speakerPrefix(of text: Substring) -> (speaker: String, rest: Substring)? {
        let emphasis: (Character) -> Bool = { $0 == "*" || $0 == "_" || $0 == "\\" }
        let opening = text.prefix(while: emphasis)
        let afterOpening = text[opening.endIndex...]
        guard let colon = afterOpening.firstIndex(of: ":") else { return nil }
        var name = afterOpening[..<colon]
        let closingInside = name.reversed().prefix(while: emphasis).count
        name = name.dropLast(closingInside)
        let afterColon = afterOpening[afterOpening.index(after: colon)...]
        let closingAfter = afterColon.prefix(while: emphasis)
        let rest = afterColon[closingAfter.endIndex...]
        let isEmphasised = !opening.isEmpty
        guard isEmphasised == (closingInside + closingAfter.count > 0) else { return nil }
        guard rest.isEmpty || rest.first.map(isBlank) == true else { return nil }
        guard isName(name, strictCapitals: !isEmphasised) else { return nil }
        return (String(name), rest.drop(while: isBlank))
    }

    private static func isName(_ name: Substring, strictCapitals: Bool) -> Bool {
        let words = name.split(separator: " ")
        guard (1...3).contains(words.count), name.count <= 40, name.first.map(isBlank) == false,
            name.last.map(isBlank) == false
        else { return false }
        let forbidden = Set(",;!?\"“”()[]{}<>*_\\")
        guard !name.contains(where: { forbidden.contains($0) || $0.isNewline }) else { return false }
        guard let first = name.first, first.isLetter || first.isNumber else { return false }
        return !strictCapitals || first.isUppercase || first.isNumber
    }

    /// The text with its `[[comments]]` (also Markdown-escaped, `\[\[…\]\]`) taken out, and the comments.
    static func extractComments(from text: String) -> (text: String, comments: [String]) {
        var remaining = Substring(text)
        var kept = ""
        var comments: [String] = []
        while let open = firstOccurrence(of: ["[[", "\\[\\["], in: remaining) {
            let inner = remaining[open.upperBound...]
            guard let close = firstOccurrence(of: ["]]", "\\]\\]"], in: inner) else { break }
            kept += remaining[..<open.lowerBound] + " "
            let comment = collapsingBlanks(String(inner[..<close.lowerBound]))
            if !comment.isEmpty { comments.append(comment) }
            remaining = inner[close.upperBound...]
        }
        kept += remaining
        return (kept, comments)
    }

    private static func firstOccurrence(of needles: [String], in text: Substring) -> Range<Substring.Index>? {
        needles.compactMap { text.range(of: $0) }.min { $0.lowerBound < $1.lowerBound }
    }

    static func isBlank(_ character: Character) -> Bool {
        character == " " || character == "\t" || character == "\u{A0}" || character == "\u{200B}"
            || character == "\u{FEFF}" || character == "\u{202F}"
    }

    /// Splits text into words on spaces, tabs and line ends only, so that a non-breaking space stays inside a word.
    static func words(_ text: String) -> [Substring] {
        text.split { $0 == " " || $0 == "\t" || $0.isNewline }
    }

    /// Runs of spaces, tabs and line ends made one space, and the ends trimmed.
    static func collapsingBlanks(_ text: String) -> String {
        words(text).joined(separator: " ")
    }

    /// The lowercased words of a text without their punctuation, for comparing texts.
    static func wordSet(_ text: String) -> Set<String> {
        let apostrophes: Set<Character> = ["'", "’", "‘"]
        var set: Set<String> = []
        for word in text.lowercased().split(whereSeparator: {
            !($0.isLetter || $0.isNumber || apostrophes.contains($0))
        }) {
            let trimmed = word.filter { !apostrophes.contains($0) }
            if !trimmed.isEmpty { set.insert(trimmed) }
        }
        return set
    }

    /// Jaccard similarity of two word sets, or 0 when both are empty.
    static func jaccard(_ first: Set<String>, _ second: Set<String>) -> Double {
        let union = first.union(second).count
        return union == 0 ? 0 : Double(first.intersection(second).count) / Double(union)
    }
}
