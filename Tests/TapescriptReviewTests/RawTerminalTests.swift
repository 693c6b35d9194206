import Glibc
import Testing

@testable import TapescriptReview

@Suite struct RawTerminalTests {
    @Test func aPipeIsNotATerminal() throws {
        var descriptors: [Int32] = [-1, -1]
        try #require(pipe(&descriptors) == 0)
        defer { for descriptor in descriptors { close(descriptor) } }
        let pseudoTerminal = try PseudoTerminal()
        #expect(throws: TerminalError.notATerminal) {
            try RawTerminal(input: descriptors[0], output: pseudoTerminal.follower)
        }
        #expect(throws: TerminalError.notATerminal) {
            try RawTerminal(input: pseudoTerminal.follower, output: descriptors[1])
        }
    }

    @Test func enteringSwitchesToRawModeAndTheAlternateScreenAndRestoringUndoesIt() throws {
        let pseudoTerminal = try PseudoTerminal()
        let before = pseudoTerminal.settings()
        #expect(before.c_lflag & tcflag_t(ECHO | ICANON) != 0)
        let terminal = try RawTerminal(input: pseudoTerminal.follower, output: pseudoTerminal.follower)
        try terminal.enter()
        let raw = pseudoTerminal.settings()
        #expect(raw.c_lflag & tcflag_t(ECHO | ICANON | ISIG | IEXTEN) == 0)
        #expect(raw.c_iflag & tcflag_t(IXON | ICRNL) == 0)
        let entered = pseudoTerminal.screenOutput()
        #expect(entered.contains("\u{1B}[?1049h"))
        #expect(entered.contains("\u{1B}[?25l"))

        terminal.restore()
        let restored = pseudoTerminal.settings()
        #expect(restored.c_lflag == before.c_lflag)
        #expect(restored.c_iflag == before.c_iflag)
        let left = pseudoTerminal.screenOutput()
        #expect(left.contains("\u{1B}[?1049l"))
        #expect(left.contains("\u{1B}[?25h"))

        terminal.restore()
        #expect(pseudoTerminal.screenOutput() == "")
    }

    @Test func releasingTheTerminalRestoresIt() throws {
        let pseudoTerminal = try PseudoTerminal()
        let before = pseudoTerminal.settings()
        do {
            let terminal = try RawTerminal(input: pseudoTerminal.follower, output: pseudoTerminal.follower)
            try terminal.enter()
            #expect(pseudoTerminal.settings().c_lflag != before.c_lflag)
        }
        #expect(pseudoTerminal.settings().c_lflag == before.c_lflag)
    }

    @Test func theSizeIsTheWindowSize() throws {
        let pseudoTerminal = try PseudoTerminal(size: TerminalSize(width: 132, height: 43))
        let terminal = try RawTerminal(input: pseudoTerminal.follower, output: pseudoTerminal.follower)
        #expect(terminal.size() == TerminalSize(width: 132, height: 43))
    }

    @Test func aWindowWithoutASizeIsAssumedToBe80By24() throws {
        let pseudoTerminal = try PseudoTerminal(size: TerminalSize(width: 0, height: 0))
        let terminal = try RawTerminal(input: pseudoTerminal.follower, output: pseudoTerminal.follower)
        #expect(terminal.size() == .fallback)
    }

    @Test func typedKeysAreReadAndDecoded() throws {
        let pseudoTerminal = try PseudoTerminal()
        let terminal = try RawTerminal(input: pseudoTerminal.follower, output: pseudoTerminal.follower)
        try terminal.enter()
        pseudoTerminal.type(Array("j\u{1B}[B\r".utf8) + [0x03])
        #expect(
            try terminal.readKeys(timeoutMilliseconds: 1_000) == [
                .character("j"), .down, .enter, .control("c"),
            ])
    }

    @Test func nothingTypedTimesOutWithNoKeys() throws {
        let pseudoTerminal = try PseudoTerminal()
        let terminal = try RawTerminal(input: pseudoTerminal.follower, output: pseudoTerminal.follower)
        try terminal.enter()
        #expect(try terminal.readKeys(timeoutMilliseconds: 20) == [])
    }

    @Test func aLoneEscapeIsTheEscapeKeyAfterAShortWait() throws {
        let pseudoTerminal = try PseudoTerminal()
        let terminal = try RawTerminal(input: pseudoTerminal.follower, output: pseudoTerminal.follower)
        try terminal.enter()
        pseudoTerminal.type([0x1B])
        #expect(try terminal.readKeys(timeoutMilliseconds: 1_000) == [.escape])
    }

    @Test func textLongerThanTheTerminalBufferIsWrittenWhole() async throws {
        let pseudoTerminal = try PseudoTerminal()
        let terminal = try RawTerminal(input: pseudoTerminal.follower, output: pseudoTerminal.follower)
        // Far more than a pseudo-terminal buffers, so `write` returns short and must carry on as the screen reads.
        let text = String(repeating: "tapescript ", count: 20_000)
        let expected = text.utf8.count
        let screen = Task.detached { [pseudoTerminal] in pseudoTerminal.screenOutput(expected: expected) }
        try terminal.write(text)
        #expect(await screen.value.count == text.count)
    }
}
