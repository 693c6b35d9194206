import ArgumentParser
import TapescriptLibrary
import TapescriptText

extension Tapescript {
    struct Retitle: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Give an interview a new title (drafts and publications carry it).",
            discussion: """
                The slug stays; rename changes it. Control characters and line breaks are taken out.
                Example: tapescript retitle jane "Jane Doe on finding mentors"
                """)

        @OptionGroup var options: InterviewOptions

        @Argument(help: "The new title.")
        var title: String

        func run() throws {
            let library = try options.library()
            let oneLine = title.split(whereSeparator: \.isNewline).joined(separator: " ")
            let interview = try library.retitle(options.reference, to: ControlCharacters.stripped(oneLine).text)
            options.report(TerminalText("\(interview.slug) is now titled “\(interview.title)”"))
        }
    }
}
