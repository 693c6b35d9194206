import Foundation
import Testing

/// A library whose stored JSON was damaged behind Tapescript's back: the command that needs the damaged row fails
/// with one `Error:` line saying where the library is damaged, and no Swift in it.
@Suite struct DamagedLibraryTests {
    let workspace: Workspace

    init() throws { workspace = try Workspace() }

    private func expectDamageNamed(
        _ result: CLIResult, _ subject: String, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        expectOneErrorLine(result, naming: subject, sourceLocation: sourceLocation)
        #expect(result.stderr.contains("is damaged"), "\(result)", sourceLocation: sourceLocation)
        #expect(!result.stderr.contains("DecodingError"), "\(result)", sourceLocation: sourceLocation)
    }

    @Test func aJournalEntryThatDoesNotReadStopsUndoWithOneLine() async throws {
        try await workspace.importRecording(CLI.sample("call-stereo.wav"))
        try await RoundTrip.succeed(workspace, "mark", "1", "2")
        try LibraryFile.execute("UPDATE edit SET before = X'00FF'", on: workspace.library)

        let result = try await workspace.run("undo", "1")

        expectDamageNamed(result, "undo history of interview 'call-stereo'")
    }

    @Test func aDraftThatDoesNotReadStopsApplyWithOneLine() async throws {
        try await workspace.importRecording(CLI.sample("call-stereo.wav"))
        try await RoundTrip.succeed(workspace, "mark", "1", "2")
        try await RoundTrip.succeed(workspace, "text", "1", "2", "Well, I started early.")
        try await RoundTrip.succeed(workspace, "draft", "1", "-o", workspace.file("draft.txt"))
        try LibraryFile.execute(#"UPDATE draft SET paragraphs = '{"not": "paragraphs"}'"#, on: workspace.library)

        let result = try await workspace.run("apply", workspace.file("draft.txt"), "--yes")

        expectDamageNamed(result, "draft 1 of interview 'call-stereo'")
    }
}
