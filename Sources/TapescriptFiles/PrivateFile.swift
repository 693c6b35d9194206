import Foundation

#if canImport(Glibc)
    import Glibc
    private let systemWrite = Glibc.write
#elseif canImport(Musl)
    import Musl
    private let systemWrite = Musl.write
#elseif canImport(Darwin)
    import Darwin
    private let systemWrite = Darwin.write
#endif

/// Files and folders that hold an interview: readable by their owner alone, written so that a reader (or a
/// crash) sees the old file or the new one, never half of one.
public enum PrivateFile {
    /// Owner read and write: drafts, publications, scratch files, the library.
    public static let fileMode: mode_t = 0o600
    /// Owner only: the library's folder, scratch folders.
    public static let folderMode: mode_t = 0o700

    /// Writes `data` to `path` atomically. A new file is made 0600; an existing one keeps its mode (never widened).
    ///
    /// The bytes go to an unnamed file in the same folder first (`O_TMPFILE` where the file system has it, so a
    /// kill at any moment before it is named leaves nothing behind), which is synced, then given its name: at once
    /// when `path` is new; when it replaces a file, a hidden name for an instant, renamed over `path` (no call
    /// names an unnamed file over an existing one). A kill in that instant leaves the hidden file, which the next
    /// write of `path` removes.
    /// - Throws: `FileError` naming the step that failed; `path` is then as it was.
    public static func write(_ data: Data, to path: String) throws(FileError) {
        let folder = (path as NSString).deletingLastPathComponent
        let directory = folder.isEmpty ? "." : folder
        var status = stat()
        let exists = stat(path, &status) == 0
        let mode = exists ? status.st_mode & 0o7777 : fileMode
        removeLeftovers(beside: path, in: directory)
        let (descriptor, pending) = try openUnnamed(in: directory, beside: path)
        var linked: String?
        defer {
            close(descriptor)
            if let linked { unlink(linked) }
        }
        try writeAll(data, to: descriptor, path: path)
        guard fchmod(descriptor, mode) == 0 else {
            throw FileError(path: path, operation: "set the mode of", errorNumber: errno)
        }
        guard fsync(descriptor) == 0 else { throw FileError(path: path, operation: "sync", errorNumber: errno) }
        let temporary: String
        if let pending {
            temporary = pending
        } else {
            #if os(Linux)
                let unnamed = "/proc/self/fd/\(descriptor)"
                if !exists {
                    if linkat(AT_FDCWD, unnamed, AT_FDCWD, path, AT_SYMLINK_FOLLOW) == 0 { return }
                    // Made meanwhile by someone else: replace it, as if it had been there.
                    guard errno == EEXIST else { throw FileError(path: path, operation: "create", errorNumber: errno) }
                }
            #endif
            temporary = hiddenName(beside: path)
            #if os(Linux)
                guard linkat(AT_FDCWD, unnamed, AT_FDCWD, temporary, AT_SYMLINK_FOLLOW) == 0 else {
                    throw FileError(path: path, operation: "create", errorNumber: errno)
                }
            #endif
        }
        linked = temporary
        guard rename(temporary, path) == 0 else {
            throw FileError(path: path, operation: "rename onto", errorNumber: errno)
        }
        linked = nil
    }

    /// Makes `path` a folder only its owner can enter, with its missing parents (which get the same mode).
    /// An existing folder is left as it is.
    /// - Throws: `FileError` when it cannot be made.
    public static func makeFolder(_ path: String) throws(FileError) {
        var status = stat()
        if stat(path, &status) == 0 { return }
        let parent = (path as NSString).deletingLastPathComponent
        if !parent.isEmpty, parent != path { try makeFolder(parent) }
        guard mkdir(path, folderMode) == 0 || errno == EEXIST else {
            throw FileError(path: path, operation: "create the folder", errorNumber: errno)
        }
        // mkdir's mode passes through the umask; say it exactly.
        chmod(path, folderMode)
    }

    /// A new private scratch folder inside `parent` (the temporary directory by default), named `prefix-XXXXXX`.
    /// - Throws: `FileError` when it cannot be made.
    public static func makeScratchFolder(
        prefix: String, in parent: String = FileManager.default.temporaryDirectory.path
    ) throws(FileError) -> String {
        let base = parent.hasSuffix("/") ? String(parent.dropLast()) : parent
        var template = Array("\(base)/\(prefix)-XXXXXX".utf8CString)
        let made = template.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress.flatMap { mkdtemp($0) }.map { String(cString: $0) }
        }
        guard let made else { throw FileError(path: base, operation: "create a folder in", errorNumber: errno) }
        return made
    }

    /// An unnamed file in `directory` where the system offers one; else a new hidden file beside `path`, whose name
    /// comes back to be renamed.
    private static func openUnnamed(in directory: String, beside path: String) throws(FileError) -> (Int32, String?) {
        #if os(Linux)
            // O_TMPFILE is a macro Swift does not import: __O_TMPFILE | O_DIRECTORY, as <fcntl.h> defines it.
            let unnamed = open(directory, __O_TMPFILE | O_DIRECTORY | O_WRONLY | O_CLOEXEC, fileMode)
            if unnamed >= 0 { return (unnamed, nil) }
        #endif
        let hidden = hiddenName(beside: path)
        let named = open(hidden, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, fileMode)
        guard named >= 0 else { throw FileError(path: path, operation: "create", errorNumber: errno) }
        return (named, hidden)
    }

    private static func hiddenName(beside path: String) -> String {
        let folder = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        let hidden = ".\(name).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).partial"
        return folder.isEmpty ? hidden : folder + "/" + hidden
    }

    /// Removes the hidden files that writers of `path` killed before their rename left in `directory`: those whose
    /// process is gone. One whose writer still runs may yet be renamed, and is left alone.
    private static func removeLeftovers(beside path: String, in directory: String) {
        let prefix = ".\((path as NSString).lastPathComponent)."
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            // Tidying is not the write: a folder that cannot be listed is written to all the same.
            return
        }
        for name in names where name.hasPrefix(prefix) && name.hasSuffix(".partial") {
            let parts = name.dropFirst(prefix.count).dropLast(".partial".count).split(separator: ".")
            guard parts.count == 2, let writer = pid_t(parts[0]), UInt32(parts[1]) != nil, writer > 0 else { continue }
            if kill(writer, 0) != 0, errno == ESRCH { unlink(directory + "/" + name) }
        }
    }

    private static func writeAll(_ data: Data, to descriptor: Int32, path: String) throws(FileError) {
        let failure: Int32? = data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = systemWrite(descriptor, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += written
            }
            return nil
        }
        if let failure { throw FileError(path: path, operation: "write", errorNumber: failure) }
    }
}
