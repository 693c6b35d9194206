import Foundation
import Testing

/// What `draft -o` writes is the document as it is meant to be read by its reader.
@Suite struct DraftFileTests {
    let workspace: Workspace

    init() throws { workspace = try Workspace() }

    @Test func anEmailDraftIsTheMessageWithItsCRLFLineEnds() async throws {
        try await RoundTrip.setUp(workspace)
        let path = workspace.file("draft.eml")

        try await RoundTrip.succeed(workspace, "draft", "1", "--format", "eml", "--to", "jane@example.com", "-o", path)

        let message = try Data(contentsOf: URL(fileURLWithPath: path))
        let text = String(decoding: message, as: UTF8.self)
        #expect(text.hasPrefix("From: "), "\(text.prefix(200))")
        #expect(text.contains("\r\nTo: jane@example.com\r\n"), "\(text.prefix(200))")
        #expect(!text.contains("␍"), "\(text.prefix(200))")
    }
}
