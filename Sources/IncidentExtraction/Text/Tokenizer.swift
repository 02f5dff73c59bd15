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
    /// FNV-1a hash of `key`, computed once so dictionary probes need not rehash it.
    var keyHash: UInt64

    init(text: String, key: String, kind: Kind, isCapitalized: Bool, hyphenBefore: Bool, number: Int?) {
        self.text = text
        self.key = key
        self.kind = kind
        self.isCapitalized = isCapitalized
        self.hyphenBefore = hyphenBefore
        self.number = number
        keyHash = HashedIndex<Int>.hash(key)
    }
}

/// Splits text into tokens: words (letters, digits, inner apostrophes and inner periods), numbers
/// and single punctuation marks. Hyphens separate words but are remembered on the next token.
enum Tokenizer {
    static func tokens(_ text: String) -> [Token] {
        var out: [Token] = []
        out.reserveCapacity(text.utf8.count / 5)
        let scalars = text.unicodeScalars
        let end = scalars.endIndex
        var i = scalars.startIndex
        var hyphenPending = false
        var before: Unicode.Scalar?  // the scalar just before i
        while i < end {
            let c = scalars[i]
            if isWordScalar(c) {
                var j = scalars.index(after: i)
                var last = c, secondLast: Unicode.Scalar = " "
                var count = 1
                while j < end {
                    let d = scalars[j]
                    if isWordScalar(d) { secondLast = last; last = d; count += 1; j = scalars.index(after: j); continue }
                    let k = scalars.index(after: j)
                    guard k < end, isWordScalar(scalars[k]) else { break }
                    let n = scalars[k]
                    if d == "'" || d == "\u{2019}" || d == "`" || d == "\u{02BF}" || d == "\u{02BE}" {
                        // A possessive "'s" is not part of the name ("Kyiv's hospital").
                        let k2 = scalars.index(after: k)
                        if (n == "s" || n == "S") && (k2 >= end || !isWordScalar(scalars[k2])) { break }
                    } else if d == ".", isLetter(n), isLetter(last), count <= 3 {
                    } else if d == ",", isDigit(last), isDigit(n), digitsAhead(scalars, from: k) == 3 {
                    } else if d == ".", isDigit(last), isDigit(n) {
                    } else {
                        break
                    }
                    secondLast = last; last = d; count += 1
                    j = k
                }
                // Abbreviations like "U.S." keep their final period.
                if j < end, scalars[j] == ".", count >= 3, secondLast == "." { j = scalars.index(after: j) }
                out.append(makeToken(String(scalars[i..<j]), hyphenBefore: hyphenPending))
                hyphenPending = false
                before = scalars[scalars.index(before: j)]
                i = j
            } else {
                let next = scalars.index(after: i)
                if c == "-" || c == "\u{2010}" || c == "\u{2011}" {
                    hyphenPending = (before.map(isWordScalar) ?? false) && next < end && isWordScalar(scalars[next])
                    if !hyphenPending { out.append(Token(text: "-", key: "-", kind: .punctuation, isCapitalized: false, hyphenBefore: false, number: nil)) }
                } else if c == " " || c == "\n" || c.properties.isWhitespace {
                    hyphenPending = false
                } else {
                    hyphenPending = false
                    let t = String(c)
                    out.append(Token(text: t, key: t, kind: .punctuation, isCapitalized: false, hyphenBefore: false, number: nil))
                }
                before = c
                i = next
            }
        }
        return out
    }

    private static func digitsAhead(_ s: String.UnicodeScalarView, from: String.UnicodeScalarView.Index) -> Int {
        var n = 0
        var k = from
        while k < s.endIndex, isDigit(s[k]) { n += 1; k = s.index(after: k) }
        return n
    }

    static func makeToken(_ text: String, hyphenBefore: Bool) -> Token {
        let key = fold(text)
        let first = text.unicodeScalars.first
        var number: Int?
        if let f = first, isDigit(f) {
            var v = 0, digits = 0, ok = true
            for c in text.unicodeScalars {
                if isDigit(c) { v = v &* 10 &+ Int(c.value - 48); digits += 1 } else if c != "," { ok = false; break }
            }
            if ok, digits <= 9 { number = v }
        }
        let cap: Bool
        if let f = first, f.isASCII { cap = f.value >= 65 && f.value <= 90 } else { cap = first?.properties.isUppercase ?? false }
        return Token(text: text, key: key, kind: number != nil ? .number : .word, isCapitalized: cap, hyphenBefore: hyphenBefore, number: number)
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
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            var bytes = [UInt8]()
            bytes.reserveCapacity(text.utf8.count)
            for b in text.utf8 where b != 39 && b != 96 { bytes.append(b >= 65 && b <= 90 ? b + 32 : b) }
            if bytes.last == 46 { bytes.removeLast() }
            return String(decoding: bytes, as: UTF8.self)
        }
        var out = String.UnicodeScalarView()
        for c in text.lowercased().decomposedStringWithCanonicalMapping.unicodeScalars {
            let cat = c.properties.generalCategory
            if cat == .nonspacingMark || cat == .modifierSymbol || cat == .modifierLetter { continue }
            if c == "'" || c == "`" || c == "\u{2019}" || c == "\u{2018}" { continue }
            out.append(c)
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
