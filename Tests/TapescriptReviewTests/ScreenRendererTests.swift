import Testing

@testable import TapescriptReview

@Suite struct ScreenRendererTests {
    private let size = TerminalSize(width: 10, height: 4)

    private func lines(_ texts: String...) -> [Line] {
        texts.map { [Span($0)] }
    }

    @Test func theFirstFrameClearsAndDrawsEveryLine() {
        var renderer = ScreenRenderer()
        let output = renderer.render(lines("one", "two", "three"), size: size, cursor: nil, colour: true)
        #expect(output.contains("\u{1B}[2J"))
        #expect(output.contains("\u{1B}[1;1Hone"))
        #expect(output.contains("\u{1B}[2;1Htwo"))
        #expect(output.contains("\u{1B}[3;1Hthree"))
        #expect(output.contains("\u{1B}[?25l"))
    }

    @Test func anUnchangedFrameProducesNothing() {
        var renderer = ScreenRenderer()
        _ = renderer.render(lines("one", "two"), size: size, cursor: nil, colour: true)
        #expect(renderer.render(lines("one", "two"), size: size, cursor: nil, colour: true) == "")
    }

    @Test func onlyTheChangedLineIsRewritten() {
        var renderer = ScreenRenderer()
        _ = renderer.render(lines("one", "two", "three"), size: size, cursor: nil, colour: true)
        let output = renderer.render(lines("one", "2", "three"), size: size, cursor: nil, colour: true)
        #expect(output == "\u{1B}[2;1H2\u{1B}[K")
    }

    @Test func aLineThatDisappearsIsErased() {
        var renderer = ScreenRenderer()
        _ = renderer.render(lines("one", "two"), size: size, cursor: nil, colour: true)
        #expect(renderer.render(lines("one"), size: size, cursor: nil, colour: true) == "\u{1B}[2;1H\u{1B}[K")
    }

    @Test func aFullWidthLineIsNotFollowedByAnErase() {
        var renderer = ScreenRenderer()
        _ = renderer.render(lines("one"), size: size, cursor: nil, colour: true)
        #expect(renderer.render(lines("0123456789"), size: size, cursor: nil, colour: true) == "\u{1B}[1;1H0123456789")
    }

    @Test func aNewSizeRedrawsEverything() {
        var renderer = ScreenRenderer()
        _ = renderer.render(lines("one", "two"), size: size, cursor: nil, colour: true)
        let output = renderer.render(
            lines("one", "two"), size: TerminalSize(width: 20, height: 4), cursor: nil, colour: true)
        #expect(output.contains("\u{1B}[2J"))
        #expect(output.contains("one"))
        #expect(output.contains("two"))
    }

    @Test func invalidateForcesAFullRedraw() {
        var renderer = ScreenRenderer()
        _ = renderer.render(lines("one", "two"), size: size, cursor: nil, colour: true)
        renderer.invalidate()
        let output = renderer.render(lines("one", "two"), size: size, cursor: nil, colour: true)
        #expect(output.contains("\u{1B}[2J"))
        #expect(output.contains("\u{1B}[1;1Hone"))
    }

    @Test func linesAreClippedAtTheRightEdge() {
        var renderer = ScreenRenderer()
        let output = renderer.render(lines("0123456789abc"), size: size, cursor: nil, colour: true)
        #expect(output.contains("0123456789"))
        #expect(!output.contains("a"))
    }

    @Test func aWideCharacterThatWouldStraddleTheEdgeIsLeftOut() {
        var renderer = ScreenRenderer()
        // 9 columns of ASCII leave one column, too few for 日.
        let output = renderer.render(lines("012345678日本"), size: size, cursor: nil, colour: true)
        #expect(output.contains("012345678"))
        #expect(!output.contains("日"))
        var narrow = ScreenRenderer()
        let wide = narrow.render(lines("日本語です"), size: TerminalSize(width: 5, height: 1), cursor: nil, colour: true)
        #expect(wide.contains("日本"))
        #expect(!wide.contains("語"))
    }

    @Test func linesBelowTheBottomAreNotDrawn() {
        var renderer = ScreenRenderer()
        let output = renderer.render(
            lines("a", "b", "c", "d", "e"), size: TerminalSize(width: 10, height: 3), cursor: nil, colour: true)
        #expect(output.contains("\u{1B}[3;1Hc"))
        #expect(!output.contains("d"))
    }

    @Test func stylesBecomeSelectGraphicRenditionAndEndInAReset() {
        var renderer = ScreenRenderer()
        let line: Line = [
            Span("ok ", style: Style(bold: true, foreground: .green)), Span("plain"),
        ]
        let output = renderer.render([line], size: TerminalSize(width: 20, height: 1), cursor: nil, colour: true)
        #expect(output.contains("\u{1B}[0;1;32mok \u{1B}[0mplain"))
    }

    @Test func withoutColourNoColourCodesAreEmittedButAttributesAre() {
        var renderer = ScreenRenderer()
        let line: Line = [
            Span("red", style: Style(foreground: .red)), Span("cursor", style: Style(reverse: true, foreground: .cyan)),
            Span("grey", style: Style(dim: true, foreground: .grey)),
        ]
        let output = renderer.render([line], size: TerminalSize(width: 40, height: 1), cursor: nil, colour: false)
        for code in [";31", ";36", ";90", "[31", "[36", "[90"] { #expect(!output.contains(code)) }
        #expect(output.contains("\u{1B}[0;7mcursor"))
        #expect(output.contains("\u{1B}[0;2mgrey"))
        // Red without colour is plain text: no escape before it.
        #expect(output.contains("Hred"))
    }

    @Test func controlCharactersInTextAreShownAsSpaces() {
        var renderer = ScreenRenderer()
        let output = renderer.render(lines("a\tb\u{1B}[2Jc"), size: size, cursor: nil, colour: true)
        #expect(output.contains("a b [2Jc"))
    }

    @Test func aCursorIsPlacedAndShownAndHiddenAgain() {
        var renderer = ScreenRenderer()
        let first = renderer.render(lines("edit me"), size: size, cursor: (row: 0, column: 4), colour: true)
        #expect(first.hasSuffix("\u{1B}[1;5H\u{1B}[?25h"))
        let moved = renderer.render(lines("edit me"), size: size, cursor: (row: 0, column: 2), colour: true)
        #expect(moved == "\u{1B}[1;3H")
        let still = renderer.render(lines("edit me"), size: size, cursor: (row: 0, column: 2), colour: true)
        #expect(still == "")
        let hidden = renderer.render(lines("edit me"), size: size, cursor: nil, colour: true)
        #expect(hidden == "\u{1B}[?25l")
    }

    @Test func redrawingWithAVisibleCursorHidesItWhileDrawing() {
        var renderer = ScreenRenderer()
        _ = renderer.render(lines("edit"), size: size, cursor: (row: 0, column: 4), colour: true)
        let output = renderer.render(lines("edits"), size: size, cursor: (row: 0, column: 5), colour: true)
        #expect(output == "\u{1B}[?25l\u{1B}[1;1Hedits\u{1B}[K\u{1B}[1;6H\u{1B}[?25h")
    }
}
