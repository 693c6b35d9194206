import TapescriptText
import Testing

@testable import TapescriptReview

@Suite struct LineEditorTests {
    private func editor(_ text: String, cursor: Int? = nil) -> LineEditor {
        LineEditor(text: text, cursor: cursor)
    }

    private func applying(_ keys: [Key], to start: LineEditor) -> LineEditor {
        var editor = start
        for key in keys { _ = editor.handle(key) }
        return editor
    }

    private func typing(_ text: String) -> [Key] {
        text.map { .character($0) }
    }

    @Test func anEditorStartsWithTheCursorAtTheEnd() {
        #expect(editor("hello").cursor == 5)
        #expect(LineEditor().text == "")
        #expect(editor("hello", cursor: 99).cursor == 5)
        #expect(editor("hello", cursor: -3).cursor == 0)
    }

    @Test func typingInsertsAtTheCursor() {
        let edited = applying(typing("xy"), to: editor("ab", cursor: 1))
        #expect(edited.text == "axyb")
        #expect(edited.cursor == 3)
    }

    @Test func aCombiningMarkJoinsTheCharacterBeforeIt() {
        let edited = applying([.character("e"), .character("\u{301}"), .character("!")], to: editor(""))
        #expect(edited.text == "e\u{301}!")
        #expect(edited.cursor == 2)
    }

    @Test func backspaceDeletesBeforeTheCursorAndStopsAtTheStart() {
        let edited = applying([.backspace], to: editor("abc", cursor: 2))
        #expect(edited.text == "ac")
        #expect(edited.cursor == 1)
        #expect(applying([.backspace], to: editor("abc", cursor: 0)) == editor("abc", cursor: 0))
    }

    @Test func deleteRemovesTheCharacterUnderTheCursorAndStopsAtTheEnd() {
        let edited = applying([.delete], to: editor("abc", cursor: 1))
        #expect(edited.text == "ac")
        #expect(edited.cursor == 1)
        #expect(applying([.delete], to: editor("abc")) == editor("abc"))
        #expect(applying([.control("d")], to: editor("abc", cursor: 0)).text == "bc")
    }

    @Test func arrowsMoveWithinTheText() {
        #expect(applying([.left, .left], to: editor("abc")).cursor == 1)
        #expect(applying([.left, .left, .left, .left], to: editor("abc")).cursor == 0)
        #expect(applying([.right], to: editor("abc")).cursor == 3)
        #expect(applying([.right], to: editor("abc", cursor: 0)).cursor == 1)
        #expect(applying([.control("b")], to: editor("abc")).cursor == 2)
        #expect(applying([.control("f")], to: editor("abc", cursor: 0)).cursor == 1)
    }

    @Test func homeEndAndTheirControlKeysJumpToTheEnds() {
        #expect(applying([.home], to: editor("abc")).cursor == 0)
        #expect(applying([.control("a")], to: editor("abc")).cursor == 0)
        #expect(applying([.end], to: editor("abc", cursor: 0)).cursor == 3)
        #expect(applying([.control("e")], to: editor("abc", cursor: 0)).cursor == 3)
    }

    @Test func controlKKillsToTheEnd() {
        let edited = applying([.control("k")], to: editor("hello world", cursor: 5))
        #expect(edited.text == "hello")
        #expect(edited.cursor == 5)
    }

    @Test func controlUKillsToTheStart() {
        let edited = applying([.control("u")], to: editor("hello world", cursor: 6))
        #expect(edited.text == "world")
        #expect(edited.cursor == 0)
    }

    @Test func controlWDeletesTheWordBeforeTheCursorAndTheSpacesAfterIt() {
        #expect(applying([.control("w")], to: editor("one two three")).text == "one two ")
        #expect(applying([.control("w")], to: editor("one two  ")).text == "one ")
        let middle = applying([.control("w")], to: editor("one two three", cursor: 7))
        #expect(middle.text == "one  three")
        #expect(middle.cursor == 4)
        #expect(applying([.control("w")], to: editor("", cursor: 0)).text == "")
    }

    @Test func enterCommitsTheText() {
        var edited = editor("done")
        #expect(edited.handle(.enter) == .committed("done"))
    }

    @Test func escapeAndControlCCancel() {
        var edited = editor("draft")
        #expect(edited.handle(.escape) == .cancelled)
        #expect(edited.handle(.control("c")) == .cancelled)
    }

    @Test func otherKeysAreIgnoredWhileEditing() {
        var edited = editor("abc", cursor: 1)
        for key in [Key.up, .down, .pageUp, .tab, .backTab, .control("r"), .unknown([0x1B, 0x5B, 0x32, 0x7E])] {
            #expect(edited.handle(key) == .editing)
        }
        #expect(edited == editor("abc", cursor: 1))
    }

    @Test func editingWideCharactersCountsCharactersNotBytes() {
        let edited = applying([.left, .backspace, .character("x")], to: editor("日本語"))
        #expect(edited.text == "日x語")
        #expect(edited.cursor == 2)
    }

    @Test func shortTextIsShownWholeWithTheCursorWhereItIs() {
        let slice = editor("hello", cursor: 2).visibleSlice(width: 10)
        #expect(slice.text == "hello")
        #expect(slice.cursorColumn == 2)
        #expect(editor("hello").visibleSlice(width: 6).cursorColumn == 5)
    }

    @Test func longTextScrollsSoTheCursorAtTheEndStaysVisible() {
        let slice = editor("abcdefghij").visibleSlice(width: 5)
        // Four characters and the cell the cursor stands in.
        #expect(slice.text == "ghij")
        #expect(slice.cursorColumn == 4)
    }

    @Test func longTextWithTheCursorNearTheStartShowsTheStart() {
        let slice = editor("abcdefghij", cursor: 1).visibleSlice(width: 5)
        #expect(slice.text == "abcde")
        #expect(slice.cursorColumn == 1)
    }

    @Test func longTextWithTheCursorInTheMiddleKeepsTheCharacterUnderItVisible() {
        let slice = editor("abcdefghij", cursor: 6).visibleSlice(width: 5)
        #expect(slice.text == "cdefg")
        #expect(slice.cursorColumn == 4)
    }

    @Test func scrollingCountsColumnsOfWideCharacters() {
        let slice = editor("日本語です").visibleSlice(width: 7)
        #expect(slice.text == "語です")
        #expect(slice.cursorColumn == 6)
        #expect(DisplayWidth.of(slice.text) + 1 <= 7)
    }

    @Test func aFieldWithNoRoomShowsNothing() {
        let slice = editor("abc").visibleSlice(width: 0)
        #expect(slice.text == "")
        #expect(slice.cursorColumn == 0)
    }
}
