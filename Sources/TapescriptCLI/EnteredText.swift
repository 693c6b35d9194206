import TapescriptText

/// Text given on the command line or in a file, on its way into the library: control characters (an ESC that
/// would drive the terminal, a NUL, C1 codes) are removed, and the user is told.
enum EnteredText {
    static func cleaned(_ text: String, as what: String) -> String {
        let (cleaned, removed) = ControlCharacters.stripped(text)
        if removed > 0 {
            Diagnostics().warning(
                "removed \(removed) control character\(removed == 1 ? "" : "s") from \(what); the rest is kept")
        }
        return cleaned
    }

    static func cleaned(_ text: String?, as what: String) -> String? {
        text.map { cleaned($0, as: what) }
    }
}
