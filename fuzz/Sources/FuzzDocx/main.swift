import Foundation
import FuzzSupport
import TapescriptDocx

// A .docx reply: the ZIP directory check, ZIPFoundation's inflating, then the XML of word/document.xml.
@_cdecl("LLVMFuzzerTestOneInput")
func testOneInput(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    do {
        _ = try DocxReader.paragraphs(from: Fuzzer.data(start, count))
    } catch {
        _ = String(describing: error)
    }
    return 0
}

Fuzzer.run(testOneInput)
