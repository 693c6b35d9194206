import Foundation
import GRDB
import Testing

/// `draft -o` killed at any instant: a version is recorded only once its file exists, and nothing hidden is left
/// beside the file.
@Suite struct DraftCrashTests {
    let workspace: Workspace

    init() throws { workspace = try Workspace() }

    /// The call sample with one highlight, and an empty folder `out` for the drafts.
    private func setUp() async throws -> String {
        try await workspace.importRecording(CLI.sample("call-stereo.wav"))
        try await RoundTrip.succeed(workspace, "mark", "1", "1-2")
        let out = workspace.file("out")
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: false)
        return out
    }

    /// The text of every recorded draft of interview 1, by version.
    private func drafts() throws -> [Int: String] {
        try KilledLibrary.read(workspace.library) { db in
            let rows = try Row.fetchAll(db, sql: "SELECT version, text FROM draft WHERE interviewId = 1")
            return Dictionary(uniqueKeysWithValues: rows.map { ($0["version"], $0["text"]) })
        }
    }

    private static func hiddenFiles(in folder: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasPrefix(".") }.sorted()
    }

    private static func contents(of path: String) -> String? {
        FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Kills `draft -o` as its transaction commits, as its file appears, and after random delays up to the time a
    /// whole draft takes; to a new file each time, or over the same file.
    @Test(arguments: [false, true])
    func aKilledDraftNeverLeavesAVersionWithoutItsFileNorAHiddenFile(replacing: Bool) async throws {
        let out = try await setUp()
        let kept = out + "/draft.txt"
        let whole = try await ContinuousClock().measure {
            try await RoundTrip.succeed(workspace, "draft", "1", "-o", kept)
        }
        let microseconds = max(1, Int64(whole / .microseconds(1)))
        let random = (0..<8).map { _ in Duration.microseconds(Int64.random(in: 0..<microseconds)) }
        let paths = (0..<14).map { replacing ? kept : out + "/draft-\($0).txt" }

        for (attempt, path) in paths.enumerated() {
            let before = try drafts()
            let previous = Self.contents(of: path)
            let instant: KilledRun.Instant =
                switch attempt {
                case 0..<6 where attempt.isMultiple(of: 2):
                    .whenCount("SELECT count(*) FROM draft", library: workspace.library, exceeds: before.count)
                case 0..<6: .whenNewFile(path)
                default: .after(random[attempt - 6])
                }

            let outcome = try await KilledRun.run(["draft", "1", "-o", path], in: workspace, killAt: instant)

            let context = Comment(rawValue: "attempt \(attempt), killed \(instant): \(outcome)")
            #expect(outcome == .killed || outcome == .exited(0), context)
            #expect(try KilledLibrary.integrity(of: workspace.library) == "ok", context)
            let after = try drafts()
            let recorded = after.keys.filter { before[$0] == nil }
            #expect(recorded.count <= 1, context)
            let file = Self.contents(of: path)
            if let version = recorded.first {
                #expect(file == after[version], "draft \(version) is recorded but not its file; \(context)")
            } else if file != previous {
                // Killed between the rename and the commit: the file is the whole next draft, not recorded; the
                // next draft takes its number again.
                let newest = try #require(before.keys.max())
                let next = before[newest]?.replacing("draft \(newest)", with: "draft \(newest + 1)")
                #expect(file == next, "a file that is not the next whole draft; \(context)")
            }
            #expect(try Self.hiddenFiles(in: out) == [], context)
        }
    }

    @Test func aHiddenFileLeftByAKilledWriterIsRemovedByTheNextWriteOfTheSameFile() async throws {
        let out = try await setUp()
        let finished = try Process.run(URL(fileURLWithPath: "/bin/sh"), arguments: ["-c", "exit 0"])
        finished.waitUntilExit()
        let ours = ".draft.txt.\(getpid()).1.partial"
        let left = [
            ".draft.txt.\(finished.processIdentifier).2.partial", ".other.txt.\(finished.processIdentifier).3.partial",
        ]
        for name in [ours] + left {
            #expect(FileManager.default.createFile(atPath: out + "/" + name, contents: Data("half".utf8)))
        }

        try await RoundTrip.succeed(workspace, "draft", "1", "-o", out + "/draft.txt")

        // The one a live writer may still rename, and those beside other files, are left alone.
        #expect(try Self.hiddenFiles(in: out) == [ours, left[1]].sorted())
    }
}
