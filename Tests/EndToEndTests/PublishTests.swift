import Foundation
import Testing

/// `publish`: the approved Q&A in each format, from the round-trip library (two highlights on the call, speakers
/// Andy and Jane).
@Suite struct PublishTests {
    let workspace: Workspace

    init() throws { workspace = try Workspace() }

    private func publish(_ format: String, sourceLocation: SourceLocation = #_sourceLocation) async throws -> String {
        let result = try await workspace.run("publish", "1", "--format", format)
        #expect(result.exitCode == 0, "\(result)", sourceLocation: sourceLocation)
        #expect(result.errorLines.isEmpty, "\(result)", sourceLocation: sourceLocation)
        return result.stdout
    }

    @Test func markdownHasTheTitlesTheBoldQuestionsAndTheAnswers() async throws {
        try await RoundTrip.setUp(workspace)

        let markdown = try await publish("md")

        let lines = markdown.split(separator: "\n").map(String.init)
        #expect(lines.first == "# call-stereo", "\(markdown)")
        #expect(lines.contains("## Early years"), "\(markdown)")
        #expect(lines.contains("## Finding mentors"), "\(markdown)")
        #expect(lines.contains("**Andy:** \(RoundTrip.original[0])"), "\(markdown)")
        #expect(lines.contains("**Andy:** \(RoundTrip.original[2])"), "\(markdown)")
        #expect(lines.contains("Jane: \(RoundTrip.original[1])"), "\(markdown)")
        #expect(lines.contains("Jane: \(RoundTrip.original[3])"), "\(markdown)")
        #expect(!markdown.contains("[…]"), "\(markdown)")
        #expect(markdown.contains("Not yet approved"), "\(markdown)")
        #expect(!markdown.contains("Approved by the author"), "\(markdown)")
    }

    @Test func afterTheAuthorsRepliesTheyAreApprovedWithTheDate() async throws {
        try await RoundTrip.setUp(workspace)
        try await RoundTrip.succeed(workspace, "apply", RoundTrip.fixture("a-edited.txt"), "--yes")
        let expected = try RoundTrip.expected("a-edited.txt")

        let markdown = try await publish("md")

        #expect(markdown.contains(/Approved by the author on \d{4}-\d{2}-\d{2}\./), "\(markdown)")
        #expect(!markdown.contains("Not yet approved"), "\(markdown)")
        let applied = try #require(try await RoundTrip.history(of: 2, in: workspace).last?.date.prefix(10))
        let shown = try #require(markdown.firstMatch(of: /Approved by the author on (\d{4}-\d{2}-\d{2})/)?.1)
        #expect(shown == applied, "the date the author's words were applied (UTC): \(markdown)")
        for index in ["2", "3", "4"] {
            let text = try #require(expected.texts[index])
            #expect(markdown.contains(text), "\(markdown)")
        }
    }

    @Test func anEditAfterTheAuthorsApprovalIsNotCalledApproved() async throws {
        try await RoundTrip.setUp(workspace)
        try await RoundTrip.succeed(workspace, "apply", RoundTrip.fixture("a-edited.txt"), "--yes")
        try await RoundTrip.succeed(workspace, "text", "1", "3", "A question the author never saw?")

        let markdown = try await publish("md")

        #expect(!markdown.contains("Approved by the author"), "\(markdown)")
        #expect(markdown.contains("Not yet approved by the author: segment 3 changed since"), "\(markdown)")
    }

    @Test(arguments: ["md", "txt", "html"])
    func theApprovalNoteCanBeLeftOut(format: String) async throws {
        try await RoundTrip.setUp(workspace)

        let result = try await workspace.run("publish", "1", "--format", format, "--no-approval-note")

        #expect(result.exitCode == 0, "\(result)")
        #expect(!result.stdout.contains("approved"), "\(result)")
    }

    @Test func aSegmentWithoutTextInsideAHighlightIsAnOmission() async throws {
        _ = try await workspace.importRecording(CLI.sample("call-stereo.wav"))
        try await RoundTrip.succeed(workspace, "speakers", "1", "A=Andy", "B=Jane")
        try await RoundTrip.succeed(workspace, "mark", "1", "1-4", "--title", "All of it")
        for index in [1, 2, 4] {
            try await RoundTrip.succeed(workspace, "text", "1", String(index), RoundTrip.original[index - 1])
        }

        let markdown = try await publish("md")

        let paragraphs = markdown.components(separatedBy: "\n\n")
        let answer = try #require(paragraphs.firstIndex(of: "Jane: \(RoundTrip.original[1])"), "\(markdown)")
        #expect(paragraphs.count > answer + 2, "\(markdown)")
        #expect(paragraphs[answer + 1] == "[…]", "\(markdown)")
        #expect(paragraphs[answer + 2] == "Jane: \(RoundTrip.original[3])", "\(markdown)")
        #expect(markdown.components(separatedBy: "[…]").count == 2, "one omission: \(markdown)")
    }

    @Test func htmlEscapesTheText() async throws {
        try await RoundTrip.setUp(workspace)
        try await RoundTrip.succeed(workspace, "text", "1", "1", "Was it <b>bold</b> & \"brave\"?")

        let html = try await publish("html")

        #expect(html.contains("Was it &lt;b&gt;bold&lt;/b&gt; &amp; "), "\(html)")
        #expect(!html.contains("<b>bold"), "\(html)")
        #expect(html.contains("after that first job &amp; the move"), "\(html)")
        #expect(html.contains("<h2>Early years</h2>"), "\(html)")
        #expect(html.contains("<strong>"), "the question is bold: \(html)")
        #expect(html.contains("Not yet approved"), "\(html)")
    }

    @Test(arguments: ["srt", "vtt"])
    func subtitlesHaveOneCuePerSegmentWithTextAtItsTimes(format: String) async throws {
        try await RoundTrip.setUp(workspace)
        let segments = try await workspace.segments("1")

        let output = try await publish(format)

        let separator = format == "srt" ? "," : "."
        let times = output.split(separator: "\n").filter { $0.contains(" --> ") }.map(String.init)
        let expected = segments.map { "\(timestamp($0.start, separator)) --> \(timestamp($0.end, separator))" }
        #expect(times == expected, "\(output)")
        #expect(output.hasPrefix("WEBVTT") == (format == "vtt"), "\(output)")
        #expect(output.contains("Andy: \(RoundTrip.original[0])"), "\(output)")
    }

    private func timestamp(_ seconds: Double, _ separator: String) -> String {
        let milliseconds = Int((seconds * 1000).rounded())
        let (hours, minutes) = (milliseconds / 3_600_000, milliseconds / 60_000 % 60)
        let (wholeSeconds, rest) = (milliseconds / 1000 % 60, milliseconds % 1000)
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let three = rest < 10 ? "00\(rest)" : rest < 100 ? "0\(rest)" : "\(rest)"
        return "\(two(hours)):\(two(minutes)):\(two(wholeSeconds))\(separator)\(three)"
    }

    @Test func labelsAreOneLinePerHighlight() async throws {
        try await RoundTrip.setUp(workspace)
        let segments = try await workspace.segments("1")

        let labels = try await publish("labels")

        let rows = labels.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
        #expect(rows.count == 2, "\(labels)")
        #expect(rows.map { $0.count } == [3, 3], "\(labels)")
        #expect(rows.map { String($0.last ?? "") } == ["Early years", "Finding mentors"], "\(labels)")
        let spans = rows.map { row in row.prefix(2).compactMap { Double($0) } }
        #expect(spans == [[segments[0].start, segments[1].end], [segments[2].start, segments[3].end]], "\(labels)")
    }

    @Test func jsonParsesIntoTheHighlights() async throws {
        try await RoundTrip.setUp(workspace)

        let json = try await publish("json")

        let highlights = try decodeJSON([PublishedHighlight].self, from: json)
        #expect(highlights.map(\.title) == ["Early years", "Finding mentors"])
        #expect(highlights.flatMap(\.paragraphs).map(\.text) == RoundTrip.original)
        #expect(highlights.flatMap(\.paragraphs).map(\.question) == [true, false, true, false])
        #expect(highlights.flatMap(\.paragraphs).map(\.speaker) == ["Andy", "Jane", "Andy", "Jane"])
    }

    @Test(arguments: ["md", "html", "txt", "srt", "vtt", "labels", "json"])
    func outputWritesTheFile(format: String) async throws {
        try await RoundTrip.setUp(workspace)
        let shown = try await publish(format)
        let file = workspace.file("published.\(format)")

        let result = try await workspace.run("publish", "1", "--format", format, "-o", file)

        #expect(result.exitCode == 0, "\(result)")
        #expect(!result.stdout.contains("Early years"), "the publication goes to the file: \(result)")
        #expect(try String(contentsOfFile: file, encoding: .utf8) == shown)
    }

    @Test func anUnwritableOutputIsOneLine() async throws {
        try await RoundTrip.setUp(workspace)
        try Data("not a folder".utf8).write(to: URL(fileURLWithPath: workspace.file("plain")))
        let before = try await workspace.snapshot()

        for path in [workspace.file("missing/folder/out.md"), workspace.file("plain/out.md")] {
            let result = try await workspace.run("publish", "1", "-o", path)

            expectOneErrorLine(result, naming: path)
            #expect(!FileManager.default.fileExists(atPath: path))
        }
        #expect(try await workspace.snapshot() == before)
    }
}

/// One highlight of `publish --format json`.
struct PublishedHighlight: Decodable {
    var title: String?
    var start: Double
    var end: Double
    var paragraphs: [Paragraph]

    struct Paragraph: Decodable {
        var text: String
        var question: Bool
        var speaker: String?
        var start: Double?
        var end: Double?
    }
}
