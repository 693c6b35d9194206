/// HTML mail turned into plain text.
public enum HTMLText {
    /// The text of `html`: `<head>`, `<style>` and `<script>` dropped; `<br>` a line break; `<div>`, `<li>` and
    /// table rows a new line; `<p>`, headings and `<blockquote>` a paragraph (an empty line); blockquote lines
    /// prefixed by `> ` per level; character references decoded; white space collapsed except in `<pre>`.
    public static func plainText(_ html: String) -> String {
        var scanner = HTMLScanner(Array(html))
        scanner.run()
        // The references are decoded all at once, a batch to a parse, rather than one parse each.
        var decoded = HTMLEntities.decode(scanner.references)[...]
        var writer = HTMLTextWriter()
        for piece in scanner.pieces {
            switch piece {
            case .tag(let name, let isClosing): writer.handle((name, isClosing))
            case .text(let text): writer.appendText(text)
            case .reference: writer.appendText(decoded.popFirst() ?? "")
            }
        }
        return writer.finish()
    }
}

/// What the scanner finds, in order.
private enum HTMLPiece {
    case tag(name: String, isClosing: Bool)
    case text(String)
    /// A character reference, to be decoded: the next of ``HTMLScanner/references``.
    case reference
}

private struct HTMLScanner {
    let characters: [Character]
    var index = 0
    private(set) var pieces: [HTMLPiece] = []
    private(set) var references: [String] = []
    private var text = ""

    init(_ characters: [Character]) {
        self.characters = characters
    }

    mutating func run() {
        while index < characters.count {
            let character = characters[index]
            if character == "<", let tag = readTag() {
                endText()
                pieces.append(.tag(name: tag.name, isClosing: tag.isClosing))
                if !tag.isClosing {
                    skipContent(of: tag.name)
                }
            } else if character == "&" {
                endText()
                references.append(readReference())
                pieces.append(.reference)
            } else {
                text.append(character)
                index += 1
            }
        }
        endText()
    }

    private mutating func endText() {
        guard !text.isEmpty else { return }
        pieces.append(.text(text))
        text = ""
    }

    /// Reads a tag, comment or declaration at `index`; `nil` (and `index` unchanged) when the `<` is literal text.
    private mutating func readTag() -> (name: String, isClosing: Bool)? {
        let next = index + 1 < characters.count ? characters[index + 1] : " "
        if starts(with: "<!--", at: index) {
            index = end(of: "-->", from: index + 4)
            return ("!", false)
        }
        if next == "!" || next == "?" {
            index = end(of: ">", from: index + 2)
            return ("!", false)
        }
        let isClosing = next == "/"
        var cursor = index + (isClosing ? 2 : 1)
        var name = ""
        while cursor < characters.count, characters[cursor].isLetter || characters[cursor].isNumber {
            name.append(characters[cursor])
            cursor += 1
        }
        guard !name.isEmpty else { return nil }
        var quote: Character?
        while cursor < characters.count {
            let character = characters[cursor]
            cursor += 1
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == ">" {
                break
            }
        }
        index = cursor
        return (name.lowercased(), isClosing)
    }

    /// Skips what a browser never shows: the document head, style sheets and scripts.
    private mutating func skipContent(of name: String) {
        switch name {
        case "script", "style", "title", "template":
            index = end(of: "</\(name)", from: index)
            index = end(of: ">", from: index)
        case "head":
            let headEnd = find("</head", from: index)
            let bodyStart = find("<body", from: index)
            // A missing </head> ends where the body starts.
            index = min(headEnd.map { end(of: ">", from: $0) } ?? characters.count, bodyStart ?? characters.count)
        default:
            break
        }
    }

    /// The reference at `index`: `&`, the letters, digits and `#` after it (the longest HTML5 name has 31), and its
    /// `;` if any. What of it names no character stays text when it is decoded.
    private mutating func readReference() -> String {
        let start = index + 1
        var cursor = start
        while cursor < characters.count, cursor - start < 32,
            characters[cursor].isASCII && (characters[cursor].isLetter || characters[cursor].isNumber)
                || characters[cursor] == "#"
        {
            cursor += 1
        }
        if cursor < characters.count, characters[cursor] == ";" { cursor += 1 }
        index = cursor
        return String(characters[(start - 1)..<cursor])
    }

    private func starts(with text: String, at position: Int) -> Bool {
        let pattern = Array(text)
        guard position + pattern.count <= characters.count else { return false }
        return zip(characters[position..<(position + pattern.count)], pattern).allSatisfy {
            $0.lowercased() == $1.lowercased()
        }
    }

    private func find(_ text: String, from position: Int) -> Int? {
        (position..<max(position, characters.count)).first { starts(with: text, at: $0) }
    }

    /// Just past the first `text` from `position`, or the end of the input.
    private func end(of text: String, from position: Int) -> Int {
        find(text, from: position).map { $0 + text.count } ?? characters.count
    }
}

/// Builds lines of text, each with its blockquote depth.
private struct HTMLTextWriter {
    private enum Break: Int, Comparable {
        case none, line, paragraph
        static func < (lhs: Break, rhs: Break) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    private static let paragraphTags: Set<String> = [
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl", "table", "hr", "pre", "figure", "address",
    ]
    private static let lineTags: Set<String> = [
        "div", "li", "tr", "dt", "dd", "section", "article", "header", "footer", "main", "nav", "aside", "form",
        "fieldset", "details", "summary", "caption", "center", "body",
    ]

    private var lines: [(depth: Int, text: String)] = []
    private var current = ""
    private var pendingSpace = false
    private var pendingBreak = Break.none
    private var quoteDepth = 0
    private var preDepth = 0

    mutating func handle(_ tag: (name: String, isClosing: Bool)) {
        switch tag.name {
        case "br":
            endLine(force: true)
        case "blockquote":
            startBlock(.paragraph)
            quoteDepth = max(0, quoteDepth + (tag.isClosing ? -1 : 1))
        case "pre":
            startBlock(.paragraph)
            preDepth = max(0, preDepth + (tag.isClosing ? -1 : 1))
        case "td", "th":
            if !current.isEmpty { pendingSpace = true }
        case let name where Self.paragraphTags.contains(name):
            startBlock(.paragraph)
        case let name where Self.lineTags.contains(name):
            startBlock(.line)
        default:
            break
        }
    }

    mutating func appendText(_ text: String) {
        for character in text {
            if preDepth > 0 {
                if character == "\n" || character == "\r\n" {
                    endLine(force: true)
                } else {
                    current.append(character)
                }
            } else if character.isWhitespace && character != "\u{00A0}" {
                if !current.isEmpty { pendingSpace = true }
            } else {
                if pendingSpace { current.append(" ") }
                pendingSpace = false
                // A no-break space is kept, as a plain space.
                current.append(character == "\u{00A0}" ? " " : character)
            }
        }
    }

    private mutating func startBlock(_ kind: Break) {
        endLine(force: false)
        pendingBreak = max(pendingBreak, kind)
    }

    private mutating func endLine(force: Bool) {
        let text = preDepth > 0 ? current : current.trimmingSpaces()
        current = ""
        pendingSpace = false
        guard force || !text.isEmpty else { return }
        if let previous = lines.last, pendingBreak == .paragraph {
            lines.append((min(previous.depth, quoteDepth), ""))
        }
        lines.append((quoteDepth, text))
        pendingBreak = .none
    }

    mutating func finish() -> String {
        endLine(force: false)
        var output: [(text: String, isBlank: Bool)] = []
        for line in lines {
            let isBlank = line.text.isEmpty
            // Leading empty lines and runs of them go; one marks a paragraph.
            if isBlank && (output.last?.isBlank ?? true) { continue }
            let prefix = String(repeating: "> ", count: line.depth)
            output.append((isBlank ? prefix.trimmingSpaces() : prefix + line.text, isBlank))
        }
        while output.last?.isBlank == true {
            output.removeLast()
        }
        return output.map(\.text).joined(separator: "\n")
    }
}

extension String {
    fileprivate func trimmingSpaces() -> String {
        var text = Substring(self)
        while text.first == " " { text.removeFirst() }
        while text.last == " " { text.removeLast() }
        return String(text)
    }
}
