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

    /// The command line from `TAPESCRIPT_PLAYER`, split into words as a shell would quote them (`'…'`, `"…"`,
    /// a backslash), but run without one; nil when it holds no words or a quote is never closed.
    init?(commandLine: String, executablePath: (String) -> String = { $0 }) {
        guard let words = Self.words(of: commandLine), let first = words.first else { return nil }
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

    /// Splits on unquoted whitespace; single quotes keep everything inside them, and elsewhere (double quotes too)
    /// a backslash keeps the character after it. Nil for an unclosed quote or a trailing backslash.
    static func words(of commandLine: String) -> [String]? {
        var words: [String] = []
        var word: String?
        var quote: Character?
        var escaped = false
        for character in commandLine {
            if escaped {
                word = (word ?? "") + String(character)
                escaped = false
            } else if quote == "'" {
                if character == "'" { quote = nil } else { word = (word ?? "") + String(character) }
            } else if character == "\\" {
                escaped = true
                word = word ?? ""
            } else if quote == "\"" {
                if character == "\"" { quote = nil } else { word = (word ?? "") + String(character) }
            } else if character == "'" || character == "\"" {
                quote = character
                word = word ?? ""
            } else if character.isWhitespace {
                if let finished = word { words.append(finished) }
                word = nil
            } else {
                word = (word ?? "") + String(character)
            }
        }
        guard quote == nil, !escaped else { return nil }
        if let word { words.append(word) }
        return words
    }
}
