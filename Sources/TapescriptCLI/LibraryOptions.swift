import ArgumentParser
import Foundation
import TapescriptLibrary

/// `--library`, shared by every subcommand that touches the library.
struct LibraryOptions: ParsableArguments {
    @Option(
        name: .long, help: ArgumentHelp("The library file.", valueName: "path"),
        completion: .file(extensions: ["sqlite"]))
    var library: String?

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
