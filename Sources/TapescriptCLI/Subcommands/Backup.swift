import ArgumentParser
import TapescriptLibrary

extension Tapescript {
    struct Backup: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a consistent copy of the library to a new file.",
            discussion: """
                Safe while other Tapescripts are writing: the copy is the library as one moment saw it \
                (SQLite's online backup). The copy is readable by you alone and never written over an existing \
                file. To use a backup, name it with --library; to restore one, copy it over the library while \
                no Tapescript is running.
                Example: tapescript backup ~/backups/interviews-2026-12-03.sqlite
                """)

        @OptionGroup var libraryOptions: LibraryOptions

        @Argument(help: ArgumentHelp("Where to write the copy (a new file).", valueName: "path"))
        var destination: String

        func run() throws {
            guard let library = try libraryOptions.openForReading() else {
                throw CLIError.noLibrary(path: libraryOptions.path)
            }
            try library.backup(to: destination)
            libraryOptions.report(TerminalText("wrote a copy of \(library.path) to \(destination)"))
        }
    }
}
