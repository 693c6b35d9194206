import Foundation
import TapescriptFiles

/// Finds the player to use: the command line in `TAPESCRIPT_PLAYER` if set, else the first known player on
/// `PATH`.
struct PlayerLocator {
    /// The environment variable that names a player's command line; the file to play is appended to it.
    static let overrideVariable = "TAPESCRIPT_PLAYER"
    var environment: [String: String]
    var isExecutable: (String) -> Bool

    /// - Parameters:
    ///   - environment: the process environment, for `PATH` and `TAPESCRIPT_PLAYER`.
    ///   - isExecutable: whether a path is an executable file; tests substitute their own.
    init(
        environment: [String: String], isExecutable: @escaping (String) -> Bool = ProgramLookup.isExecutableFile
    ) {
        self.environment = environment
        self.isExecutable = isExecutable
    }

    /// The player to use, or nil when none is set and none of `KnownPlayer.allCases` is on `PATH`.
    func locate() -> PlayerCommand? {
        if let commandLine = environment[Self.overrideVariable],
            let command = PlayerCommand(commandLine: commandLine, executablePath: { find($0) ?? $0 })
        {
            return command
        }
        for player in KnownPlayer.allCases {
            if let path = find(player.executableName) {
                return PlayerCommand(executablePath: path, program: .known(player))
            }
        }
        return nil
    }

    /// The absolute path of `program` on `PATH`; a name containing a slash is taken as a path as it stands.
    func find(_ program: String) -> String? {
        ProgramLookup.find(program, environment: environment, isExecutable: isExecutable)
    }
}
