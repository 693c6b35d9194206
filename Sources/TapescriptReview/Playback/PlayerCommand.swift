import Foundation

/// An external program that plays a WAV file: one of the players Tapescript knows, or the command line the
/// user named in `TAPESCRIPT_PLAYER`.
struct PlayerCommand: Sendable, Equatable {
    enum Program: Sendable, Equatable {
        case known(KnownPlayer)
        /// The words after the program in `TAPESCRIPT_PLAYER`; `{rate}` in any of them stands for the speed.
        case custom(arguments: [String])
    }

    /// The placeholder in `TAPESCRIPT_PLAYER` that is replaced by the speed, e.g. `mpv --speed={rate}`.
    static let ratePlaceholder = "{rate}"

    /// The program to run: an absolute path when found on `PATH`, else the name as the user gave it.
    var executablePath: String
    var program: Program

    init(executablePath: String, program: Program) {
        self.executablePath = executablePath
        self.program = program
    }

    /// The command line from `TAPESCRIPT_PLAYER`, split on whitespace (no shell); nil when it holds no words.
    init?(commandLine: String, executablePath: (String) -> String = { $0 }) {
        let words = commandLine.split(whereSeparator: \.isWhitespace).map(String.init)
        guard let first = words.first else { return nil }
        self.init(executablePath: executablePath(first), program: .custom(arguments: Array(words.dropFirst())))
    }

    /// The program's name, for the status line.
    var name: String {
        switch program {
        case .known(let player): return player.executableName
        case .custom: return (executablePath as NSString).lastPathComponent
        }
    }

    /// Whether the player can play faster or slower than recorded.
    var canChangeSpeed: Bool {
        switch program {
        case .known(let player): return player.canChangeSpeed
        case .custom(let arguments): return arguments.contains { $0.contains(Self.ratePlaceholder) }
        }
    }

    /// The arguments that play `file` at `speed`; a player that cannot change speed plays at the recorded speed.
    func arguments(playing file: String, speed: Double) -> [String] {
        switch program {
        case .known(let player):
            return player.arguments(playing: file, speed: speed)
        case .custom(let arguments):
            let rate = Self.format(speed: speed)
            return arguments.map { $0.replacingOccurrences(of: Self.ratePlaceholder, with: rate) } + [file]
        }
    }

    /// A speed as players read it: `1.5`, `0.75`, `2`.
    static func format(speed: Double) -> String {
        String(format: "%.4g", speed)
    }

    static func isNormalSpeed(_ speed: Double) -> Bool {
        abs(speed - 1) < 0.001
    }
}
