import ArgumentParser
import Foundation
import TapescriptLibrary

/// `--library` and `--quiet`, shared by every subcommand that touches the library.
struct LibraryOptions: ParsableArguments {
    @Option(
        name: .long, help: ArgumentHelp("The library file.", valueName: "path"),
        completion: .file(extensions: ["sqlite"]))
    var library: String?

    @Flag(
        name: .shortAndLong,
        help: "Print only errors, warnings and the output asked for: no confirmations, notes or progress.")
    var quiet = false

    /// The line saying what the command did ("saved the text of segment 3"), unless `--quiet`.
    func report(_ text: TerminalText) {
        if !quiet { Output.line(text) }
    }

    /// Where notes and progress go: standard error, and nowhere with `--quiet`.
    var diagnostics: Diagnostics { Diagnostics(quiet: quiet) }

    var path: String { LibraryLocation.resolve(explicit: library, environment: ProcessInfo.processInfo.environment) }

    /// The library, created on first use.
    func openForWriting() throws(LibraryError) -> Library {
        // With create: true, open never returns nil.
        guard let library = try Library.open(at: path, create: true) else {
            throw LibraryError.cannotCreate(path: path, reason: "unknown reason")
        }
        return library
    }

    /// The library, or nil when there is none yet (a reading command then has nothing to read).
    func openForReading() throws(LibraryError) -> Library? {
        try Library.open(at: path, create: false)
    }
}
