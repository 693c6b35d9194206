import ArgumentParser
import Foundation
import TapescriptApplication
import TapescriptDrafts
import TapescriptLibrary

extension Tapescript {
    struct Apply: ParsableCommand {
        enum Side: String, ExpressibleByArgument, Encodable {
            case author, mine
        }

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
        var take: Side?

        @Flag(help: "Print the plan as JSON (and apply it with --yes).")
        var json = false

        func run() throws {
            let data = try readInput()
            let reply = try ReplyIntake.read(data, name: file)
            if reply.slug == nil, interview == nil, reply.paragraphs.allSatisfy({ $0.anchor == nil }) {
                throw DraftError.unreadable(
                    "'\(file)' is not a Tapescript draft or a reply to one: it has no [tapescript …] line and no "
                        + "[12:03] markers")
            }
            guard let library = try libraryOptions.openForReading() else {
                throw LibraryError.unknownInterview(reference: interview ?? reply.slug ?? "?")
            }
            let reference = try resolve(reply)
            let snapshot = try library.reviewSnapshot(of: reference)
            if let slug = reply.slug, slug != snapshot.interview.slug {
                throw DraftError.draftForAnotherInterview(replySlug: slug, interview: snapshot.interview.slug)
            }
            guard let draft = try library.draft(reference, version: reply.version) else {
                if let version = reply.version {
                    throw DraftError.noSuchDraft(slug: snapshot.interview.slug, version: version)
                }
                throw DraftError.noDraftSent(slug: snapshot.interview.slug)
            }
            let plan = try ReplyPlan(reply: reply, draft: draft, snapshot: snapshot)
            if json { try printJSON(plan) } else { ReplyReport(plan: plan, terminal: .standardOutput).print() }
            if !plan.conflicts.isEmpty, take == nil, !dryRun { throw DraftError.conflicts(count: plan.conflicts.count) }
            let texts = plan.texts(take: take)
            guard !dryRun, !texts.isEmpty else { return }
            guard yes || confirm(count: texts.count) else { throw DraftError.needsConfirmation }
            let message = EditWording.sentence(for: try library.applyReply(reference, draft: draft, texts: texts))
            // With --json, standard output is the plan alone.
            if json { FileHandle.standardError.write(Data((message + "\n").utf8)) } else { print("\n" + message) }
        }

        private func readInput() throws -> Data {
            if file == "-" { return FileHandle.standardInput.readDataToEndOfFile() }
            guard FileManager.default.fileExists(atPath: file) else {
                throw CLIError.cannotRead(path: file, reason: "no such file")
            }
            guard let data = FileManager.default.contents(atPath: file) else {
                throw CLIError.cannotRead(path: file, reason: "it cannot be read")
            }
            return data
        }

        private func resolve(_ reply: DraftReply) throws -> InterviewReference {
            if let interview { return InterviewReference(interview) }
            guard let slug = reply.slug else { throw DraftError.interviewNotNamed }
            return .slug(slug)
        }

        /// Asks at a terminal; anywhere else the answer is no, so a script never applies by accident.
        private func confirm(count: Int) -> Bool {
            guard isatty(STDIN_FILENO) == 1, file != "-" else { return false }
            FileHandle.standardError.write(Data("Apply \(count) change\(count == 1 ? "" : "s")? [y/N] ".utf8))
            return readLine()?.lowercased().hasPrefix("y") == true
        }
    }
}
