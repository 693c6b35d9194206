import Foundation

/// `Content-Transfer-Encoding` (RFC 2045): quoted-printable and base64, both ways.
enum TransferEncoding {
    static let carriageReturn: UInt8 = 0x0D
    static let lineFeed: UInt8 = 0x0A

    /// Decodes a part body; 7bit, 8bit, binary and unknown encodings pass through unchanged.
    static func decode(_ body: ArraySlice<UInt8>, encoding: String?, part: String) throws(MailError) -> [UInt8] {
        switch encoding?.trimmingCharacters(in: .whitespaces).lowercased() {
        case "quoted-printable":
            return decodeQuotedPrintable(body)
        case "base64":
            guard let bytes = decodeBase64(body) else { throw .invalidBase64(part: part) }
            return bytes
        default:
            return Array(body)
        }
    }

    static func decodeQuotedPrintable(_ body: some Collection<UInt8>) -> [UInt8] {
        let bytes = Array(body)
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            guard byte == UInt8(ascii: "=") else {
                result.append(byte)
                index += 1
                continue
            }
            if index + 2 < bytes.count, let high = hexValue(bytes[index + 1]), let low = hexValue(bytes[index + 2]) {
                result.append(high << 4 | low)
                index += 3
                continue
            }
            // A soft line break, tolerating white space that a transport added between '=' and the line end.
            var next = index + 1
            while next < bytes.count, bytes[next] == 0x20 || bytes[next] == 0x09 {
                next += 1
            }
            if next == bytes.count {
                index = next
            } else if bytes[next] == lineFeed {
                index = next + 1
            } else if bytes[next] == carriageReturn {
                index = next + 1 < bytes.count && bytes[next + 1] == lineFeed ? next + 2 : next + 1
            } else {
                result.append(byte)
                index += 1
            }
        }
        return result
    }

    /// Decodes base64, skipping line breaks and other characters outside the alphabet (RFC 2045 §6.8); `nil` when
    /// what remains cannot be base64.
    static func decodeBase64(_ body: some Collection<UInt8>) -> [UInt8]? {
        var alphabet: [UInt8] = []
        alphabet.reserveCapacity(body.count)
        for byte in body {
            if byte == UInt8(ascii: "=") { break }
            if isBase64Alphabet(byte) { alphabet.append(byte) }
        }
        switch alphabet.count % 4 {
        case 1: return nil
        case 2: alphabet += [UInt8(ascii: "="), UInt8(ascii: "=")]
        case 3: alphabet.append(UInt8(ascii: "="))
        default: break
        }
        guard let data = Data(base64Encoded: Data(alphabet)) else { return nil }
        return [UInt8](data)
    }

    /// Base64 in lines of 76 characters, each ended by CRLF.
    static func encodeBase64(_ data: Data) -> String {
        let encoded = data.base64EncodedString(options: [
            .lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed,
        ])
        return encoded.isEmpty || encoded.hasSuffix("\r\n") ? encoded : encoded + "\r\n"
    }

    /// Quoted-printable for text already split into lines: line ends become CRLF, encoded lines stay within 76
    /// characters, and white space at a line end is encoded so that `format=flowed` soft breaks survive.
    static func encodeQuotedPrintable(lines: [String]) -> String {
        var output = ""
        for (number, line) in lines.enumerated() {
            if number > 0 { output += "\r\n" }
            output += encodeQuotedPrintable(line: Array(line.utf8))
        }
        return output
    }

    private static func encodeQuotedPrintable(line bytes: [UInt8]) -> String {
        var output = ""
        var lineLength = 0
        for (index, byte) in bytes.enumerated() {
            let isLast = index == bytes.count - 1
            let startsFrom = lineLength == 0 && bytes[index...].starts(with: Array("From ".utf8))
            let token: String
            if (byte == 0x20 || byte == 0x09) && !isLast {
                token = String(UnicodeScalar(byte))
            } else if (33...126).contains(byte) && byte != UInt8(ascii: "=") && !startsFrom {
                token = String(UnicodeScalar(byte))
            } else {
                token = "=" + hex(byte)
            }
            // Keep room for the '=' of a soft break, unless this is the line's last token.
            let limit = isLast ? 76 : 75
            if lineLength + token.count > limit {
                output += "=\r\n"
                lineLength = 0
                if byte == UInt8(ascii: "F") && bytes[index...].starts(with: Array("From ".utf8)) {
                    output += "=46"
                    lineLength = 3
                    continue
                }
            }
            output += token
            lineLength += token.count
        }
        return output
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
    }

    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        default: nil
        }
    }

    private static func isBase64Alphabet(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "/"):
            true
        default:
            false
        }
    }
}
