import Foundation
import TapescriptAudio
import TapescriptTestSupport
import Testing

@testable import TapescriptReview

@Suite struct PlaybackTests {
    /// A stand-in for a player: logs its arguments and the size of the file it was given, keeps a copy of the
    /// file, then waits to be stopped. It makes no sound.
    private struct FakePlayer {
        let folder: TemporaryFolder
        var scriptPath: String { folder.file("fake-player") }
        var argumentsLog: String { folder.file("arguments.log") }
        var sizeLog: String { folder.file("size.log") }
        var heardCopy: String { folder.file("heard.wav") }

        init(in folder: TemporaryFolder, exitStatus: Int? = nil, ending: String? = nil) throws {
            self.folder = folder
            // Long enough to outlive a stalled test machine (a 72 s stall was seen); stop() ends it anyway.
            let ending = ending ?? exitStatus.map { "exit \($0)" } ?? "exec sleep 600"
            let script = """
                #!/bin/sh
                for last in "$@"; do printf '%s\\n' "$last" >> '\(argumentsLog).tmp'; done
                cp "$last" '\(heardCopy)'
                wc -c < "$last" | tr -d ' ' > '\(sizeLog).tmp'
                mv '\(argumentsLog).tmp' '\(argumentsLog)'
                mv '\(sizeLog).tmp' '\(sizeLog)'
                \(ending)

                """
            try script.write(toFile: scriptPath, atomically: true, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: scriptPath)
        }

        func player(_ commandLine: String = "") throws -> PlayerCommand {
            let environment = ["PATH": "/nonexistent", "TAPESCRIPT_PLAYER": "\(scriptPath) \(commandLine)"]
            return try #require(PlayerLocator(environment: environment).locate())
        }

        /// Waits (up to ten seconds) for the script to have logged, and returns the arguments it got.
        func loggedArguments() async throws -> [String] {
            for _ in 0..<1000 where !FileManager.default.fileExists(atPath: sizeLog) {
                try await Task.sleep(for: .milliseconds(10))
            }
            let text = try String(contentsOfFile: argumentsLog, encoding: .utf8)
            return text.split(separator: "\n").map(String.init)
        }
    }

    /// A clock reading the test moves by hand.
    private final class ManualClock {
        var instant = ContinuousClock.now
    }

    private let sampleRate = 8000

    private func recording(in folder: TemporaryFolder, seconds: Double = 20) throws -> String {
        var recording = TestRecording(sampleRate: sampleRate, channelCount: 2, seconds: seconds)
        recording.addSpeech(from: 0, to: seconds, decibels: -20)
        try recording.write(to: folder.file("interview.wav"))
        return folder.file("interview.wav")
    }

    private func playback(
        _ path: String, player: PlayerCommand?, folder: TemporaryFolder, clock: ManualClock = ManualClock()
    ) -> Playback {
        Playback(
            recordingPath: path, sampleRate: sampleRate, frameCount: 20 * 8000, player: player,
            temporaryDirectory: folder.path, now: { clock.instant })
    }

    @Test func thePlayerIsStartedWithTheExcerptAppended() async throws {
        let folder = try TemporaryFolder()
        let fake = try FakePlayer(in: folder)
        let playback = playback(try recording(in: folder), player: try fake.player("--volume 80"), folder: folder)
        defer { playback.shutdown() }

        try playback.play(from: 16_000, to: 40_000, speed: 1)

        let excerptPath = try #require(playback.excerptPath)
        #expect(excerptPath.hasPrefix(folder.path + "/tapescript-playback-"))
        #expect(try await fake.loggedArguments() == ["--volume", "80", excerptPath])
        let size = try String(contentsOfFile: fake.sizeLog, encoding: .utf8)
        #expect(Int(size.trimmingCharacters(in: .whitespacesAndNewlines)) == 44 + 24_000 * 2 * 2)
        let heard = try AudioFile(path: fake.heardCopy)
        #expect(heard.format.frameCount == 24_000)
        #expect(heard.format.sampleRate == sampleRate)
        #expect(heard.format.channelCount == 2)
    }

    @Test func stoppingEndsThePlayerAndIsIdempotent() async throws {
        let folder = try TemporaryFolder()
        let fake = try FakePlayer(in: folder)
        let playback = playback(try recording(in: folder), player: try fake.player(), folder: folder)
        defer { playback.shutdown() }

        try playback.play(from: 0, to: 8000, speed: 1)
        _ = try await fake.loggedArguments()
        #expect(playback.isPlaying)

        playback.stop()
        #expect(!playback.isPlaying)
        #expect(playback.position(now: .now) == nil)
        #expect(playback.playerFailure == nil)
        playback.stop()
        #expect(!playback.isPlaying)
    }

    @Test func playingAgainReplacesWhatPlays() async throws {
        let folder = try TemporaryFolder()
        let fake = try FakePlayer(in: folder)
        let clock = ManualClock()
        let playback = playback(try recording(in: folder), player: try fake.player(), folder: folder, clock: clock)
        defer { playback.shutdown() }

        try playback.play(from: 0, to: 8000, speed: 1)
        try playback.play(from: 80_000, to: 88_000, speed: 1)

        #expect(playback.isPlaying)
        #expect(playback.position(now: clock.instant) == 80_000)
        #expect(try AudioFile(path: try #require(playback.excerptPath)).format.frameCount == 8000)
    }

    @Test func thePositionAdvancesWithTheSpeedAndStopsAtTheEnd() throws {
        let folder = try TemporaryFolder()
        let fake = try FakePlayer(in: folder)
        let clock = ManualClock()
        let player = try fake.player("--speed={rate}")
        let playback = playback(try recording(in: folder), player: player, folder: folder, clock: clock)
        defer { playback.shutdown() }
        #expect(playback.canChangeSpeed)

        let start: Int64 = 16_000
        try playback.play(from: start, to: 64_000, speed: 1.5)

        let started = clock.instant
        #expect(playback.position(now: started) == start)
        // 8000 frames a second at one and a half times the recorded speed.
        #expect(playback.position(now: started + .seconds(2)) == start + 24_000)
        #expect(playback.position(now: started + .milliseconds(500)) == start + 6000)
        #expect(playback.position(now: started + .seconds(60)) == 64_000)
    }

    @Test func aPlayerThatCannotChangeSpeedIsFollowedAtTheRecordedSpeed() throws {
        let folder = try TemporaryFolder()
        let fake = try FakePlayer(in: folder)
        let clock = ManualClock()
        let playback = playback(try recording(in: folder), player: try fake.player(), folder: folder, clock: clock)
        defer { playback.shutdown() }
        #expect(!playback.canChangeSpeed)

        try playback.play(from: 0, to: 80_000, speed: 2)

        #expect(playback.position(now: clock.instant + .seconds(3)) == 24_000)
    }

    @Test func theRateIsHandedToThePlayer() async throws {
        let folder = try TemporaryFolder()
        let fake = try FakePlayer(in: folder)
        let playback = playback(try recording(in: folder), player: try fake.player("-r {rate}"), folder: folder)
        defer { playback.shutdown() }

        try playback.play(from: 0, to: 8000, speed: 0.75)

        #expect(try await fake.loggedArguments().prefix(2) == ["-r", "0.75"])
    }

    @Test func aPlayerThatFailsBySelfIsReported() async throws {
        let folder = try TemporaryFolder()
        let fake = try FakePlayer(in: folder, exitStatus: 3)
        let playback = playback(try recording(in: folder), player: try fake.player(), folder: folder)
        defer { playback.shutdown() }

        try playback.play(from: 0, to: 8000, speed: 1)
        for _ in 0..<1000 where playback.isPlaying { try await Task.sleep(for: .milliseconds(10)) }

        #expect(!playback.isPlaying)
        #expect(playback.position(now: .now) == nil)
        #expect(playback.playerFailure == .playerFailed(player: "fake-player", status: 3))
    }

    @Test func aPlayerKilledByASignalIsReportedWithIt() async throws {
        let folder = try TemporaryFolder()
        let fake = try FakePlayer(in: folder, ending: "kill -FPE $$")
        let playback = playback(try recording(in: folder), player: try fake.player(), folder: folder)
        defer { playback.shutdown() }

        try playback.play(from: 0, to: 8000, speed: 1)
        for _ in 0..<1000 where playback.isPlaying { try await Task.sleep(for: .milliseconds(10)) }

        #expect(playback.playerFailure == .playerKilled(player: "fake-player", signal: SIGFPE))
        #expect(playback.playerFailure?.description.contains("killed by signal") == true)
    }

    @Test func aPlayerThatExitsAtOnceWithoutPlayingIsReported() async throws {
        let folder = try TemporaryFolder()
        let fake = try FakePlayer(in: folder, exitStatus: 0)
        let playback = playback(try recording(in: folder), player: try fake.player(), folder: folder)
        defer { playback.shutdown() }

        try playback.play(from: 0, to: 8000 * 10, speed: 1)
        for _ in 0..<1000 where playback.isPlaying { try await Task.sleep(for: .milliseconds(10)) }

        #expect(playback.playerFailure == .playerEndedAtOnce(player: "fake-player", excerptSeconds: 10))
    }

    @Test func shutdownRemovesTheTemporaryFolder() async throws {
        let folder = try TemporaryFolder()
        let fake = try FakePlayer(in: folder)
        let playback = playback(try recording(in: folder), player: try fake.player(), folder: folder)

        try playback.play(from: 0, to: 8000, speed: 1)
        let excerptPath = try #require(playback.excerptPath)
        _ = try await fake.loggedArguments()
        playback.shutdown()

        #expect(!playback.isPlaying)
        #expect(!FileManager.default.fileExists(atPath: (excerptPath as NSString).deletingLastPathComponent))
        #expect(playback.excerptPath == nil)
    }

    @Test func withoutAPlayerPlayingSaysWhatWasLookedForAndHowToNameOne() throws {
        let folder = try TemporaryFolder()
        let playback = playback(try recording(in: folder), player: nil, folder: folder)

        #expect(throws: PlaybackError.noPlayer) { try playback.play(from: 0, to: 8000, speed: 1) }
        #expect(playback.playerName == nil)
        #expect(!playback.canChangeSpeed)
        #expect(
            PlaybackError.noPlayer.description
                == "no audio player found: looked on PATH for play, ffplay, afplay, aplay, paplay, pacat; "
                + "set TAPESCRIPT_PLAYER to a player's command line (the file is appended; {rate} stands for the speed)"
        )
    }

    @Test func aPlayerNotOnThePathFailsToStartWithItsName() throws {
        let folder = try TemporaryFolder()
        let player = try #require(
            PlayerLocator(environment: ["PATH": "/nonexistent", "TAPESCRIPT_PLAYER": "no-such-player -q"]).locate())
        let playback = playback(try recording(in: folder), player: player, folder: folder)
        defer { playback.shutdown() }

        let expected = PlaybackError.launchFailed(player: "no-such-player", reason: "no program of that name on PATH")
        #expect(throws: expected) { try playback.play(from: 0, to: 8000, speed: 1) }
        #expect(!playback.isPlaying)
    }

    @Test func anEmptyStretchOrABadSpeedIsRejected() throws {
        let folder = try TemporaryFolder()
        let fake = try FakePlayer(in: folder)
        let playback = playback(try recording(in: folder), player: try fake.player(), folder: folder)
        defer { playback.shutdown() }

        #expect(throws: PlaybackError.nothingToPlay(from: 200_000, to: 210_000)) {
            try playback.play(from: 200_000, to: 210_000, speed: 1)
        }
        #expect(throws: PlaybackError.invalidSpeed(0)) { try playback.play(from: 0, to: 8000, speed: 0) }
    }
}
