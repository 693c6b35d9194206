import Foundation

/// A structured header value such as `Content-Type` or `Content-Disposition`: a lower-cased token and its
/// parameters, with RFC 2231 continuations and charsets resolved.
struct HeaderValue {
    var token: String
    var parameters: [String: String]

    init(_ value: String) {
        let pieces = Self.splitOutsideQuotes(value)
        token = (pieces.first ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        // name -> [(section, isExtended, raw value)]
        var sections: [String: [(section: Int, isExtended: Bool, value: String)]] = [:]
        for piece in pieces.dropFirst() {
            guard let equals = piece.firstIndex(of: "=") else { continue }
            var name = piece[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
            let raw = Self.unquote(piece[piece.index(after: equals)...].trimmingCharacters(in: .whitespaces))
            var isExtended = false
            if name.hasSuffix("*") {
                isExtended = true
                name.removeLast()
            }
            var section = 0
            if let star = name.lastIndex(of: "*"), let number = Int(name[name.index(after: star)...]) {
                section = number
                name = String(name[..<star])
            }
            sections[name, default: []].append((section, isExtended, raw))
        }
        parameters = sections.mapValues(Self.joinSections)
    }

    private static func joinSections(_ sections: [(section: Int, isExtended: Bool, value: String)]) -> String {
        let ordered = sections.sorted { $0.section < $1.section }
        guard ordered.contains(where: \.isExtended) else {
            return EncodedWord.decode(ordered.map(\.value).joined())
        }
        var charset: String?
        var bytes: [UInt8] = []
        for (position, section) in ordered.enumerated() {
            var value = Substring(section.value)
            if position == 0 && section.isExtended {
                // charset'language'value
                let parts = value.split(separator: "'", maxSplits: 2, omittingEmptySubsequences: false)
                if parts.count == 3 {
                    charset = parts[0].isEmpty ? nil : String(parts[0])
                    value = parts[2]
                }
            }
            bytes += section.isExtended ? percentDecoded(value) : Array(value.utf8)
        }
        return Charset.decode(bytes, charset: charset)
    }

    private static func percentDecoded(_ value: Substring) -> [UInt8] {
        let bytes = Array(value.utf8)
        var result: [UInt8] = []
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "%"), index + 2 < bytes.count,
                let high = TransferEncoding.hexValue(bytes[index + 1]),
                let low = TransferEncoding.hexValue(bytes[index + 2])
            {
                result.append(high << 4 | low)
                index += 3
            } else {
                result.append(bytes[index])
                index += 1
            }
        }
        return result
    }

    private static func splitOutsideQuotes(_ value: String) -> [String] {
        var pieces: [String] = []
        var current = ""
        var inQuotes = false
        var escaped = false
        for character in value {
            if escaped {
                escaped = false
            } else if inQuotes && character == "\\" {
                escaped = true
            } else if character == "\"" {
                inQuotes.toggle()
            } else if character == ";" && !inQuotes {
                pieces.append(current)
                current = ""
                continue
            }
            current.append(character)
        }
        pieces.append(current)
        return pieces
    }

    private static func unquote(_ value: String) -> String {
        guard value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") else { return value }
        var result = ""
        var escaped = false
        for character in value.dropFirst().dropLast() {
            if !escaped && character == "\\" {
                escaped = true
                continue
            }
            escaped = false
            result.append(character)
        }
        return result
    }
}
