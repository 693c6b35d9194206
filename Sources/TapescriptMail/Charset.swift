import Foundation

/// Turns the bytes of a text part into a string, by the part's declared charset.
enum Charset {
    /// Decodes `bytes` in `charset` (an IANA name, any case); unknown or missing charsets decode as UTF-8, with
    /// invalid sequences replaced.
    static func decode(_ bytes: some Collection<UInt8>, charset: String?) -> String {
        switch normalizedName(charset) {
        case nil, "utf-8", "utf8", "us-ascii", "ascii", "ansi_x3.4-1968", "unicode-1-1-utf-8":
            return String(decoding: bytes, as: UTF8.self)
        // Mail labelled ISO-8859-1 routinely holds Windows-1252 quotes and dashes in 0x80-0x9F, which are
        // otherwise unused C1 controls; browsers and mail clients decode it as Windows-1252 too.
        case "iso-8859-1", "iso8859-1", "latin1", "l1", "iso_8859-1", "windows-1252", "cp1252", "x-cp1252":
            return windows1252(bytes)
        case let name?:
            if let encoding = encoding(ianaName: name), let string = String(data: Data(bytes), encoding: encoding) {
                return string
            }
            return String(decoding: bytes, as: UTF8.self)
        }
    }

    /// Decodes a file of unknown provenance: a byte-order mark wins, then the declared charset, then UTF-8 when the
    /// bytes are valid UTF-8, else Windows-1252.
    static func decodeGuessing(_ bytes: [UInt8], declared charset: String?) -> String {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return String(decoding: bytes.dropFirst(3), as: UTF8.self)
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            return String(data: Data(bytes), encoding: .utf16) ?? String(decoding: bytes, as: UTF8.self)
        }
        if charset != nil {
            return decode(bytes, charset: charset)
        }
        if String(validating: bytes, as: UTF8.self) != nil {
            return String(decoding: bytes, as: UTF8.self)
        }
        return windows1252(bytes)
    }

    static func windows1252(_ bytes: some Collection<UInt8>) -> String {
        var result = String.UnicodeScalarView()
        for byte in bytes {
            result.append(windows1252Scalar(byte))
        }
        return String(result)
    }

    static func windows1252Scalar(_ byte: UInt8) -> Unicode.Scalar {
        guard (0x80...0x9F).contains(byte) else { return Unicode.Scalar(byte) }
        return Unicode.Scalar(windows1252High[Int(byte - 0x80)]) ?? Unicode.Scalar(byte)
    }

    // 0x80-0x9F of Windows-1252 (the WHATWG table: the five unassigned bytes map to their C1 code points).
    private static let windows1252High: [UInt32] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]

    private static func normalizedName(_ charset: String?) -> String? {
        guard let charset else { return nil }
        let name = charset.trimmingCharacters(in: CharacterSet(charactersIn: "\"' \t")).lowercased()
        return name.isEmpty ? nil : name
    }

    private static func encoding(ianaName name: String) -> String.Encoding? {
        #if canImport(Darwin)
            let cfEncoding = CFStringConvertIANACharSetNameToEncoding(name as CFString)
            guard cfEncoding != kCFStringEncodingInvalidId else { return nil }
            return String.Encoding(rawValue: CFStringConvertEncodingToNSStringEncoding(cfEncoding))
        #else
            return String.Encoding(ianaName: name)
        #endif
    }
}
