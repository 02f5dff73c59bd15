/// Splits a paragraph into sentences at `.`, `!` and `?` followed by a capital, a digit or a quote,
/// except after known abbreviations (`abbreviations.txt`) and initials. Also splits where a page
/// lost the space after a full stop ("Tuesday night.According to").
struct SentenceSplitter: Sendable {
    let abbreviations: Set<String>

    func split(_ paragraph: String) -> [String] {
        // Unicode scalars, not Characters: grapheme breaking is costly and no rule here needs it.
        let view = paragraph.unicodeScalars
        let chars = Array(view)
        let indices = Array(view.indices) + [view.endIndex]
        func text(_ a: Int, _ b: Int) -> String { TextNormalizer.trimmed(Substring(view[indices[a]..<indices[b]])) }
        var out: [String] = []
        var start = 0
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == "." || c == "!" || c == "?" {
                var j = i + 1
                while j < chars.count, chars[j] == "\"" || chars[j] == "'" || chars[j] == ")" { j += 1 }
                if j >= chars.count { break }
                let spaced = chars[j] == " "
                var k = j
                while k < chars.count, chars[k] == " " { k += 1 }
                guard k < chars.count else { break }
                let next = chars[k]
                let startsSentence = next.properties.isUppercase || Tokenizer.isDigit(next) || next == "\"" || next == "'"
                if startsSentence, c != "." || isSentenceEnd(chars, period: i, spaced: spaced) {
                    let s = text(start, j)
                    if !s.isEmpty { out.append(s) }
                    start = k
                    i = k
                    continue
                }
            }
            i += 1
        }
        let tail = text(start, chars.count)
        if !tail.isEmpty { out.append(tail) }
        return out
    }

    private static func string(_ s: ArraySlice<Unicode.Scalar>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: s)
        return TextNormalizer.trimmed(String(view))
    }

    private func isSentenceEnd(_ chars: [Unicode.Scalar], period: Int, spaced: Bool) -> Bool {
        var w = period
        while w > 0, Tokenizer.isLetter(chars[w - 1]) || chars[w - 1] == "." { w -= 1 }
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: chars[w..<period])
        let word = String(scalars).lowercased()
        if word.isEmpty { return spaced }  // "... 2019. Next"
        if word.count == 1 { return false }  // initials
        if abbreviations.contains(word) { return false }
        if !spaced {
            // Missing space: only trust a run of lowercase letters before the stop.
            return word.count >= 3 && chars[w..<period].allSatisfy { $0.properties.isLowercase }
        }
        return true
    }
}
