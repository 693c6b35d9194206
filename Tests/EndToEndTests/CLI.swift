import Foundation
import TapescriptTestSupport

/// What one run of the built `tapescript` binary did.
struct CLIResult: CustomStringConvertible {
    var exitCode: Int32
    var stdout: String
    var stderr: String

    /// The non-empty lines of standard error.
    var stderrLines: [String] { stderr.split(separator: "\n").map(String.init) }

    /// The lines of standard error that ArgumentParser or Tapescript wrote as errors.
    var errorLines: [String] { stderrLines.filter { $0.hasPrefix("Error: ") } }

    var description: String { "exit \(exitCode)\n--- stdout\n\(stdout)--- stderr\n\(stderr)" }
}

struct CLIError: Error, CustomStringConvertible {
    var description: String
}

/// Runs the built `tapescript` binary as a subprocess.
enum CLI {
    /// The package root: this file is `Tests/EndToEndTests/CLI.swift`.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func sample(_ name: String) -> String { packageRoot.appendingPathComponent("Samples/\(name)").path }

    /// `TAPESCRIPT_BIN`, else the `tapescript` in the build products folder the test runner lives in (or above).
    static let binary: String? = {
        let environment = ProcessInfo.processInfo.environment
        if let override = environment["TAPESCRIPT_BIN"], !override.isEmpty { return override }
        let starts = [Bundle.main.bundleURL, Bundle.main.executableURL, URL(fileURLWithPath: CommandLine.arguments[0])]
        for start in starts.compactMap({ $0 }) {
            var folder = start.standardizedFileURL
            for _ in 0..<6 {
                let candidate = folder.appendingPathComponent("tapescript").path
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory), !isDirectory.boolValue,
                    FileManager.default.isExecutableFile(atPath: candidate)
                {
                    return candidate
                }
                folder = folder.deletingLastPathComponent()
            }
        }
        return nil
    }()

    /// Runs `tapescript arguments…` in `folder`, with `environment` added to a clean copy of this process's
    /// environment (no `TAPESCRIPT_LIBRARY`, `HOME` and `XDG_DATA_HOME` inside `folder`, so a test never touches a
    /// real library). Output goes through files in `folder`, so a chatty child can never block on a full pipe.
    static func run(
        _ arguments: [String], in folder: String, environment: [String: String] = [:], stdin: Data? = nil,
        executable: String? = nil, timeoutSeconds: Double = 120
    ) async throws -> CLIResult {
        guard let binary = executable ?? binary else {
            throw CLIError(description: "cannot find the built 'tapescript'; run 'swift build' or set TAPESCRIPT_BIN")
        }
        let runID = UUID().uuidString
        let outPath = folder + "/.stdout-\(runID)"
        let errPath = folder + "/.stderr-\(runID)"
        let inPath = folder + "/.stdin-\(runID)"
        defer {
            for path in [outPath, errPath, inPath] { try? FileManager.default.removeItem(atPath: path) }
        }
        guard FileManager.default.createFile(atPath: outPath, contents: nil),
            FileManager.default.createFile(atPath: errPath, contents: nil),
            FileManager.default.createFile(atPath: inPath, contents: stdin ?? Data()),
            let outHandle = FileHandle(forWritingAtPath: outPath),
            let errHandle = FileHandle(forWritingAtPath: errPath),
            let inHandle = FileHandle(forReadingAtPath: inPath)
        else { throw CLIError(description: "cannot make the output files in \(folder)") }
        defer {
            try? outHandle.close()
            try? errHandle.close()
            try? inHandle.close()
        }

        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.environment = Self.environment(in: folder, adding: environment)
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        process.standardOutput = outHandle
        process.standardError = errHandle
        process.standardInput = inHandle

        let exitCode: Int32 = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { finished in continuation.resume(returning: finished.terminationStatus) }
            do {
                try process.run()
            } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: error)
                return
            }
            DispatchQueue.global().asyncAfter(deadline: .now() + timeoutSeconds) { [process] in
                if process.isRunning { process.terminate() }
            }
        }
        let stdout = try String(contentsOfFile: outPath, encoding: .utf8)
        let stderr = try String(contentsOfFile: errPath, encoding: .utf8)
        return CLIResult(exitCode: exitCode, stdout: stdout, stderr: stderr)
    }
}

extension CLI {
    /// A clean copy of this process's environment for a run in `folder` (see `run`), with `environment` added.
    static func environment(in folder: String, adding environment: [String: String]) -> [String: String] {
        var childEnvironment = ProcessInfo.processInfo.environment
        childEnvironment["TAPESCRIPT_LIBRARY"] = nil
        childEnvironment["NO_COLOR"] = nil
        childEnvironment["HOME"] = folder + "/home"
        childEnvironment["XDG_DATA_HOME"] = folder + "/home/.local/share"
        childEnvironment.merge(environment) { _, new in new }
        return childEnvironment
    }
}

/// A test's own folder and library. Keep it in a stored property of the suite, so that it lives as long as the test.
// Unchecked: nothing in it changes after init; the folder is only removed when the value goes away.
final class Workspace: @unchecked Sendable {
    private let folder: TemporaryFolder
    let path: String
    /// The library every `run` uses (through `TAPESCRIPT_LIBRARY`) unless the arguments name another.
    let library: String

    init() throws {
        folder = try TemporaryFolder()
        path = folder.path
        library = folder.file("library/library.sqlite")
    }

    func file(_ name: String) -> String { folder.file(name) }

    /// Runs `tapescript arguments…` against this workspace's library.
    func run(
        _ arguments: String..., environment: [String: String] = [:], stdin: Data? = nil
    ) async throws -> CLIResult {
        try await run(arguments, environment: environment, stdin: stdin)
    }

    func run(_ arguments: [String], environment: [String: String] = [:], stdin: Data? = nil) async throws -> CLIResult {
        var environment = environment
        if environment["TAPESCRIPT_LIBRARY"] == nil { environment["TAPESCRIPT_LIBRARY"] = library }
        return try await CLI.run(arguments, in: path, environment: environment, stdin: stdin)
    }

    /// Runs `tapescript arguments…` with a pseudo-terminal as its standard output and error, through util-linux
    /// `script`; what it wrote to the terminal comes back in `stdout`, with line ends as `\r\n`.
    func runInTerminal(
        _ arguments: [String], environment: [String: String] = [:], stdin: Data? = nil
    ) async throws -> CLIResult {
        guard let script = PseudoTerminal.script, let binary = CLI.binary else {
            throw CLIError(description: "needs util-linux 'script' and the built 'tapescript'")
        }
        var environment = environment
        if environment["TAPESCRIPT_LIBRARY"] == nil { environment["TAPESCRIPT_LIBRARY"] = library }
        // A real pager would wait for a key no test sends; the pager's own tests choose one.
        if environment["PAGER"] == nil { environment["PAGER"] = "cat" }
        let command = ([binary] + arguments).map(PseudoTerminal.quoted).joined(separator: " ")
        return try await CLI.run(
            ["--quiet", "--return", "--command", command, "/dev/null"], in: path, environment: environment,
            stdin: stdin, executable: script)
    }

    /// Imports `file` and returns its report (`import --json`), failing when the import does.
    @discardableResult
    func importRecording(_ file: String, title: String? = nil) async throws -> ImportedInterview {
        var arguments = ["import", "--json", file]
        if let title { arguments += ["--title", title] }
        let result = try await run(arguments)
        guard result.exitCode == 0 else { throw CLIError(description: "import of \(file) failed: \(result)") }
        return try JSONDecoder().decode(ImportedInterview.self, from: Data(result.stdout.utf8))
    }

    /// Everything a user can see of the library: `list --json` and every interview's `segments --format json`.
    func snapshot() async throws -> LibrarySnapshot {
        let list = try await run("list", "--json")
        guard list.exitCode == 0 else { throw CLIError(description: "list failed: \(list)") }
        let entries = try JSONDecoder().decode([ListedInterview].self, from: Data(list.stdout.utf8))
        var segments: [String] = []
        for entry in entries {
            let result = try await run("segments", String(entry.id), "--format", "json")
            guard result.exitCode == 0 else { throw CLIError(description: "segments failed: \(result)") }
            segments.append(result.stdout)
        }
        return LibrarySnapshot(list: list.stdout, segments: segments)
    }
}

/// util-linux `script`, which runs a command on a pseudo-terminal of its own.
enum PseudoTerminal {
    static let script: String? = {
        #if os(Linux)
            return ["/usr/bin/script", "/bin/script"].first { FileManager.default.isExecutableFile(atPath: $0) }
        #else
            // BSD script takes other options.
            return nil
        #endif
    }()

    static var isAvailable: Bool { script != nil }

    /// `text` in single quotes for `sh -c`.
    static func quoted(_ text: String) -> String { "'" + text.replacing("'", with: "'\\''") + "'" }
}

struct LibrarySnapshot: Equatable {
    var list: String
    var segments: [String]
}

struct ImportedInterview: Decodable {
    var id: Int
    var slug: String
    var title: String
    var duration: Double
    var segments: Int
    var markers: Int
    var truncated: Bool
    var missingSeconds: Double?
}

struct ListedInterview: Decodable, Equatable {
    var id: Int
    var slug: String
    var title: String
    var duration: Double
}

/// One row of `segments --format json`.
struct SegmentOutput: Decodable {
    var index: Int
    var start: Double
    var end: Double
    var speaker: String?
    var markers: [MarkerOutput]

    struct MarkerOutput: Decodable {
        var time: Double
        var label: String
    }
}

/// The parts of a `*.truth.json` the tests compare with.
struct Truth: Decodable {
    var durationSeconds: Double
    var utterances: [Utterance]
    var channelMap: [String: Int]?

    struct Utterance: Decodable {
        var speaker: String
        var startSeconds: Double
        var endSeconds: Double

        enum CodingKeys: String, CodingKey {
            case speaker
            case startSeconds = "start_s"
            case endSeconds = "end_s"
        }
    }

    enum CodingKeys: String, CodingKey {
        case durationSeconds = "duration_s"
        case utterances
        case channelMap = "channel_map"
    }

    static func load(sample: String) throws -> Truth {
        let stem = (sample as NSString).deletingPathExtension
        let data = try Data(contentsOf: URL(fileURLWithPath: CLI.sample(stem + ".truth.json")))
        return try JSONDecoder().decode(Truth.self, from: data)
    }
}

func decodeJSON<T: Decodable>(_ type: T.Type, from text: String) throws -> T {
    try JSONDecoder().decode(type, from: Data(text.utf8))
}

/// The JSON value of `text` as Foundation objects, to look at keys and nulls that `Decodable` hides.
func jsonObject(_ text: String) throws -> Any {
    try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
}
