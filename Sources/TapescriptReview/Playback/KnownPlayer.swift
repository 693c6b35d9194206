/// The external players Tapescript knows how to drive, in the order they are looked for on `PATH`: those that
/// can slow speech down for transcribing first, then the ones nearly every Linux system has.
enum KnownPlayer: String, CaseIterable, Sendable {
    /// SoX; its `tempo` effect changes speed without changing pitch.
    case play
    /// FFmpeg's player; its `atempo` filter changes speed without changing pitch.
    case ffplay
    /// macOS's player; `-r` changes the rate.
    case afplay
    /// ALSA's player; present on nearly every Linux system.
    case aplay
    /// PulseAudio's (and PipeWire's) file player.
    case paplay
    /// PulseAudio's stream tool, which plays files with `--file-format`.
    case pacat

    /// The program's name on `PATH`.
    var executableName: String { rawValue }

    /// Whether the player can play faster or slower than recorded.
    var canChangeSpeed: Bool {
        switch self {
        case .aplay, .paplay, .pacat: return false
        case .play, .ffplay, .afplay: return true
        }
    }

    /// The arguments that play `file` quietly, without a window, at `speed` where the player supports it.
    func arguments(playing file: String, speed: Double) -> [String] {
        let changesSpeed = canChangeSpeed && !PlayerCommand.isNormalSpeed(speed)
        let rate = PlayerCommand.format(speed: speed)
        switch self {
        case .aplay:
            return ["-q", file]
        case .paplay:
            return [file]
        case .pacat:
            return ["--playback", "--file-format", file]
        case .play:
            // `-s` tunes the time stretch for speech.
            return ["-q", file] + (changesSpeed ? ["tempo", "-s", rate] : [])
        case .ffplay:
            let filter = changesSpeed ? ["-af", Self.atempoChain(speed: speed)] : []
            return ["-nodisp", "-autoexit", "-loglevel", "quiet"] + filter + [file]
        case .afplay:
            return (changesSpeed ? ["-r", rate] : []) + [file]
        }
    }

    // Older FFmpeg accepts atempo factors from 0.5 to 2 only; larger changes chain several filters.
    static func atempoChain(speed: Double) -> String {
        var remaining = speed
        var factors: [Double] = []
        while remaining > 2 {
            factors.append(2)
            remaining /= 2
        }
        while remaining < 0.5 {
            factors.append(0.5)
            remaining /= 0.5
        }
        factors.append(remaining)
        return factors.map { "atempo=" + PlayerCommand.format(speed: $0) }.joined(separator: ",")
    }
}
