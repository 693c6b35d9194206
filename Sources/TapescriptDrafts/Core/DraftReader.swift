/// Reads the author's reply to a draft: the text of a mail (quoted, re-wrapped, top- or bottom-posted) or of an
/// attachment or file they edited.
public enum DraftReader {
    /// Reads the draft's paragraphs and comments out of `text`.
    ///
    /// Copes with a byte-order mark, any line ends, quoting (`> `, `>`, nested), lines re-wrapped at any width or
    /// joined, text typed between quoted lines, top-posting (everything before the header marker is ignored), a
    /// signature, Markdown escapes, and damaged anchors. Unquoted words after the quoted draft (before the signature)
    /// are no paragraph of it: they are kept in ``DraftReply/wordsAfterDraft``.
    /// - Throws: ``DraftReadError/noDraftText`` when no paragraph at all is found.
    public static func read(_ text: String) throws(DraftReadError) -> DraftReply {
        let lines = outlookReplyPart(of: quotedLines(text))
        let header = header(in: lines)
        let start: Int
        let draftDepth: Int?
        if let header {
            (start, draftDepth) = (header.nextLine, lines[header.line].depth)
        } else if let title = lines.firstIndex(where: isTitleHeading) {
            (start, draftDepth) = (title + 1, lines[title].depth)
        } else if let anchored = lines.firstIndex(where: { DraftMarkers.anchorPrefix(of: $0.content[...]) != nil }) {
            (start, draftDepth) = (anchored, lines[anchored].depth)
        } else {
            (start, draftDepth) = (0, nil)
        }
        var blocks = self.blocks(lines[start...])
        var wordsAfterDraft: [String] = []
        if let draftDepth, draftDepth > 0, let lastAnchored = blocks.lastIndex(where: \.hasAnchor),
            let end = blocks[(lastAnchored + 1)...].firstIndex(where: { $0.minimumDepth < draftDepth })
        {
            // Unquoted text after the quoted draft is the author's closing words, not an added paragraph; they are
            // kept to be shown, since a P.S. can be meant for the text.
            wordsAfterDraft = blocks[end...].filter { !$0.isHeading }.map {
                DraftMarkers.collapsingBlanks($0.lines.joined(separator: " "))
            }
            blocks.removeSubrange(end...)
        }
        var reply = DraftReply(
            slug: header?.slug, version: header?.version, paragraphs: [], comments: [],
            wordsAfterDraft: wordsAfterDraft)
        for block in blocks where !block.isHeading {
            read(block, into: &reply)
        }
        guard !reply.paragraphs.isEmpty else { throw .noDraftText }
        return reply
    }

    /// Reads the draft out of a word processor's paragraphs (those of a .docx, in order, empty ones included).
    ///
    /// The .docx draft has one paragraph per block. The plain-text draft opened in Word or LibreOffice and saved as
    /// .docx has one paragraph per line instead, and an empty one for each blank line; its Markdown (a `#` heading,
    /// a `**Andy:**` label) tells it, and it is read as the text it was, so that every line of a wrapped paragraph
    /// stays in that paragraph.
    /// - Throws: ``DraftReadError/noDraftText`` when no paragraph at all is found.
    public static func read(paragraphs: [String]) throws(DraftReadError) -> DraftReply {
        let lines = paragraphs.map { quotedLines($0).first?.content ?? "" }
        let isTextDraft = lines.contains { line in
            if isATXHeading(line) { return true }
            guard let rest = DraftMarkers.anchorPrefix(of: line[...])?.rest else { return false }
            return rest.hasPrefix("**") || rest.hasPrefix("\\*\\*")
        }
        if isTextDraft { return try read(paragraphs.joined(separator: "\n") + "\n") }
        let nonEmpty = paragraphs.filter { $0.contains { !$0.isWhitespace } }
        return try read(nonEmpty.joined(separator: "\n\n") + "\n")
    }

    /// The headings of a draft as it was rendered, the title's and each highlight's, without their Markdown marks: the
    /// words a word processor shows as a paragraph of their own.
    public static func headings(in text: String) -> [String] {
        blocks(quotedLines(text)[...]).filter(\.isHeading).map { block in
            let joined = block.lines.joined(separator: " ")
            return DraftMarkers.collapsingBlanks(isATXHeading(joined) ? String(joined.drop { $0 == "#" }) : joined)
        }
    }

    private static func read(_ block: Block, into reply: inout DraftReply) {
        let joined = block.lines.joined(separator: " ")
        if DraftMarkers.jaccard(DraftMarkers.wordSet(joined), instructionWords) >= 0.5 { return }
        let (uncommented, comments) = DraftMarkers.extractComments(from: joined)
        var rest = Substring(uncommented)
        var anchor: String?
        if let found = DraftMarkers.anchorPrefix(of: rest) { (anchor, rest) = (found.anchor, found.rest) }
        rest = rest.drop(while: DraftMarkers.isBlank)
        var speaker: String?
        if let found = DraftMarkers.speakerPrefix(of: rest) { (speaker, rest) = (found.speaker, found.rest) }
        let text = DraftMarkers.collapsingBlanks(String(rest))
        let paragraphIndex = text.isEmpty ? nil : reply.paragraphs.count
        if !text.isEmpty {
            reply.paragraphs.append(ReplyParagraph(anchor: anchor, speaker: speaker, text: text))
        }
        reply.comments += comments.map { ReplyComment(anchor: anchor, paragraphIndex: paragraphIndex, text: $0) }
    }

    private static let instructionWords = DraftMarkers.wordSet(DraftRenderer.instructions)

    // MARK: Lines and blocks

    struct Line {
        var depth: Int
        var content: String
    }

    struct Block {
        var lines: [String] = []
        var minimumDepth = Int.max
        var isHeading = false
        var hasAnchor = false
    }

    /// Each line with its quote markers counted and taken off, and its blanks trimmed.
    static func quotedLines(_ text: String) -> [Line] {
        let body = text.drop { $0 == "\u{FEFF}" }
        return body.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map { raw in
            var rest = raw
            var depth = 0
            while true {
                let indented = rest.drop { $0 == " " }
                guard indented.first == ">", rest.count - indented.count <= 3 else { break }
                rest = indented.dropFirst()
                if rest.first == " " { rest = rest.dropFirst() }
                depth += 1
            }
            let trimmed = rest.drop(while: DraftMarkers.isBlank).reversed().drop(while: DraftMarkers.isBlank)
            return Line(depth: depth, content: String(trimmed.reversed()))
        }
    }

    private static func blocks(_ lines: ArraySlice<Line>) -> [Block] {
        var blocks: [Block] = []
        var current = Block()
        func close() {
            if !current.lines.isEmpty { blocks.append(current) }
            current = Block()
        }
        for line in lines {
            let content = line.content
            if content == "--" { break }
            if isAttribution(content) || (current.lines.count == 1 && isAttribution(current.lines[0] + " " + content)) {
                current = Block()
                continue
            }
            if content.isEmpty { close(); continue }
            // The draft never starts a line inside a paragraph with `#`, so a heading ends the paragraph before it
            // even where the blank line between them was lost.
            if isATXHeading(content) {
                close()
                blocks.append(Block(lines: [content], minimumDepth: line.depth, isHeading: true))
                continue
            }
            if isRule(content) {
                if !current.lines.isEmpty, !current.hasAnchor { current.isHeading = true }
                close()
                continue
            }
            for piece in splitAtInlineAnchors(content) {
                if DraftMarkers.anchorPrefix(of: piece[...]) != nil {
                    close()
                    current.hasAnchor = true
                }
                current.lines.append(piece)
                current.minimumDepth = min(current.minimumDepth, line.depth)
            }
        }
        close()
        return blocks
    }

    /// A line broken before each `[12:03]` inside it, for paragraphs a client joined into one line.
    private static func splitAtInlineAnchors(_ content: String) -> [String] {
        var pieces: [String] = []
        var pieceStart = content.startIndex
        var index = content.startIndex
        while index < content.endIndex {
            let next = content.index(after: index)
            if DraftMarkers.isBlank(content[index]), next < content.endIndex,
                content[next] == "[" || content[next] == "\\",
                DraftMarkers.anchorPrefix(of: content[next...], strict: true) != nil
            {
                pieces.append(String(content[pieceStart..<index]))
                pieceStart = next
            }
            index = next
        }
        pieces.append(String(content[pieceStart...]))
        return pieces.filter { !$0.isEmpty }
    }

    /// Outlook does not quote: it puts the message replied to under `-----Original Message-----` (or a rule of
    /// underscores) and a `From:`/`Sent:` block, unquoted. When the draft is above that line, the author edited
    /// their own copy and what follows is the draft as sent: it is cut off. When nothing of the draft is above it,
    /// the author edited the original in place: the note above and the header block are cut off instead.
    static func outlookReplyPart(of lines: [Line]) -> [Line] {
        guard let separator = lines.firstIndex(where: { $0.depth == 0 && isOutlookSeparator($0.content) }) else {
            return lines
        }
        let above = lines[..<separator]
        let draftAbove = above.contains { line in
            line.content.lowercased().contains("tapescript") || DraftMarkers.anchorPrefix(of: line.content[...]) != nil
        }
        if draftAbove { return Array(above) }
        var start = separator + 1
        while start < lines.count, lines[start].content.isEmpty || isMailHeaderLine(lines[start].content) {
            start += 1
        }
        return Array(lines[start...])
    }

    private static func isOutlookSeparator(_ content: String) -> Bool {
        let dashed = [
            "original message", "ursprüngliche nachricht", "message d'origine", "mensaje original",
            "messaggio originale", "oorspronkelijk bericht", "originalmeddelande", "mensagem original",
        ]
        let lower = content.lowercased()
        if lower.hasPrefix("-----"), lower.hasSuffix("-----") {
            return dashed.contains { lower.contains($0) }
        }
        return content.count >= 20 && content.allSatisfy { $0 == "_" }
    }

    /// A line of the header block Outlook writes above the message replied to.
    private static func isMailHeaderLine(_ content: String) -> Bool {
        let names = [
            "from:", "sent:", "to:", "cc:", "subject:", "date:", "von:", "gesendet:", "an:", "betreff:",
            "de :", "envoyé :", "à :", "objet :", "de:", "enviado:", "para:", "asunto:",
        ]
        let lower = content.lowercased()
        return names.contains { lower.hasPrefix($0) }
    }

    // MARK: Recognising lines

    private static func header(in lines: [Line]) -> (slug: String, version: Int, line: Int, nextLine: Int)? {
        let pattern = /\\?\[\s*tapescript\s+(\S+)\s+draft\s+(\d+)\s*\\?\]/.ignoresCase()
        for index in lines.indices where lines[index].content.lowercased().contains("tapescript") {
            // A narrow client can break the marker over several lines.
            var joined = lines[index].content
            for next in index..<min(index + 4, lines.count) {
                if next > index {
                    guard !lines[next].content.isEmpty else { break }
                    joined += " " + lines[next].content
                }
                if let match = joined.firstMatch(of: pattern), let version = Int(match.output.2) {
                    return (String(match.output.1.filter { $0 != "\\" }), version, index, next + 1)
                }
            }
        }
        return nil
    }

    private static func isTitleHeading(_ line: Line) -> Bool {
        guard isATXHeading(line.content) else { return false }
        let words = DraftMarkers.words(line.content.lowercased())
        return words.count >= 3 && words[words.count - 2] == "draft" && Int(words[words.count - 1]) != nil
    }

    private static func isATXHeading(_ content: String) -> Bool {
        let hashes = content.prefix { $0 == "#" }
        return (1...6).contains(hashes.count) && content.dropFirst(hashes.count).first == " "
    }

    private static func isRule(_ content: String) -> Bool {
        let marks = content.filter { $0 != " " }
        guard marks.count >= 3, let first = marks.first, "=-*_".contains(first) else { return false }
        return marks.allSatisfy { $0 == first }
    }

    /// `On Tue, 4 Mar 2025 at 10:12, Andy <andy@example.com> wrote:` and its usual translations.
    private static func isAttribution(_ content: String) -> Bool {
        let openings = ["On ", "Am ", "Le ", "El ", "Il ", "Op ", "Den "]
        let endings = ["wrote:", "schrieb:", "a écrit :", "a écrit:", "escribió:", "ha scritto:", "schreef:", "skrev:"]
        return openings.contains { content.hasPrefix($0) } && endings.contains { content.hasSuffix($0) }
    }
}
