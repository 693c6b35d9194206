import Foundation

/// What the terminal on the other end of a stream can do. Colour only on a TTY, and never with `NO_COLOR` set
/// or `TERM=dumb` (https://no-color.org).
struct Terminal: Sendable {
    let isTTY: Bool
    let usesColour: Bool

    init(descriptor: Int32, environment: [String: String] = ProcessInfo.processInfo.environment) {
        isTTY = isatty(descriptor) == 1
        let colourRefused = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        usesColour = isTTY && !colourRefused && environment["TERM"] != "dumb"
    }

    static var standardOutput: Terminal { Terminal(descriptor: STDOUT_FILENO) }
    static var standardError: Terminal { Terminal(descriptor: STDERR_FILENO) }

    func bold(_ text: String) -> String { styled(text, "1") }
    func dim(_ text: String) -> String { styled(text, "2") }
    func yellow(_ text: String) -> String { styled(text, "33") }

    private func styled(_ text: String, _ code: String) -> String {
        usesColour ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}

/// Writes a value as JSON on standard output: sorted keys, indented, one trailing newline.
func printJSON<T: Encodable>(_ value: T) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    print(String(decoding: try encoder.encode(value), as: UTF8.self))
}
