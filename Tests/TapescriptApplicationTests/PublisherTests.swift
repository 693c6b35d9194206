import Foundation
import TapescriptDrafts
import TapescriptLibrary
import Testing

@testable import TapescriptApplication

@Suite struct PublisherTests {
    @Test func theHighlightsArePublishedWithTheirQuestionsAndNoApprovalYet() throws {
        let library = try ApplicationFixture.highlightedLibrary()

        let publication = try Publisher(library: library).publication(of: ApplicationFixture.interview)

        #expect(publication.sections.map(\.title) == ["Beginnings"])
        let questions = publication.sections[0].paragraphs.compactMap { paragraph -> Bool? in
            if case .spoken(_, let isQuestion, _, _, _) = paragraph { return isQuestion }
            return nil
        }
        #expect(questions == [true, false, true, false])
        #expect(publication.approval == "Not yet approved by the author.")
    }

    @Test func aSegmentWithoutTextIsAnOmission() throws {
        let library = try ApplicationFixture.library()
        _ = try library.setText(ApplicationFixture.interview, segment: 1, text: "Hello?")
        _ = try library.mark(ApplicationFixture.interview, segments: 1, through: 3)

        let publication = try Publisher(library: library).publication(of: ApplicationFixture.interview)

        #expect(publication.sections[0].title == "Highlight 1")
        #expect(publication.sections[0].paragraphs.last == .omission)
    }
}
