#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Why a private file or folder could not be made, with the C error said in words.
public struct FileError: Error, Equatable, Sendable, CustomStringConvertible {
    public var path: String
    /// What failed: "create", "write", "rename", …
    public var operation: String
    public var errorNumber: Int32

    public init(path: String, operation: String, errorNumber: Int32) {
        self.path = path
        self.operation = operation
        self.errorNumber = errorNumber
    }

    public var description: String {
        "cannot \(operation) '\(path)': \(String(cString: strerror(errorNumber)))"
    }
}
