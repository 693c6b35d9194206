import Foundation
import Testing

/// A recording moved after import: `list` says so, importing it again says how to point the interview at it,
/// and `relink` does, once the file is heard to hold the same audio.
@Suite struct RelinkTests {
    let workspace: Workspace

    init() throws { workspace = try Workspace() }

    struct Listed: Decodable {
        var slug: String
        var path: String
        var recordingMissing: Bool
    }

    private func listed() async throws -> [Listed] {
        try decodeJSON([Listed].self, from: try await workspace.run("list", "--json").stdout)
    }

    @Test func aMovedRecordingIsMarkedOfferedAndRelinked() async throws {
        let original = workspace.file("call.wav")
        let moved = workspace.file("archive-call.wav")
        try FileManager.default.copyItem(atPath: CLI.sample("call-stereo.wav"), toPath: original)
        try await workspace.importRecording(original)
        try FileManager.default.moveItem(atPath: original, toPath: moved)

        #expect(try await listed().map(\.recordingMissing) == [true])
        let table = try await workspace.run("list")
        #expect(table.stdout.contains("missing"))
        #expect(table.stderr.contains("tapescript relink call NEWPATH"))

        let again = try await workspace.run("import", moved)
        #expect(again.exitCode == 1)
        #expect(
            again.stderrLines == [
                "Error: '\(moved)' holds the audio of interview 'call', whose recording is no longer at '\(original)'; "
                    + "to point the interview here: tapescript relink call '\(moved)'"
            ])

        let relinked = try await workspace.run("relink", "call", moved)

        #expect(relinked.exitCode == 0, "\(relinked)")
        #expect(relinked.stdout == "call now plays from \(moved)\n")
        #expect(try await listed().map(\.path) == [moved])
        #expect(try await listed().map(\.recordingMissing) == [false])
        #expect(try await workspace.run("list").stderr.isEmpty)
    }

    @Test func otherAudioIsRefusedAndChangesNothing() async throws {
        try await workspace.importRecording(CLI.sample("call-stereo.wav"))
        let before = try await workspace.snapshot()

        let result = try await workspace.run("relink", "1", CLI.sample("interview-mono.wav"))

        #expect(result.exitCode == 1)
        #expect(result.stderr.contains("is not the recording of interview 'call-stereo'"))
        #expect(try await workspace.snapshot() == before)
    }
}
