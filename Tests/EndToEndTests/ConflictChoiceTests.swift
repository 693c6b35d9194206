import Foundation
import Testing

/// Conflicts — segments changed both here and by the author since the draft — are decided one by one: per
/// segment with `--take 2=author,4=mine` in a script, by a question per conflict on a terminal.
@Suite struct ConflictChoiceTests {
    let workspace: Workspace

    init() throws { workspace = try Workspace() }

    static let mine2 = "My own second answer."
    static let mine4 = "My own fourth answer."

    /// The round trip with segments 2 and 4 changed here after draft 1 went out: the author's reply
    /// (a-edited.txt) changes both too.
    private func setUpConflicts() async throws -> (reply: String, expected: RoundTrip.Expected) {
        try await RoundTrip.setUp(workspace)
        try await RoundTrip.succeed(workspace, "text", "1", "2", Self.mine2)
        try await RoundTrip.succeed(workspace, "text", "1", "4", Self.mine4)
        return (RoundTrip.fixture("a-edited.txt"), try RoundTrip.expected("a-edited.txt"))
    }

    @Test func eachConflictTakesTheSideItsSegmentIsGiven() async throws {
        let (reply, expected) = try await setUpConflicts()

        try await RoundTrip.succeed(workspace, "apply", reply, "--yes", "--take", "2=author,4=mine")

        let texts = try await workspace.texts("1")
        #expect(texts[1] == expected.texts["2"])
        #expect(texts[3] == Self.mine4)
        #expect(try await RoundTrip.history(of: 2, in: workspace).last?.origin == "author")
    }

    @Test func aConflictLeftUndecidedAppliesNothing() async throws {
        let (reply, _) = try await setUpConflicts()
        let before = try await workspace.editState("1")

        let result = try await workspace.run("apply", reply, "--yes", "--take", "2=author")

        #expect(result.exitCode == 1, "\(result)")
        #expect(result.errorLines.count == 1, "\(result)")
        #expect(result.stderr.contains("1 segment was changed both here and by the author"), "\(result)")
        #expect(try await workspace.editState("1") == before)
    }

    @Test(arguments: ["2=bogus", "x=author", "2=author,2=mine", ""])
    func aChoiceThatIsNotOneIsAUsageError(take: String) async throws {
        let (reply, _) = try await setUpConflicts()

        let result = try await workspace.run("apply", reply, "--yes", "--take", take)

        #expect(result.exitCode == 64, "\(result)")
    }

    @Test(.enabled(if: PseudoTerminal.isAvailable, "needs util-linux script"))
    func onATerminalEachConflictIsAskedAndCanBeMergedInTheEditor() async throws {
        let (reply, expected) = try await setUpConflicts()
        let editor = workspace.file("merge-editor")
        try Data("#!/bin/sh\nprintf 'Merged by hand.\\n' > \"$1\"\n".utf8).write(to: URL(fileURLWithPath: editor))
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: editor)

        let result = try await workspace.runInTerminal(
            ["apply", reply], environment: ["EDITOR": editor], stdin: Data("e\na\ny\n".utf8))

        #expect(result.exitCode == 0, "\(result)")
        #expect(result.stdout.contains("Conflict 1 of 2: segment 2"), "\(result)")
        let texts = try await workspace.texts("1")
        #expect(texts[1] == "Merged by hand.")
        #expect(texts[3] == expected.texts["4"])
        #expect(try await RoundTrip.history(of: 2, in: workspace).last?.origin == "interviewer")
    }
}
