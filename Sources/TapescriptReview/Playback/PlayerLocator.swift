import Foundation

/// Finds the player to use: the command line in `TAPESCRIPT_PLAYER` if set, else the first known player on
/// `PATH`.
struct PlayerLocator {
    /// The environment variable that names a player's command line; the file to play is appended to it.
    static let overrideVariable = "TAPESCRIPT_PLAYER"
    // What a login shell would search when `PATH` is unset.
    static let defaultSearchPath = "/usr/local/bin:/usr/bin:/bin"

    var environment: [String: String]
    var isExecutable: (String) -> Bool

    /// - Parameters:
    ///   - environment: the process environment, for `PATH` and `TAPESCRIPT_PLAYER`.
    ///   - isExecutable: whether a path is an executable file; tests substitute their own.
    init(
        environment: [String: String], isExecutable: @escaping (String) -> Bool = PlayerLocator.isExecutableFile
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
        if program.contains("/") { return isExecutable(program) ? program : nil }
        let searchPath = environment["PATH"] ?? Self.defaultSearchPath
        // Empty entries would mean the current directory, which is no place to pick up a player from.
        for directory in searchPath.split(separator: ":") {
            let candidate = (directory.hasSuffix("/") ? String(directory) : directory + "/") + program
            if isExecutable(candidate) { return candidate }
        }
        return nil
    }

    /// Whether `path` is a regular file this process may execute.
    static func isExecutableFile(_ path: String) -> Bool {
        var status = stat()
        guard stat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return false }
        return access(path, X_OK) == 0
    }
}
