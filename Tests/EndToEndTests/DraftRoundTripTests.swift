import Foundation
import Testing

/// The author's round trip, end to end: a real draft goes out, comes back through what mail clients and word
/// processors do to it (the fixtures in `Fixtures/replies`, made by `make-replies.py` from that very draft), and
/// `apply --yes` must store the author's edited words exactly, for every segment, losing none of the interviewer's.
@Suite struct DraftRoundTripTests {
    let workspace: Workspace

    init() throws { workspace = try Workspace() }

    /// The replies in `Fixtures/replies`, each with its `.expected.json`. The LibreOffice round trip is there only
    /// when `soffice` was installed where the fixtures were made; `h-text-saved-as-docx.docx` (the edited text draft
    /// saved as .docx by LibreOffice 7.4.7, one paragraph per line) is committed.
    static let replies: [String] =
        [
            "a-edited.txt", "b-inline-quoted-qp.eml", "c-top-posted-flowed-base64.eml", "d-html-only.eml",
            "e-attached-txt.eml", "f-one-message.mbox", "g-edited.docx", "h-text-saved-as-docx.docx",
            "i-top-posted-attached-txt.eml",
        ]
        + (FileManager.default.fileExists(atPath: RoundTrip.fixture("g-libreoffice.docx"))
            ? ["g-libreoffice.docx"] : [])

    @Test func theDraftIsStillTheOneTheFixturesWereMadeFrom() async throws {
        try await RoundTrip.setUp(workspace)

        let made = try Data(contentsOf: URL(fileURLWithPath: workspace.file("draft-1.txt")))
        let kept = try Data(contentsOf: URL(fileURLWithPath: RoundTrip.fixture("draft-1.txt")))

        #expect(
            made == kept,
            """
            'draft 1 -o' no longer writes the draft the reply fixtures were made from; if the change is meant, \
            regenerate them: python3 Tests/EndToEndTests/Fixtures/replies/make-replies.py
            --- now
            \(String(decoding: made, as: UTF8.self))
            --- fixture
            \(String(decoding: kept, as: UTF8.self))
            """)
    }

    @Test(arguments: replies)
    func eachReplyStoresTheAuthorsWordsExactly(reply: String) async throws {
        try await RoundTrip.setUp(workspace)
        let expected = try RoundTrip.expected(reply)

        let result = try await workspace.run("apply", RoundTrip.fixture(reply), "--yes")

        #expect(result.exitCode == 0, "\(result)")
        #expect(result.errorLines.isEmpty, "\(result)")
        #expect(result.stdout.contains("draft \(expected.draft)"), "\(result)")
        #expect(result.stdout.contains("Could we cut the Friday bit if it’s too long?"), "\(result)")
        let texts = try await workspace.texts("1")
        #expect(texts.count == 4)
        for (offset, text) in texts.enumerated() {
            let index = offset + 1
            #expect(text == expected.texts[String(index)], "segment \(index) of \(reply)")
        }
        for index in 1...4 {
            let author = try #require(expected.texts[String(index)])
            try await RoundTrip.expectHistory(
                of: index, in: workspace, original: RoundTrip.original[index - 1], author: author,
                draft: expected.draft)
        }
    }

    @Test func undoThenRedoOfAnApplyKeepsTheAuthorsWordsTheAuthors() async throws {
        try await RoundTrip.setUp(workspace)
        let expected = try RoundTrip.expected("a-edited.txt")
        try await RoundTrip.succeed(workspace, "apply", RoundTrip.fixture("a-edited.txt"), "--yes")

        try await RoundTrip.succeed(workspace, "undo", "1")
        #expect(try await workspace.texts("1") == RoundTrip.original)
        try await RoundTrip.succeed(workspace, "redo", "1")

        #expect(try await workspace.texts("1") == (1...4).map { expected.texts[String($0)] })
        for index in 1...4 where expected.texts[String(index)] != RoundTrip.original[index - 1] {
            let versions = try await RoundTrip.history(of: index, in: workspace)
            #expect(versions.map(\.origin) == ["interviewer", "author", "interviewer", "author"], "segment \(index)")
            #expect(versions.map(\.draft) == [nil, expected.draft, nil, expected.draft], "segment \(index)")
            #expect(versions.last?.text == expected.texts[String(index)], "segment \(index)")
        }
    }

    @Test func aReplyCanComeOnStandardInput() async throws {
        try await RoundTrip.setUp(workspace)
        let expected = try RoundTrip.expected("b-inline-quoted-qp.eml")
        let mail = try Data(contentsOf: URL(fileURLWithPath: RoundTrip.fixture("b-inline-quoted-qp.eml")))

        let result = try await workspace.run(["apply", "-", "--yes"], stdin: mail)

        #expect(result.exitCode == 0, "\(result)")
        #expect(try await workspace.texts("1") == (1...4).map { expected.texts[String($0)] })
    }

    /// README: anchors "damaged to `12:03]` or `[12:03`" still tie their paragraph. The fixtures lose the opening
    /// bracket (which works); this loses the closing one.
    @Test
    func anAnchorThatLostItsClosingBracketStillTiesItsParagraph() async throws {
        try await RoundTrip.setUp(workspace)
        let draft = try String(contentsOfFile: workspace.file("draft-1.txt"), encoding: .utf8)
        let reply = workspace.file("reply.txt")
        try draft.replacing("\n[0:02] Jane:", with: "\n[0:02 Jane:").write(
            toFile: reply, atomically: true, encoding: .utf8)

        let result = try await workspace.run("apply", reply, "--yes", "--json")

        #expect(result.exitCode == 0, "\(result)")
        #expect(try await workspace.texts("1") == RoundTrip.original)
    }

    // MARK: Conflicts

    /// Segment 2 changed here after the draft went out; the reply changes 2, 3 and 4.
    private func setUpConflict() async throws -> EditState {
        try await RoundTrip.setUp(workspace)
        try await RoundTrip.succeed(workspace, "text", "1", "2", "Ours, since the draft.")
        return try await workspace.editState("1")
    }

    @Test func aConflictIsRefusedWithoutTakeAndNothingIsApplied() async throws {
        let before = try await setUpConflict()

        let result = try await workspace.run("apply", RoundTrip.fixture("a-edited.txt"), "--yes")

        #expect(result.exitCode == 1, "\(result)")
        #expect(result.stderrLines.count == 1, "\(result)")
        let error = try #require(result.errorLines.first, "\(result)")
        #expect(error.contains("1 segment was changed both here and by the author"), "\(result)")
        #expect(error.contains("--take"), "\(result)")
        #expect(result.stdout.contains("segment 2"), "the conflict is shown: \(result)")
        #expect(try await workspace.editState("1") == before)
    }

    @Test func takeMineKeepsOursAndTakesTheAuthorsWordsElsewhere() async throws {
        _ = try await setUpConflict()
        let expected = try RoundTrip.expected("a-edited.txt")

        let result = try await workspace.run("apply", RoundTrip.fixture("a-edited.txt"), "--yes", "--take", "mine")

        #expect(result.exitCode == 0, "\(result)")
        #expect(
            try await workspace.texts("1") == [
                RoundTrip.original[0], "Ours, since the draft.", expected.texts["3"], expected.texts["4"],
            ])
        let history = try await RoundTrip.history(of: 2, in: workspace)
        #expect(history.map(\.origin) == ["interviewer", "interviewer"])
    }

    @Test func takeAuthorTakesTheAuthorsWordsEverywhere() async throws {
        _ = try await setUpConflict()
        let expected = try RoundTrip.expected("a-edited.txt")

        let result = try await workspace.run("apply", RoundTrip.fixture("a-edited.txt"), "--yes", "--take", "author")

        #expect(result.exitCode == 0, "\(result)")
        #expect(try await workspace.texts("1") == (1...4).map { expected.texts[String($0)] })
        let history = try await RoundTrip.history(of: 2, in: workspace)
        #expect(history.map(\.origin) == ["interviewer", "interviewer", "author"])
        #expect(history.last?.text == expected.texts["2"])
    }

    @Test(arguments: [["--dry-run"], ["--dry-run", "--take", "author"], ["--dry-run", "--yes", "--take", "author"]])
    func aDryRunChangesNothing(options: [String]) async throws {
        let before = try await setUpConflict()

        let result = try await workspace.run(["apply", RoundTrip.fixture("a-edited.txt")] + options)

        #expect(result.exitCode == 0, "\(result)")
        #expect(result.stdout.contains("Reply to draft 1"), "\(result)")
        #expect(try await workspace.editState("1") == before)
    }

    @Test func withoutYesAndNoTerminalNothingIsApplied() async throws {
        try await RoundTrip.setUp(workspace)
        let before = try await workspace.editState("1")

        let result = try await workspace.run("apply", RoundTrip.fixture("a-edited.txt"))

        #expect(result.exitCode == 1, "\(result)")
        #expect(result.errorLines.count == 1, "\(result)")
        #expect(result.errorLines.first?.contains("nothing applied") == true, "\(result)")
        #expect(result.errorLines.first?.contains("--yes") == true, "\(result)")
        #expect(try await workspace.editState("1") == before)
    }

    @Test func jsonHasTheChangesTheConflictsAndTheComments() async throws {
        _ = try await setUpConflict()

        let result = try await workspace.run("apply", RoundTrip.fixture("a-edited.txt"), "--dry-run", "--json")

        #expect(result.exitCode == 0, "\(result)")
        let plan = try decodeJSON(ReplyPlanOutput.self, from: result.stdout)
        #expect(plan.draft == 1)
        #expect(plan.changes.map(\.segment) == [3, 4])
        #expect(plan.changes.map(\.question) == [true, false])
        #expect(plan.conflicts.map(\.segment) == [2])
        #expect(plan.conflicts.first?.mine == "Ours, since the draft.")
        #expect(plan.comments == ["[0:17] Could we cut the Friday bit if it’s too long?"])
    }
}

/// The library every round-trip test starts from, the same one `make-replies.py` made the fixtures from.
enum RoundTrip {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/replies")

    static func fixture(_ name: String) -> String { folder.appendingPathComponent(name).path }

    /// The interviewer's texts of segments 1–4: ORIGINAL in make-replies.py.
    static let original = [
        "So how did you find your first job, back when you were just starting out and nobody knew your name?",
        "Well, I started by asking around. I wrote to everyone I knew from school and from the summer jobs, and "
            + "most of them never answered, but two did, and one of those two passed my letter on to her manager, who "
            + "called me the following week to ask whether I could start on Monday.",
        "And what came next, after that first job & the move to the city?",
        "A mentor found me, really. I was the newest person on a team of twelve, and she noticed that I stayed late "
            + "to fix the build every Friday. She said she would rather teach me properly than watch me learn "
            + "everything the hard way, and she kept that promise for six years.",
    ]

    /// The call (interview 1, slug `call-stereo`) with named speakers, segments 1–2 and 3–4 as two highlights, all
    /// four texts, then draft 1 (`draft-1.txt` in the workspace) and draft 2 as a `.docx` (`draft-2.docx`): SETUP in
    /// make-replies.py.
    static func setUp(_ workspace: Workspace) async throws {
        let imported = try await workspace.importRecording(CLI.sample("call-stereo.wav"))
        guard imported.id == 1, imported.segments == 4 else {
            throw CLIError(description: "the call sample changed: \(imported)")
        }
        try await succeed(workspace, "speakers", "1", "A=Andy", "B=Jane")
        try await succeed(workspace, "mark", "1", "1-2", "--title", "Early years")
        try await succeed(workspace, "mark", "1", "3-4", "--title", "Finding mentors")
        for (offset, text) in original.enumerated() {
            try await succeed(workspace, "text", "1", String(offset + 1), text)
        }
        try await succeed(workspace, "draft", "1", "-o", workspace.file("draft-1.txt"))
        try await succeed(workspace, "draft", "1", "--format", "docx", "-o", workspace.file("draft-2.docx"))
    }

    @discardableResult
    static func succeed(_ workspace: Workspace, _ arguments: String...) async throws -> CLIResult {
        let result = try await workspace.run(arguments)
        guard result.exitCode == 0 else {
            throw CLIError(description: "tapescript \(arguments.joined(separator: " ")) failed: \(result)")
        }
        return result
    }

    struct Expected: Decodable {
        var draft: Int
        var texts: [String: String]
    }

    static func expected(_ reply: String) throws -> Expected {
        try JSONDecoder().decode(
            Expected.self, from: Data(contentsOf: URL(fileURLWithPath: fixture(reply + ".expected.json"))))
    }

    static func history(of segment: Int, in workspace: Workspace) async throws -> [TextVersion] {
        let result = try await workspace.run("history", "1", String(segment), "--json")
        guard result.exitCode == 0 else { throw CLIError(description: "history failed: \(result)") }
        return try decodeJSON([TextVersion].self, from: result.stdout)
    }

    /// Version 1 is the interviewer's original; when the author changed the segment, the last version is theirs,
    /// with its draft, in `--json` and in the table.
    static func expectHistory(
        of segment: Int, in workspace: Workspace, original: String, author: String, draft: Int,
        sourceLocation: SourceLocation = #_sourceLocation
    ) async throws {
        let versions = try await history(of: segment, in: workspace)
        #expect(versions.first?.version == 1, sourceLocation: sourceLocation)
        #expect(versions.first?.origin == "interviewer", sourceLocation: sourceLocation)
        #expect(versions.first?.text == original, sourceLocation: sourceLocation)
        let table = try await workspace.run("history", "1", String(segment))
        #expect(table.stdout.contains("1. interviewer"), "\(table)", sourceLocation: sourceLocation)
        if author == original {
            #expect(
                versions.count == 1, "segment \(segment) was not changed: \(versions)", sourceLocation: sourceLocation)
            return
        }
        #expect(versions.count == 2, "\(versions)", sourceLocation: sourceLocation)
        #expect(versions.last?.origin == "author", sourceLocation: sourceLocation)
        #expect(versions.last?.draft == draft, sourceLocation: sourceLocation)
        #expect(versions.last?.text == author, sourceLocation: sourceLocation)
        #expect(table.stdout.contains("2. author via draft \(draft)"), "\(table)", sourceLocation: sourceLocation)
    }
}

/// One entry of `history ID SEG --json`.
struct TextVersion: Decodable, Equatable {
    var version: Int
    var origin: String
    var text: String
    var draft: Int?
    var date: String
}

/// The parts of `apply --json` the tests look at.
struct ReplyPlanOutput: Decodable {
    var interview: String
    var draft: Int
    var changes: [Change]
    var conflicts: [Conflict]
    var comments: [String]

    struct Change: Decodable {
        var segment: Int
        var question: Bool
        var before: String
        var after: String
    }

    struct Conflict: Decodable {
        var segment: Int
        var sent: String
        var mine: String
        var author: String
    }
}
