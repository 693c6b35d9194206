import Foundation
import GRDB
import TapescriptAudio
import TapescriptTestSupport
import Testing

@testable import TapescriptLibrary

@Suite struct LibraryTests {
    /// A small analysed recording: two turns of speech.
    static func analysis(seed: UInt64 = 1) throws -> RecordingAnalysis {
        let folder = try TemporaryFolder()
        var recording = TestRecording(sampleRate: 8000, channelCount: 1, seconds: 4)
        recording.addSpeech(from: 0.5, to: 1.5, decibels: -20, pitch: 120, seed: seed)
        recording.addSpeech(from: 2.5, to: 3.5, decibels: -20, pitch: 220, seed: seed + 1)
        try recording.write(to: folder.file("call.wav"))
        return try RecordingAnalyzer.analyze(path: folder.file("call.wav"))
    }

    func importAnalysis(
        _ analysis: RecordingAnalysis, into library: Library, title: String = "Jane Doe on networking"
    ) throws -> Interview {
        let regions = SilenceDetector().detect(in: analysis.envelope)
        return try library.importRecording(
            analysis, path: "/calls/jane.wav", title: title, regions: regions, parameters: .interview)
    }

    @Test func importStoresTheInterviewItsSegmentsAndEnvelope() throws {
        let library = try Library.inMemory()
        let analysis = try Self.analysis()
        let interview = try importAnalysis(analysis, into: library)
        #expect(interview.slug == "jane-doe-on-networking")
        let detail = try library.detail(of: .slug("jane-doe-on-networking"))
        #expect(detail.segments.count == 2)
        #expect(try library.envelope(of: detail.recording) == analysis.envelope)
        #expect(try library.detail(of: .number(try #require(interview.id))).interview.slug == interview.slug)
        #expect(try library.summaries().map(\.segmentCount) == [2])
    }

    /// A mono voiceprint is written into a row of its own, piece by piece; the recording row keeps the levels.
    @Test func aMonoVoiceprintIsKeptInARowOfItsOwn() throws {
        let library = try Library.inMemory()
        let analysis = try Self.analysis()
        let voiceprint = try #require(analysis.envelope.voiceprint)
        _ = try importAnalysis(analysis, into: library)
        let detail = try library.detail(of: .slug("jane-doe-on-networking"))
        #expect(detail.recording.envelope == analysis.envelope.encodedLevels())
        let section = try library.read { db in try Data.fetchOne(db, sql: "SELECT section FROM voiceprint") }
        #expect(section?.count == voiceprint.encodedCount)
        #expect(try library.envelope(of: detail.recording).voiceprint == voiceprint)
    }

    /// Libraries written before v8 keep the voiceprint appended to the envelope; they still read.
    @Test func anEnvelopeWithItsVoiceprintAppendedStillReads() throws {
        let library = try Library.inMemory()
        let analysis = try Self.analysis()
        _ = try importAnalysis(analysis, into: library)
        try library.write { db in
            try db.execute(sql: "DELETE FROM voiceprint")
            try db.execute(sql: "UPDATE recording SET envelope = ?", arguments: [analysis.envelope.encoded()])
        }
        let detail = try library.detail(of: .slug("jane-doe-on-networking"))
        #expect(try library.envelope(of: detail.recording) == analysis.envelope)
    }

    @Test func theSameAudioTwiceIsRefusedAndChangesNothing() throws {
        let library = try Library.inMemory()
        let analysis = try Self.analysis()
        _ = try importAnalysis(analysis, into: library)
        #expect(throws: LibraryError.duplicateRecording(path: "/calls/jane.wav", existing: "jane-doe-on-networking")) {
            try importAnalysis(analysis, into: library, title: "Another title")
        }
        #expect(try library.summaries().count == 1)
    }

    @Test func titlesThatCollideGetNumberedSlugs() throws {
        let library = try Library.inMemory()
        _ = try importAnalysis(try Self.analysis(seed: 1), into: library)
        let second = try importAnalysis(try Self.analysis(seed: 5), into: library)
        #expect(second.slug == "jane-doe-on-networking-2")
    }

    @Test func anUnknownInterviewIsNamedInTheError() throws {
        let library = try Library.inMemory()
        #expect(throws: LibraryError.unknownInterview(reference: "nobody")) {
            try library.detail(of: InterviewReference("nobody"))
        }
    }

    @Test func resegmentingReplacesSegmentsAndKeepsWhatIsAnchoredToTime() throws {
        let library = try Library.inMemory()
        let interview = try importAnalysis(try Self.analysis(), into: library)
        let id = try #require(interview.id)
        try library.write { db in
            try db.execute(
                sql:
                    "INSERT INTO highlight (interviewId, startFrame, endFrame, title, createdAt) VALUES (?, ?, ?, ?, ?)",
                arguments: [id, 4000, 12_000, "Finding mentors", Date()])
        }
        try library.replaceSegments(
            of: .number(id), with: [SpeechRegion(startFrame: 4000, endFrame: 28_000, channel: nil)],
            parameters: .interview)
        #expect(try library.detail(of: .number(id)).segments.count == 1)
        #expect(try library.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM highlight") } == 1)
    }

    @Test func aFileThatIsNotADatabaseIsRefusedAndLeftAlone() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("notes.sqlite")
        try Data("my shopping list".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: LibraryError.notALibrary(path: path)) { try Library.open(at: path, create: true) }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "my shopping list")
    }

    @Test func aLibraryFromANewerTapescriptIsRefused() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("library.sqlite")
        let library = try #require(try Library.open(at: path, create: true))
        try library.write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v999: from the future')")
        }
        #expect(throws: LibraryError.newerSchema(path: path)) { try Library.open(at: path, create: false) }
    }

    @Test func aLibraryCannotBeMadeWhereAFileStandsForItsFolder() throws {
        let folder = try TemporaryFolder()
        try Data().write(to: URL(fileURLWithPath: folder.file("plain-file")))
        let path = folder.file("plain-file/library.sqlite")
        #expect(throws: LibraryError.self) { try Library.open(at: path, create: true) }
        #expect(try Library.open(at: folder.file("absent.sqlite"), create: false) == nil)
    }

    @Test(arguments: [
        ("Jane Doe on networking", "jane-doe-on-networking"), ("  Ünïcödé — Interview!! ", "unicode-interview"),
        ("2024", "interview-2024"), ("???", "interview"), ("日本語 インタビュー", "ri-ben-yu-intabyu"),
        ("Интервью в Москве", "intervu-v-moskve"), ("Ελληνικά", "ellenika"),
        ("A very long title that goes on and on about many things", "a-very-long-title-that-goes-on-and-on"),
    ])
    func slugsAreShortLowercaseWords(title: String, slug: String) {
        #expect(Slug.make(from: title) == slug)
    }

    @Test func theLibraryLocationFollowsFlagThenEnvironmentThenXDG() {
        #expect(
            LibraryLocation.resolve(explicit: "/a.sqlite", environment: ["TAPESCRIPT_LIBRARY": "/b"]) == "/a.sqlite")
        #expect(LibraryLocation.resolve(explicit: nil, environment: ["TAPESCRIPT_LIBRARY": "/b"]) == "/b")
        #expect(
            LibraryLocation.resolve(explicit: nil, environment: ["XDG_DATA_HOME": "/x", "HOME": "/h"])
                == "/x/tapescript/library.sqlite")
        #expect(
            LibraryLocation.resolve(explicit: nil, environment: ["HOME": "/h"])
                == "/h/.local/share/tapescript/library.sqlite")
    }
}
