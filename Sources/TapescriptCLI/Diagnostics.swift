import Foundation

/// Every line for people on standard error goes through here — errors, warnings, notes, progress, questions — so
/// that standard output stays clean for data.
struct Diagnostics {
    let terminal = Terminal.standardError
    /// `--quiet`: notes, information and progress are left out; errors, warnings and questions never are.
    var quiet = false

    /// `Error: …`, as the command fails.
    func error(_ error: any Error) { write("Error: \(error)\n") }
    func warning(_ message: TerminalText) { write(terminal.yellow("warning:") + " " + message + "\n") }
    func note(_ message: TerminalText) {
        if !quiet { write("note: " + message + "\n") }
    }

    /// A line of information that is not the command's output ("draft 3 of 'jane': 12 paragraphs").
    func line(_ message: TerminalText) {
        if !quiet { write(message + "\n") }
    }
    /// A message that may span lines, as the argument parser words it (usage errors with their usage line): it
    /// quotes the arguments it was given, so it is made safe like any text from outside.
    func block(_ message: String) { write(TerminalText(message.hasSuffix("\n") ? message : message + "\n")) }

    /// Asks a yes/no question; only "y…" is a yes.
    func ask(_ question: TerminalText) -> Bool {
        write(question)
        return readLine()?.lowercased().hasPrefix("y") == true
    }

    /// Asks a question and returns the first letter of the answer, lowercased; nil at the end of input.
    func answer(_ question: TerminalText) -> Character? {
        write(question)
        guard let line = readLine() else { return nil }
        return line.trimmingCharacters(in: .whitespaces).lowercased().first ?? " "
    }

    /// A progress line that rewrites itself (`ProgressBar` draws it); shown only on a terminal, cut to its width
    /// so that it never wraps.
    func progress(_ line: String) {
        guard terminal.isTTY, !quiet else { return }
        let fitted = terminal.columns.map { String(line.prefix(max(1, $0 - 1))) } ?? line
        write(Self.carriageReturn + TerminalText(fitted) + Self.clearToEndOfLine)
    }

    func clearProgress() {
        guard terminal.isTTY, !quiet else { return }
        write(Self.carriageReturn + Self.clearToEndOfLine)
    }

    private static let carriageReturn: TerminalText = "\r"
    private static let clearToEndOfLine: TerminalText = "\u{1B}[K"

    private func write(_ text: TerminalText) { FileHandle.standardError.write(Data(text.rendered.utf8)) }
}
