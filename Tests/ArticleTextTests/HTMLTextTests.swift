import Testing
import ArticleText

@Suite("HTML to text")
struct HTMLTextTests {
    static func text(_ html: String) -> String { HTMLText.text(fromHTML: html) }

    @Test func scriptsStylesCommentsAndTemplatesAreDropped() {
        let html = """
            <p>Before</p><script type="text/javascript">if (a < b) { document.write("<p>no</p>") }</script>
            <style>p { color: red }</style><!-- <p>hidden</p> --><noscript>Enable JS</noscript>
            <template><p>tpl</p></template><SCRIPT>x</SCRIPT ><p>After</p>
            """
        #expect(Self.text(html) == "Before\n\nAfter")
    }

    @Test func blockElementsBreakLinesAndInlineElementsDoNot() {
        let html = "<div>One <b>bold</b> <i>word</i></div><div>Two<br>Three</div><ul><li>a</li><li>b</li></ul>"
        #expect(Self.text(html) == "One bold word\nTwo\nThree\n\na\nb")
    }

    @Test func whitespaceCollapsesWithinLines() {
        #expect(Self.text("<p>  lots \n of\t\tspace  </p>\n\n\n<p>next</p>") == "lots of space\n\nnext")
    }

    @Test func entitiesAreDecoded() {
        let html = "<p>&lt;b&gt; &amp; &quot;q&quot; &#39;s&#x27; &eacute;t&eacute; &mdash; &#8364;&#128; &nbsp;x &bogus; &amp 5&lt;6 & &#0; &#x110000;</p>"
        #expect(Self.text(html) == "<b> & \"q\" 's' été — €€ x &bogus; & 5<6 & \u{FFFD} \u{FFFD}")
    }

    @Test func titleBecomesTheFirstLine() {
        let html = "<html><head><title> Shelling &amp; fires\n in Kharkiv </title></head><body><nav>Home</nav><p>Body text.</p></body></html>"
        #expect(Self.text(html) == "Shelling & fires in Kharkiv\n\nHome\n\nBody text.")
    }

    @Test func firstH1IsTheTitleWhenThereIsNoTitleElement() {
        #expect(Self.text("<nav>Menu</nav><h1>Headline</h1><p>Text</p><h1>Other</h1>") == "Headline\n\nMenu\n\nHeadline\n\nText\n\nOther")
        #expect(Self.text("<h1>Headline</h1><p>Text</p>") == "Headline\n\nText")
    }

    @Test func preKeepsLineBreaks() {
        #expect(Self.text("<pre>line 1\nline 2</pre><p>x\ny</p>") == "line 1\nline 2\n\nx y")
    }

    @Test func attributesWithQuotedAngleBracketsDoNotLeak() {
        #expect(Self.text(#"<a title="a > b" href='x>y'>link</a> text"#) == "link text")
        #expect(Self.text(#"<a title="unterminated>after"#) == "after")
    }

    @Test func literalLessThanAndStrayMarkupSurvive() {
        #expect(Self.text("a < b and c<3 and 1<2") == "a < b and c<3 and 1<2")
        #expect(Self.text("x<d y") == "x")  // "<d" starts a tag, as in browsers
        #expect(Self.text("x </> y <!doctype html> z <?php ?> w") == "x y z w")
        #expect(Self.text("unterminated <!-- comment") == "unterminated")
        #expect(Self.text("trailing <") == "trailing <")
        #expect(Self.text("<script>never closed") == "")
    }

    @Test func svgTitleDoesNotBecomeTheArticleTitle() {
        #expect(Self.text("<svg><title>icon</title></svg><p>Body</p>") == "Body")
    }

    @Test func deeplyNestedMarkupIsSafe() {
        let depth = 200_000
        let html = String(repeating: "<div><span>", count: depth) + "deep" + String(repeating: "</span></div>", count: depth)
        #expect(Self.text(html) == "deep")
    }

    @Test func manyUnterminatedQuotesStayLinear() {
        // Each tag opens a quote that never closes: scanning must not restart from every tag.
        let html = String(repeating: "<a title=\"x>word ", count: 50_000)
        let text = Self.text(html)
        #expect(text.hasPrefix("word word"))
    }

    @Test func hugeSingleLineInputIsHandled() {
        // 16 MB on one line (debug builds are slow; the algorithm is linear, so size only scales time).
        let unit = "<span class=\"c\">word&amp;word</span> "
        let html = String(repeating: unit, count: 16_000_000 / unit.utf8.count)
        let text = Self.text(html)
        #expect(text.hasPrefix("word&word word&word"))
        #expect(text.utf8.count < html.utf8.count)
    }

    @Test func arbitraryMarkupNeverTraps() {
        let pieces = ["<", ">", "&", "#", "x", ";", "\"", "'", "=", "/", "!", "--", "<p", "</p", "<script", "</script",
                      "<title>", "</title>", "<h1>", "</h1>", "<pre>", "&#x", "&amp", " ", "\n", "é", "a", "<!--", "-->"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3_000 {
            let html = (0..<Int.random(in: 0..<40, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let text = Self.text(html)
            #expect(!text.hasPrefix(" ") && !text.hasSuffix(" ") && !text.contains("\n\n\n"), "\(html.debugDescription) -> \(text.debugDescription)")
        }
    }
}
