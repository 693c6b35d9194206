import Foundation
import Testing

/// What `apply` tells about a reply besides the changes: the author's words that are not applied, and which part of
/// a mail the draft was read from.
@Suite struct ReplyReportTests {
    let workspace: Workspace

    init() throws { workspace = try Workspace() }

    static let postScript = "P.S. Could you add that it was in Leeds, in the spring of 1998?"

    /// Draft 1 quoted in a reply, with a P.S. typed under it before the signature.
    private func replyWithAPostScript() async throws -> String {
        try await RoundTrip.setUp(workspace)
        let draft = try String(contentsOfFile: workspace.file("draft-1.txt"), encoding: .utf8)
        let quoted = draft.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? ">" : "> \($0)" }
        let reply = workspace.file("reply.txt")
        try (["Jane wrote:"] + quoted + [Self.postScript, "", "-- ", "Jane Doe"]).joined(separator: "\n").write(
            toFile: reply, atomically: true, encoding: .utf8)
        return reply
    }

    @Test func wordsTypedAfterTheQuotedDraftAreShownAndNotApplied() async throws {
        let reply = try await replyWithAPostScript()

        let result = try await workspace.run("apply", reply, "--yes")

        #expect(result.exitCode == 0, "\(result)")
        #expect(
            result.stdout.contains("Words after the last paragraph (not applied)\n  \(Self.postScript)"), "\(result)")
        #expect(try await workspace.texts("1") == RoundTrip.original)
    }

    @Test func wordsTypedAfterTheQuotedDraftAreInTheJSON() async throws {
        let reply = try await replyWithAPostScript()

        let result = try await workspace.run("apply", reply, "--dry-run", "--json")

        #expect(result.exitCode == 0, "\(result)")
        struct Plan: Decodable { var wordsAfterDraft: [String] }
        #expect(try decodeJSON(Plan.self, from: result.stdout).wordsAfterDraft == [Self.postScript])
    }

    /// `i-top-posted-attached-txt.eml`: "my changes are in the attached copy" above the draft as sent, quoted, and
    /// the author's edited copy attached as text.
    @Test func theReportSaysWhichPartOfTheMailTheDraftWasReadFrom() async throws {
        try await RoundTrip.setUp(workspace)
        let mail = RoundTrip.fixture("i-top-posted-attached-txt.eml")

        let report = try await workspace.run("apply", mail, "--dry-run")
        let json = try await workspace.run("apply", mail, "--dry-run", "--json")

        #expect(report.exitCode == 0, "\(report)")
        #expect(report.stdout.contains("Read from the attached 'call-stereo-draft-1-jane.txt'"), "\(report)")
        struct Plan: Decodable {
            struct Source: Decodable, Equatable {
                var part: String
                var filename: String?
            }
            var source: Source
        }
        #expect(json.exitCode == 0, "\(json)")
        #expect(
            try decodeJSON(Plan.self, from: json.stdout).source
                == Plan.Source(part: "attachment", filename: "call-stereo-draft-1-jane.txt"))
    }

    @Test func anEditedFileSaysNothingOfWhereItWasRead() async throws {
        try await RoundTrip.setUp(workspace)

        let result = try await workspace.run("apply", RoundTrip.fixture("a-edited.txt"), "--dry-run")

        #expect(result.exitCode == 0, "\(result)")
        #expect(!result.stdout.contains("Read from"), "\(result)")
    }
}
