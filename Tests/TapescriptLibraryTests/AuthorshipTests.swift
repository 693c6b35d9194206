import Foundation
import Testing

@testable import TapescriptAudio
@testable import TapescriptLibrary

/// Words that only move keep who wrote them: a split or a re-segmentation does not make the author's words the
/// interviewer's.
@Suite struct AuthorshipTests {
    @Test func splittingASegmentKeepsTheAuthorsWordsTheAuthors() throws {
        let (library, interview) = try EditTests.library()
        _ = try library.setText(interview, segment: 2, text: "The author's words.", origin: .author)

        _ = try library.split(interview, segment: 2, atFrame: 20_000)

        #expect(try library.history(interview, segment: 2).last?.origin == .author)
    }

    @Test func resegmentingMovesTheAuthorsWordsAsTheAuthors() throws {
        let (library, interview) = try EditTests.library()
        _ = try library.setText(interview, segment: 2, text: "The author's words.", origin: .author)
        _ = try library.setText(interview, segment: 3, text: "Mine.")
        // The same turns, each a little longer: every text moves to a new frame range.
        let regions = (0..<4).map { index in
            SpeechRegion(
                startFrame: Int64(index * 16_000), endFrame: Int64(index * 16_000 + 9_000), channel: index % 2)
        }

        _ = try library.replaceSegments(of: interview, with: regions, parameters: .interview)

        #expect(try library.history(interview, segment: 2).last?.origin == .author)
        #expect(try library.history(interview, segment: 3).last?.origin == .interviewer)
        #expect(
            try library.reviewSnapshot(of: interview).segments.map(\.text) == [
                nil, "The author's words.", "Mine.", nil,
            ])
    }
}
