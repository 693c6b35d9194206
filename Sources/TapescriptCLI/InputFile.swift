import Foundation

/// Reads what a command was given: a file, or standard input for `-`.
enum InputFile {
    /// - Throws: `CLIError.cannotRead` when the file is missing or unreadable.
    static func read(_ path: String) throws(CLIError) -> Data {
        if path == "-" { return FileHandle.standardInput.readDataToEndOfFile() }
        guard FileManager.default.fileExists(atPath: path) else {
            throw .cannotRead(path: path, reason: "no such file")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .cannotRead(path: path, reason: "it cannot be read")
        }
        return data
    }
}
