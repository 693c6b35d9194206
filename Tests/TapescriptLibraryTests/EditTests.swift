import Foundation
import TapescriptApplication
import Testing

@testable import TapescriptAudio
@testable import TapescriptLibrary

/// The reviewer's edits: each one transaction, one step of undo, and nothing changed when refused.
@Suite struct EditTests {
    /// A library holding one call recording of four 1 s segments, every 2 s, at 8 kHz: in memory, or in the file
    /// at `path`.
    static func library(channels: Int = 2, at path: String? = nil) throws -> (Library, InterviewReference) {
        let library = try path.map { try #require(try Library.open(at: $0, create: true)) } ?? Library.inMemory()
        try fill(library, channels: channels)
        return (library, .slug("test"))
    }

    /// Imports the test recording into `library`; its slug is `test` the first time.
    static func fill(_ library: Library, channels: Int) throws {
        let rate = 8000
        let windows = 10 * 100
        let envelope = Envelope(
            sampleRate: rate, windowFrameCount: 80, channelCount: channels,
            levelCodes: Array(repeating: 10, count: windows * channels), pitchCodes: Array(repeating: 0, count: windows)
        )
        let analysis = RecordingAnalysis(
            format: AudioFormat(
                container: "WAV", encoding: "PCM 16", sampleRate: rate, channelCount: channels, frameCount: 80_000,
                sampleKind: .integer),
            envelope: envelope, fingerprint: "test-\(channels)", markers: [], decodedFrameCount: 80_000,
            truncation: nil,
            nonFiniteSampleCount: 0)
        let regions = (0..<4).map { index in
            SpeechRegion(
                startFrame: Int64(index * 2 * rate), endFrame: Int64((index * 2 + 1) * rate),
                channel: channels > 1 ? index % 2 : nil)
        }
        _ = try library.importRecording(
            analysis, path: "/t.wav", title: "Test", regions: regions, parameters: .interview)
    }

    @Test func markingMakesANumberedHighlightAndUndoTakesItBack() throws {
        let (library, interview) = try Self.library()
        #expect(
            EditWording.sentence(for: try library.mark(interview, segments: 2, through: 3, title: "Mentors"))
                == "marked segments 2–3 as highlight 1 “Mentors”")
        var snapshot = try library.reviewSnapshot(of: interview)
        #expect(snapshot.segments.map(\.highlight) == [nil, 1, 1, nil])
        #expect(snapshot.highlights.first?.segments == 2...3)
        #expect(EditWording.sentence(for: try library.undo(interview)).hasPrefix("undid: marked"))
        snapshot = try library.reviewSnapshot(of: interview)
        #expect(snapshot.highlights.isEmpty)
        #expect(EditWording.sentence(for: try library.redo(interview)).hasPrefix("redid: marked"))
        #expect(try library.reviewSnapshot(of: interview).highlights.first?.title == "Mentors")
    }

    @Test func aRangeAcrossAHighlightIsRefusedAndChangesNothing() throws {
        let (library, interview) = try Self.library()
        _ = try library.mark(interview, segments: 2, through: 3)
        #expect(throws: LibraryError.invalidEdit(.crossesHighlight(first: 3, last: 4, highlight: 1))) {
            try library.mark(interview, segments: 3, through: 4)
        }
        #expect(try library.reviewSnapshot(of: interview).highlights.count == 1)
    }

    @Test func badNumbersAndTitlesAreRefused() throws {
        let (library, interview) = try Self.library()
        #expect(throws: LibraryError.invalidEdit(.noSuchSegment(9, count: 4))) {
            try library.setText(interview, segment: 9, text: "x")
        }
        #expect(throws: LibraryError.invalidEdit(.emptyTitle)) {
            try library.mark(interview, segments: 1, through: 1, title: "  ")
        }
        #expect(throws: LibraryError.invalidEdit(.nothingToUndo)) { try library.undo(interview) }
        #expect(throws: LibraryError.invalidEdit(.nothingToMerge(segment: 4))) {
            try library.merge(interview, segment: 4)
        }
    }

    @Test func everyVersionOfATextIsKeptAndUndoRestoresTheOldWords() throws {
        let (library, interview) = try Self.library()
        _ = try library.setText(interview, segment: 1, text: "First try")
        _ = try library.setText(interview, segment: 1, text: "Second try")
        #expect(try library.reviewSnapshot(of: interview).segments[0].text == "Second try")
        _ = try library.undo(interview)
        #expect(try library.reviewSnapshot(of: interview).segments[0].text == "First try")
        let versions = try library.read { try TextRevision.fetchCount($0) }
        #expect(versions == 3)
    }

    @Test func splitKeepsTheTextOnTheFirstPartAndMergeJoinsTexts() throws {
        let (library, interview) = try Self.library()
        _ = try library.setText(interview, segment: 1, text: "Hello there")
        _ = try library.mark(interview, segments: 1, through: 1)
        _ = try library.split(interview, segment: 1, atFrame: 4000)
        var snapshot = try library.reviewSnapshot(of: interview)
        #expect(snapshot.segments.count == 5)
        #expect(snapshot.segments[0].text == "Hello there")
        #expect(snapshot.segments[0].highlight == 1 && snapshot.segments[1].highlight == 1)
        _ = try library.setText(interview, segment: 2, text: "General Kenobi")
        _ = try library.merge(interview, segment: 1)
        snapshot = try library.reviewSnapshot(of: interview)
        #expect(snapshot.segments.count == 4)
        #expect(snapshot.segments[0].text == "Hello there General Kenobi")
        #expect(throws: LibraryError.invalidEdit(.splitOutsideSegment(segment: 1, at: 5, start: 0, end: 1))) {
            try library.split(interview, segment: 1, atFrame: 40_000)
        }
    }

    @Test func speakersAreNamedOnCallsAndUndoneAsOneStep() throws {
        let (library, interview) = try Self.library()
        _ = try library.nameSpeakers(interview, [("A", "Andy"), ("b", "Jane")])
        var snapshot = try library.reviewSnapshot(of: interview)
        #expect(snapshot.speaker(channel: 0) == "Andy" && snapshot.speaker(channel: 1) == "Jane")
        _ = try library.undo(interview)
        snapshot = try library.reviewSnapshot(of: interview)
        #expect(snapshot.speaker(channel: 1) == "B")
        let (mono, monoInterview) = try Self.library(channels: 1)
        #expect(throws: LibraryError.invalidEdit(.monoHasNoSpeakers)) {
            try mono.nameSpeakers(monoInterview, [("A", "x")])
        }
        #expect(throws: LibraryError.invalidEdit(.unknownSpeaker("C"))) {
            try library.nameSpeakers(interview, [("C", "x")])
        }
    }

    @Test func resegmentingCarriesTextsToTheNewSegmentsAndCanBeUndone() throws {
        let (library, interview) = try Self.library()
        _ = try library.setText(interview, segment: 1, text: "One")
        _ = try library.setText(interview, segment: 2, text: "Two")
        _ = try library.mark(interview, segments: 2, through: 2, title: "Kept")
        try library.replaceSegments(
            of: interview, with: [SpeechRegion(startFrame: 0, endFrame: 24_000, channel: 0)], parameters: .interview)
        var snapshot = try library.reviewSnapshot(of: interview)
        #expect(snapshot.segments.map(\.text) == ["One Two"])
        #expect(snapshot.highlights.first?.title == "Kept")
        _ = try library.undo(interview)
        snapshot = try library.reviewSnapshot(of: interview)
        #expect(snapshot.segments.map(\.text) == ["One", "Two", nil, nil])
    }

    @Test func undoThenRedoOfAReplyKeepsTheAuthorsWordsTheAuthors() throws {
        let (library, interview) = try Self.library()
        _ = try library.setText(interview, segment: 1, text: "Asked")
        let draft = try library.recordDraft(interview, recipient: nil, paragraphs: []) { "Draft \($0)" }
        _ = try library.applyReply(interview, draft: draft, texts: [(startFrame: 0, endFrame: 8000, text: "Answered")])

        _ = try library.undo(interview)
        _ = try library.redo(interview)

        let versions = try library.history(interview, segment: 1)
        #expect(versions.map(\.text) == ["Asked", "Answered", "Asked", "Answered"])
        #expect(versions.map(\.origin) == [.interviewer, .author, .interviewer, .author])
        #expect(versions.map(\.draftVersion) == [nil, 1, nil, 1])
    }

    @Test func aNewEditClearsWhatCouldBeRedone() throws {
        let (library, interview) = try Self.library()
        _ = try library.mark(interview, segments: 1, through: 1)
        _ = try library.undo(interview)
        _ = try library.mark(interview, segments: 2, through: 2)
        #expect(throws: LibraryError.invalidEdit(.nothingToRedo)) { try library.redo(interview) }
    }
}
