import ArgumentParser
import TapescriptApplication

extension Tapescript {
    struct HighlightTitle: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "title",
            abstract: "Give an existing highlight a title (its topic), undoably.",
            discussion: """
                Highlights are numbered in time order, as `tapescript highlights` lists them.
                Example: tapescript title jane 2 "Finding mentors"
                """)

        @OptionGroup var options: InterviewOptions

        @Argument(help: "The highlight's number.")
        var highlight: Int

        @Argument(help: "The title.")
        var title: String

        func validate() throws {
            if highlight < 1 { throw ValidationError("highlights are numbered from 1") }
            if title.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                throw ValidationError("the title cannot be empty")
            }
        }

        func run() throws {
            let library = try options.library()
            let said = try library.describeHighlight(
                options.reference, number: highlight, title: EnteredText.cleaned(title, as: "the title") as String,
                note: nil)
            options.report(TerminalText(EditWording.sentence(for: said)))
        }
    }

    struct HighlightNote: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "note",
            abstract: "Keep a note with an existing highlight (\"\" removes it), undoably.",
            discussion: "Example: tapescript note jane 2 \"ask her for the year\"")

        @OptionGroup var options: InterviewOptions

        @Argument(help: "The highlight's number.")
        var highlight: Int

        @Argument(help: "The note; an empty one removes it.")
        var note: String

        func validate() throws {
            if highlight < 1 { throw ValidationError("highlights are numbered from 1") }
        }

        func run() throws {
            let library = try options.library()
            let said = try library.describeHighlight(
                options.reference, number: highlight, title: nil,
                note: EnteredText.cleaned(note, as: "the note") as String)
            options.report(TerminalText(EditWording.sentence(for: said)))
        }
    }
}
