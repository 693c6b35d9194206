/// Characters that make a terminal do things instead of showing them: C0 controls but tab and newline, DEL, and
/// the C1 controls (U+0080–U+009F, which some terminals read as ESC sequences even in UTF-8). Text that comes from
/// outside — a reply, a title, a file name — may hold them; the library never keeps them and the terminal never
/// receives them raw.
public enum ControlCharacters {
    /// Whether `scalar` is one of them.
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A: false
        case 0x00...0x1F, 0x7F, 0x80...0x9F: true
        default: false
        }
    }

    /// `text` without them; a CR before a newline (a CRLF line end) goes too but is not counted as removed.
    public static func stripped(_ text: String) -> (text: String, removedCount: Int) {
        guard text.unicodeScalars.contains(where: isControl) else { return (text, 0) }
        var scalars = String.UnicodeScalarView()
        var removed = 0
        let all = Array(text.unicodeScalars)
        for (index, scalar) in all.enumerated() {
            guard isControl(scalar) else {
                scalars.append(scalar)
                continue
            }
            let endsALine = scalar == "\r" && index + 1 < all.count && all[index + 1] == "\n"
            if !endsALine { removed += 1 }
        }
        return (String(scalars), removed)
    }

    /// `text` with each of them drawn as a visible picture (`␛` for ESC, `␡` for DEL, `�` for a C1 control), for
    /// showing text a person or a stranger wrote on a terminal.
    public static func visible(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            scalars.append(picture(of: scalar))
        }
        return String(scalars)
    }

    private static func picture(of scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar.value {
        case 0x00...0x1F where isControl(scalar): Unicode.Scalar(0x2400 + scalar.value) ?? "\u{FFFD}"
        case 0x7F: "\u{2421}"
        case 0x80...0x9F: "\u{FFFD}"
        default: scalar
        }
    }
}
