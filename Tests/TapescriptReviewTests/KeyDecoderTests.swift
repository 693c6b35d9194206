import Testing

@testable import TapescriptReview

@Suite struct KeyDecoderTests {
    private func decode(_ bytes: [UInt8]) -> [Key] {
        var decoder = KeyDecoder()
        return decoder.feed(bytes)
    }

    private func decode(_ text: String) -> [Key] {
        decode(Array(text.utf8))
    }

    @Test func printableASCIIAndSpaceAreCharacters() {
        #expect(decode("a Z~") == [.character("a"), .character(" "), .character("Z"), .character("~")])
    }

    @Test func enterTabAndBackspaceHaveTheirOwnKeys() {
        #expect(decode([13, 9, 10, 9, 127, 8]) == [.enter, .tab, .enter, .tab, .backspace, .backspace])
    }

    @Test func carriageReturnAndLineFeedTogetherAreOneEnter() {
        #expect(decode("a\r\nb\n\r") == [.character("a"), .enter, .character("b"), .enter, .enter])
    }

    @Test func controlLettersArriveAsLowercaseControlKeys() {
        #expect(
            decode([0x12, 0x03, 0x01, 0x17, 0x1A]) == [
                .control("r"), .control("c"), .control("a"), .control("w"), .control("z"),
            ])
    }

    @Test func otherControlBytesAreUnknown() {
        #expect(decode([0x00, 0x1C]) == [.unknown([0x00]), .unknown([0x1C])])
    }

    @Test(arguments: [
        ("\u{1B}[A", Key.up), ("\u{1B}[B", .down), ("\u{1B}[C", .right), ("\u{1B}[D", .left),
        ("\u{1B}[H", .home), ("\u{1B}[F", .end),
        ("\u{1B}OA", .up), ("\u{1B}OB", .down), ("\u{1B}OC", .right), ("\u{1B}OD", .left),
        ("\u{1B}OH", .home), ("\u{1B}OF", .end),
        ("\u{1B}[1~", .home), ("\u{1B}[7~", .home), ("\u{1B}[4~", .end), ("\u{1B}[8~", .end),
        ("\u{1B}[5~", .pageUp), ("\u{1B}[6~", .pageDown), ("\u{1B}[3~", .delete), ("\u{1B}[Z", .backTab),
    ])
    func escapeSequencesDecodeToTheirKeys(sequence: String, key: Key) {
        #expect(decode(sequence) == [key])
    }

    @Test func modifiersOnArrowsAndPagesAreIgnored() {
        #expect(decode("\u{1B}[1;5A\u{1B}[1;2D\u{1B}[5;5~\u{1B}[3;3~") == [.up, .left, .pageUp, .delete])
    }

    @Test func unknownSequencesAreReportedWhole() {
        // F5 and Insert.
        #expect(
            decode("\u{1B}[15~\u{1B}[2~x") == [
                .unknown(Array("\u{1B}[15~".utf8)), .unknown(Array("\u{1B}[2~".utf8)), .character("x"),
            ])
        #expect(decode("\u{1B}OP") == [.unknown(Array("\u{1B}OP".utf8))])
    }

    @Test func linuxConsoleFunctionKeysAreOneUnknownKey() {
        #expect(decode("\u{1B}[[Aq") == [.unknown(Array("\u{1B}[[A".utf8)), .character("q")])
    }

    @Test func sequencesFollowEachOtherInOneRead() {
        #expect(decode("\u{1B}[A\u{1B}[Bj") == [.up, .down, .character("j")])
    }

    @Test func aSequenceSplitAcrossReadsWaitsForItsEnd() {
        var decoder = KeyDecoder()
        #expect(decoder.feed([0x1B]) == [])
        #expect(decoder.hasPendingEscape)
        #expect(decoder.feed(Array("[1;".utf8)) == [])
        #expect(decoder.feed(Array("5".utf8)) == [])
        #expect(decoder.feed(Array("Bx".utf8)) == [.down, .character("x")])
        #expect(!decoder.hasPendingEscape)
    }

    @Test func aLoneEscapeWaitsUntilFlushed() {
        var decoder = KeyDecoder()
        #expect(decoder.feed([0x1B]) == [])
        #expect(decoder.flushPendingEscape() == [.escape])
        #expect(!decoder.hasPendingEscape)
        #expect(decoder.flushPendingEscape() == [])
    }

    @Test func flushingAnUnfinishedSequenceGivesEscapeAndThenTheTypedKeys() {
        var decoder = KeyDecoder()
        #expect(decoder.feed(Array("\u{1B}[".utf8)) == [])
        #expect(decoder.flushPendingEscape() == [.escape, .character("[")])
        #expect(decoder.feed(Array("\u{1B}O".utf8)) == [])
        #expect(decoder.flushPendingEscape() == [.escape, .character("O")])
    }

    @Test func altWithALetterIsEscapeThenTheLetter() {
        #expect(decode("\u{1B}x") == [.escape, .character("x")])
    }

    @Test func escapePressedTwiceIsTwoEscapesOnceTheSecondIsFlushed() {
        var decoder = KeyDecoder()
        #expect(decoder.feed([0x1B, 0x1B]) == [.escape])
        #expect(decoder.flushPendingEscape() == [.escape])
    }

    @Test func escapeBeforeASequenceIsEscapeThenTheKey() {
        #expect(decode("\u{1B}\u{1B}[A") == [.escape, .up])
    }

    @Test func multibyteCharactersDecode() {
        #expect(decode("é日🎙") == [.character("é"), .character("日"), .character("🎙")])
    }

    @Test func aMultibyteCharacterSplitAcrossReadsIsOneKey() {
        let bytes = Array("🎙".utf8)
        var decoder = KeyDecoder()
        #expect(decoder.feed([bytes[0]]) == [])
        #expect(decoder.feed([bytes[1], bytes[2]]) == [])
        #expect(!decoder.hasPendingEscape)
        #expect(decoder.feed([bytes[3], UInt8(ascii: "a")]) == [.character("🎙"), .character("a")])
    }

    @Test func invalidUTF8IsUnknownAndDecodingCarriesOn() {
        #expect(decode([0xFF, UInt8(ascii: "a")]) == [.unknown([0xFF]), .character("a")])
        #expect(decode([0x80]) == [.unknown([0x80])])
        // A lead byte cut short by an ASCII byte.
        #expect(decode([0xE6, 0x97, UInt8(ascii: "b")]) == [.unknown([0xE6, 0x97]), .character("b")])
        // An encoded UTF-16 surrogate is not a character.
        #expect(decode([0xED, 0xA0, 0x80]) == [.unknown([0xED, 0xA0, 0x80])])
    }

    @Test func c1ControlsAreNotCharacters() {
        #expect(decode([0xC2, 0x85]) == [.unknown([0xC2, 0x85])])
    }

    @Test func aByteThatCannotContinueASequenceEndsItAsUnknown() {
        #expect(decode("\u{1B}[1\u{7F}") == [.unknown(Array("\u{1B}[1".utf8)), .backspace])
    }

    @Test func anOverlongSequenceDoesNotGrowWithoutEnd() {
        var decoder = KeyDecoder()
        let keys = decoder.feed([0x1B, UInt8(ascii: "[")] + Array(repeating: UInt8(ascii: "1"), count: 100))
        #expect(keys.first == .unknown([0x1B, UInt8(ascii: "[")] + Array(repeating: UInt8(ascii: "1"), count: 30)))
        #expect(!decoder.hasPendingEscape)
    }

    @Test func pastedTextDecodesCharacterByCharacter() {
        #expect(decode("hi there\r") == "hi there".map { Key.character($0) } + [.enter])
    }
}
