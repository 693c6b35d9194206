import Foundation
import Testing

/// A review screen open while another program writes the same library: it notices, shows the library as it is
/// now, and an edit begun on text that has since changed does not replace it silently.
@Suite(.serialized) struct ReviewOutsideChangeTests {
    let workspace: Workspace

    init() throws { workspace = try Workspace() }

    private func succeed(_ arguments: String...) async throws {
        let result = try await workspace.run(arguments)
        #expect(result.exitCode == 0, "\(result)")
    }

    @Test(.enabled(if: TmuxSession.isAvailable, "needs tmux and the built tapescript"))
    func editsByAnotherProgramShowOnTheOpenScreen() async throws {
        let (session, id) = try await workspace.openReviewOnCall()
        defer { session.kill() }

        try await succeed("text", id, "2", "Written by a script meanwhile.")
        try await succeed("mark", id, "3-4", "--title", "From the script")

        try await session.waitFor("changed by another program")
        try await session.waitFor("Written by a script meanwhile.")
        // The screen knows of the highlight the script made: `m` on it takes it back (a stale screen would try to
        // mark it and be refused with "crosses highlight 1").
        try session.send("G")
        try session.send("m")
        try await session.waitFor("unmarked highlight 1")
        try session.send("q")
        _ = try await session.waitForExit()
        #expect(try await workspace.highlightNumbers(id) == [nil, nil, nil, nil])
    }

    @Test(.enabled(if: TmuxSession.isAvailable, "needs tmux and the built tapescript"))
    func aTextEditBegunBeforeAnOutsideChangeKeepsBothVersionsAndSaysSo() async throws {
        let (session, id) = try await workspace.openReviewOnCall()
        defer { session.kill() }
        try session.send("i")
        try await session.waitFor("text 1:")

        try await succeed("text", id, "1", "The script's words.")
        try session.type("The reviewer's words.")
        try session.send("Enter")

        try await session.waitFor("changed elsewhere too")
        #expect(try await workspace.texts(id)[0] == "The reviewer's words.")
        let history = try await workspace.run("history", id, "1", "--json")
        #expect(history.stdout.contains("The script's words."), "\(history)")
        #expect(history.stdout.contains("The reviewer's words."), "\(history)")
        try session.send("q")
        _ = try await session.waitForExit()
    }
}
