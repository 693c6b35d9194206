import Foundation

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
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw .cannotCreate(path: path, reason: "the folder '\(folder)' cannot be made")
        }
    }
}
