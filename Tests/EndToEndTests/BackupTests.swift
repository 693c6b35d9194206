import Foundation
import Testing

/// `backup` writes a private, consistent copy that Tapescript opens as a library, and never writes over a file.
@Suite struct BackupTests {
    let workspace: Workspace

    init() throws { workspace = try Workspace() }

    @Test func aBackupIsAPrivateLibraryWithTheSameInterviews() async throws {
        try await workspace.importRecording(CLI.sample("call-stereo.wav"))
        #expect(try await workspace.run("mark", "1", "1-2", "--title", "Early years").exitCode == 0)
        let copy = workspace.file("backup.sqlite")

        let result = try await workspace.run("backup", copy)

        #expect(result.exitCode == 0, "\(result)")
        #expect(result.stdout == "wrote a copy of \(workspace.library) to \(copy)\n")
        let mode = try FileManager.default.attributesOfItem(atPath: copy)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let original = try await workspace.snapshot()
        let restored = try await workspace.run("list", "--json", environment: ["TAPESCRIPT_LIBRARY": copy])
        #expect(restored.stdout == original.list)
        let highlights = try await workspace.run("highlights", "1", "--library", copy)
        #expect(highlights.stdout.contains("Early years"))
    }

    @Test func anExistingFileIsNeverWrittenOver() async throws {
        try await workspace.importRecording(CLI.sample("call-stereo.wav"))
        let existing = workspace.file("notes.txt")
        try Data("my notes".utf8).write(to: URL(fileURLWithPath: existing))

        let result = try await workspace.run("backup", existing)

        #expect(result.exitCode == 1)
        #expect(result.stderrLines.count == 1)
        #expect(result.stderr.contains("already exists"))
        #expect(try String(contentsOfFile: existing, encoding: .utf8) == "my notes")
    }

    @Test func aFolderThatDoesNotExistLeavesNothingBehind() async throws {
        try await workspace.importRecording(CLI.sample("call-stereo.wav"))

        let result = try await workspace.run("backup", workspace.file("missing/backup.sqlite"))

        #expect(result.exitCode == 1)
        #expect(result.stderr.contains("cannot create"))
        #expect(!FileManager.default.fileExists(atPath: workspace.file("missing")))
    }

    @Test func noLibraryYetIsSaidAsSuch() async throws {
        let result = try await workspace.run("backup", workspace.file("backup.sqlite"))

        #expect(result.exitCode == 1)
        #expect(result.stderr.contains("there is no library"))
    }
}
