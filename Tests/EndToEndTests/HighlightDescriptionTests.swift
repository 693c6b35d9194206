import Foundation
import Testing

/// `title` and `note` do for an existing highlight what only the review screen could: undoably, and with a
/// clear refusal for a highlight that is not there.
@Suite struct HighlightDescriptionTests {
    let workspace: Workspace

    init() throws { workspace = try Workspace() }

    struct ListedHighlight: Decodable, Equatable {
        var number: Int
        var title: String?
        var note: String?
    }

    private func highlights() async throws -> [ListedHighlight] {
        try decodeJSON([ListedHighlight].self, from: try await workspace.run("highlights", "1", "--json").stdout)
    }

    @Test func titleAndNoteDescribeAnExistingHighlightAndUndoTakesThemBack() async throws {
        try await workspace.importRecording(CLI.sample("call-stereo.wav"))
        #expect(try await workspace.run("mark", "1", "1-2").exitCode == 0)
        #expect(try await workspace.run("mark", "1", "3-4", "--title", "Later").exitCode == 0)

        let titled = try await workspace.run("title", "1", "1", "Early years")
        let noted = try await workspace.run("note", "1", "2", "ask her for the year")

        #expect(titled.stdout == "highlight 1 is now “Early years”\n", "\(titled)")
        #expect(noted.stdout == "noted highlight 2\n", "\(noted)")
        #expect(
            try await highlights() == [
                ListedHighlight(number: 1, title: "Early years", note: nil),
                ListedHighlight(number: 2, title: "Later", note: "ask her for the year"),
            ])
        #expect(try await workspace.run("note", "1", "2", "").exitCode == 0)
        #expect(try await highlights().last?.note == nil)
        #expect(try await workspace.run("undo", "1").exitCode == 0)
        #expect(try await workspace.run("undo", "1").exitCode == 0)
        #expect(try await workspace.run("undo", "1").exitCode == 0)
        #expect(try await highlights().first?.title == nil)
    }

    @Test func aHighlightKeepsItsNumberWhenOneIsMarkedBeforeItAndUndoGivesItBack() async throws {
        try await workspace.importRecording(CLI.sample("call-stereo.wav"))
        #expect(try await workspace.run("mark", "1", "3-4", "--title", "Later").stdout.contains("highlight 1"))

        let earlier = try await workspace.run("mark", "1", "1", "--title", "Early")
        let titled = try await workspace.run("title", "1", "1", "Later years")

        #expect(earlier.stdout.contains("as highlight 2"), "\(earlier)")
        #expect(titled.exitCode == 0, "\(titled)")
        #expect(
            try await highlights() == [
                ListedHighlight(number: 2, title: "Early", note: nil),
                ListedHighlight(number: 1, title: "Later years", note: nil),
            ], "listed in time order, each under the number it was given")
        #expect(try await workspace.run("unmark", "1", "1").exitCode == 0)
        let missing = try await workspace.run("title", "1", "2", "Gone")
        expectOneErrorLine(missing, naming: "there is no highlight 2; the only one is 1")
        #expect(try await workspace.run("undo", "1").exitCode == 0)
        #expect(try await highlights().map(\.number) == [2, 1])
    }

    @Test func aHighlightThatIsNotThereIsRefusedAndChangesNothing() async throws {
        try await workspace.importRecording(CLI.sample("call-stereo.wav"))
        #expect(try await workspace.run("mark", "1", "1-2").exitCode == 0)
        let before = try await workspace.snapshot()

        let result = try await workspace.run("title", "1", "3", "Nowhere")

        #expect(result.exitCode == 1, "\(result)")
        #expect(result.stderrLines.count == 1)
        #expect(try await workspace.snapshot() == before)
        #expect(try await workspace.run("title", "1", "1", "   ").exitCode == 64)
    }
}
