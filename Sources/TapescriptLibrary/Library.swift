import Foundation
import GRDB
import TapescriptAudio

/// The one SQLite file that holds every interview. Every write is one transaction: a failure or a kill at any
/// moment leaves the library as it was before or as it is after, never in between.
public final class Library: Sendable {
    public let path: String
    let writer: any DatabaseWriter

    /// Opens the library at `path`, creating it (and its folder) when `create` is set.
    /// - Returns: nil when the file does not exist and `create` is false.
    /// - Throws: `LibraryError` when the file is not a library, is from a newer Tapescript, or cannot be made.
    public static func open(at path: String, create: Bool) throws(LibraryError) -> Library? {
        if !FileManager.default.fileExists(atPath: path) {
            guard create else { return nil }
            try LibraryLocation.prepareFolder(for: path)
            try LibraryLocation.createPrivateFile(at: path)
        }
        return try Library(path: path)
    }

    /// An in-memory library, for tests.
    /// - Throws: `LibraryError.databaseFailure` when SQLite cannot make one.
    public static func inMemory() throws(LibraryError) -> Library {
        do {
            return try Library(path: ":memory:", writer: DatabaseQueue())
        } catch let error as LibraryError {
            throw error
        } catch {
            throw Self.translate(error, path: ":memory:")
        }
    }

    private convenience init(path: String) throws(LibraryError) {
        let writer: DatabasePool
        do {
            var configuration = Configuration()
            configuration.busyMode = .timeout(5)
            writer = try DatabasePool(path: path, configuration: configuration)
        } catch {
            throw Self.translate(error, path: path)
        }
        try self.init(path: path, writer: writer)
    }

    private init(path: String, writer: any DatabaseWriter) throws(LibraryError) {
        self.path = path
        self.writer = writer
        do {
            let migrator = LibraryMigrations.migrator
            if try writer.read({ try migrator.hasBeenSuperseded($0) }) { throw LibraryError.newerSchema(path: path) }
            // Two processes creating a new library at once both try the first migration. The loser's write can
            // fail at once (its snapshot went stale: SQLite does not wait on that), and is harmless once the winner
            // has completed; while the winner is still at it, try again a little later, for up to 5 s.
            for attempt in 1...50 {
                do {
                    try migrator.migrate(writer)
                    break
                } catch {
                    if try writer.read({ try migrator.hasCompletedMigrations($0) }) { break }
                    if attempt == 50 { throw error }
                    usleep(100_000)
                }
            }
        } catch let error as LibraryError {
            throw error
        } catch {
            throw Self.translate(error, path: path)
        }
    }

    /// Runs `body` in one write transaction; any error rolls everything back.
    func write<T>(_ body: (Database) throws -> T) throws(LibraryError) -> T {
        do {
            return try writer.write(body)
        } catch let error as LibraryError {
            throw error
        } catch {
            throw Self.translate(error, path: path)
        }
    }

    func read<T>(_ body: (Database) throws -> T) throws(LibraryError) -> T {
        do {
            return try writer.read(body)
        } catch let error as LibraryError {
            throw error
        } catch {
            throw Self.translate(error, path: path)
        }
    }

    /// What went wrong, said the way a user thinks of it: SQLite's result codes, refused edits, and stored values
    /// that do not read back as damage to the library.
    static func translate(_ error: any Error, path: String) -> LibraryError {
        switch error {
        case let error as DatabaseError:
            return translate(error, path: path)
        case let error as EditError:
            return .invalidEdit(error)
        case let damage as UnreadableData:
            return .unreadable(path: path, part: damage.part)
        case let error where error.isDecodingFailure:
            return .unreadable(path: path, part: .storedValue)
        case is EncodingError:
            return .databaseFailure(reason: "a value could not be written as JSON")
        default:
            // Nothing else is thrown inside a transaction today; name the kind, never dump the value.
            return .databaseFailure(reason: "an unexpected error (\(type(of: error)))")
        }
    }

    private static func translate(_ error: DatabaseError, path: String) -> LibraryError {
        switch error.resultCode {
        case .SQLITE_NOTADB: return .notALibrary(path: path)
        case .SQLITE_CORRUPT: return .damaged(path: path, detail: "the database file is corrupt")
        case .SQLITE_READONLY: return .readOnly(path: path)
        case .SQLITE_CANTOPEN: return .cannotOpen(path: path, reason: "the file or its folder cannot be opened")
        case .SQLITE_FULL: return .databaseFailure(reason: "the disk is full")
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return .databaseFailure(reason: "another Tapescript is writing to the library; try again")
        default: return .databaseFailure(reason: error.message ?? "SQLite error \(error.resultCode.rawValue)")
        }
    }
}
