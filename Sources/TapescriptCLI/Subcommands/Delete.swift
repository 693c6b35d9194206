import ArgumentParser
import Foundation
import TapescriptLibrary

extension Tapescript {
    struct Delete: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Remove an interview from the library, with all its segments, highlights, texts and drafts.",
            discussion: """
                Says what it removes and asks first at a terminal; in scripts, --yes. The recording's file is \
                never touched: import it again to start over (a copy decoded by ffmpeg on import, kept in the \
                library's folder, goes with the interview). One transaction: nothing is removed unless all is.
                Example: tapescript delete jane --yes
                """)

        @OptionGroup var options: InterviewOptions

        @Flag(name: [.short, .long], help: "Delete without asking.")
        var yes = false

        func run() throws {
            let library = try options.library()
            let removal = try library.removal(of: options.reference)
            let what = Self.contents(removal)
            if !yes {
                guard isatty(STDIN_FILENO) == 1,
                    Diagnostics().ask(TerminalText("Delete interview \(removal.slug) (\(what))? [y/N] "))
                else { throw CLIError.deletionNotConfirmed(slug: removal.slug) }
            }
            let removed = try library.delete(options.reference)
            if library.holdsDecodedCopy(removed.recordingPath) {
                // The copy ffmpeg made on import is the library's own, not the user's recording.
                try? FileManager.default.removeItem(atPath: removed.recordingPath)
                options.report(
                    TerminalText(
                        "deleted interview \(removed.slug) (\(Self.contents(removed))) and the copy decoded on "
                            + "import; the original recording was never touched"))
                return
            }
            options.report(
                TerminalText(
                    "deleted interview \(removed.slug) (\(Self.contents(removed))); "
                        + "the recording \(removed.recordingPath) is still where it was"))
        }

        /// "12 segments, 1 highlight, 4 texts, no drafts".
        static func contents(_ removal: InterviewRemoval) -> String {
            func counted(_ count: Int, _ noun: String) -> String {
                count == 0 ? "no \(noun)s" : "\(count) \(noun)\(count == 1 ? "" : "s")"
            }
            return [
                counted(removal.segmentCount, "segment"), counted(removal.highlightCount, "highlight"),
                counted(removal.textCount, "text version"), counted(removal.draftCount, "draft"),
            ].joined(separator: ", ")
        }
    }
}
