import ArgumentParser
import Foundation
import TapescriptApplication
import TapescriptLibrary

extension Tapescript {
    struct Text: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Set the text of a segment (every earlier version is kept).",
            discussion: """
                The text comes from the argument, from --file, or from standard input when the text is '-'. \
                Example: tapescript text jane 4 "Well, I started by ..."
                """)

        @OptionGroup var options: InterviewOptions

        @Argument(help: "The segment number.")
        var segment: Int

        @Argument(help: "The text, or - to read it from standard input.")
        var text: String?

        @Option(help: "Read the text from this file.", completion: .file())
        var file: String?

        func validate() throws {
            if (text == nil) == (file == nil) { throw ValidationError("give the text, or --file, or - for stdin") }
        }

        func run() throws {
            // One rule for every source: the bytes must be UTF-8, or nothing is stored.
            let given = try file.map(InputFile.text) ?? (text == "-" ? InputFile.text("-") : text ?? "")
            let words = EnteredText.cleaned(given, as: "the text")
            options.report(
                TerminalText(
                    EditWording.sentence(
                        for: try options.library().setText(options.reference, segment: segment, text: words))))
        }
    }
}
