import Foundation
import Testing

/// The author's `[[comments]]` are kept with the draft they came back on: `history` and `highlights` show them,
/// `publish` never does, and applying the same reply twice keeps them once.
@Suite struct AuthorCommentTests {
    let workspace: Workspace

    init() throws { workspace = try Workspace() }

    static let comment = "Could we cut the Friday bit if it’s too long?"

    @Test func commentsAreKeptShownAndNeverPublished() async throws {
        try await RoundTrip.setUp(workspace)
        let reply = RoundTrip.fixture("a-edited.txt")
        try await RoundTrip.succeed(workspace, "apply", reply, "--yes")
        try await RoundTrip.succeed(workspace, "apply", reply, "--yes")

        let highlights = try await RoundTrip.succeed(workspace, "highlights", "1")
        #expect(highlights.stdout.components(separatedBy: Self.comment).count == 2, "once: \(highlights)")
        let json = try await RoundTrip.succeed(workspace, "highlights", "1", "--json")
        #expect(json.stdout.contains(Self.comment), "\(json)")
        let history = try await RoundTrip.succeed(workspace, "history", "1", "4")
        #expect(history.stdout.contains("Comments from the author"), "\(history)")
        #expect(history.stdout.contains("draft 1: \(Self.comment)"), "\(history)")
        for format in ["md", "html", "txt", "json"] {
            let published = try await RoundTrip.succeed(workspace, "publish", "1", "--format", format)
            #expect(!published.stdout.contains("Friday bit"), "\(format): \(published)")
        }
    }
}
