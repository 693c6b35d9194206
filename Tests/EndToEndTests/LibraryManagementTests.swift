import Foundation
import Testing

/// Managing the interviews themselves: a new slug, a new title, and deleting one — which asks first, says
/// what it removes, and never touches the recording's file.
@Suite struct LibraryManagementTests {
    let workspace: Workspace

    init() throws { workspace = try Workspace() }

    @Test func renameGivesANewSlugThatCommandsThenKnow() async throws {
        let imported = try await workspace.importRecording(CLI.sample("call-stereo.wav"))

        let renamed = try await workspace.run("rename", imported.slug, "jane-2026")

        #expect(renamed.exitCode == 0, "\(renamed)")
        #expect(renamed.stdout == "renamed \(imported.slug) to jane-2026\n")
        #expect(try await workspace.run("segments", "jane-2026").exitCode == 0)
        #expect(try await workspace.run("segments", imported.slug).exitCode == 1)
    }

    @Test(arguments: ["Jane", "12", "jane--doe", "jane_doe", "", String(repeating: "a", count: 41)])
    func aSlugThatCouldNotBeOneIsRefusedAndChangesNothing(slug: String) async throws {
        let imported = try await workspace.importRecording(CLI.sample("call-stereo.wav"))
        let before = try await workspace.snapshot()

        let result = try await workspace.run("rename", imported.slug, slug)

        #expect(result.exitCode == 1, "\(result)")
        #expect(result.stderrLines.count == 1)
        #expect(result.stderr.contains("cannot be a slug"))
        #expect(try await workspace.snapshot() == before)
    }

    @Test func aSlugAnotherInterviewHasIsRefused() async throws {
        try await workspace.importRecording(CLI.sample("call-stereo.wav"))
        let mono = try await workspace.importRecording(CLI.sample("interview-mono.wav"))

        let result = try await workspace.run("rename", mono.slug, "call-stereo")

        #expect(result.exitCode == 1)
        #expect(result.stderr.contains("another interview is already called 'call-stereo'"))
    }

    @Test func retitleKeepsTheSlugAndTakesOutControlCharacters() async throws {
        let imported = try await workspace.importRecording(CLI.sample("call-stereo.wav"))

        let result = try await workspace.run("retitle", "1", "Jane Doe\u{1B}[31m on\nmentors")

        #expect(result.exitCode == 0, "\(result)")
        let list = try await workspace.run("list", "--json")
        let entries = try decodeJSON([ListedInterview].self, from: list.stdout)
        #expect(entries.map(\.slug) == [imported.slug])
        #expect(entries.map(\.title) == ["Jane Doe[31m on mentors"])
        #expect(try await workspace.run("retitle", "1", "  ").exitCode == 1)
    }

    @Test func deleteWithoutATerminalNeedsYesAndOtherwiseChangesNothing() async throws {
        let imported = try await workspace.importRecording(CLI.sample("call-stereo.wav"))
        #expect(try await workspace.run("mark", "1", "1-2", "--title", "Early years").exitCode == 0)
        let before = try await workspace.snapshot()

        let refused = try await workspace.run("delete", imported.slug)

        #expect(refused.exitCode == 1)
        #expect(
            refused.stderrLines == [
                "Error: interview '\(imported.slug)' was not deleted; to delete it without being asked, add --yes"
            ])
        #expect(try await workspace.snapshot() == before)
    }

    @Test func deleteSaysWhatItRemovedAndLeavesTheRecordingAlone() async throws {
        let recording = workspace.file("call.wav")
        try FileManager.default.copyItem(atPath: CLI.sample("call-stereo.wav"), toPath: recording)
        let imported = try await workspace.importRecording(recording)
        try await workspace.importRecording(CLI.sample("interview-mono.wav"))
        #expect(try await workspace.run("mark", "1", "1-2", "--title", "Early years").exitCode == 0)
        #expect(try await workspace.run("text", "1", "1", "How did you get started?").exitCode == 0)

        let deleted = try await workspace.run("delete", imported.slug, "--yes")

        #expect(deleted.exitCode == 0, "\(deleted)")
        #expect(deleted.stdout.hasPrefix("deleted interview call (4 segments, 1 highlight, 1 text version, no drafts)"))
        #expect(FileManager.default.fileExists(atPath: recording))
        let entries = try decodeJSON([ListedInterview].self, from: try await workspace.run("list", "--json").stdout)
        #expect(entries.map(\.slug) == ["interview-mono"])
        // Nothing of it is left behind: the same audio imports again as new.
        let again = try await workspace.run("import", recording)
        #expect(again.exitCode == 0, "\(again)")
    }

    @Test func deleteAsksAtATerminalAndANoKeepsTheInterview() async throws {
        try await workspace.importRecording(CLI.sample("call-stereo.wav"))

        let answered = try await workspace.runInTerminal(["delete", "1"], stdin: Data("n\n".utf8))

        #expect(answered.stdout.contains("Delete interview call-stereo (4 segments, no highlights"))
        #expect(answered.stdout.contains("was not deleted"))
        let entries = try decodeJSON([ListedInterview].self, from: try await workspace.run("list", "--json").stdout)
        #expect(entries.count == 1)
    }
}
