/// One word, number or punctuation mark of a sentence, with the folded form every dictionary is
/// keyed by, so that lookups are exact hash hits instead of scans.
struct Token: Sendable {
    enum Kind: Sendable { case word, number, punctuation }
    /// The characters as they appear in the text.
    var text: String
    /// Lowercase, accents and apostrophes removed, trailing period dropped ("U.S." -> "u.s").
    var key: String
    var kind: Kind
    /// The first letter is uppercase.
    var isCapitalized: Bool
    /// Joined to the previous token by a hyphen ("Iran-backed").
    var hyphenBefore: Bool
    /// Numeric value of digit tokens ("4,000" -> 4000).
    var number: Int?
}

/// Splits text into tokens: words (letters, digits, inner apostrophes and inner periods), numbers
/// and single punctuation marks. Hyphens separate words but are remembered on the next token.
enum Tokenizer {
    static func tokens(_ text: String) -> [Token] {
        var out: [Token] = []
        out.reserveCapacity(text.utf8.count / 5)
        let scalars = Array(text.unicodeScalars)
        var i = 0
        var hyphenPending = false
        while i < scalars.count {
            let c = scalars[i]
            if isWordScalar(c) {
                var j = i + 1
                while j < scalars.count {
                    let d = scalars[j]
                    if isWordScalar(d) { j += 1; continue }
                    // Inner apostrophe or period (U.S., Qa'im), or a digit group comma (4,000).
                    if j + 1 < scalars.count, isWordScalar(scalars[j + 1]) {
                        if d == "'" || d == "\u{2019}" || d == "`" || d == "\u{02BF}" || d == "\u{02BE}" {
                            // A possessive "'s" is not part of the name ("Kyiv's hospital").
                            let isPossessive = (scalars[j + 1] == "s" || scalars[j + 1] == "S") && (j + 2 >= scalars.count || !isWordScalar(scalars[j + 2]))
                            if isPossessive { break }
                            j += 1; continue
                        }
                        if d == ".", isLetter(scalars[j + 1]), isLetter(scalars[j - 1]), j - i <= 3 { j += 1; continue }
                        if d == ",", isDigit(scalars[j - 1]), isDigit(scalars[j + 1]),
                           j + 3 < scalars.count + 1, digitsAhead(scalars, j + 1) == 3 { j += 1; continue }
                        if d == ".", isDigit(scalars[j - 1]), isDigit(scalars[j + 1]) { j += 1; continue }
                    }
                    break
                }
                // Abbreviations like "U.S." keep their final period when a letter-period pattern precedes.
                if j < scalars.count, scalars[j] == ".", j - i >= 3, scalars[j - 2] == "." { j += 1 }
                var s = String.UnicodeScalarView()
                s.append(contentsOf: scalars[i..<j])
                let text = String(s)
                out.append(makeToken(text, hyphenBefore: hyphenPending))
                hyphenPending = false
                i = j
            } else {
                if c == "-" || c == "\u{2010}" || c == "\u{2011}" {
                    hyphenPending = i > 0 && i + 1 < scalars.count && isWordScalar(scalars[i - 1]) && isWordScalar(scalars[i + 1])
                    if !hyphenPending { out.append(Token(text: "-", key: "-", kind: .punctuation, isCapitalized: false, hyphenBefore: false, number: nil)) }
                } else if !c.properties.isWhitespace {
                    hyphenPending = false
                    let t = String(Character(c))
                    out.append(Token(text: t, key: t, kind: .punctuation, isCapitalized: false, hyphenBefore: false, number: nil))
                } else {
                    hyphenPending = false
                }
                i += 1
            }
        }
        return out
    }

    private static func digitsAhead(_ s: [Unicode.Scalar], _ from: Int) -> Int {
        var n = 0
        var k = from
        while k < s.count, isDigit(s[k]) { n += 1; k += 1 }
        return n
    }

    static func makeToken(_ text: String, hyphenBefore: Bool) -> Token {
        let key = fold(text)
        let first = text.unicodeScalars.first
        let isDigitStart = first.map(isDigit) ?? false
        var number: Int?
        if isDigitStart {
            let digits = text.unicodeScalars.filter { isDigit($0) || $0 == "." }
            if !digits.contains("."), digits.count <= 9 {
                number = Int(String(String.UnicodeScalarView(digits)))
            }
        }
        let kind: Token.Kind = number != nil ? .number : .word
        let cap = first.map { $0.properties.isUppercase } ?? false
        return Token(text: text, key: key, kind: kind, isCapitalized: cap, hyphenBefore: hyphenBefore, number: number)
    }

    @inline(__always) static func isDigit(_ c: Unicode.Scalar) -> Bool { c.value >= 48 && c.value <= 57 }
    @inline(__always) static func isLetter(_ c: Unicode.Scalar) -> Bool {
        if c.isASCII { return (c.value >= 65 && c.value <= 90) || (c.value >= 97 && c.value <= 122) }
        return c.properties.isAlphabetic
    }
    @inline(__always) static func isWordScalar(_ c: Unicode.Scalar) -> Bool {
        if c.isASCII { return isDigit(c) || (c.value >= 65 && c.value <= 90) || (c.value >= 97 && c.value <= 122) }
        return c.properties.isAlphabetic || c.properties.generalCategory == .nonspacingMark
    }

    /// Lowercase, strip accents and apostrophes, drop a trailing period: the dictionary key of a word.
    static func fold(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var ascii = true
        for c in text.unicodeScalars where !c.isASCII { ascii = false; break }
        if ascii {
            for c in text.unicodeScalars {
                if c == "'" || c == "`" { continue }
                if c.value >= 65 && c.value <= 90 { out.append(Unicode.Scalar(c.value + 32)!) } else { out.append(c) }
            }
        } else {
            for c in text.lowercased().decomposedStringWithCanonicalMapping.unicodeScalars {
                let cat = c.properties.generalCategory
                if cat == .nonspacingMark || cat == .modifierSymbol || cat == .modifierLetter { continue }
                if c == "'" || c == "`" || c == "\u{2019}" || c == "\u{2018}" { continue }
                out.append(c)
            }
        }
        var s = String(out)
        if s.hasSuffix(".") { s.removeLast() }
        return s
    }

    /// Letters and digits only, leading Arabic article dropped: the key a place name is indexed by,
    /// so "al-Bukamal", "Al Bukamal" and "Bukamal" meet.
    static func compactKey(_ keys: [String]) -> String {
        var parts = keys
        if parts.count > 1, articles.contains(parts[0]) { parts.removeFirst() }
        var out = ""
        for p in parts { for c in p.unicodeScalars where isWordScalar(c) { out.unicodeScalars.append(c) } }
        return out
    }

    static let articles: Set<String> = ["al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "ed", "es", "ez", "the"]

    /// Compact key of a whole name as written in a data file, in one pass over its scalars (the
    /// gazetteer computes hundreds of thousands of these at load time).
    static func compactKey(name: String) -> String {
        var words: [String] = []
        var word = String.UnicodeScalarView()
        func flush() {
            if !word.isEmpty { words.append(String(word)); word = String.UnicodeScalarView() }
        }
        for c in name.unicodeScalars {
            if c.isASCII {
                let v = c.value
                if v >= 65 && v <= 90 { word.append(Unicode.Scalar(v + 32)!) }
                else if (v >= 97 && v <= 122) || (v >= 48 && v <= 57) { word.append(c) }
                else if c == "'" || c == "`" || c == "." { continue }
                else { flush() }
            } else if c.properties.isAlphabetic {
                for d in String(c).lowercased().decomposedStringWithCanonicalMapping.unicodeScalars where d.properties.isAlphabetic && d.properties.generalCategory != .modifierLetter {
                    word.append(d)
                }
            } else if c.properties.generalCategory == .nonspacingMark || c.properties.generalCategory == .modifierSymbol
                        || c == "\u{2019}" || c == "\u{2018}" || c == "\u{02BF}" || c == "\u{02BE}" {
                continue
            } else {
                flush()
            }
        }
        flush()
        if words.count > 1, articles.contains(words[0]) { words.removeFirst() }
        return words.joined()
    }
}
