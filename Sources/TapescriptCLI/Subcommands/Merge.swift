import ArgumentParser
import TapescriptApplication
import TapescriptLibrary

extension Tapescript {
    struct Merge: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Merge a segment with the one after it; their texts are joined.")

        @OptionGroup var options: InterviewOptions

        @Argument(help: "The segment number.")
        var segment: Int

        func run() throws {
            options.report(
                TerminalText(
                    EditWording.sentence(for: try options.library().merge(options.reference, segment: segment))))
        }
    }
}
