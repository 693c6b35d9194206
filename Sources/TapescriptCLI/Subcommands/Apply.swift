import ArgumentParser
import Foundation
import TapescriptApplication
import TapescriptLibrary

extension ConflictChoices: ExpressibleByArgument {}

extension Tapescript {
    struct Apply: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Take in the author's edited draft: show what they changed, then merge it.",
            discussion: """
                FILE is the edited draft (.txt, .md, .docx) or the whole reply e-mail (.eml, or an mbox with one \
                message), or - for standard input. The interview and draft version are read from the document; \
                --interview names the interview when the document does not. Nothing is applied until confirmed \
                (--yes in scripts). A segment changed \
                both here and by the author since the draft was sent is a conflict: on a terminal you are asked, \
                conflict by conflict, to take the author's words, keep yours, or merge them in $EDITOR; in a \
                script choose with --take author, --take mine, or per segment --take 12=author,14=mine.
                """)

        @OptionGroup var libraryOptions: LibraryOptions

        @Argument(help: "The reply: a file, or - for standard input.", completion: .file())
        var file: String

        @Option(
            help: "The interview the reply belongs to, when the document does not say.",
            completion: .custom(SlugCompletion.slugs))
        var interview: String?

        @Flag(help: "Only show what would change.")
        var dryRun = false

        @Flag(name: .shortAndLong, help: "Apply without asking.")
        var yes = false

        @Option(
            help: ArgumentHelp(
                "For conflicts: the author's words (author), yours (mine), or per segment (12=author,14=mine).",
                valueName: "choice"))
        var take: ConflictChoices?

        @Flag(help: "Print the plan as JSON (and apply it with --yes).")
        var json = false

        func run() throws {
            let reply = try ReplyApplier.read(try InputFile.read(file), name: file, interview: interview)
            guard let library = try libraryOptions.openForReading() else {
                throw LibraryError.unknownInterview(reference: interview ?? reply.slug ?? "?")
            }
            let applier = ReplyApplier(library: library)
            let planned = try applier.plan(reply, interview: interview)
            if json {
                try printJSON(planned.plan)
            } else if !libraryOptions.quiet {
                ReplyReport(plan: planned.plan, terminal: .standardOutput).show()
            }
            guard !dryRun else { return }
            var choices = take ?? ConflictChoices()
            if !json, !yes, !planned.undecided(by: choices).isEmpty, Self.canAsk(reading: file) {
                choices = try ConflictPrompt().decide(planned.undecided(by: choices), adding: choices)
            }
            let resolution = try planned.resolved(by: choices)
            guard resolution.count > 0 || resolution.commentCount > 0 else { return }
            guard yes || confirm(resolution) else { throw DraftError.needsConfirmation }
            var message = EditWording.sentence(for: try applier.apply(resolution))
            if resolution.commentCount > 0 {
                let count = resolution.commentCount
                message += "; kept \(count) comment\(count == 1 ? "" : "s") from the author (tapescript highlights)"
            }
            // With --json, standard output is the plan alone.
            if json {
                libraryOptions.diagnostics.line(TerminalText(message))
            } else {
                libraryOptions.report("\n" + TerminalText(message))
            }
        }

        /// Questions need a person at a terminal, and a reply that does not come through standard input.
        static func canAsk(reading file: String) -> Bool { isatty(STDIN_FILENO) == 1 && file != "-" }

        /// Asks at a terminal; anywhere else the answer is no, so a script never applies by accident.
        private func confirm(_ resolution: ReplyApplier.Resolution) -> Bool {
            guard Self.canAsk(reading: file) else { return false }
            let count = resolution.count
            let question: TerminalText =
                count == 0
                ? "Keep the author's comments? [y/N] " : "Apply \(count) change\(count == 1 ? "" : "s")? [y/N] "
            return Diagnostics().ask(question)
        }
    }
}
