import ArgumentParser
import Foundation
import TapescriptApplication
import TapescriptLibrary

extension ConflictChoice: ExpressibleByArgument {}

extension Tapescript {
    struct Apply: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Take in the author's edited draft: show what they changed, then merge it.",
            discussion: """
                FILE is the edited draft (.txt, .md, .docx) or the whole reply e-mail (.eml, or an mbox with one \
                message), or - for standard input. The interview and draft version are read from the document; \
                --interview overrides. Nothing is applied until confirmed (--yes in scripts). A segment changed \
                both here and by the author since the draft was sent is a conflict: choose with --take.
                """)

        @OptionGroup var libraryOptions: LibraryOptions

        @Argument(help: "The reply: a file, or - for standard input.", completion: .file())
        var file: String

        @Option(help: "The interview the reply belongs to, when the document does not say.")
        var interview: String?

        @Flag(help: "Only show what would change.")
        var dryRun = false

        @Flag(name: .shortAndLong, help: "Apply without asking.")
        var yes = false

        @Option(help: "For conflicts: keep the author's words (author) or yours (mine).")
        var take: ConflictChoice?

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
            } else {
                ReplyReport(plan: planned.plan, terminal: .standardOutput).show()
            }
            guard !dryRun else { return }
            let resolution = try planned.resolved(take: take)
            guard resolution.count > 0 || resolution.commentCount > 0 else { return }
            guard yes || confirm(resolution) else { throw DraftError.needsConfirmation }
            var message = EditWording.sentence(for: try applier.apply(resolution))
            if resolution.commentCount > 0 {
                let count = resolution.commentCount
                message += "; kept \(count) comment\(count == 1 ? "" : "s") from the author (tapescript highlights)"
            }
            // With --json, standard output is the plan alone.
            if json { Diagnostics().line(TerminalText(message)) } else { Output.line("\n" + TerminalText(message)) }
        }

        /// Asks at a terminal; anywhere else the answer is no, so a script never applies by accident.
        private func confirm(_ resolution: ReplyApplier.Resolution) -> Bool {
            guard isatty(STDIN_FILENO) == 1, file != "-" else { return false }
            let count = resolution.count
            let question: TerminalText =
                count == 0
                ? "Keep the author's comments? [y/N] " : "Apply \(count) change\(count == 1 ? "" : "s")? [y/N] "
            return Diagnostics().ask(question)
        }
    }
}
