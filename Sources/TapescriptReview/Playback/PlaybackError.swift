import Foundation
import TapescriptAudio

/// Why a stretch of the recording could not be played.
public enum PlaybackError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No player was named in `TAPESCRIPT_PLAYER` and none of the known ones is on `PATH`.
    case noPlayer
    /// The requested stretch holds no frames of the recording.
    case nothingToPlay(from: Int64, to: Int64)
    /// The speed is not a positive finite number.
    case invalidSpeed(Double)
    case temporaryFolderUnavailable(path: String, reason: String)
    case excerptFailed(AudioExcerptError)
    case launchFailed(player: String, reason: String)
    /// The player ended by itself with a failure status, e.g. when it found no audio device.
    case playerFailed(player: String, status: Int32)
    /// The player was killed by a signal it did not handle (SoX's `play` dying of SIGFPE, say).
    case playerKilled(player: String, signal: Int32)
    /// The player exited successfully at once, long before the excerpt could have played.
    case playerEndedAtOnce(player: String, excerptSeconds: Double)

    public var description: String {
        switch self {
        case .noPlayer:
            let names = KnownPlayer.allCases.map(\.executableName).joined(separator: ", ")
            return
                "no audio player found: looked on PATH for \(names); set \(PlayerLocator.overrideVariable) to a player's command line (the file is appended; {rate} stands for the speed)"
        case .nothingToPlay(let start, let end):
            return "nothing to play between frames \(start) and \(end)"
        case .invalidSpeed(let speed):
            return "cannot play at speed \(speed): the speed must be a positive number"
        case .temporaryFolderUnavailable(let path, let reason):
            return "cannot create a temporary folder in '\(path)' for playback: \(reason)"
        case .excerptFailed(let error):
            return "cannot prepare audio for playback: \(error)"
        case .launchFailed(let player, let reason):
            return "cannot start player '\(player)': \(reason)"
        case .playerFailed(let player, let status):
            return "player '\(player)' stopped with exit status \(status); is an audio device available?"
        case .playerKilled(let player, let signal):
            let name = strsignal(signal).map { String(cString: $0) } ?? "signal \(signal)"
            return "player '\(player)' was killed by signal \(signal) (\(name)); try another with TAPESCRIPT_PLAYER"
        case .playerEndedAtOnce(let player, let seconds):
            return "player '\(player)' ended at once without playing the \(Int(seconds.rounded())) s excerpt; "
                + "does it play WAV files? Try another with TAPESCRIPT_PLAYER"
        }
    }
}
