/// Character references in HTML text.
enum HTMLEntities {
    /// The character a reference such as `amp`, `#39` or `#x2019` (without `&` and `;`) stands for.
    static func character(for reference: Substring) -> String? {
        if reference.hasPrefix("#") {
            let digits = reference.dropFirst()
            let value: UInt32?
            if digits.first == "x" || digits.first == "X" {
                value = UInt32(digits.dropFirst(), radix: 16)
            } else {
                value = UInt32(digits, radix: 10)
            }
            guard let value else { return nil }
            // Browsers read references to 0x80-0x9F as Windows-1252, which is what the sender meant.
            if (0x80...0x9F).contains(value) {
                return String(Charset.windows1252Scalar(UInt8(value)))
            }
            guard value != 0, let scalar = Unicode.Scalar(value) else { return "\u{FFFD}" }
            return String(scalar)
        }
        return named[String(reference)]
    }

    private static let named: [String: String] = [
        "nbsp": "\u{00A0}", "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'",
        "rsquo": "\u{2019}", "lsquo": "\u{2018}", "ldquo": "\u{201C}", "rdquo": "\u{201D}", "sbquo": "\u{201A}",
        "bdquo": "\u{201E}", "ndash": "\u{2013}", "mdash": "\u{2014}", "hellip": "\u{2026}", "laquo": "\u{00AB}",
        "raquo": "\u{00BB}", "lsaquo": "\u{2039}", "rsaquo": "\u{203A}", "bull": "\u{2022}", "middot": "\u{00B7}",
        "copy": "\u{00A9}", "reg": "\u{00AE}", "trade": "\u{2122}", "euro": "\u{20AC}", "pound": "\u{00A3}",
        "deg": "\u{00B0}", "times": "\u{00D7}", "divide": "\u{00F7}", "sect": "\u{00A7}", "para": "\u{00B6}",
        "shy": "", "zwnj": "\u{200C}", "zwj": "\u{200D}", "ensp": "\u{2002}", "emsp": "\u{2003}",
        "thinsp": "\u{2009}", "iexcl": "\u{00A1}", "iquest": "\u{00BF}", "szlig": "\u{00DF}",
        "auml": "\u{00E4}", "ouml": "\u{00F6}", "uuml": "\u{00FC}", "Auml": "\u{00C4}", "Ouml": "\u{00D6}",
        "Uuml": "\u{00DC}", "aacute": "\u{00E1}", "eacute": "\u{00E9}", "iacute": "\u{00ED}", "oacute": "\u{00F3}",
        "uacute": "\u{00FA}", "Eacute": "\u{00C9}", "agrave": "\u{00E0}", "egrave": "\u{00E8}", "ograve": "\u{00F2}",
        "acirc": "\u{00E2}", "ecirc": "\u{00EA}", "icirc": "\u{00EE}", "ocirc": "\u{00F4}", "ucirc": "\u{00FB}",
        "ccedil": "\u{00E7}", "Ccedil": "\u{00C7}", "ntilde": "\u{00F1}", "Ntilde": "\u{00D1}", "euml": "\u{00EB}",
        "iuml": "\u{00EF}", "aring": "\u{00E5}", "Aring": "\u{00C5}", "aelig": "\u{00E6}", "oslash": "\u{00F8}",
    ]
}
