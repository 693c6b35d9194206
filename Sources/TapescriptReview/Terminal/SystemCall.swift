/// A system call that failed: its name and the C error number it left in `errno`.
struct SystemCallError: Error, Equatable, Sendable, CustomStringConvertible {
    let call: String
    let errorNumber: Int32

    /// EINTR: a signal arrived before the call did anything.
    var wasInterrupted: Bool { errorNumber == EINTR }
    /// EAGAIN (EWOULDBLOCK): a non-blocking descriptor had nothing to read, or no room to write.
    var wouldBlock: Bool { errorNumber == EAGAIN || errorNumber == EWOULDBLOCK }

    var description: String { "\(call) failed: \(String(cString: strerror(errorNumber)))" }
}

/// Calls `body`, a C function that returns -1 and sets `errno` when it fails, again for as long as it fails with
/// EINTR, and returns what it returned.
///
/// Not for a signal handler: throwing allocates.
///
/// - Parameters:
///   - call: the C function's name, for the error.
///   - retryingOnInterrupt: false where an interruption is news for the caller rather than noise.
/// - Throws: `SystemCallError` with `errno` when `body` fails otherwise (or with EINTR, when not retrying).
func systemCall<Value: FixedWidthInteger>(
    _ call: String, retryingOnInterrupt: Bool = true, _ body: () -> Value
) throws(SystemCallError) -> Value {
    while true {
        let result = body()
        guard result == -1 else { return result }
        let error = SystemCallError(call: call, errorNumber: errno)
        guard retryingOnInterrupt, error.wasInterrupted else { throw error }
    }
}
