import Foundation
import FuzzSupport
import TapescriptDrafts

// A reply's text as `apply` reads it: the draft reader, then the alignment with the draft it answers and the word
// diff of each paragraph found.
enum DraftTarget {
    /// A small draft with what the aligner has to tell apart: two sections, an hour anchor, tenths, a paragraph
    /// without a speaker, questions. `FuzzDraft --print-sample-draft` prints it as the tool renders it (a seed).
    static let sample = DraftDocument(
        slug: "jane-doe-on-networking", title: "Jane Doe on networking", version: 2, date: "2025-03-04",
        sections: [
            DraftSection(
                title: "Finding the first job",
                paragraphs: [
                    paragraph(12, "12:03", "Andy", question: true, "So how did you find your first job?"),
                    paragraph(
                        13, "12:08", "Jane", question: false,
                        "Well, I started by asking around. Everyone I knew from university had an uncle who “knew "
                            + "someone”, and I wrote to every one of them — forty letters — before anybody wrote back."),
                    paragraph(15, "13:02.4", "Andy", question: true, "And you took it straight away?"),
                    paragraph(16, "13:02.9", "Jane", question: false, "I did, and I hated it for a year."),
                ]),
            DraftSection(
                title: "Mentors",
                paragraphs: [
                    paragraph(40, "1:02:15", "Andy", question: true, "Who taught you the most in those years?"),
                    paragraph(42, "1:03:01", nil, question: false, "Honestly: she was the reason I stayed."),
                ]),
        ])

    private static func paragraph(_ segment: Int, _ anchor: String, _ speaker: String?, question: Bool, _ text: String)
        -> DraftParagraph
    {
        DraftParagraph(segmentIndex: segment, anchor: anchor, speaker: speaker, isQuestion: question, text: text)
    }

    static func test(_ data: Data) {
        do {
            let reply = try DraftReader.read(String(decoding: data, as: UTF8.self))
            let alignment = DraftAligner.align(reply: reply, to: sample)
            let sent = sample.paragraphs
            for match in alignment.matches.compactMap({ $0 }) {
                _ = WordDiff.diff(sent[match.sentIndex].text, match.text)
            }
        } catch {
            _ = String(describing: error)
        }
    }
}

if CommandLine.arguments.dropFirst().first == "--print-sample-draft" {
    print(DraftRenderer.plainText(DraftTarget.sample), terminator: "")
    exit(0)
}
@_cdecl("LLVMFuzzerTestOneInput")
func testOneInput(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    DraftTarget.test(Fuzzer.data(start, count))
    return 0
}

Fuzzer.run(testOneInput)
