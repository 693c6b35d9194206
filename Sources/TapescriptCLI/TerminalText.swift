import TapescriptText

/// Text on its way to a person's terminal. The program's own words (string literals) and styles are kept as they
/// are; everything interpolated or wrapped — a title, a speaker's name, the author's words, a file name — has its
/// control characters drawn as pictures (`␛`), so that text from outside can never retitle, clear or hide
/// anything on the terminal. Human output is only ever written as `TerminalText`.
struct TerminalText: ExpressibleByStringInterpolation, Equatable, Sendable, CustomStringConvertible {
    /// What goes to the terminal.
    private(set) var rendered: String

    /// Text from anywhere, made safe.
    init(_ text: String) { rendered = ControlCharacters.visible(text) }

    /// The program's own escape sequences; only `Terminal`'s styles make these.
    fileprivate init(trusted: String) { rendered = trusted }

    init(stringLiteral literal: String) { rendered = literal }

    init(stringInterpolation: StringInterpolation) { rendered = stringInterpolation.rendered }

    var description: String { rendered }

    static func + (first: TerminalText, second: TerminalText) -> TerminalText {
        TerminalText(trusted: first.rendered + second.rendered)
    }

    static func += (text: inout TerminalText, more: TerminalText) { text = text + more }

    struct StringInterpolation: StringInterpolationProtocol {
        fileprivate var rendered = ""

        init(literalCapacity: Int, interpolationCount: Int) { rendered.reserveCapacity(literalCapacity) }

        mutating func appendLiteral(_ literal: String) { rendered += literal }
        mutating func appendInterpolation(_ text: TerminalText) { rendered += text.rendered }
        mutating func appendInterpolation(_ value: some Any) {
            rendered += ControlCharacters.visible(String(describing: value))
        }
    }
}

extension Terminal {
    /// `text` in the terminal's bold, dim or yellow, when it shows colour; else as it is.
    func bold(_ text: TerminalText) -> TerminalText { styled(text, "1") }
    func dim(_ text: TerminalText) -> TerminalText { styled(text, "2") }
    func yellow(_ text: TerminalText) -> TerminalText { styled(text, "33") }
    func red(_ text: TerminalText) -> TerminalText { styled(text, "31") }
    func green(_ text: TerminalText) -> TerminalText { styled(text, "32") }

    private func styled(_ text: TerminalText, _ code: String) -> TerminalText {
        usesColour ? TerminalText(trusted: "\u{1B}[\(code)m\(text.rendered)\u{1B}[0m") : text
    }
}

/// Standard output for people: each line is `TerminalText`, so nothing raw reaches the terminal.
enum Output {
    static func line(_ text: TerminalText = "") { print(text.rendered) }
    static func write(_ text: TerminalText) { print(text.rendered, terminator: "") }
}
