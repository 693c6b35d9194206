import ArgumentParser
import TapescriptApplication

extension Tapescript {
    struct Speaker: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Give segments to another speaker, where import heard the wrong voice.",
            discussion: """
                The speaker is a letter (A, B, ...) or a name given with `tapescript speakers`. A resegment keeps \
                speakers given by hand for the same stretch of the recording; `tapescript undo` takes it back.
                Example: tapescript speaker jane 12 B
                """)

        @OptionGroup var options: InterviewOptions

        @Argument(help: "A segment number or a range, e.g. 12 or 12-14.")
        var segments: SegmentSelection

        @Argument(help: "The speaker they are: a letter (A, B, ...) or a speaker's name.")
        var speaker: String

        func run() throws {
            let library = try options.library()
            let summary = try library.assignSpeaker(
                options.reference, segments: segments.first, through: segments.last, to: speaker)
            options.report(TerminalText(EditWording.sentence(for: summary)))
        }
    }
}
