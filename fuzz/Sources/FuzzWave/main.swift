import Foundation
import FuzzSupport

@testable import TapescriptAudio

// The WAV header repair, the truncation check and libsndfile behind `AudioFile`, reached as an import reaches them:
// through a file on disk, since libsndfile and the repair both read paths.
enum WaveTarget {
    /// One file per process, rewritten for each input, in the folder `fuzz/run` gives as TMPDIR.
    static let path = FileManager.default.temporaryDirectory
        .appendingPathComponent("tapescript-fuzz-\(getpid()).wav").path

    static func test(_ data: Data) {
        do {
            try data.write(to: URL(fileURLWithPath: path))
        } catch {
            fatalError("cannot write the fuzz input to \(path): \(error)")
        }
        _ = WaveHeaderRepair.inspect(path: path)
        _ = TruncationCheck.claimedAndPresentDataBytes(in: String(decoding: data, as: UTF8.self))
        do {
            let analysis = try RecordingAnalyzer.analyze(path: path)
            _ = analysis.truncation
        } catch {
            _ = String(describing: error)
        }
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
func testOneInput(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    WaveTarget.test(Fuzzer.data(start, count))
    return 0
}

Fuzzer.run(testOneInput)
