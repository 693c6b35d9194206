import CLibFuzzer
import Foundation

/// A libFuzzer target: one input at a time, as bytes. Any trap, sanitizer report, leak or timeout is a finding;
/// an error thrown and caught is not.
public typealias FuzzTest = @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt

public enum Fuzzer {
    /// Hands the process to libFuzzer, which reads its flags from the command line (`-max_total_time=…`, a corpus
    /// folder) and calls `test` with each input until it is done or finds something.
    ///
    /// `test` must also be exported as `LLVMFuzzerTestOneInput` (`@_cdecl`): SwiftPM links an executable's
    /// `main` under another name, so the linker takes libFuzzer's own `main` from its archive too, and that one
    /// needs the symbol (it is never called).
    public static func run(_ test: FuzzTest) -> Never {
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv, test))
    }

    /// The input libFuzzer handed over, copied: the parsers under test take `Data` or `String`.
    public static func data(_ start: UnsafePointer<UInt8>?, _ count: Int) -> Data {
        guard let start, count > 0 else { return Data() }
        return Data(bytes: start, count: count)
    }
}
