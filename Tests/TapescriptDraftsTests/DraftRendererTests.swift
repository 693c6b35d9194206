import Testing

@testable import TapescriptDrafts

@Suite struct DraftRendererTests {
    let text = DraftRenderer.plainText(DraftSamples.document)

    @Test func linesAreShortWithoutTrailingSpacesAndTheTextEndsWithOneNewline() {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for line in lines {
            #expect(line.count <= 72, "\(line)")
            #expect(line.last != " ", "\(line)")
        }
        #expect(text.hasSuffix("\n") && !text.hasSuffix("\n\n"))
        #expect(!text.contains("\r"))
    }

    @Test func theDraftStartsWithTitleMarkerAndInstructions() {
        #expect(text.hasPrefix("# Jane Doe on networking — draft 2\n\n[tapescript jane-doe-on-networking draft 2]\n\n"))
        #expect(text.contains("[[double brackets]]"))
    }

    @Test func questionsHaveTheirSpeakerInBoldAndAnswersPlain() {
        #expect(text.contains("## Finding the first job\n\n[12:03] **Andy:** So how did you find your first job?\n\n"))
        #expect(text.contains("\n\n[12:08] Jane: Well, I started by asking around."))
        #expect(text.contains("\n\n[1:03:01] Honestly: she was"))
    }

    @Test func noContinuationLineStartsWithMarkdownStructure() {
        let paragraph = DraftSamples.paragraph(
            1, "0:01", "Jane", question: false,
            String(repeating: "word ", count: 12) + "- a dash, # a hash and [12:03] and 1. a list item and > more")
        let document = DraftDocument(
            slug: "s", title: "t", version: 1, date: "2025-01-01",
            sections: [DraftSection(title: nil, paragraphs: [paragraph])])
        let body = DraftRenderer.plainText(document).split(separator: "\n").drop { !$0.hasPrefix("[0:01]") }
        for line in body.dropFirst() {
            #expect(!"-#>[".contains(line.first ?? " ") && !line.hasPrefix("1."), "\(line)")
        }
    }

    @Test func aLongTitleBecomesAWrappedSetextHeading() {
        let title = String(repeating: "A very long title ", count: 6) + "indeed"
        let document = DraftDocument(slug: "s", title: title, version: 1, date: "2025-01-01", sections: [])
        let lines = DraftRenderer.plainText(document).split(separator: "\n")
        #expect(lines.allSatisfy { $0.count <= 72 })
        #expect(lines[2].allSatisfy { $0 == "=" })
    }

    @Test func theHeadingsOfTheRenderedDraftAreReadBackAsAWordProcessorShowsThem() {
        var document = DraftSamples.document
        document.title = String(repeating: "A very long title ", count: 6) + "indeed"

        let headings = DraftReader.headings(in: DraftRenderer.plainText(document))

        #expect(headings == [document.title + " — draft 2", "Finding the first job", "Mentors"])
    }
}
