import Foundation

/// `word/document.xml` made UTF-8 before XMLParser sees it. The libxml2 under XMLParser on Linux dereferences NULL
/// when a part makes it switch to some encodings (EBCDIC, named or told by the first bytes; a UTF-7 declaration cut
/// short), so it is never left the choice: the part is decoded here as the UTF-8 or UTF-16 that ECMA-376 allows an
/// XML part, and handed over behind a declaration of UTF-8 in place of its own.
enum DocumentEncoding {
    // A string literal, not a `Data`: LeakSanitizer (make fuzz) does not see the heap storage of a static `Data` as
    // referenced, and reports it as leaked.
    private static let declaration = #"<?xml version="1.0" encoding="UTF-8""#

    /// The part as UTF-8, starting with a declaration saying so. Lines keep their numbers, for the parser's errors.
    /// - Throws: `DocxError.malformedDocumentXML(line: 1)` when the part is UTF-16 that does not decode, or its
    ///   declaration does not end.
    static func utf8(_ part: Data) throws(DocxError) -> Data {
        var text = part
        if let encoding = utf16Encoding(of: part) {
            guard let decoded = String(data: part, encoding: encoding) else { throw .malformedDocumentXML(line: 1) }
            text = Data(decoded.utf8)
        }
        if text.starts(with: [0xEF, 0xBB, 0xBF]) { text = text.dropFirst(3) }
        let opening = Data("<?xml".utf8)
        guard text.starts(with: opening), let blank = text.dropFirst(opening.count).first, isBlank(blank) else {
            return Data((declaration + "?>").utf8) + text
        }
        // A declaration holds names, '=', quotes and blanks: the first '<' or '>' after its own says where it ended.
        guard let close = text.dropFirst().firstIndex(where: { $0 == UInt8(ascii: ">") || $0 == UInt8(ascii: "<") }),
            text[close] == UInt8(ascii: ">"), text[close - 1] == UInt8(ascii: "?")
        else { throw .malformedDocumentXML(line: 1) }
        let lineFeeds = text[..<close].filter { $0 == UInt8(ascii: "\n") }
        return Data(declaration.utf8) + lineFeeds + text[(close - 1)...]
    }

    /// UTF-16 told by its byte-order mark, or by `<?` without one; the mark is left for the caller to drop.
    private static func utf16Encoding(of part: Data) -> String.Encoding? {
        if part.starts(with: [0xFF, 0xFE]) || part.starts(with: [0x3C, 0x00, 0x3F, 0x00]) {
            return .utf16LittleEndian
        }
        if part.starts(with: [0xFE, 0xFF]) || part.starts(with: [0x00, 0x3C, 0x00, 0x3F]) { return .utf16BigEndian }
        return nil
    }

    private static func isBlank(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r")
            || byte == UInt8(ascii: "\n")
    }
}
