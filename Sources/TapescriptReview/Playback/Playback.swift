import Foundation
import TapescriptAudio
import TapescriptFiles

/// Plays stretches of one recording through an external player. Each `play` cuts the stretch into a WAV in a
/// private temporary folder and starts the player on it as a child process whose input and output go to
/// `/dev/null`, so it never draws on the terminal. Not thread-safe: call it from the UI's loop.
final class Playback {
    let recordingPath: String
    let sampleRate: Int
    let frameCount: Int64
    let player: PlayerCommand?

    private let temporaryDirectory: String
    private let now: () -> ContinuousClock.Instant
    private var folder: String?
    private var session: Session?

    private struct Session {
        var process: Process
        var startFrame: Int64
        var endFrame: Int64
        /// The speed the player actually plays at: 1 for a player that cannot change it.
        var speed: Double
        var startedAt: ContinuousClock.Instant
        var playerName: String
    }

    // A player gets this long to leave after SIGTERM before it is killed, so the UI never hangs on one.
    static let terminationGrace: Duration = .milliseconds(500)
    static let excerptFileName = "excerpt.wav"

    /// - Parameters:
    ///   - player: the player to use, usually `PlayerLocator(environment:).locate()`; nil makes `play` throw
    ///     `PlaybackError.noPlayer`.
    ///   - temporaryDirectory: where the private folder for excerpts is created, on first use.
    ///   - now: the clock reading that marks when playing starts; tests substitute their own.
    init(
        recordingPath: String, sampleRate: Int, frameCount: Int64, player: PlayerCommand?,
        temporaryDirectory: String = FileManager.default.temporaryDirectory.path,
        now: @escaping () -> ContinuousClock.Instant = { ContinuousClock.now }
    ) {
        self.recordingPath = recordingPath
        self.sampleRate = sampleRate
        self.frameCount = frameCount
        self.player = player
        self.temporaryDirectory = temporaryDirectory
        self.now = now
    }

    deinit { shutdown() }

    /// The player's name for the status line, nil when there is none.
    var playerName: String? { player?.name }

    /// Whether `play` honours its speed; otherwise everything plays at the recorded speed.
    var canChangeSpeed: Bool { player?.canChangeSpeed ?? false }

    /// Whether the player started by the last `play` is still running.
    var isPlaying: Bool { session?.process.isRunning ?? false }

    /// The file the last `play` wrote, while playback keeps it.
    var excerptPath: String? { folder.map { $0 + "/" + Self.excerptFileName } }

    /// Stops anything playing, then plays frames `frame..<endFrame` (cut to the recording) at `speed`.
    /// - Throws: `PlaybackError` when there is no player, nothing to play, the excerpt cannot be written, or
    ///   the player cannot be started.
    func play(from frame: Int64, to endFrame: Int64, speed: Double) throws(PlaybackError) {
        stop()
        guard let player else { throw .noPlayer }
        guard speed.isFinite, speed > 0 else { throw .invalidSpeed(speed) }
        let start = max(0, frame)
        let end = min(endFrame, frameCount)
        guard start < end else { throw .nothingToPlay(from: frame, to: endFrame) }

        let excerptPath = try temporaryFolder() + "/" + Self.excerptFileName
        let writtenFrameCount: Int64
        do {
            writtenFrameCount = try AudioExcerpt(of: recordingPath, frames: start..<end).write(to: excerptPath)
        } catch {
            throw .excerptFailed(error)
        }
        let effectiveSpeed = player.canChangeSpeed ? speed : 1
        let process = try launch(player, playing: excerptPath, speed: effectiveSpeed)
        session = Session(
            process: process, startFrame: start, endFrame: start + writtenFrameCount, speed: effectiveSpeed,
            startedAt: now(), playerName: player.name)
    }

    /// Stops the player (SIGTERM, then SIGKILL if it lingers) and waits for it to exit. Does nothing when
    /// nothing plays.
    func stop() {
        guard let process = session?.process else { return }
        session = nil
        guard process.isRunning else { return }
        process.terminate()
        let deadline = ContinuousClock.now + Self.terminationGrace
        while process.isRunning, ContinuousClock.now < deadline { usleep(5_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    /// The frame being heard at `instant`, estimated from the time since the player started, the speed and the
    /// sample rate, and never past the end of the stretch; nil when nothing plays.
    func position(now instant: ContinuousClock.Instant) -> Int64? {
        guard let session, session.process.isRunning else { return nil }
        let elapsed = session.startedAt.duration(to: instant)
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        let advanced = Int64((max(0, seconds) * session.speed * Double(sampleRate)).rounded(.down))
        return min(session.startFrame + advanced, session.endFrame)
    }

    /// Why the last player ended by itself, if it did not just finish playing: a failure status, a signal, or an
    /// exit so soon that it cannot have played (a player that exits 0 at once would make the cursor race ahead
    /// as if it had). Nil while it plays, after `stop`, and when it ended at about the time the excerpt did.
    var playerFailure: PlaybackError? {
        guard let session, !session.process.isRunning else { return nil }
        let status = session.process.terminationStatus
        switch session.process.terminationReason {
        case .uncaughtSignal:
            return .playerKilled(player: session.playerName, signal: status)
        case .exit where status != 0:
            return .playerFailed(player: session.playerName, status: status)
        case .exit:
            let elapsed = session.startedAt.duration(to: now())
            let playedSeconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
            let excerptSeconds = Double(session.endFrame - session.startFrame) / Double(sampleRate) / session.speed
            guard playedSeconds < min(1, excerptSeconds / 2) else { return nil }
            return .playerEndedAtOnce(player: session.playerName, excerptSeconds: excerptSeconds)
        @unknown default:
            return nil
        }
    }

    /// Stops the player and removes the temporary folder. Call it on quit and on SIGTERM; `deinit` calls it too.
    func shutdown() {
        stop()
        guard let folder else { return }
        self.folder = nil
        // Quitting cannot be stopped by a leftover file; the folder lies in the system's temporary directory.
        unlink(folder + "/" + Self.excerptFileName)
        rmdir(folder)
    }

    private func launch(_ player: PlayerCommand, playing file: String, speed: Double) throws(PlaybackError) -> Process {
        guard player.executablePath.contains("/") else {
            throw .launchFailed(player: player.name, reason: "no program of that name on PATH")
        }
        guard ProgramLookup.isExecutableFile(player.executablePath) else {
            throw .launchFailed(player: player.name, reason: "'\(player.executablePath)' is not an executable file")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: player.executablePath)
        process.arguments = player.arguments(playing: file, speed: speed)
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw .launchFailed(player: player.name, reason: Self.describe(error))
        }
        return process
    }

    private func temporaryFolder() throws(PlaybackError) -> String {
        if let folder { return folder }
        let parent = temporaryDirectory.hasSuffix("/") ? String(temporaryDirectory.dropLast()) : temporaryDirectory
        var template = Array((parent + "/tapescript-playback-XXXXXX").utf8CString)
        let created = template.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress.flatMap { mkdtemp($0) }.map { String(cString: $0) }
        }
        guard let created else {
            throw .temporaryFolderUnavailable(path: parent, reason: String(cString: strerror(errno)))
        }
        folder = created
        return created
    }

    private static func describe(_ error: any Error) -> String {
        let error = error as NSError
        if error.domain == NSPOSIXErrorDomain, let code = Int32(exactly: error.code) {
            return String(cString: strerror(code))
        }
        return error.localizedDescription
    }
}
