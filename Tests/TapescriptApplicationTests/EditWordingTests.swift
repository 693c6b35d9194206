import TapescriptApplication
import TapescriptLibrary
import Testing

/// The sentences for what an edit did are the ones the store used to return and journal, word for word.
@Suite struct EditWordingTests {
    static let sentences: [(EditSummary, String)] = [
        (.marked(first: 3, last: 3, highlight: 1, title: nil), "marked segment 3 as highlight 1"),
        (.marked(first: 2, last: 3, highlight: 1, title: "Mentors"), "marked segments 2–3 as highlight 1 “Mentors”"),
        (.unmarked(highlights: [2]), "unmarked highlight 2"),
        (.unmarked(highlights: [1, 3]), "unmarked highlights 1, 3"),
        (.retitled(highlight: 2, title: "Early years"), "highlight 2 is now “Early years”"),
        (.noted(highlight: 2), "noted highlight 2"),
        (.savedText(segment: 4), "saved the text of segment 4"),
        (.textUnchanged(segment: 4), "text of segment 4 unchanged"),
        (
            .namedSpeakers(names: [SpeakerNaming(channel: 0, name: "Andy"), SpeakerNaming(channel: 1, name: "Jane")]),
            "speakers: A is Andy, B is Jane"
        ),
        (.split(segment: 1, atFrame: 4000, sampleRate: 8000), "split segment 1 at 0.5 s"),
        (.merged(segment: 2), "merged segments 2 and 3"),
        (.addedMarker(atFrame: 100_000, sampleRate: 8000), "marker at 12.5 s"),
        (.resegmented(fromSegmentCount: 4, toSegmentCount: 1), "re-segmented: 4 → 1 segments"),
        (.appliedReply(draftVersion: 2, segmentCount: 1), "applied the author's changes from draft 2 to 1 segment"),
        (.appliedReply(draftVersion: 1, segmentCount: 3), "applied the author's changes from draft 1 to 3 segments"),
    ]

    @Test(arguments: sentences)
    func eachSummaryReadsAsTheSentenceItAlwaysHad(summary: EditSummary, sentence: String) {
        #expect(EditWording.sentence(for: summary) == sentence)
    }

    @Test func undoAndRedoSayWhatTheyTookBackOrMadeAgain() {
        #expect(
            EditWording.sentence(for: .undid(.summary(.savedText(segment: 2)))) == "undid: saved the text of segment 2")
        #expect(EditWording.sentence(for: .redid(.summary(.merged(segment: 1)))) == "redid: merged segments 1 and 2")
    }

    @Test func anEditJournalledByAnOlderTapescriptIsShownWithItsOwnSentence() {
        #expect(
            EditWording.sentence(for: .undid(.legacy(label: "marked segment 1 as highlight 1")))
                == "undid: marked segment 1 as highlight 1")
    }
}
