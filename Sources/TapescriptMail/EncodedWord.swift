import Foundation

/// RFC 2047 encoded-words (`=?utf-8?Q?caf=C3=A9?=`) in header text.
enum EncodedWord {
    /// Decodes every encoded-word in `value`; white space between two adjacent encoded-words is dropped, and the
    /// bytes of adjacent words in one charset are joined before decoding, so a character split across words survives.
    static func decode(_ value: String) -> String {
        guard value.contains("=?") else { return value }
        var output = ""
        var pending: (charset: String, bytes: [UInt8])?
        var gap = ""
        var index = value.startIndex
        while index < value.endIndex {
            if value[index...].hasPrefix("=?"), let word = parse(value, at: index) {
                if let current = pending, gap.allSatisfy(\.isWhitespace), current.charset == word.charset {
                    pending = (current.charset, current.bytes + word.bytes)
                } else {
                    if let current = pending {
                        output += Charset.decode(current.bytes, charset: current.charset)
                        if !gap.allSatisfy(\.isWhitespace) { output += gap }
                    } else {
                        output += gap
                    }
                    pending = (word.charset, word.bytes)
                }
                gap = ""
                index = word.end
                continue
            }
            if pending == nil { output.append(value[index]) } else { gap.append(value[index]) }
            index = value.index(after: index)
        }
        if let current = pending {
            output += Charset.decode(current.bytes, charset: current.charset)
        }
        return output + gap
    }

    private static func parse(_ value: String, at start: String.Index) -> (
        charset: String, bytes: [UInt8], end: String.Index
    )? {
        let afterOpening = value.index(start, offsetBy: 2)
        let fields = value[afterOpening...].split(separator: "?", maxSplits: 2, omittingEmptySubsequences: false)
        guard fields.count == 3, let closing = fields[2].range(of: "?=") else { return nil }
        let charset = fields[0].split(separator: "*").first.map { $0.lowercased() } ?? ""
        let text = fields[2][..<closing.lowerBound]
        guard !charset.isEmpty, !text.contains(where: \.isWhitespace), !charset.contains(where: \.isWhitespace)
        else { return nil }
        let bytes: [UInt8]
        switch fields[1].lowercased() {
        case "b":
            guard let decoded = TransferEncoding.decodeBase64(text.utf8) else { return nil }
            bytes = decoded
        case "q":
            bytes = TransferEncoding.decodeQuotedPrintable(text.utf8.map { $0 == UInt8(ascii: "_") ? 0x20 : $0 })
        default:
            return nil
        }
        return (charset, bytes, closing.upperBound)
    }

    /// Encodes `text` as base64 encoded-words of at most 64 characters each, split between characters, joined by
    /// folding white space; ASCII text without control characters is returned as it is.
    static func encode(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { !$0.isASCII || $0.value < 0x20 }) else { return text }
        var words: [String] = []
        var chunk: [UInt8] = []
        // 39 bytes make 52 base64 characters: a word of 64, so `Subject: ` plus a word fits in 78.
        for character in text {
            let bytes = Array(String(character).utf8)
            if !chunk.isEmpty && chunk.count + bytes.count > 39 {
                words.append(word(chunk))
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty { words.append(word(chunk)) }
        return words.joined(separator: "\r\n ")
    }

    private static func word(_ bytes: [UInt8]) -> String {
        "=?utf-8?B?\(Data(bytes).base64EncodedString())?="
    }
}
