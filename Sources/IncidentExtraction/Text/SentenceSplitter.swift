/// Splits a paragraph into sentences at `.`, `!` and `?` followed by a capital, a digit or a quote,
/// except after known abbreviations (`abbreviations.txt`) and initials. Also splits where a page
/// lost the space after a full stop ("Tuesday night.According to").
struct SentenceSplitter: Sendable {
    let abbreviations: Set<String>

    func split(_ paragraph: String) -> [String] {
        let chars = Array(paragraph)
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
                let startsSentence = next.isUppercase || next.isNumber || next == "\"" || next == "'"
                if startsSentence, c != "." || isSentenceEnd(chars, period: i, spaced: spaced) {
                    let s = String(chars[start..<j]).trimmingCharacters(in: .whitespaces)
                    if !s.isEmpty { out.append(s) }
                    start = k
                    i = k
                    continue
                }
            }
            i += 1
        }
        let tail = String(chars[start..<chars.count]).trimmingCharacters(in: .whitespaces)
        if !tail.isEmpty { out.append(tail) }
        return out
    }

    private func isSentenceEnd(_ chars: [Character], period: Int, spaced: Bool) -> Bool {
        var w = period
        while w > 0, chars[w - 1].isLetter || chars[w - 1] == "." { w -= 1 }
        let word = String(chars[w..<period]).lowercased()
        if word.isEmpty { return spaced }  // "... 2019. Next"
        if word.count == 1 { return false }  // initials
        if abbreviations.contains(word) { return false }
        if !spaced {
            // Missing space: only trust a run of lowercase letters before the stop.
            return word.count >= 3 && word.allSatisfy(\.isLowercase)
        }
        return true
    }
}
