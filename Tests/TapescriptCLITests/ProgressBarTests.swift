import Testing

@testable import TapescriptCLI

@Suite struct ProgressBarTests {
    @Test func aBarSaysHowFarHowFastAndHowLongIsLeft() {
        let line = ProgressBar.line(
            "importing memo.m4a", fraction: 0.4, done: 12_000_000, total: 30_000_000, unit: .bytes, elapsed: 2)

        #expect(line == "importing memo.m4a ████████░░░░░░░░░░░░ 12 of 30 MB, 6.0 MB/s, about 3.0 s left")
    }

    @Test func theRateWaitsUntilItHasSettled() {
        let line = ProgressBar.line(
            "transcribing", fraction: 0.1, done: 60, total: 600, unit: .audioSeconds, elapsed: 0.5)

        #expect(line == "transcribing ██░░░░░░░░░░░░░░░░░░ 1:00 of 10:00")
    }

    @Test func transcriptionSaysHowManyTimesRealTime() {
        let line = ProgressBar.line(
            "transcribing", fraction: 0.5, done: 300, total: 600, unit: .audioSeconds, elapsed: 30)

        #expect(line == "transcribing ██████████░░░░░░░░░░ 5:00 of 10:00, 10.0× real time, about 30 s left")
    }
}
