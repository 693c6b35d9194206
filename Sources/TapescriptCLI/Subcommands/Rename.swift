import ArgumentParser
import TapescriptLibrary

extension Tapescript {
    struct Rename: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Give an interview a new slug (the name commands know it by).",
            discussion: """
                A slug is lowercase letters, digits and single hyphens, not only digits. The title stays; \
                retitle changes it.
                Example: tapescript rename jane-doe-on-networking jane-2026
                """)

        @OptionGroup var options: InterviewOptions

        @Argument(help: ArgumentHelp("The new slug.", valueName: "new-slug"))
        var slug: String

        func run() throws {
            let library = try options.library()
            let before = try library.detail(of: options.reference).interview.slug
            let interview = try library.rename(options.reference, to: slug)
            options.report(
                TerminalText(
                    before == interview.slug
                        ? "\(before) is already its slug" : "renamed \(before) to \(interview.slug)"))
        }
    }
}
