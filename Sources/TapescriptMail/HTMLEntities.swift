import CGumbo

/// Character references in HTML text (`&atilde;`, `&#x2019;`, `&NotEqualTilde;`), read as a browser reads them:
/// by gumbo, Google's HTML5 parser, whose tokenizer holds all 2,231 named references of the HTML5 standard (with
/// the legacy ones a browser takes without their `;`) and the standard's rules for numeric ones.
enum HTMLEntities {
    /// How many references one parse decodes, so that the parser's tree of one paragraph per reference stays small
    /// however many the mail holds.
    static let batchSize = 1024

    /// The text each of `references` stands for, in order. A reference is `&` and what follows it up to its `;`
    /// (`&amp;`), or without one (`&copy2023`: `©2023`); one that names no character stays as it is.
    static func decode(_ references: [String]) -> [String] {
        var decoded: [String] = []
        decoded.reserveCapacity(references.count)
        var start = references.startIndex
        while start < references.endIndex {
            let batch = references[start..<min(start + batchSize, references.endIndex)]
            decoded += decodeBatch(batch) ?? Array(batch)
            start = batch.endIndex
        }
        return decoded
    }

    /// One parse of `<p>reference…` per reference, read back paragraph by paragraph; nil if gumbo failed.
    private static func decodeBatch(_ references: ArraySlice<String>) -> [String]? {
        var options = kGumboDefaultOptions
        // The errors (a reference without its `;`) are of no use here and would only take memory.
        options.max_errors = 0
        options.fragment_context = GUMBO_TAG_BODY
        let document = references.map { "<p>" + $0 }.joined()
        let length = document.utf8.count
        return document.withCString { bytes in
            withUnsafePointer(to: options) { options in
                guard let output = gumbo_parse_with_options(options, bytes, length) else { return nil }
                defer { gumbo_destroy_output(options, output) }
                let paragraphs = children(of: output.pointee.root).filter {
                    $0.pointee.type == GUMBO_NODE_ELEMENT && $0.pointee.v.element.tag == GUMBO_TAG_P
                }
                guard paragraphs.count == references.count else { return nil }
                return paragraphs.map { text(of: $0) }
            }
        }
    }

    private static func children(of node: UnsafeMutablePointer<GumboNode>) -> [UnsafeMutablePointer<GumboNode>] {
        let vector = node.pointee.v.element.children
        guard let data = vector.data else { return [] }
        return (0..<Int(vector.length)).compactMap { data[$0]?.assumingMemoryBound(to: GumboNode.self) }
    }

    private static func text(of paragraph: UnsafeMutablePointer<GumboNode>) -> String {
        children(of: paragraph).map { child in
            switch child.pointee.type {
            case GUMBO_NODE_TEXT, GUMBO_NODE_WHITESPACE, GUMBO_NODE_CDATA:
                return child.pointee.v.text.text.map { String(cString: $0) } ?? ""
            default:
                return ""
            }
        }.joined()
    }
}
