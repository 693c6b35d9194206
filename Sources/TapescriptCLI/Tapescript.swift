import ArgumentParser

/// The `tapescript` command: it holds only its configuration; each subcommand lives in its own file.
public struct Tapescript: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "tapescript",
        abstract: "Take a recorded interview from tape to an author-approved transcript.",
        discussion: """
            Import a recording, segment it by silence, and inspect the segments. Everything lives in one \
            library file: --library PATH, else $TAPESCRIPT_LIBRARY, else $XDG_DATA_HOME/tapescript/library.sqlite \
            (~/.local/share/tapescript/library.sqlite).

            Name an interview by its slug (shown by 'tapescript list') or its number.
            """,
        version: "0.1.0",
        subcommands: [Import.self, List.self, Segments.self, Resegment.self, Pauses.self]
    )

    public init() {}
}
