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
                Example: tapescript text jane 4 "Well, I started by …"
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
            let words: String
            if let file {
                guard FileManager.default.fileExists(atPath: file) else {
                    throw CLIError.cannotRead(path: file, reason: "no such file")
                }
                do {
                    words = try String(contentsOfFile: file, encoding: .utf8)
                } catch {
                    throw CLIError.cannotRead(path: file, reason: "it cannot be read as UTF-8 text")
                }
            } else if text == "-" {
                words = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
            } else {
                words = text ?? ""
            }
            let summary = try options.library().setText(options.reference, segment: segment, text: words)
            print(EditWording.sentence(for: summary))
        }
    }
}
