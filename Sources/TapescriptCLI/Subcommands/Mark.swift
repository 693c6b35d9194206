import ArgumentParser
import TapescriptApplication

extension Tapescript {
    struct Mark: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Mark segments as highlights: each number or range given becomes one highlight.",
            discussion: "Example: tapescript mark jane 3 5-7 --title \"Finding mentors\"")

        @OptionGroup var options: InterviewOptions

        @Argument(help: "Segment numbers or ranges, e.g. 3 or 5-7.")
        var segments: [SegmentSelection]

        @Option(help: "The highlight's title: its topic.")
        var title: String?

        @Option(help: "A note to keep with the highlight.")
        var note: String?

        func validate() throws {
            if segments.isEmpty { throw ValidationError("name the segments to mark, e.g. 3 or 5-7") }
            if let title, title.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                throw ValidationError("--title cannot be empty")
            }
        }

        func run() throws {
            let library = try options.library()
            let (title, note) = (EnteredText.cleaned(title, as: "the title"), EnteredText.cleaned(note, as: "the note"))
            for selection in segments {
                let said = try library.mark(
                    options.reference, segments: selection.first, through: selection.last, title: title, note: note)
                options.report(TerminalText(EditWording.sentence(for: said)))
            }
        }
    }
}
