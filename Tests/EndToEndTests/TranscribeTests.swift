import Foundation
import GRDB
import Testing

/// `tapescript transcribe` through the built binary: a real whisper.cpp on real speech when `make engine` has set
/// one up (CI does), a small script as the `command` engine, and what is kept when a run is interrupted.
@Suite struct TranscribeTests {
    let workspace: Workspace

    init() throws { workspace = try Workspace() }

    /// The cache `make engine` installs into, as the user running the tests has it (the workspace has a HOME
    /// of its own).
    static let engineEnvironment: [String: String] = {
        let environment = ProcessInfo.processInfo.environment
        let cache = environment["XDG_CACHE_HOME"] ?? (environment["HOME"] ?? NSHomeDirectory()) + "/.cache"
        return ["XDG_CACHE_HOME": cache]
    }()

    static let engineInstalled: Bool = {
        let cache = engineEnvironment["XDG_CACHE_HOME"] ?? ""
        return FileManager.default.isExecutableFile(atPath: cache + "/tapescript/engine/bin/whisper-cli")
            && FileManager.default.fileExists(atPath: cache + "/tapescript/engine/models/ggml-tiny.en.bin")
    }()

    /// whisper-ctranslate2 on the PATH and the CTranslate2 tiny.en `make engine` installs.
    static let fasterWhisperInstalled: Bool = {
        let cache = engineEnvironment["XDG_CACHE_HOME"] ?? ""
        let onPath = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").contains {
            FileManager.default.isExecutableFile(atPath: "\($0)/whisper-ctranslate2")
        }
        return onPath
            && FileManager.default.fileExists(atPath: cache + "/tapescript/engine/models/ct2-tiny.en/model.bin")
    }()

    /// A `command` engine: prints, as plain text, the name of the audio file it was given, after `delay` seconds;
    /// each call is logged in `engine-calls.log`.
    func fakeEngine(delay: Double = 0) throws -> String {
        let path = workspace.file("fake-engine")
        let log = PseudoTerminal.quoted(workspace.file("engine-calls.log"))
        let script = "#!/bin/sh\necho \"$1\" >> \(log)\nsleep \(delay)\necho \"heard $(basename \"$1\" .wav)\"\n"
        try script.write(toFile: path, atomically: true, encoding: .utf8)
        chmod(path, 0o755)
        return path
    }

    func machineRowCount() throws -> Int {
        try KilledLibrary.read(workspace.library) { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM textRevision WHERE origin = 'machine'") ?? 0
        }
    }

    @Test(.enabled(if: engineInstalled, "needs `make engine` (whisper-cli and tiny.en in the cache)"))
    func whisperCppWritesTheWordsOfRealSpeechIntoTheirSegmentsAndNeverOverAPersons() async throws {
        let imported = try await workspace.importRecording(CLI.sample("speech-librivox.wav"))
        try #require(imported.segments >= 5)
        let typed = "Typed by the interviewer."
        #expect(try await workspace.run("text", "1", "3", typed).exitCode == 0)

        let check = try await workspace.run(["transcribe", "--check"], environment: Self.engineEnvironment)
        #expect(check.exitCode == 0 && check.stdout.contains("whisper.cpp"), "\(check)")
        let result = try await workspace.run(
            ["transcribe", "1", "--all", "--json"], environment: Self.engineEnvironment)

        #expect(result.exitCode == 0, "\(result)")
        let report = try #require(try jsonObject(result.stdout) as? [String: Any])
        #expect(report["keptHuman"] as? [Int] == [3])
        let texts = try await workspace.texts("1")
        #expect(texts[2] == typed)
        let first = texts[0]?.lowercased() ?? ""
        #expect(first.contains("dashwood") && first.contains("leisure"), "\(texts)")
        let all = texts.compactMap { $0 }.joined(separator: " ").lowercased()
        for phrase in ["ill-disposed young man", "amiable woman", "made amiable himself"] {
            #expect(all.contains(phrase), "\(texts)")
        }
        let history = try await workspace.run("history", "1", "1", "--json")
        #expect(history.stdout.contains("\"machine\""), "\(history)")

        let again = try await workspace.run(
            ["transcribe", "1", "--all", "--overwrite-machine"], environment: Self.engineEnvironment)
        #expect(again.exitCode == 0, "\(again)")
        #expect(try await workspace.texts("1")[2] == typed)
    }

    @Test(
        .enabled(
            if: fasterWhisperInstalled,
            "needs whisper-ctranslate2 on the PATH (pip install whisper-ctranslate2) and `make engine`"))
    func fasterWhisperWritesTheWordsOfRealSpeech() async throws {
        _ = try await workspace.importRecording(CLI.sample("speech-librivox.wav"))
        var environment = Self.engineEnvironment
        environment["PATH"] = ProcessInfo.processInfo.environment["PATH"]
        let result = try await workspace.run(
            ["transcribe", "1", "--all", "--engine", "faster-whisper"], environment: environment)

        #expect(result.exitCode == 0, "\(result)")
        let all = try await workspace.texts("1").compactMap { $0 }.joined(separator: " ").lowercased()
        for phrase in ["dashwood", "young man", "amiable woman", "amiable himself"] {
            #expect(all.contains(phrase), "\(all)")
        }
    }

    @Test func withoutAnEngineCheckSaysHowToInstallOne() async throws {
        let result = try await workspace.run(
            ["transcribe", "--check"],
            environment: ["PATH": "/usr/bin:/bin", "XDG_CACHE_HOME": workspace.file("empty-cache")])
        #expect(result.exitCode == 1)
        #expect(result.stderr.contains("make engine") && result.stderr.contains("whisper"), "\(result)")
    }

    @Test func aCommandEngineGetsOneSegmentPerCallWhenItPrintsText() async throws {
        _ = try await workspace.importRecording(CLI.sample("interview-mono.wav"))
        #expect(try await workspace.run("mark", "1", "2-3").exitCode == 0)
        let engine = try fakeEngine()

        let result = try await workspace.run(
            "transcribe", "1", "--engine", "command", "--engine-path", engine, "--engine-output", "text")

        #expect(result.exitCode == 0, "\(result)")
        let texts = try await workspace.texts("1")
        #expect(texts[0] == nil)
        #expect(texts[1]?.hasPrefix("heard window-") ?? false, "\(texts)")
        #expect(texts[2]?.hasPrefix("heard window-") ?? false)
        #expect(texts[1] != texts[2])
        #expect(result.stderr.contains("Transcribed 2 segments"), "\(result)")
    }

    @Test func ctrlCKeepsWhatIsDoneAndTheNextRunGoesOn() async throws {
        let imported = try await workspace.importRecording(CLI.sample("interview-mono.wav"))
        let engine = try fakeEngine(delay: 2)
        let arguments = [
            "transcribe", "1", "--all", "--jobs", "1", "--engine", "command", "--engine-path", engine,
            "--engine-output", "text",
        ]
        guard let binary = CLI.binary else { throw CLIError(description: "cannot find the built 'tapescript'") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.environment = CLI.environment(in: workspace.path, adding: ["TAPESCRIPT_LIBRARY": workspace.library])
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        let errors = workspace.file("transcribe.stderr")
        FileManager.default.createFile(atPath: errors, contents: nil)
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errors))
        try process.run()
        // Interrupted during the engine's third call: the first two windows are done. The watch runs on a thread
        // of its own: the tests' shared pool can be too busy to wake a sleeping task in time.
        let calls = workspace.file("engine-calls.log")
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            Thread.detachNewThread {
                let deadline = ContinuousClock.now + .seconds(120)
                while process.isRunning, ContinuousClock.now < deadline,
                    ((try? String(contentsOfFile: calls, encoding: .utf8)) ?? "").split(separator: "\n").count < 3
                {
                    usleep(5_000)
                }
                kill(process.processIdentifier, SIGINT)
                process.waitUntilExit()
                continuation.resume()
            }
        }

        let said = (try? String(contentsOfFile: errors, encoding: .utf8)) ?? ""
        let callCount = ((try? String(contentsOfFile: calls, encoding: .utf8)) ?? "").split(separator: "\n").count
        #expect(
            process.terminationReason == .exit && process.terminationStatus == 130,
            "status \(process.terminationStatus), \(callCount) calls: \(said)")
        let kept = try machineRowCount()
        #expect(kept >= 1 && kept < imported.segments, "kept \(kept) of \(imported.segments)")

        let resumed = try await workspace.run(arguments)
        #expect(resumed.exitCode == 0, "\(resumed)")
        #expect(try machineRowCount() == imported.segments)
        #expect(try await workspace.texts("1").allSatisfy { $0 != nil })
    }

    /// Review shows machine text marked `≈`; typing over it is a new version, the interviewer's, on top.
    @Test(.enabled(if: TmuxSession.isAvailable, "needs tmux and the built tapescript"))
    func reviewMarksMachineTextAndACorrectionIsAPersonsVersionOnTop() async throws {
        _ = try await workspace.importRecording(CLI.sample("interview-mono.wav"))
        let engine = try fakeEngine()
        let result = try await workspace.run(
            "transcribe", "1", "1-2", "--engine", "command", "--engine-path", engine, "--engine-output", "text")
        #expect(result.exitCode == 0, "\(result)")

        let session = try TmuxSession.start(review: ["1"], in: workspace, width: 120)
        defer { session.kill() }
        let screen = try await session.waitFor("≈ heard window-")
        #expect(session.rows(of: screen).filter { $0.contains("≈ heard window-") }.count == 2, "\(screen)")
        try session.send("i")
        try await session.waitFor("text 1:")
        try session.send("C-u")
        try session.type("Corrected by me.")
        try session.send("Enter")
        let corrected = try await session.waitFor("Corrected by me.")
        #expect(!(session.rows(of: corrected).first { $0.contains("Corrected by me.") }?.contains("≈") ?? true))
        try session.send("q")
        _ = try await session.waitForExit()

        let history = try await workspace.run("history", "1", "1", "--json")
        let versions = try #require(try jsonObject(history.stdout) as? [[String: Any]])
        #expect(versions.map { $0["origin"] as? String } == ["machine", "interviewer"], "\(history)")
    }
}
