/// Splits a paragraph into sentences at `.`, `!` and `?` followed by a capital, a digit or a quote,
/// except after known abbreviations (`abbreviations.txt`) and initials. Also splits where a page
/// lost the space after a full stop ("Tuesday night.According to").
struct SentenceSplitter: Sendable {
    let abbreviations: Set<String>

    func split(_ paragraph: String) -> [String] {
        // UTF-8 bytes, not Characters or scalar indices: every delimiter is ASCII, so only the
        // letter after a stop and the word before it ever need decoding.
        var paragraph = paragraph
        return paragraph.withUTF8 { split(utf8: $0) }
    }

    private func split(utf8 b: UnsafeBufferPointer<UInt8>) -> [String] {
        let n = b.count
        var out: [String] = []
        var start = 0
        var i = 0
        while i < n {
            let c = b[i]
            if c == 0x2E || c == 0x21 || c == 0x3F {  // . ! ?
                var j = i + 1
                while j < n, b[j] == 0x22 || b[j] == 0x27 || b[j] == 0x29 { j += 1 }  // " ' )
                if j >= n { break }
                let spaced = b[j] == 0x20
                var k = j
                while k < n, b[k] == 0x20 { k += 1 }
                guard k < n else { break }
                let next = UTF8Scan.scalar(b, at: k).0
                // ASCII: only A-Z have the Uppercase property.
                let upper = next.isASCII ? next.value >= 65 && next.value <= 90 : next.properties.isUppercase
                let startsSentence = upper || Tokenizer.isDigit(next) || next == "\"" || next == "'"
                if startsSentence, c != 0x2E || (!isListNumber(b, start..<i) && isSentenceEnd(b, period: i, spaced: spaced)) {
                    let s = UTF8Scan.trimmedString(b, start..<j)
                    if !s.isEmpty { out.append(s) }
                    start = k
                    i = k
                    continue
                }
            }
            i += 1
        }
        let tail = UTF8Scan.trimmedString(b, start..<n)
        if !tail.isEmpty { out.append(tail) }
        return out
    }

    /// "1. At approximately 1130 local time ...": a numbered item's number (one to three digits
    /// opening the paragraph's sentence) is no sentence of its own.
    private func isListNumber(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Bool {
        var lo = r.lowerBound
        while lo < r.upperBound, b[lo] == 0x20 { lo += 1 }
        guard r.upperBound > lo, r.upperBound - lo <= 3 else { return false }
        return b[lo..<r.upperBound].allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }

    private func isSentenceEnd(_ b: UnsafeBufferPointer<UInt8>, period: Int, spaced: Bool) -> Bool {
        var w = period
        while w > 0 {
            let s = UTF8Scan.start(before: w, in: b)
            let c = UTF8Scan.scalar(b, at: s).0
            guard Tokenizer.isLetter(c) || c == "." else { break }
            w = s
        }
        let word = String(decoding: UnsafeBufferPointer(rebasing: b[w..<period]), as: UTF8.self).lowercased()
        if word.isEmpty { return spaced }  // "... 2019. Next"
        if word.count == 1 { return false }  // initials
        if abbreviations.contains(word) { return false }
        if !spaced {
            // Missing space: only trust a run of lowercase letters before the stop.
            guard word.count >= 3 else { return false }
            var p = w
            while p < period {
                let (c, after) = UTF8Scan.scalar(b, at: p)
                if !c.properties.isLowercase { return false }
                p = after
            }
            return true
        }
        return true
    }
}
