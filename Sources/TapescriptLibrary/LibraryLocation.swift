import Foundation
import TapescriptFiles

/// Where the library lives: `--library`, else `TAPESCRIPT_LIBRARY`, else the XDG data directory.
public enum LibraryLocation {
    public static func resolve(explicit: String?, environment: [String: String]) -> String {
        if let explicit, !explicit.isEmpty { return explicit }
        if let fromEnvironment = environment["TAPESCRIPT_LIBRARY"], !fromEnvironment.isEmpty {
            return fromEnvironment
        }
        let dataHome: String
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            dataHome = xdg
        } else {
            dataHome = (environment["HOME"] ?? NSHomeDirectory()) + "/.local/share"
        }
        return dataHome + "/tapescript/library.sqlite"
    }

    /// Makes the folder that will hold a new library.
    static func prepareFolder(for path: String) throws(LibraryError) {
        let folder = (path as NSString).deletingLastPathComponent
        guard !folder.isEmpty else { return }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw .cannotCreate(path: path, reason: "'\(folder)' is a file, not a folder")
            }
            guard FileManager.default.isWritableFile(atPath: folder) else {
                throw .cannotCreate(path: path, reason: "the folder '\(folder)' is not writable")
            }
            return
        }
        do {
            // The folder holds private conversations: only its owner may enter it.
            try PrivateFile.makeFolder(folder)
        } catch {
            throw .cannotCreate(path: path, reason: "the folder '\(folder)' cannot be made")
        }
    }

    /// Makes the empty library file readable by its owner alone before SQLite opens it: SQLite gives the
    /// write-ahead log and its index the mode of the database file, so they are private too.
    static func createPrivateFile(at path: String) throws(LibraryError) {
        // False: another Tapescript making the same library at this moment has made it private already.
        _ = try createNewPrivateFile(at: path)
    }

    /// Makes an empty file at `path`, readable by its owner alone; false when something is already there.
    static func createNewPrivateFile(at path: String) throws(LibraryError) -> Bool {
        let descriptor = open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, PrivateFile.fileMode)
        guard descriptor >= 0 else {
            if errno == EEXIST { return false }
            throw .cannotCreate(path: path, reason: String(cString: strerror(errno)))
        }
        fchmod(descriptor, PrivateFile.fileMode)
        close(descriptor)
        return true
    }
}
