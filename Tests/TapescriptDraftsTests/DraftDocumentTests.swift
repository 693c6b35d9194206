import Testing

@testable import TapescriptDrafts

@Suite struct DraftDocumentTests {
    @Test func anchorsAreMinutesAndSecondsOfEachStart() {
        #expect(DraftDocument.anchors(forStartSeconds: [0.6, 62.5, 723.0]) == ["0:00", "1:02", "12:03"])
    }

    @Test func anchorsFromAnHourOnShowTheHour() {
        #expect(DraftDocument.anchors(forStartSeconds: [3735.2, 36000]) == ["1:02:15", "10:00:00"])
    }

    @Test func startsInTheSameSecondGetTenthsAndOnlyThey() {
        #expect(
            DraftDocument.anchors(forStartSeconds: [723.4, 723.9, 724.1]) == ["12:03.4", "12:03.9", "12:04"])
    }

    @Test func startsInTheSameTenthGetALetter() {
        #expect(
            DraftDocument.anchors(forStartSeconds: [723.41, 723.45, 723.48, 723.9])
                == ["12:03.4", "12:03.4b", "12:03.4c", "12:03.9"])
    }

    @Test func badStartsDoNotCrash() {
        #expect(DraftDocument.anchors(forStartSeconds: [-1, .nan]) == ["0:00.0", "0:00.0b"])
    }
}
