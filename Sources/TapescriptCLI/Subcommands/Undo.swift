import ArgumentParser
import TapescriptApplication
import TapescriptLibrary

extension Tapescript {
    struct Undo: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Take back the last edit of an interview (marks, titles, text, speakers, splits, merges).")

        @OptionGroup var options: InterviewOptions

        func run() throws {
            options.report(TerminalText(EditWording.sentence(for: try options.library().undo(options.reference))))
        }
    }
}
