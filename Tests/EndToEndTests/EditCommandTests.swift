import Foundation
import Testing

/// The scriptable edits: mark, unmark, highlights, text, speakers, split, merge, undo and redo. Each one that fails
/// says why in one `Error:` line and leaves the library as it was.
@Suite struct EditCommandTests {
    let workspace: Workspace

    init() throws { workspace = try Workspace() }

    /// Imports the stereo call (interview 1, four segments, speakers A and B).
    private func importCall() async throws -> String {
        String(try await workspace.importRecording(CLI.sample("call-stereo.wav")).id)
    }

    private func expectSuccess(
        _ arguments: String..., stdin: Data? = nil, sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> CLIResult {
        let result = try await workspace.run(arguments, stdin: stdin)
        #expect(result.exitCode == 0, "\(result)", sourceLocation: sourceLocation)
        #expect(result.stderr.isEmpty, "\(result)", sourceLocation: sourceLocation)
        return result
    }

    @Test func eachNumberOrRangeBecomesOneHighlight() async throws {
        let id = try await importCall()

        let result = try await expectSuccess("mark", id, "2", "3-4", "--title", "Early years", "--note", "use it")

        #expect(result.stdout.contains("highlight 1"), "\(result)")
        #expect(result.stdout.contains("highlight 2"), "\(result)")
        let highlights = try await workspace.highlights(id)
        #expect(highlights.map(\.number) == [1, 2])
        #expect(highlights.map(\.title) == ["Early years", "Early years"])
        #expect(highlights.map(\.note) == ["use it", "use it"])
        #expect(highlights.map(\.firstSegment) == [2, 3])
        #expect(highlights.map(\.lastSegment) == [2, 4])
        #expect(try await workspace.highlightNumbers(id) == [nil, 1, 2, 2])
    }

    @Test func unmarkRemovesTheWholeHighlightAndRenumbersTheRest() async throws {
        let id = try await importCall()
        _ = try await expectSuccess("mark", id, "2", "3-4", "--title", "T")

        _ = try await expectSuccess("unmark", id, "4")

        #expect(try await workspace.highlightNumbers(id) == [nil, 1, nil, nil])
        let highlights = try await workspace.highlights(id)
        #expect(highlights.map(\.number) == [1])
        #expect(highlights.first?.firstSegment == 2)
    }

    @Test func textComesFromTheArgumentAFileOrStandardInput() async throws {
        let id = try await importCall()
        let file = workspace.file("answer.txt")
        try Data("Words from a file.\n".utf8).write(to: URL(fileURLWithPath: file))

        _ = try await expectSuccess("text", id, "2", "Words from the argument, “quoted” …")
        _ = try await expectSuccess("text", id, "3", "--file", file)
        _ = try await expectSuccess("text", id, "4", "-", stdin: Data("Words from standard input.\n".utf8))

        #expect(
            try await workspace.texts(id) == [
                nil, "Words from the argument, “quoted” …", "Words from a file.", "Words from standard input.",
            ])
    }

    @Test func textFromAPipeNamedAsAFileIsRead() async throws {
        let id = try await importCall()

        _ = try await expectSuccess("text", id, "2", "--file", "/dev/stdin", stdin: Data("Through a pipe.\n".utf8))

        #expect(try await workspace.texts(id)[1] == "Through a pipe.")
    }

    @Test(arguments: [["--file", "bad.txt"], ["-"]])
    func invalidUTF8IsRefusedWithItsOffsetFromAFileAndFromStandardInput(source: [String]) async throws {
        let id = try await importCall()
        let bytes = Data("Caf".utf8) + Data([0xE9]) + Data(" au lait".utf8)
        try bytes.write(to: URL(fileURLWithPath: workspace.file("bad.txt")))
        let before = try await workspace.editState(id)

        let result = try await workspace.run(["text", id, "2"] + source, stdin: bytes)

        expectOneErrorLine(result, naming: "not UTF-8")
        #expect(result.stderr.contains("offset 3"), "\(result)")
        #expect(try await workspace.editState(id) == before)
    }

    @Test func namedSpeakersShowInTheSegments() async throws {
        let id = try await importCall()
        let letters = try await workspace.speakers(id)

        _ = try await expectSuccess("speakers", id, "A=Andy", "B=Jane")

        let names = ["A": "Andy", "B": "Jane"]
        let expected: [String?] = letters.map { letter in letter.flatMap { names[$0] } }
        #expect(try await workspace.speakers(id) == expected)
        let shown = try await expectSuccess("speakers", id)
        #expect(shown.stdout.contains(/A\s+Andy/), "\(shown)")
        #expect(shown.stdout.contains(/B\s+Jane/), "\(shown)")
    }

    @Test func splitCutsASegmentInTwoAndTheTextStaysWithTheFirstPart() async throws {
        let id = try await importCall()
        _ = try await expectSuccess("text", id, "2", "The whole answer")
        let before = try await workspace.segments(id)
        let second = before[1]
        let at = ((second.start + second.end) / 2 * 10).rounded() / 10

        _ = try await expectSuccess("split", id, "2", "--at", String(at))

        let after = try await workspace.segments(id)
        #expect(after.map(\.index) == [1, 2, 3, 4, 5])
        #expect(abs(after[1].start - second.start) < 0.01)
        #expect(abs(after[1].end - at) < 0.01)
        #expect(abs(after[2].start - at) < 0.01)
        #expect(abs(after[2].end - second.end) < 0.01)
        #expect(after[1].text == "The whole answer")
        #expect(after[2].text == nil)
        #expect(after[3].start == before[2].start)
    }

    @Test func mergeJoinsASegmentWithTheNextAndTheirTexts() async throws {
        let id = try await importCall()
        _ = try await expectSuccess("text", id, "2", "Well,")
        _ = try await expectSuccess("text", id, "3", "I started early.")
        let before = try await workspace.segments(id)

        _ = try await expectSuccess("merge", id, "2")

        let after = try await workspace.segments(id)
        #expect(after.count == 3)
        #expect(after[1].start == before[1].start)
        #expect(after[1].end == before[2].end)
        #expect(after[1].text == "Well, I started early.")
        #expect(after[2].start == before[3].start)
    }

    @Test func undoTakesBackEditsOneByOneAndRedoMakesThemAgain() async throws {
        let id = try await importCall()
        let untouched = try await workspace.editState(id)
        _ = try await expectSuccess("mark", id, "2", "--title", "T")
        let marked = try await workspace.editState(id)
        _ = try await expectSuccess("text", id, "3", "Some words")
        let written = try await workspace.editState(id)
        _ = try await expectSuccess("split", id, "4", "--at", "25")
        let split = try await workspace.editState(id)

        _ = try await expectSuccess("undo", id)
        #expect(try await workspace.editState(id) == written)
        _ = try await expectSuccess("undo", id)
        #expect(try await workspace.editState(id) == marked)
        _ = try await expectSuccess("undo", id)
        #expect(try await workspace.editState(id) == untouched)
        _ = try await expectSuccess("redo", id)
        _ = try await expectSuccess("redo", id)
        #expect(try await workspace.editState(id) == written)
        _ = try await expectSuccess("redo", id)
        #expect(try await workspace.editState(id) == split)
    }

    /// Commands that must fail against a library holding the call (1: highlight 1 on segments 3–4, a text on
    /// segment 2) and the mono interview (2, never edited); 64 is ArgumentParser's usage error.
    static let failures: [(arguments: [String], naming: String, exitCode: Int32)] = [
        (["text", "9", "1", "x"], "no interview '9'", 1),
        (["mark", "nobody", "1"], "no interview 'nobody'", 1),
        (["text", "1", "99", "x"], "there is no segment 99", 1),
        (["mark", "1", "2-3"], "cross highlight 1", 1),
        (["mark", "1", "1", "--title", ""], "--title cannot be empty", 64),
        (["unmark", "1", "1"], "segment 1 is not in a highlight", 1),
        (["split", "1", "2", "--at", "20"], "not inside segment 2", 1),
        (["merge", "1", "4"], "segment 4 is the last one", 1),
        (["undo", "2"], "nothing to undo", 1),
        (["redo", "1"], "nothing to redo", 1),
        (["speakers", "1", "C=Carl"], "no speaker 'C'", 1),
    ]

    @Test(arguments: failures)
    func aBadEditFailsWithOneLineAndChangesNothing(arguments: [String], naming: String, exitCode: Int32)
        async throws
    {
        let call = try await importCall()
        let mono = String(try await workspace.importRecording(CLI.sample("interview-mono.wav")).id)
        #expect([call, mono] == ["1", "2"])
        _ = try await expectSuccess("mark", call, "3-4", "--title", "Kept")
        _ = try await expectSuccess("text", call, "2", "Kept words")
        let before: [EditState] = [try await workspace.editState(call), try await workspace.editState(mono)]

        let result = try await workspace.run(arguments)

        if exitCode == 64 {
            expectUsageError(result, naming: naming)
        } else {
            expectOneErrorLine(result, naming: naming)
        }
        let after: [EditState] = [try await workspace.editState(call), try await workspace.editState(mono)]
        #expect(after == before)
        // Nor did the failure leave an edit behind to undo: the last edit is still the text.
        let undo = try await workspace.run("undo", call)
        #expect(undo.exitCode == 0, "\(undo)")
        #expect(undo.stdout.contains("text of segment 2"), "\(undo)")
    }
}

/// One row of `segments --format json`, with what review and the edit commands change.
struct EditedSegment: Decodable, Equatable {
    var index: Int
    var start: Double
    var end: Double
    var speaker: String?
    var highlight: Int?
    var text: String?
}

/// One entry of `highlights --json`.
struct HighlightOutput: Decodable, Equatable {
    var number: Int
    var title: String?
    var note: String?
    var firstSegment: Int
    var lastSegment: Int
}

/// What the edit commands and review change in one interview, as a user sees it.
struct EditState: Equatable {
    var segments: String
    var highlights: String
}

extension Workspace {
    func segments(_ interview: String) async throws -> [EditedSegment] {
        let result = try await run("segments", interview, "--format", "json")
        guard result.exitCode == 0 else { throw CLIError(description: "segments failed: \(result)") }
        return try decodeJSON([EditedSegment].self, from: result.stdout)
    }

    func highlights(_ interview: String) async throws -> [HighlightOutput] {
        let result = try await run("highlights", interview, "--json")
        guard result.exitCode == 0 else { throw CLIError(description: "highlights failed: \(result)") }
        return try decodeJSON([HighlightOutput].self, from: result.stdout)
    }

    func texts(_ interview: String) async throws -> [String?] { try await segments(interview).map(\.text) }

    func highlightNumbers(_ interview: String) async throws -> [Int?] {
        try await segments(interview).map(\.highlight)
    }

    func speakers(_ interview: String) async throws -> [String?] { try await segments(interview).map(\.speaker) }

    /// `segments --format json` and `highlights --json`, as printed.
    func editState(_ interview: String) async throws -> EditState {
        let segments = try await run("segments", interview, "--format", "json")
        let highlights = try await run("highlights", interview, "--json")
        guard segments.exitCode == 0, highlights.exitCode == 0 else {
            throw CLIError(description: "cannot read interview \(interview): \(segments)\n\(highlights)")
        }
        return EditState(segments: segments.stdout, highlights: highlights.stdout)
    }
}
