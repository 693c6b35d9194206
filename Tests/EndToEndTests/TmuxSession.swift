import Foundation

/// `tapescript review` on a real terminal: a tmux server of its own (`tmux -S <socket in the workspace>`, no user
/// config) with
/// one window of a fixed size, whose shell runs the review and then prints how it ended:
/// `EXIT=<status> TTY=restored` (or `TTY=changed` when the terminal modes differ from before the review).
///
/// Playback always goes to a fake player written into the workspace (it logs `<pid> <arguments>` to `playerLog`
/// and sleeps), so no test ever makes a sound. Call `kill()` when done, in a `defer`.
struct TmuxSession {
    /// `tmux` on the `PATH` (or in the usual places).
    static let executable: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        let folders = path.split(separator: ":").map(String.init) + ["/usr/bin", "/usr/local/bin", "/opt/homebrew/bin"]
        return folders.map { $0 + "/tmux" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    /// Whether tmux and the built `tapescript` are both there.
    static var isAvailable: Bool { executable != nil && CLI.binary != nil }

    /// The tmux server's socket.
    let socket: String
    let width: Int
    let height: Int
    /// The file the review's shell writes the pid of `tapescript` to.
    let pidFile: String
    /// The fake player's log: one line `<pid> <arguments>` per start.
    let playerLog: String
    /// Where tmux's output goes on its way back.
    let outputFolder: String

    /// Starts `tapescript review arguments…` (or another `subcommand`) against `workspace`'s library in a
    /// `width`×`height` window.
    /// `environment` comes on top of a clean one: `HOME`, `XDG_DATA_HOME` and `TMPDIR` inside the workspace, the
    /// fake player, and no `NO_COLOR`, `VISUAL` or `EDITOR`.
    static func start(
        review arguments: [String], in workspace: Workspace, environment: [String: String] = [:], width: Int = 100,
        height: Int = 24, subcommand: String = "review", interactiveShell: Bool = false
    ) throws -> TmuxSession {
        guard let binary = CLI.binary else { throw CLIError(description: "cannot find the built 'tapescript'") }
        let playerLog = workspace.file("player.log")
        let player = workspace.file("fake-player")
        let script = "#!/bin/sh\necho \"$$ $*\" >> \(PseudoTerminal.quoted(playerLog))\nexec sleep 30\n"
        try Data(script.utf8).write(to: URL(fileURLWithPath: player))
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: player)
        try FileManager.default.createDirectory(atPath: workspace.file("tmp"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: workspace.file("home"), withIntermediateDirectories: true)

        var variables = [
            "HOME": workspace.file("home"), "XDG_DATA_HOME": workspace.file("home/.local/share"),
            "TMPDIR": workspace.file("tmp"), "TAPESCRIPT_LIBRARY": workspace.library, "TAPESCRIPT_PLAYER": player,
        ]
        variables.merge(environment) { _, new in new }
        let exports = variables.sorted { $0.key < $1.key }
            .map { "export \($0.key)=\(PseudoTerminal.quoted($0.value))" }
        let pidFile = workspace.file("review.pid")
        let review = ([binary, subcommand] + arguments).map(PseudoTerminal.quoted).joined(separator: " ")
        if interactiveShell {
            return try startInInteractiveShell(
                review, exports: exports, in: workspace, width: width, height: height, pidFile: pidFile,
                playerLog: playerLog)
        }
        let command =
            // The usual umask, so that what the review creates shows the modes it sets itself.
            (["unset TAPESCRIPT_LIBRARY NO_COLOR VISUAL EDITOR TMUX PAGER TAPESCRIPT_PAGER LESS", "umask 022"] + exports
            + [
                "cd \(PseudoTerminal.quoted(workspace.path))",
                "before=$(stty -g)",
                "sh -c 'echo $$ >\"$0\"; exec \"$@\"' \(PseudoTerminal.quoted(pidFile)) \(review)",
                "code=$?",
                "if [ \"$(stty -g)\" = \"$before\" ]; then tty=restored; else tty=changed; fi",
                "echo \"EXIT=$code TTY=$tty\"",
                "exec sleep 600",
            ]).joined(separator: "; ")

        // A socket path must fit in about 100 bytes.
        let inWorkspace = workspace.file("tmux.sock")
        let socket = inWorkspace.utf8.count < 100 ? inWorkspace : "/tmp/tapescript-tmux-\(UUID().uuidString.prefix(12))"
        let session = TmuxSession(
            socket: socket, width: width, height: height, pidFile: pidFile,
            playerLog: playerLog, outputFolder: workspace.path)
        try session.tmux(
            ["new-session", "-d", "-s", "review", "-x", String(width), "-y", String(height), command],
            environment: ["SHELL": "/bin/sh", "HOME": workspace.file("home")])
        return session
    }

    /// The review typed into an interactive bash, which does job control as a user's shell does (Ctrl-Z stops
    /// the review, `fg` brings it back). Type `echo "EXIT=$?"` after it to have `waitForExit` see how it ended.
    private static func startInInteractiveShell(
        _ review: String, exports: [String], in workspace: Workspace, width: Int, height: Int, pidFile: String,
        playerLog: String
    ) throws -> TmuxSession {
        let inWorkspace = workspace.file("tmux.sock")
        let socket = inWorkspace.utf8.count < 100 ? inWorkspace : "/tmp/tapescript-tmux-\(UUID().uuidString.prefix(12))"
        let session = TmuxSession(
            socket: socket, width: width, height: height, pidFile: pidFile, playerLog: playerLog,
            outputFolder: workspace.path)
        try session.tmux(
            [
                "new-session", "-d", "-s", "review", "-x", String(width), "-y", String(height),
                "env PS1='$ ' bash --norc --noprofile -i",
            ], environment: ["SHELL": "/bin/bash", "HOME": workspace.file("home")])
        let setUp =
            (["unset TAPESCRIPT_LIBRARY NO_COLOR VISUAL EDITOR TMUX PAGER TAPESCRIPT_PAGER LESS"] + exports + [
                "cd \(PseudoTerminal.quoted(workspace.path))", "clear",
            ]).joined(separator: "; ")
        try session.type(setUp)
        try session.send("Enter")
        try session.type(review)
        try session.send("Enter")
        return session
    }

    /// Ends the server and everything running in it.
    func kill() {
        _ = try? tmux(["kill-server"])
        try? FileManager.default.removeItem(atPath: socket)
    }

    /// Sends keys in tmux's names: `"j"`, `"Enter"`, `"Escape"`, `"C-r"`, `"Space"`.
    func send(_ keys: String...) throws {
        try tmux(["send-keys", "-t", "review"] + keys)
    }

    /// Types `text` literally.
    func type(_ text: String) throws {
        try tmux(["send-keys", "-t", "review", "-l", text])
    }

    /// What the window shows now, one line per row; with `escapes`, with its colours and attributes as SGR codes;
    /// with `joiningWrappedLines`, a line the terminal wrapped comes back as one.
    func screen(escapes: Bool = false, joiningWrappedLines: Bool = false) throws -> String {
        try tmux(
            ["capture-pane", "-p", "-t", "review"] + (escapes ? ["-e"] : []) + (joiningWrappedLines ? ["-J"] : []))
    }

    /// The rows of `screen`.
    func rows(of screen: String) -> [String] {
        Array(screen.split(separator: "\n", omittingEmptySubsequences: false).prefix(height).map(String.init))
    }

    /// The status line: the second to last row.
    func statusLine(of screen: String) -> String {
        let rows = rows(of: screen)
        return rows.count >= 2 ? rows[height - 2] : ""
    }

    /// A tmux format for the pane, e.g. `#{alternate_on}` or `#{cursor_flag}`.
    func pane(_ format: String) throws -> String {
        try tmux(["display-message", "-p", "-t", "review", format]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Waits until the screen shows `text`, and returns the screen.
    @discardableResult
    func waitFor(_ text: String, timeoutSeconds: Double = 30) async throws -> String {
        try await waitUntil("the screen shows \"\(text)\"", timeoutSeconds: timeoutSeconds) { $0.contains(text) }
    }

    /// Waits until `condition` holds for the screen, and returns the screen.
    @discardableResult
    func waitUntil(
        _ description: String, timeoutSeconds: Double = 30, escapes: Bool = false, _ condition: (String) -> Bool
    ) async throws -> String {
        let deadline = Date().addingTimeInterval(timeoutSeconds)
        var last = ""
        while Date() < deadline {
            last = try screen(escapes: escapes)
            if condition(last) { return last }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw CLIError(
            description: "timed out after \(timeoutSeconds) s waiting until \(description); screen:\n\(last)")
    }

    /// Waits until the review has quit and its shell printed `EXIT=…`; returns that line.
    func waitForExit(timeoutSeconds: Double = 30) async throws -> String {
        let screen = try await waitFor("EXIT=", timeoutSeconds: timeoutSeconds)
        return rows(of: screen).first { $0.hasPrefix("EXIT=") } ?? ""
    }

    /// The pid of the `tapescript` process, once its shell has written it.
    func reviewPID(timeoutSeconds: Double = 30) async throws -> Int32 {
        let deadline = Date().addingTimeInterval(timeoutSeconds)
        while Date() < deadline {
            if let text = try? String(contentsOfFile: pidFile, encoding: .utf8),
                let pid = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines))
            {
                return pid
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw CLIError(description: "the review's shell never wrote \(pidFile)")
    }

    /// Waits until the fake player has logged its first start, and returns its pid and arguments.
    func firstPlayerStart(timeoutSeconds: Double = 30) async throws -> (pid: Int32, arguments: String) {
        let deadline = Date().addingTimeInterval(timeoutSeconds)
        while Date() < deadline {
            if let line = playerStarts().first, let space = line.firstIndex(of: " "),
                let pid = Int32(line[..<space])
            {
                return (pid, String(line[line.index(after: space)...]))
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw CLIError(description: "the fake player never logged a start in \(playerLog)")
    }

    /// The lines the fake player logged, `<pid> <arguments>` each.
    func playerStarts() -> [String] {
        guard let text = try? String(contentsOfFile: playerLog, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").map(String.init)
    }

    /// Runs `tmux -S socket -f /dev/null arguments…` and returns its standard output. Not through `Process`: the
    /// threads of the test runner block most signals, and a tmux server started from one would inherit that mask
    /// (it could then neither be killed nor see its panes end). Blocks only as long as a tmux client takes.
    @discardableResult
    private func tmux(_ arguments: [String], environment: [String: String] = [:]) throws -> String {
        guard let executable = Self.executable else { throw CLIError(description: "tmux is not installed") }
        var childEnvironment = ProcessInfo.processInfo.environment
        childEnvironment["TMUX"] = nil
        childEnvironment.merge(environment) { _, new in new }
        let output = outputFolder + "/.tmux-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: output) }
        let status = try spawnAndWait(
            executable, ["tmux", "-S", socket, "-f", "/dev/null"] + arguments, environment: childEnvironment,
            output: output)
        let text = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
        guard status == 0 else {
            throw CLIError(description: "tmux \(arguments.joined(separator: " ")) exited with \(status): \(text)")
        }
        return text
    }
}

/// Runs `executable` with `arguments` (`arguments[0]` is its name) with no signal blocked and every signal handled
/// the default way, standard input from /dev/null and standard output and error into the file `output`; waits
/// for it and returns its exit status (128 + the signal when a signal ended it).
func spawnAndWait(
    _ executable: String, _ arguments: [String], environment: [String: String], output: String
) throws -> Int32 {
    #if canImport(Darwin)
        var attributes: posix_spawnattr_t? = nil
        var actions: posix_spawn_file_actions_t? = nil
    #else
        var attributes = posix_spawnattr_t()
        var actions = posix_spawn_file_actions_t()
    #endif
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var noSignals = sigset_t()
    sigemptyset(&noSignals)
    posix_spawnattr_setsigmask(&attributes, &noSignals)
    var allSignals = sigset_t()
    sigfillset(&allSignals)
    sigdelset(&allSignals, SIGKILL)
    sigdelset(&allSignals, SIGSTOP)
    posix_spawnattr_setsigdefault(&attributes, &allSignals)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    posix_spawn_file_actions_adddup2(&actions, 1, 2)

    let argv = arguments.map { strdup($0) } + [nil]
    let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer { (argv + envp).forEach { free($0) } }
    var pid: pid_t = 0
    let spawned = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
    guard spawned == 0 else {
        throw CLIError(description: "cannot start \(executable): \(String(cString: strerror(spawned)))")
    }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) == -1 {
        guard errno == EINTR else { throw CLIError(description: "cannot wait for \(executable): errno \(errno)") }
    }
    // WIFEXITED / WEXITSTATUS, which Swift does not import.
    let signal = status & 0x7f
    return signal == 0 ? (status >> 8) & 0xff : 128 + signal
}

/// Whether process `pid` still runs (a zombie, dead but not yet reaped, does not count).
func isRunning(_ pid: Int32) -> Bool {
    guard kill(pid, 0) == 0 else { return false }
    #if os(Linux)
        if let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let end = stat.range(of: ") ", options: .backwards)
        {
            return !stat[end.upperBound...].hasPrefix("Z")
        }
    #endif
    return true
}

/// The parameters of every SGR sequence (`ESC [ … m`) in `text`, one array per sequence (`ESC[m` is `[0]`).
func sgrParameters(in text: String) -> [[Int]] {
    text.matches(of: /\x{1B}\[([0-9;]*)m/).map { match in
        let body = match.output.1
        if body.isEmpty { return [0] }
        return body.split(separator: ";", omittingEmptySubsequences: false).map { Int($0) ?? 0 }
    }
}

/// Whether an SGR sequence sets a foreground or background colour (30–38, 40–48, 90–97, 100–107).
func setsColour(_ parameters: [Int]) -> Bool {
    parameters.contains { parameter in [30...38, 40...48, 90...97, 100...107].contains { $0.contains(parameter) } }
}

/// `text` without its escape sequences.
func withoutEscapes(_ text: String) -> String {
    text.replacing(/\x{1B}\[[0-9;?]*[A-Za-z]/, with: "")
}

extension Workspace {
    /// Imports the call sample and opens review on it, once its first screen is up; returns the session and the
    /// interview's number.
    func openReviewOnCall(
        environment: [String: String] = [:], width: Int = 100, height: Int = 24
    ) async throws -> (TmuxSession, String) {
        let id = String(try await importRecording(CLI.sample("call-stereo.wav")).id)
        let session = try TmuxSession.start(
            review: [id], in: self, environment: environment, width: width, height: height)
        do {
            try await session.waitFor("press ? for keys")
        } catch {
            session.kill()
            throw error
        }
        return (session, id)
    }
}
