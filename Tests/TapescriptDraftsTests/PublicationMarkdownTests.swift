import Testing

@testable import TapescriptDrafts

/// The author's reply controls the published words: in Markdown they must render as those words, never as markup.
@Suite struct PublicationMarkdownTests {
    static func markdown(_ text: String, speaker: String? = "Jane", title: String = "Part one") -> String {
        Publication(
            title: "Interview", intro: "Intro.", approval: "Not yet approved by the author.",
            sections: [
                Publication.Section(
                    title: title, startSeconds: 0, endSeconds: 1,
                    paragraphs: [
                        .spoken(speaker: speaker, isQuestion: false, text: text, startSeconds: 0, endSeconds: 1)
                    ])
            ]
        ).markdown()
    }

    /// Every character CommonMark could read as markup is preceded by a backslash.
    static func everyOccurrenceIsEscaped(_ character: Character, in text: String) -> Bool {
        zip(text.indices, text).allSatisfy { index, found in
            found != character || (index > text.startIndex && text[text.index(before: index)] == "\\")
        }
    }

    @Test(arguments: [
        "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "[click](javascript:alert(1))",
        "![x](http://example.com/t.png)", "`code` and *stars* and _under_",
    ])
    func htmlLinksAndEmphasisComeOutEscaped(text: String) {
        let markdown = Self.markdown(text)
        for character in "<>[]`*_" where text.contains(character) {
            let body = markdown.split(separator: "\n").first { $0.hasPrefix("Jane: ") }.map(String.init) ?? ""
            #expect(Self.everyOccurrenceIsEscaped(character, in: body), "\(markdown)")
        }
    }

    @Test func aLineThatWouldBeAHeadingListOrQuoteIsPlainText() {
        let markdown = Self.markdown("# Not a heading\n- not a list\n> not a quote\n1. not numbered", speaker: nil)
        let lines = markdown.split(separator: "\n").map(String.init)
        #expect(lines.filter { $0.hasPrefix("#") } == ["# Interview", "## Part one"], "\(markdown)")
        #expect(lines.contains("\\# Not a heading"))
        #expect(lines.contains("\\- not a list"))
        #expect(lines.contains("\\> not a quote"))
        #expect(lines.contains("1\\. not numbered"))
    }

    @Test func entitiesStayWordsButAPlainAmpersandIsLeftAlone() {
        #expect(Self.markdown("&lt;b&gt; & co").contains("Jane: \\&lt;b\\&gt; & co"))
    }

    @Test func titlesAndSpeakersAreEscapedToo() {
        let markdown = Self.markdown("Hi.", speaker: "<b>Jane</b>", title: "[x](javascript:1)")
        #expect(markdown.contains("## \\[x\\](javascript:1)"))
        #expect(markdown.contains("\\<b\\>Jane\\</b\\>: Hi."))
    }
}
