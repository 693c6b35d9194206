#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Finds a program to run, as a shell would: a name with a slash is that path; a bare name is looked for in
/// each folder of `PATH`, in order.
public enum ProgramLookup {
    /// What a login shell searches when `PATH` is unset.
    public static let defaultSearchPath = "/usr/local/bin:/usr/bin:/bin"

    /// The path of `program`, or nil when it is not an executable file there. Empty `PATH` entries (which a
    /// shell reads as the current folder) are skipped: no program is picked up from wherever the user stands.
    /// - Parameter isExecutable: whether a path is an executable file; tests substitute their own.
    public static func find(
        _ program: String, environment: [String: String], isExecutable: (String) -> Bool = isExecutableFile
    ) -> String? {
        if program.contains("/") { return isExecutable(program) ? program : nil }
        for folder in (environment["PATH"] ?? defaultSearchPath).split(separator: ":") {
            let candidate = (folder.hasSuffix("/") ? String(folder) : folder + "/") + program
            if isExecutable(candidate) { return candidate }
        }
        return nil
    }

    /// Whether `path` is a regular file (a folder is not, whatever its mode) this process may execute.
    public static func isExecutableFile(_ path: String) -> Bool {
        var status = stat()
        guard stat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return false }
        return access(path, X_OK) == 0
    }
}
