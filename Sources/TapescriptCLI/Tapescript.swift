import ArgumentParser

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
            Highlights.self, Text.self, Speakers.self, Split.self, Merge.self, Undo.self, Redo.self, History.self,
            Draft.self, Apply.self, Publish.self,
        ]
    )

    public init() {}
}
