import ArgumentParser
import TapescriptApplication
import TapescriptLibrary

extension Tapescript {
    struct Redo: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Make the last undone edit again.")

        @OptionGroup var options: InterviewOptions

        func run() throws {
            options.report(TerminalText(EditWording.sentence(for: try options.library().redo(options.reference))))
        }
    }
}
