import Foundation
import TapescriptText
import Testing

/// The segments with their words: subtitles that show the text, a plain-text transcript, and tables that cut text
/// to the terminal's width only on a terminal.
@Suite struct TranscriptExportTests {
    let workspace: Workspace

    init() throws { workspace = try Workspace() }

    private func output(_ arguments: String...) async throws -> String {
        let result = try await workspace.run(arguments)
        #expect(result.exitCode == 0, "\(result)")
        return result.stdout
    }

    /// The call with named speakers and text in segments 1 and 2 only.
    private func callWithTwoTexts() async throws {
        _ = try await workspace.importRecording(CLI.sample("call-stereo.wav"))
        try await RoundTrip.succeed(workspace, "speakers", "1", "A=Andy", "B=Jane")
        try await RoundTrip.succeed(workspace, "text", "1", "1", "Was it hard & <new>?")
        try await RoundTrip.succeed(workspace, "text", "1", "2", "It was.\n\nThen --> it was not.")
    }

    @Test func subtitlesCarryTheTextAndTheSpeakerOnlyWhenAsked() async throws {
        try await callWithTwoTexts()

        let srt = try await output("segments", "1", "--format", "srt")
        let named = try await output("segments", "1", "--format", "srt", "--speaker-names")
        let vtt = try await output("segments", "1", "--format", "vtt", "--speaker-names")

        let cues = srt.components(separatedBy: "\n\n")
        #expect(cues.count == 4, "\(srt)")
        #expect(cues[0].hasSuffix("\nWas it hard & <new>?"), "\(srt)")
        // A blank line would end the cue: the paragraphs of a text stay in one cue, on lines of their own.
        #expect(cues[1].hasSuffix("\nIt was.\nThen --> it was not."), "\(srt)")
        #expect(cues[2].hasSuffix("\n3 Andy"), "a segment without text keeps its number and speaker: \(srt)")
        #expect(named.contains("\nAndy: Was it hard & <new>?\n") && named.contains("\nJane: It was.\n"), "\(named)")
        #expect(vtt.hasPrefix("WEBVTT\n\n"), "\(vtt)")
        #expect(vtt.contains("\nAndy: Was it hard &amp; &lt;new&gt;?\n"), "\(vtt)")
        #expect(vtt.contains("\nThen --&gt; it was not.\n"), "no cue text may hold '-->': \(vtt)")
    }

    @Test func txtIsATranscriptWithTimesAndSpeakers() async throws {
        try await callWithTwoTexts()

        let transcript = try await output("segments", "1", "--format", "txt")

        let blocks = transcript.components(separatedBy: "\n\n")
        #expect(blocks.first == "call-stereo", "\(transcript)")
        #expect(blocks.count >= 5, "\(transcript)")
        #expect(blocks[1] == "[0:00.5] Andy\nWas it hard & <new>?", "\(transcript)")
        #expect(blocks[2].hasPrefix("[0:02.5] Jane\nIt was."), "\(transcript)")
        #expect(transcript.hasSuffix("[0:17.2] Jane\n[…]\n"), "a segment without text shows as a gap: \(transcript)")
    }

    @Test func publishedTxtGivesEachParagraphItsTimeAndSpeaker() async throws {
        try await RoundTrip.setUp(workspace)

        let text = try await output("publish", "1", "--format", "txt")

        #expect(text.contains("\n[0:00] ANDY: \(RoundTrip.original[0])\n"), "\(text)")
        #expect(text.contains("\n[0:02] Jane: \(RoundTrip.original[1])\n"), "\(text)")
        #expect(text.contains("\nEarly years\n-----------\n"), "\(text)")
    }

    @Test func theTableCutsTextToTheTerminalAndNowhereElse() async throws {
        try await RoundTrip.setUp(workspace)

        let piped = try await output("segments", "1")
        let terminal = try await workspace.runInTerminal(["segments", "1"], environment: ["COLUMNS": "70"])

        #expect(piped.contains(RoundTrip.original[1]), "a pipe gets every word: \(piped)")
        #expect(terminal.exitCode == 0, "\(terminal)")
        let rows = terminal.stdout.replacingOccurrences(of: "\r", with: "").split(separator: "\n").map(String.init)
            .map(Self.withoutEscapes)
        let segmentRows = rows.filter { $0.hasPrefix("2 ") || $0.hasPrefix("4 ") }
        #expect(segmentRows.count == 2, "\(rows)")
        for row in segmentRows {
            #expect(DisplayWidth.of(row) <= 70 && row.hasSuffix("…"), "\(row)")
        }
    }

    @Test func wideTitlesLineUpAndFitTheTerminal() async throws {
        _ = try await workspace.importRecording(CLI.sample("call-stereo.wav"), title: "日本語のインタビュー 🎙️")
        _ = try await workspace.importRecording(CLI.sample("realvoice-phone.wav"), title: "A plain title")
        let long = String(repeating: "A very long title that goes on ", count: 5)
        _ = try await workspace.importRecording(CLI.sample("interview-mono.wav"), title: long)

        let terminal = try await workspace.runInTerminal(["list"], environment: ["COLUMNS": "72"])
        let piped = try await output("list")

        #expect(terminal.exitCode == 0, "\(terminal)")
        let rows = terminal.stdout.replacingOccurrences(of: "\r", with: "").split(separator: "\n").map(String.init)
            .map(Self.withoutEscapes)
        #expect(rows.count == 4, "\(rows)")
        // The last column is right-aligned: rows that line up, however wide their titles' characters, are all
        // as wide as the header.
        #expect(Set(rows.map(DisplayWidth.of)).count == 1, "\(rows)")
        #expect(rows.allSatisfy { DisplayWidth.of($0) <= 72 }, "\(rows)")
        #expect(rows.contains { $0.contains("…") }, "\(rows)")
        #expect(piped.contains(long), "a pipe gets the whole title: \(piped)")
    }

    private static func withoutEscapes(_ line: String) -> String {
        line.replacing(/\u{1B}\[[0-9;]*m/, with: "")
    }
}
