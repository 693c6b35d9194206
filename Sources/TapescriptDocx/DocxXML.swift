/// XML text helpers shared by the .docx writer's parts.
enum DocxXML {
    static let wordprocessingNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

    /// Escapes `text` for element content and double-quoted attributes, dropping the characters XML 1.0 cannot hold
    /// at all (C0 controls other than tab, line feed, carriage return; U+FFFE, U+FFFF) — Word could not show them
    /// either.
    static func escaped(_ text: String) -> String {
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
            case "\u{0}"..."\u{1F}", "\u{FFFE}", "\u{FFFF}": continue
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
