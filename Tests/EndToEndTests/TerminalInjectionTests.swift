import Foundation
import Testing

/// Text from outside — a reply's words, a title, a speaker's name, a file name — must never reach a terminal raw:
/// an OSC sequence retitled the terminal, `ESC[2J` cleared it, `ESC[8m` hid words in the diff being approved.
/// Control characters are removed where text enters the library, with a warning, and any already stored (by an
/// older Tapescript, or written behind its back) are drawn as pictures wherever text is shown to a person.
@Suite struct TerminalInjectionTests {
    let workspace: Workspace

    init() throws { workspace = try Workspace() }

    static let escape = "\u{1B}"
    static let hostile = "\u{1B}]0;pwned\u{07}\u{1B}[2J\u{1B}[8mhidden\u{9B}31m\u{7F}"

    private func expectNothingRaw(_ result: CLIResult, sourceLocation: SourceLocation = #_sourceLocation) {
        for output in [result.stdout, result.stderr] {
            let raw = output.unicodeScalars.filter {
                ($0.value < 0x20 && $0 != "\n" && $0 != "\t") || (0x7F...0x9F).contains($0.value)
            }
            #expect(
                raw.isEmpty, "raw control characters \(raw.map(\.value)) in \(result)", sourceLocation: sourceLocation)
        }
    }

    @Test func controlCharactersAreRemovedWhereTextEntersAndTheUserIsTold() async throws {
        let id = String(try await workspace.importRecording(CLI.sample("call-stereo.wav")).id)

        for arguments in [
            ["text", id, "2", "Words \(Self.hostile) kept"], ["mark", id, "1-2", "--title", "Title\(Self.hostile)"],
            ["speakers", id, "A=Andy\(Self.hostile)"],
        ] {
            let result = try await workspace.run(arguments)
            #expect(result.exitCode == 0, "\(result)")
            #expect(result.stderr.contains("removed 6 control characters"), "\(arguments): \(result)")
            expectNothingRaw(result)
        }

        let segments = try await workspace.run("segments", id, "--format", "json")
        #expect(!segments.stdout.contains("\\u001b"), "\(segments)")
        #expect(segments.stdout.contains("Words ]0;pwned[2J[8mhidden31m kept"), "\(segments)")
    }

    @Test func storedControlCharactersAreDrawnInEveryHumanListing() async throws {
        let id = String(try await workspace.importRecording(CLI.sample("call-stereo.wav")).id)
        _ = try await workspace.run("mark", id, "1-2", "--title", "Early")
        _ = try await workspace.run("text", id, "1", "Plain words.")
        // Written behind Tapescript's back, as a library from before this rule would hold them.
        let quoted = Self.hostile.replacing("'", with: "''")
        try LibraryFile.execute(
            """
            UPDATE interview SET title = 'Call\(quoted)';
            UPDATE highlight SET title = 'Early\(quoted)', note = 'Note\(quoted)';
            UPDATE textRevision SET text = 'Words\(quoted)';
            INSERT INTO speakerName (interviewId, channel, name) VALUES (1, 1, 'Jane\(quoted)');
            """, on: workspace.library)

        for arguments in [
            ["list"], ["segments", id], ["highlights", id], ["history", id, "1"], ["speakers", id],
            ["publish", id, "--format", "txt"], ["publish", id, "--format", "md"], ["segments", id, "--format", "srt"],
            ["list", "--json"], ["segments", id, "--format", "json"], ["highlights", id, "--json"],
        ] {
            let result = try await workspace.run(arguments)
            #expect(result.exitCode == 0, "\(arguments): \(result)")
            expectNothingRaw(result)
            if !arguments.contains("--json"), !arguments.contains("json") {
                #expect(result.stdout.contains("␛"), "\(arguments): \(result)")
            }
        }
    }

    @Test func aReplyCannotHideWordsInTheDiffBeingApproved() async throws {
        try await RoundTrip.setUp(workspace)
        let draft = try String(contentsOfFile: workspace.file("draft-1.txt"), encoding: .utf8)
        let reply = draft.replacingOccurrences(
            of: "asking around.", with: "asking around. \(Self.escape)[8mI never paid anyone.\(Self.escape)[0m")
        let path = workspace.file("reply.txt")
        try Data(reply.utf8).write(to: URL(fileURLWithPath: path))

        let result = try await workspace.run("apply", path, "--yes")

        #expect(result.exitCode == 0, "\(result)")
        expectNothingRaw(result)
        #expect(result.stdout.contains("{+[8mI never paid anyone.[0m+}"), "\(result)")
        #expect(result.stdout.contains("Removed 2 control characters"), "\(result)")
        let history = try await workspace.run("history", "1", "2", "--json")
        #expect(!history.stdout.contains("\\u001b"), "\(history)")
    }
}
