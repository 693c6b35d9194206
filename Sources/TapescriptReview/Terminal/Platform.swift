// The C library under the name each platform gives it, exported so that the terminal layer's files need no ladder of
// their own. What differs between the libraries beyond their names is here too.
#if canImport(Glibc)
    @_exported import Glibc
#elseif canImport(Musl)
    @_exported import Musl
#elseif canImport(Darwin)
    @_exported import Darwin
#else
    #error("The terminal layer needs a POSIX C library")
#endif

extension sigaction {
    /// The handler of a plain (not `SA_SIGINFO`) action; each C library names the union that holds it differently.
    var handler: (@convention(c) (Int32) -> Void)? {
        get {
            #if canImport(Glibc)
                return __sigaction_handler.sa_handler
            #elseif canImport(Musl)
                return __sa_handler.sa_handler
            #else
                return __sigaction_u.__sa_handler
            #endif
        }
        set {
            #if canImport(Glibc)
                __sigaction_handler.sa_handler = newValue
            #elseif canImport(Musl)
                __sa_handler.sa_handler = newValue
            #else
                __sigaction_u.__sa_handler = newValue
            #endif
        }
    }
}

/// `write(2)`, under a name that a method called `write` does not shadow.
func writeBytes(_ descriptor: Int32, _ bytes: UnsafeRawPointer?, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}
