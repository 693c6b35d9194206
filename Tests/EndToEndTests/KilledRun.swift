import Foundation
import GRDB

/// A run of the built `tapescript` that the test ends with `kill -9` at a chosen instant: the process gets no chance
/// to clean up, as in a crash.
enum KilledRun {
    /// When to kill the run.
    enum Instant: CustomStringConvertible, Sendable {
        /// This long after it started.
        case after(Duration)
        /// As soon as a new file stands at `path`: one appears, or another replaces the one there at the start.
        case whenNewFile(String)
        /// As soon as `count` (an SQL query giving one number) in the library gives more than `exceeds`: a
        /// transaction has just committed, and the run is about to close the library, or to do what comes after.
        case whenCount(String, library: String, exceeds: Int)

        var description: String {
            switch self {
            case .after(let delay): "\(delay) after the start"
            case .whenNewFile(let path): "when a new '\((path as NSString).lastPathComponent)' appears"
            case .whenCount(let count, _, let exceeds): "when \(count) exceeds \(exceeds)"
            }
        }

        /// Whether the instant has come, asked every 100 µs.
        func watch() throws -> @Sendable (ContinuousClock.Instant) -> Bool {
            switch self {
            case .after(let delay):
                return { start in ContinuousClock.now - start >= delay }
            case .whenNewFile(let path):
                let first = Self.inode(of: path)
                return { _ in Self.inode(of: path).map { $0 != first } ?? false }
            case .whenCount(let count, let library, let exceeds):
                let database = try KilledLibrary.open(library)
                // A read the running command holds up is asked again at the next turn.
                return { _ in
                    let value = try? database.read { try Int.fetchOne($0, sql: count) }
                    return (value ?? nil).map { $0 > exceeds } ?? false
                }
            }
        }

        private static func inode(of path: String) -> ino_t? {
            var status = stat()
            return stat(path, &status) == 0 ? status.st_ino : nil
        }
    }

    enum Outcome: Equatable, CustomStringConvertible {
        case killed
        /// It finished before the instant came.
        case exited(Int32)
        /// The instant never came: it was killed after the timeout.
        case timedOut

        var description: String {
            switch self {
            case .killed: "killed"
            case .exited(let code): "exited with \(code) before the kill"
            case .timedOut: "killed after the timeout, the instant never came"
            }
        }
    }

    /// Runs `tapescript arguments…` against the workspace's library and kills it at `instant`, unless it finishes
    /// first; gives up on it after `timeoutSeconds`.
    static func run(
        _ arguments: [String], in workspace: Workspace, killAt instant: Instant, timeoutSeconds: Double = 120
    ) async throws -> Outcome {
        guard let binary = CLI.binary else { throw CLIError(description: "cannot find the built 'tapescript'") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.environment = CLI.environment(in: workspace.path, adding: ["TAPESCRIPT_LIBRARY": workspace.library])
        process.currentDirectoryURL = URL(fileURLWithPath: workspace.path)
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        let isDue = try instant.watch()
        let exited = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in exited.signal() }
        try process.run()
        let start = ContinuousClock.now
        // The watch polls every 100 µs on a thread of its own, not on the tests' shared pool.
        return await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                var timedOut = false
                while process.isRunning {
                    timedOut = ContinuousClock.now - start > .seconds(timeoutSeconds)
                    if timedOut || isDue(start) {
                        kill(process.processIdentifier, SIGKILL)
                        break
                    }
                    usleep(100)
                }
                exited.wait()
                let killed = process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGKILL
                continuation.resume(
                    returning: timedOut ? .timedOut : killed ? .killed : .exited(process.terminationStatus))
            }
        }
    }
}

/// What a killed run left in the library file, read through GRDB (every connection closes before the next run, so
/// that the log is empty again).
enum KilledLibrary {
    /// A connection that waits while a running command holds the library (as it opens or closes it).
    static func open(_ path: String) throws -> DatabaseQueue {
        var configuration = Configuration()
        configuration.busyMode = .timeout(5)
        return try DatabaseQueue(path: path, configuration: configuration)
    }

    /// `PRAGMA integrity_check`: "ok" when SQLite finds nothing wrong.
    static func integrity(of path: String) throws -> String {
        try read(path) { db in try String.fetchAll(db, sql: "PRAGMA integrity_check").joined(separator: "; ") }
    }

    static func read<T>(_ path: String, _ body: (Database) throws -> T) throws -> T {
        let database = try open(path)
        defer { try? database.close() }
        return try database.read(body)
    }
}
