import ArgumentParser
import Foundation
import TapescriptApplication

extension DraftMaker.Format: ExpressibleByArgument {}

extension Tapescript {
    struct Draft: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the draft of the highlights for the interviewee to edit: text, Markdown, .docx or e-mail.",
            discussion: """
                Each draft gets the next version number and its exact text is kept: it is what the reply is \
                compared with. --format eml makes a complete message (text/plain; format=flowed, with the .docx \
                attached) to open in a mail client or pipe to 'sendmail -t'.
                """)

        @OptionGroup var options: InterviewOptions

        @Option(help: "txt (default), md, docx or eml.")
        var format: DraftMaker.Format = .txt

        @Option(name: .shortAndLong, help: "Write to this file instead of standard output.", completion: .file())
        var output: String?

        @Option(help: "The interviewee's e-mail address (needed for eml; kept with the draft).")
        var to: String?

        @Option(help: "The sender's address for eml (default: $EMAIL).")
        var from: String?

        func validate() throws {
            if format == .eml, to == nil { throw ValidationError("--format eml needs --to ADDRESS") }
            if let to, !Self.isAddress(to) {
                throw ValidationError("--to takes an e-mail address (jane@example.org or \"Jane <jane@example.org>\")")
            }
            if let from, !Self.isAddress(from) {
                throw ValidationError(
                    "--from takes an e-mail address (andy@example.org or \"Andy <andy@example.org>\")")
            }
        }

        /// Whether `text` is one mailbox: `local@domain`, or a display name and `<local@domain>`; never a line
        /// break (a header of its own) nor a list.
        static func isAddress(_ text: String) -> Bool {
            guard !text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else { return false }
            var address = Substring(text.trimmingCharacters(in: .whitespaces))
            if address.hasSuffix(">"), let open = address.lastIndex(of: "<") {
                address = address[address.index(after: open)..<address.index(before: address.endIndex)]
            }
            let parts = address.split(separator: "@", omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."),
                !parts[1].hasSuffix(".")
            else { return false }
            return !address.contains { $0 == " " || $0 == "," || $0 == "<" || $0 == ">" }
        }

        /// The sender: --from, else $EMAIL when it is an address.
        var sender: String? {
            from ?? ProcessInfo.processInfo.environment["EMAIL"].flatMap { Self.isAddress($0) ? $0 : nil }
        }

        func run() throws {
            if format.isBinary, output == nil || output == "-", isatty(STDOUT_FILENO) == 1 {
                throw DraftError.binaryToTerminal(format: format.rawValue)
            }
            let file = output.flatMap { $0 == "-" ? nil : $0 }
            // A file is written before the version is committed. Standard output is written after: a reader that
            // is slow to take it (a pager) must not hold the library's write lock.
            let made = try DraftMaker(library: options.library())
                .make(options.reference, format: format, recipient: to, sender: sender) { made in
                    if let file { try write(made, to: file) }
                }
            if file == nil { try write(made, to: nil) }
            let diagnostics = options.diagnostics
            if !made.machineSegments.isEmpty {
                let count = made.machineSegments.count
                let which = made.machineSegments.map(String.init).joined(separator: ", ")
                diagnostics.warning(
                    "the draft holds machine text no one has corrected yet: \(count == 1 ? "segment" : "segments") "
                        + "\(which) (correct it in review, or with 'tapescript text')")
            }
            let count = made.paragraphCount
            diagnostics.line("draft \(made.version) of '\(made.slug)': \(count) paragraph\(count == 1 ? "" : "s")")
        }

        /// The text draft as text for people (control characters drawn); a .docx or an e-mail as the bytes they
        /// are — an RFC 5322 message keeps its CRLF line ends.
        private func write(_ made: DraftMaker.Made, to path: String?) throws(CLIError) {
            switch format {
            case .txt, .md: try OutputFile.write(String(decoding: made.content, as: UTF8.self), to: path)
            case .docx, .eml: try OutputFile.write(made.content, to: path)
            }
        }
    }
}
