import Foundation
import GRDB
import TapescriptTestSupport
import Testing

/// `import`, `apply --yes` and `resegment` killed with `kill -9` at any instant leave the library as it was or as the
/// whole command would have left it, never a mix: SQLite finds nothing wrong, no interview lacks its recording or
/// its segments, and `list --json` and `segments --format json` show the old state or the new one.
@Suite struct CrashConsistencyTests {
    let workspace: Workspace

    init() throws { workspace = try Workspace() }

    /// 90 s of mono speech at 16 kHz in 3 s bursts, 1 s apart (about 22 segments): long enough that a kill lands
    /// while it is being decoded as well as while it is being stored.
    private func writeLongRecording() throws -> String {
        let path = workspace.file("long-interview.wav")
        var recording = TestRecording(sampleRate: 16_000, channelCount: 1, seconds: 90)
        for burst in 0..<22 {
            let start = 0.5 + Double(burst) * 4
            recording.addSpeech(from: start, to: start + 3, decibels: -20, seed: UInt64(burst + 1))
        }
        recording.addNoise(decibels: -65)
        try recording.write(to: path)
        return path
    }

    @Test func aKilledImportLeavesTheLibraryWithoutTheInterviewOrWithAllOfIt() async throws {
        try await workspace.importRecording(CLI.sample("interview-mono.wav"))
        let long = try writeLongRecording()

        try await expectKillsLeaveTheOldStateOrTheNew(
            of: ["import", long], committed: "SELECT count(*) FROM interview", from: 1)
    }

    @Test func aKilledApplyLeavesEveryTextAsItWasOrAsTheAuthorWroteIt() async throws {
        try await RoundTrip.setUp(workspace)

        try await expectKillsLeaveTheOldStateOrTheNew(
            of: ["apply", RoundTrip.fixture("a-edited.txt"), "--yes"], committed: "SELECT count(*) FROM edit",
            from: try KilledLibrary.read(workspace.library) { try Int.fetchOne($0, sql: "SELECT count(*) FROM edit") }
                ?? 0)
    }

    @Test func aKilledResegmentLeavesTheOldSegmentsOrTheNew() async throws {
        try await workspace.importRecording(try writeLongRecording())
        for segment in ["1", "2", "5"] {
            try await RoundTrip.succeed(workspace, "text", "1", segment, "Words \(segment).")
        }
        try await RoundTrip.succeed(workspace, "mark", "1", "2-3")
        let edits = try KilledLibrary.read(workspace.library) { try Int.fetchOne($0, sql: "SELECT count(*) FROM edit") }

        try await expectKillsLeaveTheOldStateOrTheNew(
            of: ["resegment", "1", "--min-silence", "1.5"], committed: "SELECT count(*) FROM edit", from: edits ?? 0)
    }

    // MARK: The kills

    /// Runs `arguments` to the end once, from a copy of the library, to learn the new state and how long the
    /// command takes; then, each time from that copy again, kills it at once, at fractions of that time, and as soon
    /// as `committed` (a count) rises above `from`, and checks what is left.
    private func expectKillsLeaveTheOldStateOrTheNew(
        of arguments: [String], committed: String, from count: Int, sourceLocation: SourceLocation = #_sourceLocation
    ) async throws {
        let saved = workspace.file("saved.sqlite")
        #expect(!FileManager.default.fileExists(atPath: workspace.library + "-wal"), sourceLocation: sourceLocation)
        try FileManager.default.copyItem(atPath: workspace.library, toPath: saved)
        let before = try await view()
        let clock = ContinuousClock()
        var finished: CLIResult?
        let whole = try await clock.measure { finished = try await workspace.run(arguments) }
        #expect(
            finished?.exitCode == 0, "\(finished.map(String.init(describing:)) ?? "")", sourceLocation: sourceLocation)
        let after = try await view()
        #expect(after != before, sourceLocation: sourceLocation)

        let instants: [KilledRun.Instant] =
            [.after(.zero)] + [0.1, 0.25, 0.4, 0.55, 0.7, 0.85, 1.0].map { .after(whole * $0) }
            + [.whenCount(committed, library: workspace.library, exceeds: count)]
        var seen: Set<String> = []
        for instant in instants {
            try restore(saved)

            let outcome = try await KilledRun.run(arguments, in: workspace, killAt: instant)

            let context = Comment(rawValue: "killed \(instant): \(outcome)")
            #expect(outcome == .killed || outcome == .exited(0), context, sourceLocation: sourceLocation)
            #expect(try KilledLibrary.integrity(of: workspace.library) == "ok", context, sourceLocation: sourceLocation)
            #expect(try halfInterviews() == [], context, sourceLocation: sourceLocation)
            let now = try await view()
            #expect(now == before || now == after, context, sourceLocation: sourceLocation)
            if now == before { seen.insert("before") }
            if now == after { seen.insert("after") }
        }
        // Killed at once it cannot have stored anything; once the count rose it has committed.
        #expect(seen == ["before", "after"], sourceLocation: sourceLocation)
    }

    /// The library as `saved` holds it, with no log of a killed run beside it.
    private func restore(_ saved: String) throws {
        for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: workspace.library + suffix) {
            try FileManager.default.removeItem(atPath: workspace.library + suffix)
        }
        try FileManager.default.copyItem(atPath: saved, toPath: workspace.library)
    }

    /// What a user sees of the library, but the import dates: a second import of the same file is a second later.
    private func view() async throws -> LibrarySnapshot {
        var snapshot = try await workspace.snapshot()
        snapshot.list = snapshot.list.replacing(/"importedAt" : "[^"]*"/, with: #""importedAt" : """#)
        return snapshot
    }

    /// The interviews with no recording or no segments: an import or a resegment stored in part.
    private func halfInterviews() throws -> [String] {
        try KilledLibrary.read(workspace.library) { db in
            try String.fetchAll(
                db,
                sql: """
                    SELECT slug FROM interview i
                    WHERE NOT EXISTS (SELECT 1 FROM recording r WHERE r.interviewId = i.id)
                       OR NOT EXISTS (
                          SELECT 1 FROM recording r JOIN segment s ON s.recordingId = r.id WHERE r.interviewId = i.id)
                    """)
        }
    }
}
