#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A program that takes over the terminal for a while — `$EDITOR`, `$PAGER` — started in Tapescript's own process
/// group. Foundation's `Process` puts its child in a group of its own, which the terminal treats as a background
/// job: an editor is stopped as it sets the terminal up, and a pager cannot read a key and quits at once.
public struct ForegroundProcess: Sendable {
    public let pid: pid_t

    /// Starts `/bin/sh -c command` with `arguments` as `$1…`; its standard input is `standardInput` when given, and
    /// the descriptors in `closing` are closed in it (the other end of a pipe it must not hold).
    /// - Throws: `FileError` when it cannot be started.
    public static func shell(
        _ command: String, arguments: [String] = [], environment: [String: String], standardInput: Int32? = nil,
        closing: [Int32] = []
    ) throws(FileError) -> ForegroundProcess {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if let standardInput {
            posix_spawn_file_actions_adddup2(&actions, standardInput, STDIN_FILENO)
            if standardInput != STDIN_FILENO { posix_spawn_file_actions_addclose(&actions, standardInput) }
        }
        for descriptor in closing { posix_spawn_file_actions_addclose(&actions, descriptor) }

        let argv = (["sh", "-c", command, "sh"] + arguments).map { strdup($0) }
        let envp = environment.map { strdup("\($0.key)=\($0.value)") }
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        let status = posix_spawn(&pid, "/bin/sh", &actions, nil, argv + [nil], envp + [nil])
        guard status == 0 else { throw FileError(path: "/bin/sh", operation: "start", errorNumber: status) }
        return ForegroundProcess(pid: pid)
    }

    /// Waits for the program to end; its exit status, or 128 plus the signal that ended it. Ctrl-C and Ctrl-\ are
    /// the program's while it runs (an editor's or a pager's own keys), so Tapescript ignores them until then,
    /// as git does.
    @discardableResult
    public func wait() -> Int32 {
        let interrupt = signal(SIGINT, SIG_IGN)
        let quit = signal(SIGQUIT, SIG_IGN)
        defer {
            signal(SIGINT, interrupt)
            signal(SIGQUIT, quit)
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            guard errno == EINTR else { return 127 }
        }
        // WIFEXITED / WEXITSTATUS / WTERMSIG are macros Swift does not import.
        let signalNumber = status & 0x7f
        return signalNumber == 0 ? (status >> 8) & 0xff : 128 + signalNumber
    }
}
