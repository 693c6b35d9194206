import Foundation
import GRDB

extension Library {
    /// Writes a consistent copy of the library to `destination`, through SQLite's online backup API: other
    /// Tapescripts may go on writing meanwhile, and the copy is the library as one moment saw it. The copy is
    /// made readable by its owner alone, and is never written over an existing file.
    /// - Throws: `LibraryError.backupExists` when `destination` exists, `.cannotCreate` when it cannot be made;
    ///   on any failure no partial copy is left behind.
    public func backup(to destination: String) throws(LibraryError) {
        guard try LibraryLocation.createNewPrivateFile(at: destination) else { throw .backupExists(path: destination) }
        do {
            let copy = try DatabaseQueue(path: destination)
            try writer.backup(to: copy)
            try copy.close()
        } catch {
            try? FileManager.default.removeItem(atPath: destination)
            throw Self.translate(error, path: destination)
        }
    }
}
