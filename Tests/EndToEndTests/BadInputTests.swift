import Foundation
import GRDB
import TapescriptTestSupport
import Testing

/// Bad files, bad libraries and bad arguments: each fails with one `Error:` line naming its cause, and leaves a
/// library that already holds an interview exactly as it was.
@Suite struct BadInputTests {
    let workspace: Workspace

    init() throws { workspace = try Workspace() }

    /// A library holding the mono sample, and what a user can see of it.
    private func libraryWithOneInterview() async throws -> LibrarySnapshot {
        try await workspace.importRecording(CLI.sample("interview-mono.wav"))
        return try await workspace.snapshot()
    }

    /// Imports `file` into the library that holds one interview, and checks that it fails with one error line
    /// containing `naming` and that the library is unchanged.
    private func expectImportFails(
        _ file: String, naming subject: String, sourceLocation: SourceLocation = #_sourceLocation
    ) async throws {
        let before = try await libraryWithOneInterview()

        let result = try await workspace.run("import", file)

        expectOneErrorLine(result, naming: subject, sourceLocation: sourceLocation)
        #expect(try await workspace.snapshot() == before, sourceLocation: sourceLocation)
    }

    @Test func aMissingFileIsNamed() async throws {
        try await expectImportFails("no-such-recording.wav", naming: "'no-such-recording.wav': no such file")
    }

    @Test func aDirectoryIsNotARecording() async throws {
        let folder = workspace.file("tapes.wav")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)

        try await expectImportFails(folder, naming: "it is a directory")
    }

    @Test func aTextFileNamedWavIsNotAudio() async throws {
        let file = workspace.file("notes.wav")
        try Data("These are my notes about the interview, not audio.\n".utf8).write(to: URL(fileURLWithPath: file))

        try await expectImportFails(file, naming: "notes.wav")
    }

    @Test func aWavWhoseRIFFTagIsOverwrittenIsNotAudio() async throws {
        let file = workspace.file("damaged-header.wav")
        var bytes = try Data(contentsOf: URL(fileURLWithPath: CLI.sample("interview-mono.wav")))
        bytes.replaceSubrange(0..<4, with: Data("XXXX".utf8))
        try bytes.write(to: URL(fileURLWithPath: file))

        try await expectImportFails(file, naming: "damaged-header.wav")
    }

    @Test func randomBytesAreNotAudio() async throws {
        let file = workspace.file("noise.wav")
        var random = SplitMix(seed: 42)
        let bytes = (0..<8192).map { _ in UInt8(truncatingIfNeeded: random.next()) }
        try Data(bytes).write(to: URL(fileURLWithPath: file))

        try await expectImportFails(file, naming: "noise.wav")
    }

    @Test func anEmptyFileIsNamedAsEmpty() async throws {
        let file = workspace.file("empty.wav")
        #expect(FileManager.default.createFile(atPath: file, contents: Data()))

        try await expectImportFails(file, naming: "empty.wav': the file is empty")
    }

    @Test func aWavWithOnlyAHeaderHoldsNoAudio() async throws {
        let file = workspace.file("header-only.wav")
        try TestRecording(sampleRate: 16_000, channelCount: 1, seconds: 0).write(to: file)

        try await expectImportFails(file, naming: "header-only.wav' holds no audio frames")
    }

    /// A 16 KB WAV whose header declares an impossible sample rate once took 10 s and 5.4 GB, then imported as a
    /// 0-second interview; a 1 Hz one imported as two hours.
    @Test(arguments: [2_147_483_647, 1_000_000_000, 1])
    func aSampleRateNoRecordingHasIsRefusedAtOnce(sampleRate: UInt32) async throws {
        let file = workspace.file("rate.wav")
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: CLI.sample("interview-mono.wav"))).prefix(16_384))
        // The fmt chunk of the sample: its sample rate at byte 24, the byte rate at 28.
        for index in 0..<4 {
            bytes[24 + index] = UInt8(truncatingIfNeeded: sampleRate >> (8 * index))
            bytes[28 + index] = UInt8(truncatingIfNeeded: (sampleRate &* 2) >> (8 * index))
        }
        try Data(bytes).write(to: URL(fileURLWithPath: file))

        try await expectImportFails(file, naming: "declares a sample rate of \(sampleRate) Hz")
    }

    @Test(arguments: ["/proc/tapescript/library.sqlite", "a-file/library.sqlite"])
    func aLibraryThatCannotBeCreatedIsNamed(library: String) async throws {
        // Root ignores permission bits, so the place must be impossible: inside /proc, or below a regular file.
        try Data("a file, not a folder\n".utf8).write(to: URL(fileURLWithPath: workspace.file("a-file")))
        let before = try await libraryWithOneInterview()

        let result = try await workspace.run("import", "--library", library, CLI.sample("call-stereo.wav"))

        expectOneErrorLine(result, naming: "cannot create the library at '\(library)'")
        #expect(!FileManager.default.fileExists(atPath: library.hasPrefix("/") ? library : workspace.file(library)))
        #expect(try await workspace.snapshot() == before)
    }

    @Test(arguments: [["import", CLI.sample("interview-mono.wav")], ["list"], ["segments", "1"]])
    func aLibraryThatIsNotSQLiteIsLeftAlone(command: [String]) async throws {
        let library = workspace.file("notes.sqlite")
        let text = Data("Interview schedule:\n- Monday, Jane\n- Tuesday, Joe\n".utf8)
        try text.write(to: URL(fileURLWithPath: library))

        let result = try await workspace.run(command + ["--library", library])

        expectOneErrorLine(result, naming: "'\(library)' is not a Tapescript library")
        #expect(try Data(contentsOf: URL(fileURLWithPath: library)) == text)
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: workspace.path).filter { $0.hasPrefix("notes") }
                == ["notes.sqlite"])
    }

    @Test func aLibraryFromANewerTapescriptIsRefusedAndLeftAlone() async throws {
        _ = try await libraryWithOneInterview()
        try LibraryFile.execute(
            "INSERT INTO grdb_migrations (identifier) VALUES ('v999: from the future')", on: workspace.library)
        let before = try LibraryFile.contents(of: workspace.library)

        let listed = try await workspace.run("list")
        let imported = try await workspace.run("import", CLI.sample("call-stereo.wav"))
        let segments = try await workspace.run("segments", "1")

        for result in [listed, imported, segments] {
            expectOneErrorLine(result, naming: "was written by a newer Tapescript")
            #expect(result.stderr.contains(workspace.library))
        }
        #expect(try LibraryFile.contents(of: workspace.library) == before)
        #expect(before.contains("v999: from the future"))
    }

    @Test(arguments: [["segments", "nobody"], ["segments", "99"], ["resegment", "nobody"], ["pauses", "nobody"]])
    func anUnknownInterviewIsNamed(command: [String]) async throws {
        let before = try await libraryWithOneInterview()

        let result = try await workspace.run(command)

        expectOneErrorLine(result, naming: "no interview '\(command[1])'")
        #expect(try await workspace.snapshot() == before)
    }

    @Test func readingAnInterviewWithoutALibraryDoesNotCreateOne() async throws {
        let result = try await workspace.run("segments", "interview-mono")

        expectOneErrorLine(result, naming: "no interview 'interview-mono'")
        #expect(!FileManager.default.fileExists(atPath: workspace.library))
    }

    @Test(arguments: ["", "   "])
    func anEmptyTitleIsAUsageError(title: String) async throws {
        let before = try await libraryWithOneInterview()

        let result = try await workspace.run("import", "--title", title, CLI.sample("call-stereo.wav"))

        expectUsageError(result, naming: "--title cannot be empty")
        #expect(try await workspace.snapshot() == before)
    }

    @Test(arguments: [
        ["resegment", "interview-mono", "--min-silence=-1"],
        ["resegment", "interview-mono", "--min-silence", "-1"],
        ["import", "--min-silence=-0.5", CLI.sample("call-stereo.wav")],
        ["pauses", "interview-mono", "--min-silence=-2"],
    ])
    func aNegativeMinimumSilenceIsAUsageError(command: [String]) async throws {
        let before = try await libraryWithOneInterview()

        let result = try await workspace.run(command)

        expectUsageError(result, naming: "--min-silence")
        #expect(try await workspace.snapshot() == before)
    }
}

/// Exit status 1 and exactly one line on standard error: `Error: …` containing `subject`; nothing on standard output.
func expectOneErrorLine(_ result: CLIResult, naming subject: String, sourceLocation: SourceLocation = #_sourceLocation)
{
    #expect(result.exitCode == 1, "\(result)", sourceLocation: sourceLocation)
    #expect(result.stderrLines.count == 1, "\(result)", sourceLocation: sourceLocation)
    #expect(result.stderrLines.first?.hasPrefix("Error: ") == true, "\(result)", sourceLocation: sourceLocation)
    #expect(result.stderr.contains(subject), "\(result)", sourceLocation: sourceLocation)
    #expect(result.stdout.isEmpty, "\(result)", sourceLocation: sourceLocation)
}

/// ArgumentParser's usage failure: exit status 64 and one `Error: …` line containing `subject` (a usage hint may
/// come with it).
func expectUsageError(_ result: CLIResult, naming subject: String, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(result.exitCode == 64, "\(result)", sourceLocation: sourceLocation)
    #expect(result.errorLines.count == 1, "\(result)", sourceLocation: sourceLocation)
    #expect(result.errorLines.first?.contains(subject) == true, "\(result)", sourceLocation: sourceLocation)
    #expect(result.stdout.isEmpty, "\(result)", sourceLocation: sourceLocation)
}

/// A library changed behind Tapescript's back, through GRDB.
// GRDB comes to this target through the `tapescript` executable; Package.swift does not list it here.
enum LibraryFile {
    static func execute(_ sql: String, on path: String) throws {
        let database = try DatabaseQueue(path: path)
        try database.write { try $0.execute(sql: sql) }
        try database.close()
    }

    /// The applied migrations, the interviews and the number of segments, one per line.
    static func contents(of path: String) throws -> [String] {
        let database = try DatabaseQueue(path: path)
        let contents = try database.read { db in
            try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY identifier")
                + String.fetchAll(db, sql: "SELECT id || ' ' || slug FROM interview ORDER BY id")
                + String.fetchAll(db, sql: "SELECT count(*) || ' segments' FROM segment")
        }
        try database.close()
        return contents
    }
}
