import ArgumentParser
import TapescriptApplication
import TapescriptLibrary

extension Tapescript {
    struct Split: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Split a segment in two at a time in the recording; the text stays with the first part.",
            discussion: "Example: tapescript split jane 4 --at 12:03.5")

        @OptionGroup var options: InterviewOptions

        @Argument(help: "The segment number.")
        var segment: Int

        @Option(help: ArgumentHelp("Where to split: seconds, m:ss.s or h:mm:ss.", valueName: "time"))
        var at: TimeOffset

        func run() throws {
            let library = try options.library()
            let snapshot = try library.reviewSnapshot(of: options.reference)
            let frame = Int64((at.seconds * Double(snapshot.recording.sampleRate)).rounded())
            options.report(
                TerminalText(
                    EditWording.sentence(for: try library.split(options.reference, segment: segment, atFrame: frame))))
        }
    }
}
