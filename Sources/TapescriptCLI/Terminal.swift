import Foundation

/// What the terminal on the other end of a stream can do. Colour only on a TTY, and never with `NO_COLOR` set
/// or `TERM=dumb` (https://no-color.org).
struct Terminal: Sendable {
    let isTTY: Bool
    let usesColour: Bool
    /// How wide the terminal is (`COLUMNS` first, as `ls` reads it, then the window's size); nil off a terminal,
    /// where nothing is cut to fit.
    let columns: Int?

    init(descriptor: Int32, environment: [String: String] = ProcessInfo.processInfo.environment) {
        let colourRefused = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        // Standard output piped into the pager is still read on the terminal behind it.
        if descriptor == STDOUT_FILENO, let paged = environment[Pager.columnsVariable].flatMap(Int.init) {
            isTTY = true
            usesColour = !colourRefused && environment["TERM"] != "dumb"
            columns = paged
            return
        }
        isTTY = isatty(descriptor) == 1
        usesColour = isTTY && !colourRefused && environment["TERM"] != "dumb"
        columns = isTTY ? Self.width(of: descriptor, environment: environment) : nil
    }

    private static func width(of descriptor: Int32, environment: [String: String]) -> Int? {
        if let columns = environment["COLUMNS"].flatMap(Int.init), columns > 0 { return columns }
        var window = winsize()
        guard ioctl(descriptor, UInt(TIOCGWINSZ), &window) == 0, window.ws_col > 0 else { return nil }
        return Int(window.ws_col)
    }

    static var standardOutput: Terminal { Terminal(descriptor: STDOUT_FILENO) }
    static var standardError: Terminal { Terminal(descriptor: STDERR_FILENO) }
}

/// Writes a value as JSON on standard output: sorted keys, indented, one trailing newline. The encoder escapes the
/// C0 controls; DEL and the C1 controls, which it may pass through, are escaped too (`\u009b`), so JSON on a
/// terminal is as harmless as any other output.
func printJSON<T: Encodable>(_ value: T) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    let json = String(decoding: try encoder.encode(value), as: UTF8.self)
    guard json.unicodeScalars.contains(where: { (0x7F...0x9F).contains($0.value) }) else { return print(json) }
    var escaped = ""
    for scalar in json.unicodeScalars {
        if (0x7F...0x9F).contains(scalar.value) {
            escaped += "\\u00" + String(scalar.value, radix: 16)
        } else {
            escaped.unicodeScalars.append(scalar)
        }
    }
    print(escaped)
}
