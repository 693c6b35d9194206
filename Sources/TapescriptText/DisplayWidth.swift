/// How many terminal columns text takes, and cutting or padding text to a number of columns.
///
/// A close approximation of what terminals do (`wcwidth` and its successors): combining marks and format characters
/// take no column; East Asian wide and fullwidth characters and emoji take two; everything else, block elements
/// (`▁▂▃▄▅▆▇█`) and box drawing included, takes one. Control characters count as one column because
/// `ScreenRenderer` shows each as a space.
public enum DisplayWidth {
    /// Where `pad` puts the text inside the padded field.
    public enum Alignment: Sendable {
        case leading, trailing
    }

    /// The number of columns `text` takes on a terminal.
    public static func of(_ text: String) -> Int {
        // Printable ASCII is one column a byte: most of a transcript, and far cheaper than Unicode properties.
        if isPrintableASCII(text) { return text.utf8.count }
        return text.reduce(0) { $0 + of($1) }
    }

    public static func isPrintableASCII(_ text: String) -> Bool {
        text.utf8.allSatisfy { (0x20...0x7E).contains($0) }
    }

    /// The number of columns one grapheme cluster takes.
    public static func of(_ character: Character) -> Int {
        let scalars = character.unicodeScalars
        // An emoji cluster (a flag, a family joined by ZWJ, a text symbol turned emoji by VS16) shows as one wide
        // glyph, however many scalars it has.
        if scalars.contains(where: { $0.properties.isEmojiPresentation })
            || (scalars.contains("\u{FE0F}") && scalars.contains(where: { $0.properties.isEmoji }))
        {
            return 2
        }
        return scalars.reduce(0) { max($0, of($1)) }
    }

    /// Cuts `text` to at most `width` columns, ending it with `…` when anything was cut.
    public static func truncate(_ text: String, toWidth width: Int) -> String {
        guard width > 0 else { return "" }
        guard of(text) > width else { return text }
        let ellipsis: Character = "…"
        return prefix(of: text, fittingIn: width - of(ellipsis)) + String(ellipsis)
    }

    /// `text` followed (or, aligned trailing, preceded) by spaces up to `width` columns. Text already wider is
    /// returned unchanged; use `fit` to cut it as well.
    public static func pad(_ text: String, toWidth width: Int, alignment: Alignment = .leading) -> String {
        let padding = String(repeating: " ", count: max(0, width - of(text)))
        switch alignment {
        case .leading: return text + padding
        case .trailing: return padding + text
        }
    }

    /// `text` made exactly `width` columns wide: truncated with `…` or padded with spaces.
    public static func fit(_ text: String, toWidth width: Int, alignment: Alignment = .leading) -> String {
        pad(truncate(text, toWidth: width), toWidth: width, alignment: alignment)
    }

    /// The longest start of `text` that fits in `width` columns, without an ellipsis.
    public static func prefix(of text: String, fittingIn width: Int) -> String {
        if isPrintableASCII(text) { return String(text.utf8.prefix(max(0, width))) ?? text }
        var used = 0
        var end = text.startIndex
        for index in text.indices {
            let next = used + of(text[index])
            guard next <= width else { break }
            used = next
            end = text.index(after: index)
        }
        return String(text[..<end])
    }

    private static func of(_ scalar: Unicode.Scalar) -> Int {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format:
            return 0
        case .control:
            return 1
        default:
            break
        }
        // Hangul medial vowels and final consonants join the initial consonant before them into one syllable.
        if (0x1160...0x11FF).contains(scalar.value) { return 0 }
        return wideRanges.contains { $0.contains(scalar.value) } ? 2 : 1
    }

    // The East Asian Wide (W) and Fullwidth (F) blocks of Unicode's EastAsianWidth.txt, coalesced. Emoji are
    // handled by their Emoji_Presentation property instead.
    private static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F,  // Hangul initial consonants
        0x231A...0x231B, 0x2329...0x232A,
        0x2E80...0x303E,  // CJK radicals, Kangxi, ideographic description, CJK symbols and punctuation
        0x3041...0x33FF,  // Hiragana, Katakana, Bopomofo, Hangul compatibility jamo, Kanbun, CJK compatibility
        0x3400...0x4DBF,  // CJK extension A
        0x4E00...0x9FFF,  // CJK unified ideographs
        0xA000...0xA4CF,  // Yi
        0xA960...0xA97F,  // Hangul jamo extended A
        0xAC00...0xD7A3,  // Hangul syllables
        0xF900...0xFAFF,  // CJK compatibility ideographs
        0xFE10...0xFE19, 0xFE30...0xFE6F,  // vertical forms, CJK compatibility forms, small form variants
        0xFF00...0xFF60, 0xFFE0...0xFFE6,  // fullwidth forms
        0x16FE0...0x16FE4, 0x17000...0x18CFF,  // Tangut
        0x1B000...0x1B2FF,  // Kana supplement and extensions, Nushu
        0x1F200...0x1F2FF,  // enclosed ideographic supplement
        0x20000...0x2FFFD, 0x30000...0x3FFFD,  // CJK extensions B and later
    ]
}
