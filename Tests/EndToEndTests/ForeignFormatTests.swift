import Foundation
import Testing

/// Recordings libsndfile cannot open — a phone's voice memo above all — import through ffmpeg into a private FLAC
/// copy the library keeps; without ffmpeg the error says how to get it.
@Suite struct ForeignFormatTests {
    let workspace: Workspace

    init() throws { workspace = try Workspace() }

    /// Debian's `ffmpeg`; the tests that need it are skipped without one (CI installs it).
    static let ffmpeg: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/ffmpeg" }.first(where: FileManager.default.isExecutableFile)
    }()

    private var decodedFolder: String { workspace.file("library/library-decoded") }

    /// An AAC voice memo made from `sample` (played `loops` more times), as a phone writes it.
    private func makeMemo(from sample: String, named name: String, loops: Int = 0) throws -> String {
        guard let ffmpeg = Self.ffmpeg else { throw CLIError(description: "needs ffmpeg") }
        let memo = workspace.file(name)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: ffmpeg)
        process.arguments = [
            "-nostdin", "-v", "error", "-stream_loop", String(loops), "-i", sample, "-c:a", "aac", "-b:a", "64k", memo,
        ]
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw CLIError(description: "ffmpeg could not make \(name)") }
        return memo
    }

    private func decodedCopies() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: decodedFolder)) ?? []).sorted()
    }

    @Test(.enabled(if: ffmpeg != nil, "needs ffmpeg (Debian: apt-get install ffmpeg)"))
    func aVoiceMemoImportsThroughFFmpegIntoAPrivateCopyThatGoesWithTheInterview() async throws {
        let memo = try makeMemo(from: CLI.sample("interview-mono.wav"), named: "Voice Memo 12.m4a")
        let original = try await workspace.importRecording(CLI.sample("interview-mono.wav"))

        let result = try await workspace.run("import", "--json", memo)

        #expect(result.exitCode == 0, "\(result)")
        #expect(result.stderr.contains("ffmpeg decoded it"), "\(result)")
        let report = try decodeJSON(ImportedInterview.self, from: result.stdout)
        #expect(report.slug == "voice-memo-12")
        #expect(abs(report.duration - original.duration) < 0.25, "as long as the recording, but AAC's priming")
        #expect(abs(report.segments - original.segments) <= 2, "segmented like the recording: \(report)")
        let copies = decodedCopies()
        #expect(copies.count == 1 && copies.first?.hasSuffix(".flac") == true, "\(copies)")
        let copy = decodedFolder + "/" + (copies.first ?? "")
        #expect(try filePermissions(copy) == 0o600)
        #expect(try filePermissions(decodedFolder) == 0o700)

        // The copy is what plays and exports: a clip of the memo's first segment comes out of it.
        #expect(try await workspace.run("mark", report.slug, "1").exitCode == 0)
        let clips = try await workspace.run("clips", report.slug, "-o", workspace.file("clips"))
        #expect(clips.exitCode == 0, "\(clips)")

        let again = try await workspace.run("import", memo)
        expectOneErrorLine(again, naming: "'\(memo)' holds the same audio as interview 'voice-memo-12'")
        #expect(decodedCopies() == copies, "refusing the same memo leaves its copy")

        // The samples piped on import are the copy's: read back through libsndfile, it is the same audio.
        let relinked = try await workspace.run("relink", report.slug, copy)
        #expect(relinked.exitCode == 0, "\(relinked)")

        let deleted = try await workspace.run("delete", report.slug, "--yes")
        #expect(deleted.exitCode == 0, "\(deleted)")
        #expect(deleted.stdout.contains("the copy decoded on import"), "\(deleted)")
        #expect(decodedCopies().isEmpty)
        #expect(FileManager.default.fileExists(atPath: memo), "the user's memo is never touched")
    }

    @Test(.enabled(if: ffmpeg != nil, "needs ffmpeg (Debian: apt-get install ffmpeg)"))
    func aLostCopyComesBackByRelinkingTheMemoAndOtherAudioIsRefused() async throws {
        let memo = try makeMemo(from: CLI.sample("interview-mono.wav"), named: "memo.m4a")
        let other = try makeMemo(from: CLI.sample("call-stereo.wav"), named: "other.m4a")
        let report = try await workspace.importRecording(memo)
        let copy = decodedFolder + "/" + (decodedCopies().first ?? "")
        try FileManager.default.removeItem(atPath: copy)

        let refused = try await workspace.run("relink", report.slug, other)
        let relinked = try await workspace.run("relink", report.slug, memo)

        expectOneErrorLine(refused, naming: "other.m4a")
        #expect(relinked.exitCode == 0, "\(relinked)")
        #expect(relinked.stdout.contains(copy), "it plays from the library's copy again: \(relinked)")
        #expect(FileManager.default.fileExists(atPath: copy))
        #expect(decodedCopies().count == 1, "the other memo left nothing behind")
    }

    @Test(.enabled(if: ffmpeg != nil, "needs ffmpeg (Debian: apt-get install ffmpeg)"))
    func aFileNeitherLibsndfileNorFFmpegReadsIsRefusedAndLeavesNothing() async throws {
        let notes = workspace.file("notes.m4a")
        try Data("not a recording at all\n".utf8).write(to: URL(fileURLWithPath: notes))

        let result = try await workspace.run("import", notes)

        expectOneErrorLine(result, naming: "and ffmpeg cannot decode it either")
        #expect(result.stderr.contains("format not recognised"), "\(result)")
        #expect(!FileManager.default.fileExists(atPath: workspace.library), "no library is made for nothing")
        #expect(!FileManager.default.fileExists(atPath: decodedFolder))
    }

    @Test func withoutFFmpegTheErrorSaysHowToInstallIt() async throws {
        let notes = workspace.file("memo.m4a")
        try Data("AAC would be here\n".utf8).write(to: URL(fileURLWithPath: notes))

        let result = try await workspace.run("import", notes, environment: ["PATH": "/nonexistent"])

        expectOneErrorLine(result, naming: "sudo apt-get install ffmpeg")
        #expect(!FileManager.default.fileExists(atPath: workspace.library))
    }

    @Test(.enabled(if: ffmpeg != nil, "needs ffmpeg (Debian: apt-get install ffmpeg)"))
    func importShowsABarWithRateAndTimeLeftOnATerminalAndNothingInAPipe() async throws {
        let memo = try makeMemo(from: CLI.sample("call-stereo.wav"), named: "call.m4a", loops: 12)

        let onTerminal = try await workspace.runInTerminal(["import", memo])
        let quiet = try await workspace.run("import", "--json", CLI.sample("interview-mono.wav"))

        #expect(onTerminal.exitCode == 0, "\(onTerminal)")
        #expect(onTerminal.stdout.contains("importing call.m4a █"), "\(onTerminal)")
        #expect(onTerminal.stdout.contains(" MB"), "\(onTerminal)")
        #expect(!quiet.stderr.contains("importing"), "\(quiet)")
        #expect(!quiet.stderr.contains("█"), "\(quiet)")
    }
}

func filePermissions(_ path: String) throws -> Int {
    let attributes = try FileManager.default.attributesOfItem(atPath: path)
    return (attributes[.posixPermissions] as? NSNumber)?.intValue ?? -1
}
