import Foundation
import Testing

/// Conventions of a well-made command-line tool: machine output on every listing, addresses checked.
@Suite struct ConventionTests {
    let workspace: Workspace

    init() throws { workspace = try Workspace() }

    @Test func segmentsJSONIsTheSameAsFormatJSON() async throws {
        _ = try await workspace.importRecording(CLI.sample("call-stereo.wav"))
        let flag = try await workspace.run("segments", "1", "--json")
        let format = try await workspace.run("segments", "1", "--format", "json")
        #expect(flag.exitCode == 0 && flag.stdout == format.stdout, "\(flag)")
        #expect(try await workspace.run("segments", "1", "--json", "--format", "srt").exitCode == 64)
    }

    @Test func speakersJSONListsEveryChannelWithItsNameOrNull() async throws {
        _ = try await workspace.importRecording(CLI.sample("call-stereo.wav"))
        #expect(try await workspace.run("speakers", "1", "A=Andy").exitCode == 0)

        let result = try await workspace.run("speakers", "1", "--json")

        #expect(result.exitCode == 0, "\(result)")
        let rows = try #require(try jsonObject(result.stdout) as? [[String: Any]])
        #expect(rows.count == 2)
        #expect(rows[0]["speaker"] as? String == "A" && rows[0]["name"] as? String == "Andy")
        #expect(rows[1]["speaker"] as? String == "B" && rows[1]["name"] is NSNull, "\(result)")
    }

    @Test(arguments: [
        "jane", "jane@", "@example.org", "jane@example", "a@b.org, c@d.org", "jane@example.org\r\nBcc: x@y.org",
    ])
    func draftRefusesARecipientThatIsNotOneAddress(to: String) async throws {
        _ = try await workspace.importRecording(CLI.sample("call-stereo.wav"))
        #expect(try await workspace.run("mark", "1", "1-2").exitCode == 0)

        let result = try await workspace.run("draft", "1", "--format", "eml", "--to", to)

        #expect(result.exitCode == 64, "\(result)")
        #expect(result.stderr.contains("--to takes an e-mail address"), "\(result)")
        #expect(result.stdout.isEmpty)
    }

    @Test func theSenderComesFromEMAILWhenFromIsNotGiven() async throws {
        _ = try await workspace.importRecording(CLI.sample("call-stereo.wav"))
        #expect(try await workspace.run("mark", "1", "1-2").exitCode == 0)

        let result = try await workspace.run(
            ["draft", "1", "--format", "eml", "--to", "Jane <jane@example.org>"],
            environment: ["EMAIL": "andy@example.com"])

        #expect(result.exitCode == 0, "\(result)")
        #expect(result.stdout.contains("From: andy@example.com"), "\(result.stdout.prefix(400))")
    }

    @Test func aTitleInAnotherScriptGivesASlugThatSaysSomething() async throws {
        let imported = try await workspace.importRecording(CLI.sample("call-stereo.wav"), title: "日本語 インタビュー")
        #expect(imported.slug == "ri-ben-yu-intabyu")
        #expect(try await workspace.run("segments", imported.slug).exitCode == 0)
    }

    @Test func quietCommandsSayNothingButStillDoTheirWork() async throws {
        let imported = try await workspace.run("import", "-q", CLI.sample("call-stereo.wav"))
        let marked = try await workspace.run("mark", "1", "1-2", "--title", "Early years", "--quiet")
        let texted = try await workspace.run("text", "-q", "1", "1", "Hello.")
        let undone = try await workspace.run("undo", "1", "-q")

        for result in [imported, marked, texted, undone] {
            #expect(result.exitCode == 0 && result.stdout.isEmpty && result.stderr.isEmpty, "\(result)")
        }
        let segments = try decodeJSON(
            [SegmentOutput].self, from: try await workspace.run("segments", "1", "--json").stdout)
        #expect(segments.count == 4)
        #expect(try await workspace.highlightNumbers("1") == [1, 1, nil, nil])
        let failed = try await workspace.run("mark", "-q", "1", "9")
        #expect(failed.exitCode == 1 && failed.errorLines.count == 1, "errors are never quiet: \(failed)")
    }

    @Test func hintsGoToStandardErrorSoAPipeGetsOnlyData() async throws {
        let empty = try await workspace.run("list")
        _ = try await workspace.importRecording(CLI.sample("call-stereo.wav"))
        let highlights = try await workspace.run("highlights", "1")

        #expect(empty.exitCode == 0 && empty.stdout.isEmpty, "\(empty)")
        #expect(empty.stderr.hasPrefix("No interviews yet."), "\(empty)")
        #expect(highlights.stdout.isEmpty || !highlights.stdout.contains("No highlights yet"), "\(highlights)")
        #expect(highlights.stderr.contains("No highlights yet."), "\(highlights)")
    }

    @Test func highlightsJSONKeepsNullKeysAndTheMarkersInside() async throws {
        _ = try await workspace.importRecording(CLI.sample("call-stereo.wav"))
        try await RoundTrip.succeed(workspace, "mark", "1", "1-2")

        let result = try await workspace.run("highlights", "1", "--json")

        let entries = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(entries.count == 1)
        let entry = try #require(entries.first)
        #expect(entry["title"] is NSNull && entry["note"] is NSNull, "\(result)")
        let markers = try #require(entry["markers"] as? [[String: Any]], "\(result)")
        #expect(markers.count == 1 && markers.first?["label"] as? String == "great answer about the early years")
        #expect(markers.first?["origin"] as? String == "recorder")
    }

    @Test func countsAgreeWithTheirNouns() async throws {
        _ = try await workspace.importRecording(CLI.sample("call-stereo.wav"))
        try await RoundTrip.succeed(workspace, "mark", "1", "4")

        let crossing = try await workspace.run("mark", "1", "4")
        let unknown = try await workspace.run("title", "1", "2", "A title")

        #expect(crossing.errorLines.first?.hasPrefix("Error: segment 4 crosses highlight 1;") == true, "\(crossing)")
        #expect(unknown.errorLines.first?.contains("there is no highlight 2; the only one is 1") == true, "\(unknown)")
    }
}
