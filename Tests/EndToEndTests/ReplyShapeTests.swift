import Foundation
import Testing

/// Every shape a reply arrives in (the fixtures in `Fixtures/replies/shapes`, made by `make-shapes.py` with
/// Python's `email`, LibreOffice and the XML Word writes), carrying one set of author edits: words inserted,
/// deleted and replaced in a question and the answers, a paragraph added after each answer, a question deleted
/// and a [[comment]]. `apply --yes` must bring all of it back exactly; `score-shapes.py` prints the same as a table.
@Suite struct ReplyShapeTests {
    let workspace: Workspace

    init() throws { workspace = try Workspace() }

    static let folder = RoundTrip.folder.appendingPathComponent("shapes")

    static let shapes: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { !$0.hasSuffix(".json") && !$0.hasSuffix(".py") }.sorted()
    }()

    struct Expected: Decodable {
        var draft: Int
        var texts: [String: String?]
    }

    @Test func everyShapeIsThere() {
        #expect(Self.shapes.count == 19, "\(Self.shapes)")
    }

    @Test(arguments: shapes)
    func eachShapeComesBackExactly(shape: String) async throws {
        try await RoundTrip.setUp(workspace)
        let path = Self.folder.appendingPathComponent(shape).path
        let expected = try JSONDecoder().decode(
            Expected.self, from: Data(contentsOf: URL(fileURLWithPath: path + ".expected.json")))

        let result = try await workspace.run("apply", path, "--yes")

        #expect(result.exitCode == 0, "\(result)")
        #expect(result.stdout.contains("draft \(expected.draft)"), "\(result)")
        #expect(result.stdout.contains("Could we cut the Friday bit if it’s too long?"), "\(result)")
        let texts = try await workspace.texts("1")
        #expect(texts.count == 4)
        for (offset, text) in texts.enumerated() {
            #expect(text == expected.texts[String(offset + 1)] ?? nil, "segment \(offset + 1) of \(shape)")
        }
    }

    /// What the publication makes of it: the added paragraphs after the answers they follow, the deleted
    /// question gone without a trace, both highlights still there.
    @Test func theAdditionsArePublishedAndTheDeletionIsNot() async throws {
        try await RoundTrip.setUp(workspace)
        let applied = try await workspace.run(
            "apply", Self.folder.appendingPathComponent("word-track-changes.docx").path, "--yes")
        #expect(applied.exitCode == 0, "\(applied)")

        let published = try await workspace.run("publish", "1", "--format", "txt")

        #expect(published.exitCode == 0, "\(published)")
        let text = published.stdout
        #expect(text.contains("Jane: That manager — Maria — is still a friend; we have lunch every month."))
        #expect(text.contains("Jane: She retired last year, and I finally got to thank her properly."))
        #expect(!text.contains("And what came next"))
        #expect(!text.contains("[…]"))
        #expect(text.contains("Early years") && text.contains("Finding mentors"))
        let order = ["very first job", "asking around", "Maria", "A mentor found me", "thank her properly"]
        let positions = order.compactMap { text.range(of: $0)?.lowerBound }
        #expect(positions.count == order.count && positions == positions.sorted())
    }
}
