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
}
