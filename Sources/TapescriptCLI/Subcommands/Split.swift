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
            Output.line(
                TerminalText(
                    EditWording.sentence(for: try library.split(options.reference, segment: segment, atFrame: frame))))
        }
    }

    struct Merge: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Merge a segment with the one after it; their texts are joined.")

        @OptionGroup var options: InterviewOptions

        @Argument(help: "The segment number.")
        var segment: Int

        func run() throws {
            Output.line(
                TerminalText(
                    EditWording.sentence(for: try options.library().merge(options.reference, segment: segment))))
        }
    }

    struct Undo: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Take back the last edit of an interview (marks, titles, text, speakers, splits, merges).")

        @OptionGroup var options: InterviewOptions

        func run() throws {
            Output.line(TerminalText(EditWording.sentence(for: try options.library().undo(options.reference))))
        }
    }

    struct Redo: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Make the last undone edit again.")

        @OptionGroup var options: InterviewOptions

        func run() throws {
            Output.line(TerminalText(EditWording.sentence(for: try options.library().redo(options.reference))))
        }
    }
}
