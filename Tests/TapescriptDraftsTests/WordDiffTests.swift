import Testing

@testable import TapescriptDrafts

@Suite struct WordDiffTests {
    @Test func aReplacedWordIsRemovedThenAdded() {
        let pieces = WordDiff.diff("I hated it for a year.", "I loathed it for a year.")
        #expect(pieces == [.same("I "), .removed("hated "), .added("loathed "), .same("it for a year.")])
        #expect(WordDiff.render(pieces, colour: false) == "I [-hated-] {+loathed+} it for a year.")
    }

    @Test func insertionsAndDeletionsRenderInBrackets() {
        let pieces = WordDiff.diff("the big dog barked", "the dog barked loudly")
        #expect(WordDiff.render(pieces, colour: false) == "the [-big-] dog barked {+loudly+}")
        #expect(pieces.contains(.removed("big ")))
    }

    @Test func rewrappingIsNoChange() {
        #expect(WordDiff.diff("a b\nc", "a  b c") == [.same("a  b c")])
    }

    @Test func colourUsesRedAndGreen() {
        let rendered = WordDiff.render(WordDiff.diff("a b", "a c"), colour: true)
        #expect(rendered == "a \u{1B}[31mb\u{1B}[0m\u{1B}[32mc\u{1B}[0m")
    }

    @Test func emptyTexts() {
        #expect(WordDiff.diff("", "") == [])
        #expect(WordDiff.diff("", "new words") == [.added("new words")])
        #expect(WordDiff.diff("old", "") == [.removed("old")])
    }
}
