import GRDB

extension Library {
    /// A number that changes whenever another connection — another Tapescript, a script running `text` or
    /// `mark`, a second review — commits to the library; this process's own writes leave it as it is (SQLite's
    /// `PRAGMA data_version`, read on the one writer connection). A screen that shows the library polls it to know
    /// when to read it again.
    /// - Throws: `LibraryError` when the library cannot be read.
    public func outsideChangeCount() throws(LibraryError) -> Int {
        do {
            return try writer.writeWithoutTransaction { db in try Int.fetchOne(db, sql: "PRAGMA data_version") ?? 0 }
        } catch {
            throw Self.translate(error, path: path)
        }
    }
}
