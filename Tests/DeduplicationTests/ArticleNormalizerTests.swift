import Deduplication
import Testing

@Suite("ArticleNormalizer")
struct ArticleNormalizerTests {
    @Test("re-saved copies with other whitespace, line endings and Unicode forms normalise identically")
    func resavedCopiesAreIdentical() {
        let original = "Strike in \u{201C}Abu Kamal\u{201D} \u{2014} 9 killed.\nOfficials didn\u{2019}t comment."
        let resaved = "\u{FEFF}  Strike in \"Abu\u{00A0}Kamal\" - 9 killed.\r\n\r\nOfficials  didn't\tcomment.  "
        #expect(ArticleNormalizer.normalized(original) == ArticleNormalizer.normalized(resaved))
        #expect(ArticleNormalizer.normalized(original) == "strike in \"abu kamal\" - 9 killed. officials didn't comment.")
    }

    @Test("composed and decomposed accents, ligatures and zero-width characters fold together")
    func unicodeForms() {
        let composed = "Deir ez-Zor caf\u{00E9} \u{FB01}ghters"
        let decomposed = "Deir ez\u{2011}Zor cafe\u{0301} fi\u{200B}ghters"
        #expect(ArticleNormalizer.normalized(composed) == ArticleNormalizer.normalized(decomposed))
    }

    @Test("different texts stay different")
    func differentTexts() {
        #expect(ArticleNormalizer.normalized("9 killed") != ArticleNormalizer.normalized("19 killed"))
    }
}
