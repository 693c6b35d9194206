import Foundation
import Testing

/// Replies `apply` must refuse: each fails with exit 1 and one `Error:` line saying what it found, and the library is
/// left as it was. And one it must not refuse: a reply to an older draft.
@Suite struct ApplyBadInputTests {
    let workspace: Workspace

    init() throws { workspace = try Workspace() }

    private func write(_ name: String, _ data: Data) throws -> String {
        let path = workspace.file(name)
        try data.write(to: URL(fileURLWithPath: path))
        return path
    }

    /// Runs `apply arguments… --yes` against the round-trip library and expects it refused, naming each of `naming`.
    private func expectRefused(
        _ arguments: [String], naming: [String], sourceLocation: SourceLocation = #_sourceLocation
    ) async throws {
        let before = try await workspace.snapshot()
        let edits = try await workspace.editState("1")

        let result = try await workspace.run(["apply"] + arguments + ["--yes"])

        expectOneErrorLine(result, naming: naming[0], sourceLocation: sourceLocation)
        for subject in naming.dropFirst() {
            #expect(result.stderr.contains(subject), "\(result)", sourceLocation: sourceLocation)
        }
        #expect(try await workspace.snapshot() == before, sourceLocation: sourceLocation)
        #expect(try await workspace.editState("1") == edits, sourceLocation: sourceLocation)
    }

    static let unrelatedMail = """
        From: Sam <sam@example.com>\r
        To: Andy <andy@example.com>\r
        Subject: Lunch on Tuesday?\r
        Date: Sun, 22 Nov 2026 11:30:00 +0100\r
        Content-Type: text/plain; charset=utf-8\r
        \r
        Hi Andy,\r
        \r
        are you free for lunch on Tuesday? The usual place, at one.\r
        \r
        Sam\r

        """

    @Test func anUnrelatedMailIsRefused() async throws {
        try await RoundTrip.setUp(workspace)
        let mail = try write("lunch.eml", Data(Self.unrelatedMail.utf8))

        try await expectRefused([mail], naming: ["is not a Tapescript draft", "[12:03] markers"])
        try await expectRefused([mail, "--interview", "1"], naming: ["matches only 0 of the 4 paragraphs"])
    }

    @Test func aMailWithOnlyAnImageIsRefused() async throws {
        try await RoundTrip.setUp(workspace)
        let image = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + (0..<600).map { UInt8($0 % 251) })
        let encoded = image.base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn])
        let mail = """
            From: Jane Doe <jane@example.com>
            To: Andy <andy@example.com>
            Subject: Re: Draft 1 of call-stereo
            MIME-Version: 1.0
            Content-Type: multipart/mixed; boundary="b1"

            --b1
            Content-Type: image/png; name="scan.png"
            Content-Disposition: attachment; filename="scan.png"
            Content-Transfer-Encoding: base64

            \(encoded)
            --b1--

            """
        let path = try write("scan.eml", Data(mail.utf8))

        try await expectRefused([path], naming: ["no text part"])
    }

    @Test func aDraftOfAnotherInterviewIsRefusedWhenTheSlugNamesTheFirst() async throws {
        let reply = try await draftOfTheMonoInterview()

        try await expectRefused([reply, "--interview", "call-stereo"], naming: ["'interview-mono'", "'call-stereo'"])
    }

    @Test
    func aDraftOfAnotherInterviewIsRefusedWhenTheIDNamesTheFirst() async throws {
        let reply = try await draftOfTheMonoInterview()

        try await expectRefused([reply, "--interview", "1"], naming: ["'interview-mono'"])
    }

    /// The round-trip library plus the mono sample (interview 2) with a highlight, drafted and edited.
    private func draftOfTheMonoInterview() async throws -> String {
        try await RoundTrip.setUp(workspace)
        let mono = try await workspace.importRecording(CLI.sample("interview-mono.wav"))
        #expect(mono.id == 2)
        try await RoundTrip.succeed(workspace, "mark", "2", "1-2", "--title", "Mono")
        try await RoundTrip.succeed(workspace, "text", "2", "1", "A question on mono.")
        try await RoundTrip.succeed(workspace, "text", "2", "2", "An answer on mono.")
        let draft = workspace.file("mono-draft.txt")
        try await RoundTrip.succeed(workspace, "draft", "2", "-o", draft)
        let text = try String(contentsOfFile: draft, encoding: .utf8)
        return try write("mono-reply.txt", Data(text.replacing("An answer on mono.", with: "An edited answer.").utf8))
    }

    @Test func aReplyToAnOlderDraftMergesAgainstThatDraft() async throws {
        try await RoundTrip.setUp(workspace)
        try await RoundTrip.succeed(workspace, "text", "1", "1", "A newer question?")
        try await RoundTrip.succeed(workspace, "draft", "1", "-o", workspace.file("draft-3.txt"))
        let expected = try RoundTrip.expected("a-edited.txt")

        let result = try await workspace.run("apply", RoundTrip.fixture("a-edited.txt"), "--yes")

        #expect(result.exitCode == 0, "\(result)")
        #expect(result.stdout.contains("Reply to draft 1 of 'call-stereo'"), "\(result)")
        #expect(result.stdout.contains("from draft 1"), "\(result)")
        #expect(
            try await workspace.texts("1") == [
                "A newer question?", expected.texts["2"], expected.texts["3"], expected.texts["4"],
            ])
        let history = try await RoundTrip.history(of: 3, in: workspace)
        #expect(history.last?.origin == "author")
        #expect(history.last?.draft == 1)
    }

    @Test func aDraftEditedBeyondRecognitionIsRefused() async throws {
        try await RoundTrip.setUp(workspace)
        let draft = try String(contentsOfFile: workspace.file("draft-1.txt"), encoding: .utf8)
        let rewritten = draft.components(separatedBy: "\n\n").map { paragraph in
            paragraph.first == "[" && paragraph.dropFirst().first?.isNumber == true
                ? "Something else entirely: gardening, the weather in spring and the price of seeds." : paragraph
        }
        let path = try write("rewritten.txt", Data(rewritten.joined(separator: "\n\n").utf8))

        try await expectRefused(
            [path], naming: ["matches only 0 of the 4 paragraphs of draft 1", "beyond recognition"])
    }

    @Test func aTruncatedDocxIsRefused() async throws {
        try await RoundTrip.setUp(workspace)
        let docx = try Data(contentsOf: URL(fileURLWithPath: workspace.file("draft-2.docx")))
        let path = try write("cut.docx", docx.prefix(docx.count / 2))

        try await expectRefused([path], naming: [".docx", "truncated"])
    }

    @Test func aDocxWhoseDirectoryLiesAboutOffsetsIsRefusedNotACrash() async throws {
        try await RoundTrip.setUp(workspace)
        var docx = [UInt8](try Data(contentsOf: URL(fileURLWithPath: workspace.file("draft-2.docx"))))
        // The end-of-central-directory record's offset of the directory, pointed far past the end of the file.
        let end = try #require(
            stride(from: docx.count - 22, through: 0, by: -1).first {
                docx[$0] == 0x50 && docx[$0 + 1] == 0x4B && docx[$0 + 2] == 5 && docx[$0 + 3] == 6
            })
        for index in 0..<4 { docx[end + 16 + index] = [0x00, 0x00, 0x10, 0x00][index] }
        let path = try write("lying.docx", Data(docx))

        try await expectRefused([path], naming: [".docx", "damaged"])
        try await expectRefused([path, "--dry-run"], naming: [".docx", "damaged"])
    }

    @Test func aMissingFileIsNamed() async throws {
        try await RoundTrip.setUp(workspace)

        try await expectRefused([workspace.file("no-such-reply.eml")], naming: ["no-such-reply.eml", "no such file"])
    }

    @Test func randomBytesAreRefused() async throws {
        try await RoundTrip.setUp(workspace)
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        let bytes = (0..<4096).map { _ -> UInt8 in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return UInt8(truncatingIfNeeded: state >> 56)
        }
        let path = try write("noise.bin", Data(bytes))

        try await expectRefused([path], naming: ["'\(path)'", "neither text, a .docx nor an e-mail"])
    }
}
