import Testing
import ArticleText

@Suite("article formats")
struct ArticleFormatTests {
    @Test(arguments: [
        ("a.txt", ArticleFormat.plainText), ("A.TXT", .plainText), ("notes.md", .markdown),
        ("x.Markdown", .markdown), ("page.html", .html), ("page.HTM", .html), ("archive.tar.txt", .plainText),
    ])
    func acceptedExtensions(_ name: String, _ format: ArticleFormat) {
        #expect(ArticleFormat.from(fileName: name) == format)
    }

    @Test(arguments: ["a.pdf", "txt", ".txt", "a.", "a.txt~", "a.html.gz", ""])
    func rejectedNames(_ name: String) {
        #expect(ArticleFormat.from(fileName: name) == nil)
    }
}
