import Testing

@testable import TapescriptDrafts

@Suite struct ThreeWayMergeTests {
    let base = "I started by asking around."

    @Test func nobodyChangedIt() {
        #expect(ThreeWayMerge.merge(base: base, ours: base, theirs: "I started by\nasking around. ") == .unchanged)
    }

    @Test func onlyTheAuthorChangedItAndTheirRewrappedTextIsTakenAsOneLine() {
        #expect(
            ThreeWayMerge.merge(base: base, ours: base, theirs: "  I started by asking \n  friends.\n")
                == .takeTheirs("I started by asking friends."))
    }

    @Test func onlyWeChangedIt() {
        #expect(ThreeWayMerge.merge(base: base, ours: "I began by asking around.", theirs: base) == .keepOurs)
    }

    @Test func bothMadeTheSameChange() {
        #expect(ThreeWayMerge.merge(base: base, ours: "I asked around.", theirs: "I asked\naround.") == .same)
    }

    @Test func bothChangedItDifferently() {
        #expect(
            ThreeWayMerge.merge(base: base, ours: "I began by asking around.", theirs: "I asked\nfriends.")
                == .conflict(base: base, ours: "I began by asking around.", theirs: "I asked friends."))
    }
}
