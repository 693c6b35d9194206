import Foundation
import GRDB
import TapescriptApplication
import TapescriptAudio
import TapescriptTestSupport
import Testing

@testable import TapescriptLibrary

/// What the library stores as JSON: rows written by older Tapescripts still read, and a row that does not read is
/// one sentence that says the library is damaged, where, and what still works.
@Suite struct StoredDataTests {
    let folder: TemporaryFolder
    let path: String

    init() throws {
        folder = try TemporaryFolder()
        path = folder.file("library.sqlite")
    }

    // MARK: Rows written before the JSON columns were typed

    static let created = Date(timeIntervalSinceReferenceDate: 780_000_000.25)
    static let paragraph = SentParagraph(
        anchor: "[0:00]", startFrame: 0, endFrame: 8000, speaker: "A", isQuestion: false, text: "Hello.",
        highlightTitle: "Old title")

    /// A library at the schema of the third migration, filled the way that Tapescript wrote it: JSON as BLOBs
    /// from a plain `JSONEncoder`, and one journal entry known by its sentence, marking segment 1.
    func writeLibraryAtTheThirdMigration() throws {
        let queue = try DatabaseQueue(path: path)
        try LibraryMigrations.migrator.migrate(queue, upTo: "v3: what each draft sent, paragraph by paragraph")
        let encoder = JSONEncoder()
        let segments = (0..<4).map { index in
            EditSlice.SegmentState(
                startFrame: Int64(index * 16_000), endFrame: Int64(index * 16_000 + 8000), channel: index % 2,
                text: nil)
        }
        let before = EditSlice(segments: [segments[0]], highlights: [], listenerMarkers: [], speakerNames: nil)
        var after = before
        after.highlights = [
            EditSlice.HighlightState(
                startFrame: 0, endFrame: 8000, title: "Old title", note: nil, createdAt: Self.created)
        ]
        try queue.write { db in
            try db.execute(
                sql: "INSERT INTO interview (id, slug, title, createdAt) VALUES (1, 'old', 'Old', ?)",
                arguments: [Self.created])
            try db.execute(
                sql: """
                    INSERT INTO recording (id, interviewId, path, fingerprint, container, encoding, sampleRate,
                        channelCount, frameCount, envelope, segmentation, importedAt)
                    VALUES (1, 1, '/old.wav', 'old', 'WAV', 'PCM 16', 8000, 2, 80000, ?, ?, ?)
                    """,
                arguments: [Data([0]), try encoder.encode(SegmentationParameters.interview), Self.created])
            for segment in segments {
                try db.execute(
                    sql: "INSERT INTO segment (recordingId, startFrame, endFrame, channel) VALUES (1, ?, ?, ?)",
                    arguments: [segment.startFrame, segment.endFrame, segment.channel])
            }
            try db.execute(
                sql:
                    "INSERT INTO highlight (interviewId, startFrame, endFrame, title, createdAt) VALUES (1, 0, 8000, ?, ?)",
                arguments: ["Old title", Self.created])
            try db.execute(
                sql: "INSERT INTO draft (interviewId, version, text, createdAt, paragraphs) VALUES (1, 1, 'Hi', ?, ?)",
                arguments: [Self.created, try encoder.encode([Self.paragraph])])
            try db.execute(
                sql: """
                    INSERT INTO edit (interviewId, label, startFrame, endFrame, before, after, undone, createdAt)
                    VALUES (1, 'marked segment 1 as highlight 1', 0, 8000, ?, ?, 0, ?)
                    """,
                arguments: [try encoder.encode(before), try encoder.encode(after), Self.created])
        }
        try queue.close()
    }

    @Test func jsonStoredAsBlobsByAnOlderTapescriptStillReads() throws {
        try writeLibraryAtTheThirdMigration()
        let library = try #require(try Library.open(at: path, create: false))

        #expect(try library.detail(of: .slug("old")).recording.segmentation == .interview)
        #expect(try library.draft(.slug("old"), version: 1)?.paragraphs == [Self.paragraph])
        #expect(try library.summaries().map(\.segmentCount) == [4])
    }

    @Test func highlightsOfAnOlderLibraryKeepTheNumbersTheyWereShownWithAndNewOnesComeAfter() throws {
        try writeLibraryAtTheThirdMigration()
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            // Inserted out of time order: until now a number was a place in time order, not an id.
            for start in [48_000, 16_000] {
                try db.execute(
                    sql: "INSERT INTO highlight (interviewId, startFrame, endFrame, createdAt) VALUES (1, ?, ?, ?)",
                    arguments: [start, start + 8000, Self.created])
            }
        }
        try queue.close()
        let library = try #require(try Library.open(at: path, create: false))

        let numbers = try library.reviewSnapshot(of: .slug("old")).highlights.map { [$0.startFrame, Int64($0.number)] }
        #expect(numbers == [[0, 1], [16_000, 2], [48_000, 3]])
        #expect(try library.unmark(.slug("old"), segments: 2, through: 2) == .unmarked(highlights: [2]))
        #expect(
            try library.mark(.slug("old"), segments: 3, through: 3)
                == .marked(first: 3, last: 3, highlight: 4, title: nil))
        let after = try library.reviewSnapshot(of: .slug("old")).highlights.map(\.number)
        #expect(after == [1, 4, 3], "in time order, each under its own number")
    }

    @Test func anEditJournalledAsASentenceIsUndoneAndRedoneAndShownWithIt() throws {
        try writeLibraryAtTheThirdMigration()
        let library = try #require(try Library.open(at: path, create: false))
        let legacy = JournalledEdit.legacy(label: "marked segment 1 as highlight 1")

        let undone = try library.undo(.slug("old"))
        #expect(undone == .undid(legacy))
        #expect(EditWording.sentence(for: undone) == "undid: marked segment 1 as highlight 1")
        #expect(try library.reviewSnapshot(of: .slug("old")).highlights.isEmpty)
        #expect(try library.redo(.slug("old")) == .redid(legacy))
        // The slice's date was written as seconds since 2001; read as milliseconds since 1970 it would be 1970.
        #expect(try library.read { try Highlight.fetchOne($0) }?.createdAt == Self.created)
    }

    @Test func aSliceJournalledBeforeAuthorshipWasKeptStillReads() throws {
        let json = #"{"highlights":[],"listenerMarkers":[],"segments":[{"endFrame":8000,"startFrame":0,"text":"Old"}]}"#

        let slice = try Edit.databaseJSONDecoder(for: "before").decode(EditSlice.self, from: Data(json.utf8))

        #expect(slice.segments.map(\.text) == ["Old"])
        #expect(slice.segments.map(\.origin) == [nil])
        #expect(slice.segments.map(\.draftId) == [nil])
    }

    @Test func newEditsAreJournalledAsWhatTheyDidWithNoSentence() throws {
        let (library, interview) = try EditTests.library()
        let summary = try library.mark(interview, segments: 2, through: 3, title: "Mentors")

        #expect(summary == .marked(first: 2, last: 3, highlight: 1, title: "Mentors"))
        let entry = try #require(try library.read { try Edit.fetchOne($0) })
        #expect(entry.label == nil)
        #expect(entry.summary == summary)
        #expect(try library.undo(interview) == .undid(.summary(summary)))
    }

    // MARK: Damage

    /// The error is one sentence that says the library is damaged and names `subject`, with no Swift in it.
    func expectOneClearSentence(
        _ error: LibraryError, naming subject: String, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let text = error.description
        #expect(text.hasPrefix("the library '\(path)' is damaged: "), "\(text)", sourceLocation: sourceLocation)
        #expect(text.contains(subject), "\(text)", sourceLocation: sourceLocation)
        #expect(text.contains("still work"), "\(text)", sourceLocation: sourceLocation)
        for leak in ["\n", "DecodingError", "typeMismatch", "dataCorrupted", "Context", "codingPath", "RowDecoding"] {
            #expect(!text.contains(leak), "\(text)", sourceLocation: sourceLocation)
        }
    }

    @Test func aDraftWhoseParagraphsDoNotReadIsNamed() throws {
        let (library, interview) = try EditTests.library(at: path)
        _ = try library.recordDraft(interview, recipient: nil, paragraphs: [Self.paragraph]) { "Draft \($0)" }
        try library.write { try $0.execute(sql: #"UPDATE draft SET paragraphs = '{"not": "paragraphs"}'"#) }

        let error = try #require(throws: LibraryError.self) { try library.draft(interview, version: 1) }

        #expect(error == .unreadable(path: path, part: .draft(interview: "test", version: 1)))
        expectOneClearSentence(error, naming: "draft 1 of interview 'test'")
        // Sending a new draft still works.
        #expect(try library.recordDraft(interview, recipient: nil, paragraphs: []) { "Draft \($0)" }.version == 2)
    }

    static let damagedJournal = [
        #"UPDATE edit SET before = X'00FF'"#, #"UPDATE edit SET after = '{"segments": 3}'"#,
        #"UPDATE edit SET summary = '{"launchedARocket": {}}'"#,
    ]

    @Test(arguments: damagedJournal)
    func aJournalEntryThatDoesNotReadIsNamed(damage: String) throws {
        let (library, interview) = try EditTests.library(at: path)
        _ = try library.mark(interview, segments: 1, through: 1)
        try library.write { try $0.execute(sql: damage) }

        let error = try #require(throws: LibraryError.self) { try library.undo(interview) }

        #expect(error == .unreadable(path: path, part: .undoHistory(interview: "test")))
        expectOneClearSentence(error, naming: "undo history of interview 'test'")
        // New edits still work.
        #expect(try library.setText(interview, segment: 2, text: "Still here") == .savedText(segment: 2))
    }

    @Test func aRecordingThatDoesNotReadIsNamedAndTheOtherInterviewsStillOpen() throws {
        let (library, interview) = try EditTests.library(at: path)
        try EditTests.fill(library, channels: 1)
        try library.write { try $0.execute(sql: "UPDATE recording SET segmentation = 'garbage' WHERE interviewId = 1") }

        let opening = try #require(throws: LibraryError.self) { try library.reviewSnapshot(of: interview) }
        let listing = try #require(throws: LibraryError.self) { try library.summaries() }

        #expect(opening == .unreadable(path: path, part: .recording(interview: "test")))
        #expect(listing == opening)
        expectOneClearSentence(opening, naming: "recording of interview 'test'")
        #expect(try library.detail(of: .slug("test-2")).segments.count == 4)
    }

    @Test func aTextVersionOfAnOriginNoTapescriptWroteIsAnErrorNotADefault() throws {
        let (library, interview) = try EditTests.library(at: path)
        _ = try library.setText(interview, segment: 1, text: "Hello")
        try library.write { db in
            // The schema's check would refuse the value: only a damaged file holds one.
            try db.execute(sql: "PRAGMA ignore_check_constraints = ON")
            try db.execute(sql: "UPDATE textRevision SET origin = 'robot'")
        }

        let error = try #require(throws: LibraryError.self) { try library.history(interview, segment: 1) }

        #expect(error == .unreadable(path: path, part: .textHistory(interview: "test", segment: 1)))
        expectOneClearSentence(error, naming: "segment 1 of interview 'test'")
        // Edits still work, and journal what they can read.
        #expect(try library.setText(interview, segment: 2, text: "Still here") == .savedText(segment: 2))
        #expect(try library.undo(interview) == .undid(.summary(.savedText(segment: 2))))
    }

    struct Surprise: Error {
        var secret = "payload-42"
    }

    @Test func anErrorTheStoreDoesNotExpectIsNamedNotDumped() {
        let undecodable = DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "not JSON"))

        #expect(Library.translate(undecodable, path: path) == .unreadable(path: path, part: .storedValue))
        let surprise = Library.translate(Surprise(), path: path).description
        #expect(!surprise.contains("payload-42") && !surprise.contains("secret"), "\(surprise)")
    }
}
