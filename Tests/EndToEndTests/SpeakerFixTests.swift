import Foundation
import Testing

/// Who speaks, put right by hand: `speaker` gives segments to another voice, undoably and through a resegment;
/// `speakers --interviewer` chooses whose paragraphs are the questions.
@Suite struct SpeakerFixTests {
    let workspace: Workspace

    init() throws { workspace = try Workspace() }

    /// One row of `segments --json`, with what it says about the speaker.
    struct SpeakerRow: Decodable, Equatable {
        var index: Int
        var speaker: String?
        var speakerConfidence: Double?
        var speakerByHand: Bool
    }

    private func rows() async throws -> [SpeakerRow] {
        let result = try await workspace.run("segments", "1", "--json")
        guard result.exitCode == 0 else { throw CLIError(description: "segments failed: \(result)") }
        return try decodeJSON([SpeakerRow].self, from: result.stdout)
    }

    private func succeed(_ arguments: String...) async throws -> CLIResult {
        let result = try await workspace.run(arguments)
        guard result.exitCode == 0 else { throw CLIError(description: "\(arguments) failed: \(result)") }
        return result
    }

    @Test func importGivesEveryMonoSegmentAConfidence() async throws {
        _ = try await workspace.importRecording(CLI.sample("interview-mono.wav"))

        let segments = try await rows()

        #expect(!segments.isEmpty)
        for segment in segments {
            let confidence = try #require(segment.speakerConfidence, "segment \(segment.index)")
            #expect((0...1).contains(confidence), "segment \(segment.index): \(confidence)")
            #expect(!segment.speakerByHand)
        }
    }

    @Test func aSegmentGivenToAnotherSpeakerKeepsItThroughAResegmentAndUndoPutsItBack() async throws {
        _ = try await workspace.importRecording(CLI.sample("interview-mono.wav"))
        let before = try await rows()
        let target = try #require(before.first { $0.speaker == "A" && $0.index > 1 } ?? before.last)
        let other = target.speaker == "A" ? "B" : "A"

        let given = try await succeed("speaker", "1", String(target.index), other)
        #expect(given.stdout == "segment \(target.index) is now speaker \(other)'s\n")
        let after = try await rows()
        #expect(
            after[target.index - 1]
                == SpeakerRow(
                    index: target.index, speaker: other, speakerConfidence: nil, speakerByHand: true))
        #expect(after.filter { $0.index != target.index } == before.filter { $0.index != target.index })

        _ = try await succeed("resegment", "1", "--padding", "0.04")
        let resegmented = try await rows()
        #expect(resegmented.count == before.count, "the same segments, a little wider")
        #expect(resegmented[target.index - 1].speaker == other)
        #expect(resegmented[target.index - 1].speakerByHand)

        _ = try await succeed("undo", "1")
        _ = try await succeed("undo", "1")
        #expect(try await rows() == before)
    }

    @Test func aSpeakerCanBeNamedAndGivenByName() async throws {
        _ = try await workspace.importRecording(CLI.sample("interview-mono.wav"))
        _ = try await succeed("speakers", "1", "A=Andy", "B=Jane")

        _ = try await succeed("speaker", "1", "1-2", "jane")

        #expect(try await rows().prefix(2).map(\.speaker) == ["Jane", "Jane"])
    }

    @Test func aSpeakerThatIsNotThereIsOneLineAndChangesNothing() async throws {
        _ = try await workspace.importRecording(CLI.sample("interview-mono.wav"))
        let before = try await workspace.snapshot()

        for arguments in [["1", "1", "C"], ["1", "99", "A"], ["1", "1", "Nobody"]] {
            let result = try await workspace.run(["speaker"] + arguments)
            #expect(result.exitCode != 0, "\(arguments): \(result)")
            #expect(result.stderr.split(separator: "\n").count == 1, "\(arguments): \(result)")
        }
        #expect(try await workspace.run("speakers", "1", "--interviewer", "C").exitCode != 0)
        #expect(try await workspace.snapshot() == before)
    }

    @Test func theInterviewerIsWhoeverSpeaksFirstUntilChosenAndDecidesTheQuestions() async throws {
        try await RoundTrip.setUp(workspace)
        let published = { () async throws -> [Bool] in
            let result = try await succeed("publish", "1", "--format", "json")
            return try decodeJSON([PublishedHighlight].self, from: result.stdout).flatMap(\.paragraphs).map(\.question)
        }
        #expect(try await published() == [true, false, true, false])

        let chosen = try await succeed("speakers", "1", "--interviewer", "Jane")
        #expect(chosen.stdout == "speaker B is the interviewer\n")
        #expect(try await published() == [false, true, false, true])
        let listed = try await succeed("speakers", "1")
        #expect(listed.stdout == "A  Andy\nB  Jane  (interviewer)\n")

        _ = try await succeed("undo", "1")
        #expect(try await published() == [true, false, true, false])
    }
}

extension SpeakerFixTests {
    @Test func oneSpeakerOnMonoMakesEverySegmentA() async throws {
        let result = try await workspace.run("import", CLI.sample("interview-mono.wav"), "--speakers", "1")
        #expect(result.exitCode == 0, "\(result)")

        #expect(Set(try await rows().compactMap(\.speaker)) == ["A"])
        #expect(try await succeed("speakers", "1").stdout == "A  (unnamed)  (interviewer)\n")
        #expect(try await workspace.run("import", CLI.sample("call-stereo.wav"), "--speakers", "9").exitCode == 64)
    }
}
