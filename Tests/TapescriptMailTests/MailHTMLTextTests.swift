import Testing

@testable import TapescriptMail

@Suite struct MailHTMLTextTests {
    @Test func headStyleAndScriptAreDropped() {
        let html = "<html><head><title>T</title><style>b{}</style></head><body>Hi<script>x<y</script> there</body>"
        #expect(HTMLText.plainText(html) == "Hi there")
    }

    @Test func aHeadWithoutItsEndTagEndsAtTheBody() {
        #expect(HTMLText.plainText("<head><meta charset=utf-8><body>Text") == "Text")
    }

    @Test func breaksDivsAndParagraphsBecomeLinesAndParagraphs() {
        let gmail = "<div dir=\"ltr\">Hi,<div><br></div><div>line one</div><div>line two<br>three</div></div>"
        #expect(HTMLText.plainText(gmail) == "Hi,\n\nline one\nline two\nthree")
        #expect(
            HTMLText.plainText("<p>One</p><p>&nbsp;</p><p>Two</p><h2>Head</h2><ul><li>a</li><li>b</li></ul>")
                == "One\n\nTwo\n\nHead\n\na\nb")
    }

    @Test func nestedBlockquotesArePrefixedPerLevel() {
        let html = "<p>Reply</p><blockquote>Outer<br>second<blockquote><p>Inner</p></blockquote>back</blockquote>Tail"
        #expect(HTMLText.plainText(html) == "Reply\n\n> Outer\n> second\n>\n> > Inner\n>\n> back\n\nTail")
    }

    @Test func characterReferencesAreDecoded() {
        let html =
            "&lt;a&gt; &amp; &quot;q&quot; &#39;s&#39; &lsquo;x&rsquo; &ldquo;y&rdquo; &ndash;&mdash;&hellip; "
            + "&#8217;&#x2019;&#146; &unknown; & alone"
        #expect(
            HTMLText.plainText(html) == "<a> & \"q\" 's' \u{2018}x\u{2019} \u{201C}y\u{201D} \u{2013}\u{2014}\u{2026} "
                + "\u{2019}\u{2019}\u{2019} &unknown; & alone")
    }

    /// All of HTML5's named references, not a table of the common ones: those beyond Latin-1, those that stand
    /// for two code points, the legacy ones a browser reads without their `;`.
    @Test(arguments: [
        ("S&atilde;o Paulo", "São Paulo"), ("&Scaron;koda &THORN;&oslash;r", "Škoda Þør"), ("&check; &bigstar;", "✓ ★"),
        ("a &NotEqualTilde; b", "a \u{2242}\u{0338} b"), ("&fjlig;ord", "fjord"), ("&AMP;&LT;", "&<"),
        ("&copy2026 &notit;", "©2026 ¬it;"), ("&CounterClockwiseContourIntegral;", "\u{2233}"),
        ("&#x80;&#0;&#128512;", "€\u{FFFD}\u{1F600}"),
    ])
    func everyNamedReferenceOfHTML5IsDecoded(html: String, text: String) {
        #expect(HTMLText.plainText(html) == text)
    }

    @Test func moreReferencesThanOneParseTakesAreAllDecodedInOrder() {
        let count = HTMLEntities.batchSize * 3 + 7
        let html = (0..<count).map { "<b>&atilde;\($0)&hellip;</b>" }.joined(separator: "&nbsp;")

        let text = HTMLText.plainText(html)

        #expect(text == (0..<count).map { "ã\($0)…" }.joined(separator: " "))
    }

    @Test func whiteSpaceCollapsesExceptInPre() {
        #expect(HTMLText.plainText("<p>  a \n\t b  </p>") == "a b")
        #expect(HTMLText.plainText("<pre>a  b\n  c</pre>") == "a  b\n  c")
        #expect(HTMLText.plainText("a<!-- <p>hidden</p> -->b 1 < 2") == "ab 1 < 2")
    }
}
