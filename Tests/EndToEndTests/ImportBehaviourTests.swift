import Foundation
import Testing

/// How `import` treats several files, repeated titles, and other Tapescripts writing to the same library.
@Suite struct ImportBehaviourTests {
    let workspace: Workspace
    static let mono = CLI.sample("interview-mono.wav")
    static let stereo = CLI.sample("call-stereo.wav")

    init() throws { workspace = try Workspace() }

    @Test func aBadFileAmongSeveralIsReportedAndTheOthersAreImported() async throws {
        let result = try await workspace.run("import", "--json", Self.mono, "missing.wav", Self.stereo)

        #expect(result.exitCode == 1, "\(result)")
        #expect(
            result.stderrLines == [
                "Error: cannot open audio file 'missing.wav': no such file",
                "Error: 1 of 3 files was not imported ('missing.wav'); the others were",
            ])
        let reports = try decodeJSON([ImportedInterview].self, from: result.stdout)
        #expect(reports.map(\.slug) == ["interview-mono", "call-stereo"])
        let listed = try decodeJSON([ListedInterview].self, from: try await workspace.run("list", "--json").stdout)
        #expect(listed.map(\.slug) == ["interview-mono", "call-stereo"])
    }

    @Test func aTitleWithSeveralFilesIsAUsageError() async throws {
        let result = try await workspace.run("import", "--title", "Both", Self.mono, Self.stereo)

        expectUsageError(result, naming: "--title")
        #expect(!FileManager.default.fileExists(atPath: workspace.library))
    }

    @Test func importWithoutAFileIsAUsageError() async throws {
        let result = try await workspace.run("import")

        #expect(result.exitCode == 64, "\(result)")
        #expect(result.errorLines.count == 1, "\(result)")
        #expect(!FileManager.default.fileExists(atPath: workspace.library))
    }

    @Test func twoInterviewsWithTheSameTitleGetDifferentSlugs() async throws {
        let first = try await workspace.importRecording(Self.mono, title: "Jane Doe")
        let second = try await workspace.importRecording(Self.stereo, title: "Jane Doe")

        #expect(first.slug == "jane-doe")
        #expect(second.slug == "jane-doe-2")
        let bySlug = try await workspace.run("segments", "jane-doe-2", "--format", "json")
        #expect(try decodeJSON([SegmentOutput].self, from: bySlug.stdout).count == second.segments)
    }

    @Test func aNumericTitleGetsASlugThatCannotBeMistakenForANumber() async throws {
        try await workspace.importRecording(Self.stereo)
        let interview = try await workspace.importRecording(Self.mono, title: "1")

        #expect(interview.slug == "interview-1")
        let bySlug = try await workspace.run("segments", "interview-1", "--format", "json")
        let byNumber = try await workspace.run("segments", "1", "--format", "json")
        #expect(try decodeJSON([SegmentOutput].self, from: bySlug.stdout).count == interview.segments)
        #expect(bySlug.stdout != byNumber.stdout)
    }

    /// Four short recordings, each with its own noise so that their audio differs.
    private func takes() throws -> [String] {
        try (1...4).map { number in
            let file = workspace.file("take-\(number).wav")
            var recording = RobustnessTests.twoUtterances()
            recording.addNoise(decibels: -60, seed: UInt64(number))
            try recording.write(to: file)
            return file
        }
    }

    private func importAtTheSameTime(_ files: [String]) async throws -> [CLIResult] {
        try await withThrowingTaskGroup(of: CLIResult.self) { group in
            for file in files { group.addTask { try await workspace.run("import", file) } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
    }

    @Test func importsRunningAtTheSameTimeIntoOneLibraryAllLand() async throws {
        try await workspace.importRecording(Self.mono)

        let results = try await importAtTheSameTime(try takes())

        for result in results { #expect(result.exitCode == 0, "\(result)") }
        let listed = try decodeJSON([ListedInterview].self, from: try await workspace.run("list", "--json").stdout)
        #expect(Set(listed.map(\.slug)) == ["interview-mono", "take-1", "take-2", "take-3", "take-4"])
    }

    @Test
    func importsRunningAtTheSameTimeIntoANewLibraryAllLand() async throws {
        let results = try await importAtTheSameTime(try takes())

        for result in results { #expect(result.exitCode == 0, "\(result)") }
        let listed = try decodeJSON([ListedInterview].self, from: try await workspace.run("list", "--json").stdout)
        #expect(Set(listed.map(\.slug)) == ["take-1", "take-2", "take-3", "take-4"])
    }

    @Test
    func aFailedImportDoesNotCreateALibrary() async throws {
        let result = try await workspace.run("import", "missing.wav")

        #expect(result.exitCode == 1, "\(result)")
        #expect(!FileManager.default.fileExists(atPath: workspace.library))
    }
}
