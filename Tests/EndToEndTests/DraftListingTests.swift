import Foundation
import Testing

/// `drafts` lists what was sent — number, date, to whom, form, paragraphs — and which drafts were answered.
@Suite struct DraftListingTests {
    let workspace: Workspace

    init() throws { workspace = try Workspace() }

    struct Listed: Decodable, Equatable {
        var version: Int
        var sentAt: String
        var recipient: String?
        var format: String?
        var paragraphs: Int
        var answered: Bool
    }

    @Test func theDraftsSentAreListedAndTheAnsweredOneSaysSo() async throws {
        try await RoundTrip.setUp(workspace)
        // a-edited.txt is the author's edit of draft 1.
        try await RoundTrip.succeed(workspace, "apply", RoundTrip.fixture("a-edited.txt"), "--yes")

        let result = try await workspace.run("drafts", "1", "--json")

        #expect(result.exitCode == 0, "\(result)")
        let drafts = try decodeJSON([Listed].self, from: result.stdout)
        #expect(drafts.map(\.version) == [1, 2])
        #expect(drafts.map(\.format) == ["txt", "docx"])
        #expect(drafts.map(\.paragraphs) == [4, 4])
        #expect(drafts.map(\.answered) == [true, false])
        #expect(drafts.allSatisfy { $0.recipient == nil && ISO8601DateFormatter().date(from: $0.sentAt) != nil })
        #expect(result.stdout.contains("\"recipient\" : null"))

        let table = try await workspace.run("drafts", "1")
        let lines = table.stdout.split(separator: "\n")
        #expect(lines.first == "draft  sent              form  paragraphs  answered  to")
        #expect(lines.count == 3)
        #expect(lines[1].hasPrefix("    1  ") && lines[1].contains("txt") && lines[1].contains("yes"))
        #expect(lines[2].contains("docx") && lines[2].contains("no"))
    }

    @Test func noDraftsYetIsSaidOnStandardError() async throws {
        try await workspace.importRecording(CLI.sample("call-stereo.wav"))

        let result = try await workspace.run("drafts", "1")

        #expect(result.exitCode == 0)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("No drafts of call-stereo yet"))
        #expect(try await workspace.run("drafts", "1", "--json").stdout == "[\n\n]\n")
    }

    @Test func oneParagraphIsSaidInTheSingular() async throws {
        try await workspace.importRecording(CLI.sample("call-stereo.wav"))
        try await RoundTrip.succeed(workspace, "mark", "1", "1", "--title", "Opening")
        try await RoundTrip.succeed(workspace, "text", "1", "1", "How did you get started?")

        let result = try await workspace.run("draft", "1", "-o", workspace.file("draft.txt"))

        #expect(result.exitCode == 0, "\(result)")
        #expect(result.stderrLines == ["draft 1 of 'call-stereo': 1 paragraph"])
    }
}
