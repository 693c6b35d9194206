import Foundation
import FuzzSupport
import TapescriptMail

// A reply as `apply` reads a mail: the message, then the texts that may hold the draft.
@_cdecl("LLVMFuzzerTestOneInput")
func testOneInput(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    do {
        let message = try MailMessage.parse(Fuzzer.data(start, count))
        for candidate in try message.draftCandidates() {
            if case .attachedDocx(let attachment) = candidate { _ = attachment.data.count }
        }
    } catch {
        _ = String(describing: error)
    }
    return 0
}

Fuzzer.run(testOneInput)
