import ArgumentParser
import Foundation

/// The `tapescript` command: it holds only its configuration; each subcommand lives in its own file.
public struct Tapescript: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "tapescript",
        abstract: "Take a recorded interview from tape to an author-approved transcript.",
        discussion: """
            Import a recording, segment it by silence, review it (listen, mark highlights, write the text), \
            with every edit also available as a plain command for scripts. Everything lives in one \
            library file: --library PATH, else $TAPESCRIPT_LIBRARY, else $XDG_DATA_HOME/tapescript/library.sqlite \
            (~/.local/share/tapescript/library.sqlite).

            Name an interview by its slug (shown by 'tapescript list') or its number.
            """,
        version: "0.1.0",
        subcommands: [
            Import.self, List.self, Segments.self, Resegment.self, Pauses.self, Review.self, Mark.self, Unmark.self,
            Highlights.self, Text.self, Speakers.self, Speaker.self, Split.self, Merge.self, Undo.self, Redo.self,
            History.self, Rename.self, Retitle.self, Delete.self, Backup.self, HighlightTitle.self, HighlightNote.self,
            Drafts.self, Relink.self, Clips.self,
            Transcribe.self, Draft.self, Apply.self, Publish.self,
        ]
    )

    public init() {}

    /// Parses the command line, runs the command and exits: 0 when it succeeded, 64 for a usage error, 1 (or the
    /// command's own code) for a failure, with its one-line reason on standard error through `Diagnostics`.
    public static func runAndExit() -> Never {
        do {
            var command = try parseAsRoot()
            try command.run()
            Foundation.exit(0)
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if code == .success {
                // --help, --version and the completion scripts are the command's output.
                if !message.isEmpty { print(message) }
            } else if !message.isEmpty {
                Diagnostics().block(message)
            }
            Foundation.exit(code.rawValue)
        }
    }
}
