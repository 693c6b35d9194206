import ArgumentParser
import TapescriptApplication

extension Tapescript {
    struct Unmark: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Remove the highlights that the given segments belong to.")

        @OptionGroup var options: InterviewOptions

        @Argument(help: "Segment numbers or ranges, e.g. 3 or 5-7.")
        var segments: [SegmentSelection]

        func validate() throws {
            if segments.isEmpty { throw ValidationError("name the segments to unmark, e.g. 3 or 5-7") }
        }

        func run() throws {
            let library = try options.library()
            for selection in segments {
                options.report(
                    TerminalText(
                        EditWording.sentence(
                            for: try library.unmark(
                                options.reference, segments: selection.first, through: selection.last))))
            }
        }
    }
}
