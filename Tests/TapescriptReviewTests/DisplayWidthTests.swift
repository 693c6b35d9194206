import TapescriptText
import Testing

@testable import TapescriptReview

@Suite struct DisplayWidthTests {
    @Test(arguments: [
        ("hello", 5), ("", 0), ("e\u{301}", 1), ("café", 4), ("日本語", 6), ("한국", 4), ("ｈｉ", 4),
        ("🎤", 2), ("🎙", 1), ("👍🏽", 2), ("🇫🇷", 2), ("👨‍👩‍👧", 2), ("❤️", 2), ("▁▂▃▄▅▆▇█", 8), ("─│┌┐", 4), ("…", 1),
        ("a\u{200B}b", 2),
    ])
    func columnsMatchWhatATerminalShows(text: String, width: Int) {
        #expect(DisplayWidth.of(text) == width)
    }

    @Test func textThatFitsIsNotTruncated() {
        #expect(DisplayWidth.truncate("hello", toWidth: 5) == "hello")
        #expect(DisplayWidth.truncate("hello", toWidth: 9) == "hello")
    }

    @Test func truncatedTextEndsInAnEllipsisWithinTheWidth() {
        #expect(DisplayWidth.truncate("hello world", toWidth: 6) == "hello…")
        #expect(DisplayWidth.truncate("hello", toWidth: 1) == "…")
        #expect(DisplayWidth.truncate("hello", toWidth: 0) == "")
    }

    @Test func truncationNeverSplitsAWideCharacter() {
        // "日本" is 4 columns; with the ellipsis only one ideograph fits in 4.
        let cut = DisplayWidth.truncate("日本語", toWidth: 4)
        #expect(cut == "日…")
        #expect(DisplayWidth.of(cut) <= 4)
    }

    @Test func truncationKeepsCombiningMarksWithTheirLetter() {
        #expect(DisplayWidth.truncate("e\u{301}e\u{301}e\u{301}", toWidth: 2) == "e\u{301}…")
    }

    @Test func padFillsToTheWidthOnEitherSide() {
        #expect(DisplayWidth.pad("ab", toWidth: 4) == "ab  ")
        #expect(DisplayWidth.pad("ab", toWidth: 4, alignment: .trailing) == "  ab")
        #expect(DisplayWidth.pad("日", toWidth: 3) == "日 ")
        #expect(DisplayWidth.pad("hello", toWidth: 3) == "hello")
    }

    @Test func fitMakesTextExactlyTheWidth() {
        #expect(DisplayWidth.fit("hello world", toWidth: 6) == "hello…")
        #expect(DisplayWidth.fit("hi", toWidth: 4) == "hi  ")
        #expect(DisplayWidth.of(DisplayWidth.fit("日本語", toWidth: 5)) == 5)
    }

    @Test func prefixStopsBeforeTheFirstCharacterThatDoesNotFit() {
        #expect(DisplayWidth.prefix(of: "a日b", fittingIn: 2) == "a")
        #expect(DisplayWidth.prefix(of: "a日b", fittingIn: 3) == "a日")
    }
}
