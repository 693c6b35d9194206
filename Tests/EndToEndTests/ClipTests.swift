import CSndfile
import Foundation
import TapescriptTestSupport
import Testing

/// `tapescript clips`: the highlights as audio files, through libsndfile, faded, whole or not at all.
@Suite struct ClipTests {
    let workspace: Workspace

    init() throws { workspace = try Workspace() }

    /// The call with highlight 1 "Early years" (segments 1–2, 0.52–12.67 s) and highlight 2 untitled (segment 4,
    /// 17.19–38.17 s).
    private func callWithHighlights() async throws {
        _ = try await workspace.importRecording(CLI.sample("call-stereo.wav"))
        try await RoundTrip.succeed(workspace, "mark", "1", "1-2", "--title", "Early years")
        try await RoundTrip.succeed(workspace, "mark", "1", "4")
    }

    private func folderContents(_ folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
    }

    @Test(arguments: [
        ("wav", SF_FORMAT_WAV), ("flac", SF_FORMAT_FLAC), ("ogg", SF_FORMAT_OGG), ("mp3", SF_FORMAT_MPEG),
    ])
    func eachHighlightBecomesAFileNamedByNumberAndTitle(format: String, container: Int) async throws {
        try await callWithHighlights()
        let folder = workspace.file("clips")

        let result = try await workspace.run("clips", "1", "-o", folder, "--format", format)

        #expect(result.exitCode == 0, "\(result)")
        #expect(folderContents(folder) == ["01-early-years.\(format)", "02-highlight.\(format)"])
        #expect(result.stdout.hasPrefix(folder + "/01-early-years.\(format)"), "\(result)")
        let first = try DecodedAudio(path: folder + "/01-early-years.\(format)")
        #expect(first.container == Int32(container))
        #expect(first.sampleRate == 8000 && first.channelCount == 2)
        // The highlight (12.15 s) and a 50 ms fade on each side; lossy encoders add a little padding.
        #expect(abs(first.durationSeconds - 12.25) < 0.3, "\(first.durationSeconds)")
        #expect(first.peak(first.frameCount / 4..<first.frameCount / 2) > 0.01, "the speech is in the clip")
        let mode = try FileManager.default.attributesOfItem(atPath: folder + "/02-highlight.\(format)")[
            .posixPermissions]
        #expect((mode as? Int) == 0o600)
    }

    @Test func theEdgesFadeAndTheMiddleIsTheRecordingItself() async throws {
        try await callWithHighlights()
        let folder = workspace.file("clips")

        let result = try await workspace.run("clips", "1", "1", "-o", folder, "--fade", "0.2")

        #expect(result.exitCode == 0, "\(result)")
        #expect(folderContents(folder) == ["01-early-years.wav"])
        let clip = try DecodedAudio(path: folder + "/01-early-years.wav")
        let recording = try DecodedAudio(path: CLI.sample("call-stereo.wav"))
        struct Frames: Decodable { var startFrame: Int }
        let segments = try decodeJSON(
            [Frames].self, from: try await workspace.run("segments", "1", "--json").stdout)
        // The clip starts 0.2 s (1600 frames) before the highlight.
        let offset = try #require(segments.first).startFrame - 1600
        let middle = clip.frameCount / 2
        for frame in middle..<(middle + 100) {
            #expect(clip.samples[frame * 2] == recording.samples[(offset + frame) * 2])
        }
        #expect(abs(clip.samples[0]) < 0.001 && abs(clip.samples[clip.samples.count - 1]) < 0.001)
    }

    @Test func joinWritesOneFileWithAPauseBetweenTheHighlights() async throws {
        try await callWithHighlights()
        let folder = workspace.file("episode")

        let result = try await workspace.run(
            "clips", "1", "-o", folder, "--join", "--gap", "2", "--format", "flac", "--json")

        #expect(result.exitCode == 0, "\(result)")
        struct Written: Decodable {
            var highlights: [Int]
            var path: String
            var seconds: Double
        }
        let written = try decodeJSON([Written].self, from: result.stdout)
        #expect(written.count == 1 && written[0].highlights == [1, 2], "\(result)")
        #expect(written[0].path == folder + "/call-stereo-highlights.flac")
        let joined = try DecodedAudio(path: written[0].path)
        // 12.25 s, the 2 s pause, 21.08 s.
        #expect(abs(joined.durationSeconds - 35.33) < 0.01, "\(joined.durationSeconds)")
        #expect(abs(written[0].seconds - joined.durationSeconds) < 0.01)
        let pauseStart = Int(12.25 * 8000)
        #expect(joined.peak(pauseStart + 10..<(pauseStart + 15_990)) == 0, "the pause is silence")
    }

    @Test func existingFilesAreKeptUnlessForced() async throws {
        try await callWithHighlights()
        let folder = workspace.file("clips")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let mine = folder + "/02-highlight.wav"
        try Data("mine".utf8).write(to: URL(fileURLWithPath: mine))

        let refused = try await workspace.run("clips", "1", "-o", folder)
        let forced = try await workspace.run("clips", "1", "-o", folder, "--force")

        #expect(refused.exitCode == 1, "\(refused)")
        #expect(
            refused.errorLines == [
                "Error: '\(mine)' already exists; add --force to replace it, or name another folder with -o"
            ])
        #expect(forced.exitCode == 0, "\(forced)")
        #expect(folderContents(folder) == ["01-early-years.wav", "02-highlight.wav"])
        #expect(try DecodedAudio(path: mine).frameCount > 0)
    }

    @Test func aFailedExportLeavesTheFolderAsItWas() async throws {
        try await callWithHighlights()
        let folder = workspace.file("clips")

        let unknown = try await workspace.run("clips", "1", "1", "5", "-o", folder)
        try FileManager.default.copyItem(atPath: CLI.sample("call-stereo.wav"), toPath: workspace.file("moved.wav"))
        let moved = try await workspace.run("relink", "1", workspace.file("moved.wav"))
        try FileManager.default.removeItem(atPath: workspace.file("moved.wav"))
        let missing = try await workspace.run("clips", "1", "-o", folder)

        #expect(unknown.exitCode == 1, "\(unknown)")
        #expect(unknown.errorLines.first?.contains("has no highlight 5: it has 2") == true, "\(unknown)")
        #expect(moved.exitCode == 0, "\(moved)")
        #expect(missing.exitCode == 1, "\(missing)")
        #expect(missing.errorLines.count == 1, "\(missing)")
        #expect(folderContents(folder).isEmpty, "nothing half-written, no scratch folder: \(folderContents(folder))")
    }

    @Test func anInterviewWithoutHighlightsSaysHowToMarkThem() async throws {
        _ = try await workspace.importRecording(CLI.sample("call-stereo.wav"))

        let result = try await workspace.run("clips", "1", "-o", workspace.file("clips"))

        #expect(result.exitCode == 1, "\(result)")
        #expect(result.errorLines.first?.contains("has no highlights yet; mark some") == true, "\(result)")
    }
}
