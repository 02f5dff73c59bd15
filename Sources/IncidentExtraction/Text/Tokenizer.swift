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
    /// Bits of the phrase dictionaries with a phrase starting with this key (`PhraseStarts`); all
    /// set until a sentence's tokens are annotated, which makes every dictionary probe as usual.
    var phraseStarts: UInt64 = .max
    /// `phraseStarts` of this token and every later one of the sentence, together: a dictionary
    /// whose bit is clear has no phrase from here to the end, so a scan for it stops here (most
    /// sentences hold no phrase of most dictionaries). All set until annotated, like `phraseStarts`.
    var phraseStartsAhead: UInt64 = .max

    init(text: String, key: String, kind: Kind, isCapitalized: Bool, hyphenBefore: Bool, number: Int?) {
        self.init(text: text, key: key, kind: kind, isCapitalized: isCapitalized, hyphenBefore: hyphenBefore, number: number,
                  keyHash: HashedIndex<Int>.hash(key))
    }

    /// For the tokenizer, which hashes the key while folding it.
    init(text: String, key: String, kind: Kind, isCapitalized: Bool, hyphenBefore: Bool, number: Int?, keyHash: UInt64) {
        self.text = text
        self.key = key
        self.kind = kind
        self.isCapitalized = isCapitalized
        self.hyphenBefore = hyphenBefore
        self.number = number
        self.keyHash = keyHash
    }
}

/// Splits text into tokens: words (letters, digits, inner apostrophes and inner periods), numbers
/// and single punctuation marks. Hyphens separate words but are remembered on the next token.
///
/// Runs over the UTF-8 bytes of the text (decoding a scalar only where a byte is not ASCII) and
/// folds and hashes ASCII words in the same pass: tokenising is done for every sentence, and
/// String index arithmetic, per-token buffers and a second hashing pass were most of its cost.
enum Tokenizer {
    static func tokens(_ text: String) -> [Token] {
        var text = text
        return text.withUTF8 { tokens(utf8: $0) }
    }

    private static func tokens(utf8 b: UnsafeBufferPointer<UInt8>) -> [Token] {
        let n = b.count
        var out: [Token] = []
        out.reserveCapacity(n / 5)
        var i = 0
        var hyphenPending = false
        var before: Unicode.Scalar?  // the scalar just before i
        while i < n {
            let (c, afterC) = decode(b, i)
            if isWordScalar(c) {
                var j = afterC
                var last = c, secondLast: Unicode.Scalar = " "
                var count = 1
                while j < n {
                    // A run of ASCII letters and digits, most of any word, without decoding.
                    if isAlnumASCII(b[j]) {
                        var e = j + 1
                        while e < n && isAlnumASCII(b[e]) { e += 1 }
                        secondLast = e - j >= 2 ? Unicode.Scalar(b[e - 2]) : last
                        last = Unicode.Scalar(b[e - 1])
                        count += e - j
                        j = e
                        continue
                    }
                    let (d, afterD) = decode(b, j)
                    if isWordScalar(d) { secondLast = last; last = d; count += 1; j = afterD; continue }
                    let k = afterD
                    guard k < n else { break }
                    let (next, afterNext) = decode(b, k)
                    guard isWordScalar(next) else { break }
                    if d == "'" || d == "\u{2019}" || d == "`" || d == "\u{02BF}" || d == "\u{02BE}" {
                        // A possessive "'s" is not part of the name ("Kyiv's hospital").
                        if (next == "s" || next == "S") && (afterNext >= n || !isWordScalar(decode(b, afterNext).0)) { break }
                    } else if d == ".", isLetter(next), isLetter(last), count <= 3 {
                    } else if d == ",", isDigit(last), isDigit(next), digitsAhead(b, from: k) == 3 {
                    } else if d == ".", isDigit(last), isDigit(next) {
                    } else {
                        break
                    }
                    secondLast = last; last = d; count += 1
                    j = k
                }
                // Abbreviations like "U.S." keep their final period.
                if j < n, b[j] == 0x2E, count >= 3, secondLast == "." { j += 1; last = "." }
                out.append(makeToken(b, i, j, hyphenBefore: hyphenPending))
                hyphenPending = false
                before = last
                i = j
            } else {
                if c == "-" || c == "\u{2010}" || c == "\u{2011}" {
                    hyphenPending = (before.map(isWordScalar) ?? false) && afterC < n && isWordScalar(decode(b, afterC).0)
                    if !hyphenPending { out.append(asciiMarks[0x2D]) }  // every hyphen reads as "-"
                } else if c.isASCII ? c.value == 0x20 || (c.value >= 0x09 && c.value <= 0x0D) : c.properties.isWhitespace {
                    hyphenPending = false
                } else {
                    hyphenPending = false
                    out.append(c.isASCII ? asciiMarks[Int(c.value)] : punctuation(c))
                }
                before = c
                i = afterC
            }
        }
        return out
    }

    /// The token of a mark that is not a word character.
    private static func punctuation(_ c: Unicode.Scalar) -> Token {
        let t = String(c)
        return Token(text: t, key: t, kind: .punctuation, isCapitalized: false, hyphenBefore: false, number: nil)
    }

    /// `punctuation` of every ASCII scalar, made once: a sentence has a mark every few words, and
    /// each made its one-byte String and hashed it.
    private static let asciiMarks: [Token] = (0..<128).map { punctuation(Unicode.Scalar(UInt8($0))) }

    @inline(__always) private static func decode(_ b: UnsafeBufferPointer<UInt8>, _ p: Int) -> (Unicode.Scalar, Int) {
        UTF8Scan.scalar(b, at: p)
    }

    /// Two unsigned compares instead of three ranges: `c | 0x20` maps exactly the letters A-Z and
    /// a-z into a-z (no other byte lands there), and a wrapped subtraction tests a range at once.
    @inline(__always) private static func isAlnumASCII(_ c: UInt8) -> Bool {
        (c | 0x20) &- 0x61 < 26 || c &- 0x30 < 10
    }

    private static func digitsAhead(_ b: UnsafeBufferPointer<UInt8>, from: Int) -> Int {
        var k = from
        while k < b.count, b[k] >= 48, b[k] <= 57 { k += 1 }
        return k - from
    }

    /// The token for bytes `start..<end` (a whole word as the scanner delimited it).
    private static func makeToken(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, hyphenBefore: Bool) -> Token {
        let bytes = UnsafeBufferPointer(rebasing: b[start..<end])
        if bytes.count <= SmallASCIIString.capacity, SmallASCIIString.isAvailable,
           let token = smallASCIIToken(bytes, readable: b.count - start, hyphenBefore: hyphenBefore) {
            return token
        }
        let text = String(decoding: bytes, as: UTF8.self)
        let number = bytes[0] >= 48 && bytes[0] <= 57 ? numberValue(bytes) : nil
        let cap: Bool
        if bytes[0] < 0x80 { cap = bytes[0] >= 65 && bytes[0] <= 90 } else { cap = decode(b, start).0.properties.isUppercase }
        let kind: Token.Kind = number != nil ? .number : .word
        guard let (key, hash) = foldASCII(bytes, text: text) else {
            let key = fold(text)
            return Token(text: text, key: key, kind: kind, isCapitalized: cap, hyphenBefore: hyphenBefore, number: number)
        }
        return Token(text: text, key: key, kind: kind, isCapitalized: cap, hyphenBefore: hyphenBefore, number: number, keyHash: hash)
    }

    /// The value of a word of digits and thousands commas ("4,000"), at most nine digits; nil for
    /// anything else. Callers test the first byte for a digit first (most words are not numbers);
    /// kept out of line so the token builders stay small enough to inline.
    @inline(never)
    private static func numberValue(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var v = 0, digits = 0
        for c in bytes {
            if c >= 48 && c <= 57 { v = v &* 10 &+ Int(c - 48); digits += 1 } else if c != 0x2C { return nil }
        }
        return digits <= 9 ? v : nil
    }

    /// `makeToken` of an all-ASCII word of at most 15 bytes without an apostrophe (nil otherwise):
    /// the bytes are loaded as two words, the key is folded eight bytes at a time, and both Strings
    /// are built inline (`SmallASCIIString`), with no allocation or validation. Same number, capital
    /// and folding rules as the general path (which handles apostrophes).
    /// `readable`: how many bytes of the text start at the word; with 16 or more the word is read as
    /// two unaligned words and masked to its length (a copy of a variable length called `memcpy`).
    @inline(__always)
    private static func smallASCIIToken(_ bytes: UnsafeBufferPointer<UInt8>, readable: Int, hyphenBefore: Bool) -> Token? {
        let n = bytes.count
        var text: (UInt64, UInt64) = (0, 0)
        #if _endian(little)
        if readable >= 16, let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            let w0 = raw.loadUnaligned(as: UInt64.self), w1 = raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
            if n < 8 {
                text.0 = w0 & ((1 << UInt64(n * 8)) &- 1)
            } else {
                text.0 = w0
                text.1 = n == 8 ? 0 : w1 & ((1 << UInt64((n - 8) * 8)) &- 1)
            }
        } else {
            withUnsafeMutableBytes(of: &text) { $0.copyMemory(from: UnsafeRawBufferPointer(bytes)) }
        }
        #else
        withUnsafeMutableBytes(of: &text) { $0.copyMemory(from: UnsafeRawBufferPointer(bytes)) }
        #endif
        let high: UInt64 = 0x8080_8080_8080_8080, ones: UInt64 = 0x0101_0101_0101_0101
        if (text.0 | text.1) & high != 0 { return nil }
        // Any byte equal to ' or ` (the padding bytes are zero, so they never are).
        @inline(__always) func hasByte(_ x: UInt64, _ c: UInt64) -> Bool {
            let v = x ^ (ones &* c)
            return (v &- ones) & ~v & high != 0
        }
        if hasByte(text.0, 39) || hasByte(text.1, 39) || hasByte(text.0, 96) || hasByte(text.1, 96) { return nil }
        // A-Z bytes: b + 0x3F reaches 0x80 from "A" on, b + 0x25 from "[" on (no carries: b < 0x80).
        @inline(__always) func upperMask(_ x: UInt64) -> UInt64 { ((x &+ ones &* 0x3F) ^ (x &+ ones &* 0x25)) & high }
        let upper = (upperMask(text.0), upperMask(text.1))
        var key = (text.0 | upper.0 >> 2, text.1 | upper.1 >> 2)
        var keyCount = n
        // A trailing period is dropped from the key ("U.S." -> "u.s").
        if bytes[n - 1] == 0x2E {
            keyCount = n - 1
            if keyCount < 8 { key.0 &= ~(UInt64(0xFF) << UInt64(keyCount * 8)) } else { key.1 &= ~(UInt64(0xFF) << UInt64((keyCount - 8) * 8)) }
        }
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        var k = 0
        var w = key.0
        while k < keyCount {
            if k == 8 { w = key.1 }
            h = (h ^ (w & 0xFF)) &* 0x0000_0100_0000_01B3
            w >>= 8
            k += 1
        }
        let number = bytes[0] >= 48 && bytes[0] <= 57 ? numberValue(bytes) : nil
        let textString = SmallASCIIString.make(text, count: n)
        // The key is made from its own bits even when folding changed nothing (they are then the
        // text's): sharing `textString` cost a retain call per word (a no-op on an inline String).
        return Token(text: textString, key: SmallASCIIString.make(key, count: keyCount), kind: number != nil ? .number : .word,
                     isCapitalized: bytes[0] >= 65 && bytes[0] <= 90, hyphenBefore: hyphenBefore, number: number, keyHash: h)
    }

    /// `fold` and `HashedIndex.hash` of an all-ASCII word in one pass (nil when a byte is not
    /// ASCII); reuses `text` when folding changes nothing, as for most lowercase words.
    private static func foldASCII(_ bytes: UnsafeBufferPointer<UInt8>, text: String) -> (String, UInt64)? {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        var changed = false
        var keyCount = bytes.count
        if bytes[bytes.count - 1] == 0x2E { keyCount -= 1; changed = true }
        for k in 0..<keyCount {
            let c = bytes[k]
            if c >= 0x80 { return nil }
            if c == 39 || c == 96 { changed = true; continue }
            let f = c >= 65 && c <= 90 ? c + 32 : c
            if f != c { changed = true }
            h = (h ^ UInt64(f)) &* 0x0000_0100_0000_01B3
        }
        guard changed else { return (text, h) }
        let key = String(unsafeUninitializedCapacity: keyCount) { buf in
            var w = 0
            for k in 0..<keyCount where bytes[k] != 39 && bytes[k] != 96 {
                let c = bytes[k]
                buf[w] = c >= 65 && c <= 90 ? c + 32 : c
                w += 1
            }
            return w
        }
        return (key, h)
    }

    @inline(__always) static func isDigit(_ c: Unicode.Scalar) -> Bool { c.value >= 48 && c.value <= 57 }
    @inline(__always) static func isLetter(_ c: Unicode.Scalar) -> Bool {
        if c.isASCII { return (c.value >= 65 && c.value <= 90) || (c.value >= 97 && c.value <= 122) }
        return c.properties.isAlphabetic
    }
    @inline(__always) static func isWordScalar(_ c: Unicode.Scalar) -> Bool {
        if c.isASCII { return isAlnumASCII(UInt8(truncatingIfNeeded: c.value)) }
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
        if let ascii = compactKeyASCII(keys) { return ascii }
        var parts = keys
        if parts.count > 1, articles.contains(parts[0]) { parts.removeFirst() }
        var out = ""
        for p in parts { for c in p.unicodeScalars where isWordScalar(c) { out.unicodeScalars.append(c) } }
        return out
    }

    /// `compactKey(_:)` of all-ASCII keys over their bytes (nil if a byte is not ASCII), where the
    /// word scalars are the letters and digits: place lookup builds one per gazetteer hit.
    private static func compactKeyASCII(_ keys: [String]) -> String? {
        var out = [UInt8]()
        out.reserveCapacity(32)
        for (n, key) in keys.enumerated() {
            if n == 0 && keys.count > 1 && articles.contains(key) { continue }
            for b in key.utf8 {
                if b >= 0x80 { return nil }
                if (b >= 48 && b <= 57) || (b >= 65 && b <= 90) || (b >= 97 && b <= 122) { out.append(b) }
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `compactKey(name:)` of an all-ASCII name in one pass over its bytes (nil if a byte is not
    /// ASCII): most gazetteer names, which are keyed by the hundred thousand at load time.
    private static func compactKeyASCII(_ b: UnsafeBufferPointer<UInt8>) -> String? {
        var out = [UInt8]()
        out.reserveCapacity(b.count)
        var words = 0, firstWordEnd = 0
        var inWord = false
        for c in b {
            if c >= 0x80 { return nil }
            if c >= 65 && c <= 90 {
                out.append(c + 32); inWord = true
            } else if (c >= 97 && c <= 122) || (c >= 48 && c <= 57) {
                out.append(c); inWord = true
            } else if c == 39 || c == 96 || c == 46 {  // ' ` . join a word
                continue
            } else if inWord {
                words += 1
                if words == 1 { firstWordEnd = out.count }
                inWord = false
            }
        }
        if inWord {
            words += 1
            if words == 1 { firstWordEnd = out.count }
        }
        var start = 0
        if words > 1, articles.contains(String(decoding: out[0..<firstWordEnd], as: UTF8.self)) { start = firstWordEnd }
        return String(decoding: out[start...], as: UTF8.self)
    }

    static let articles: KeySet = ["al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "ed", "es", "ez", "the"]

    /// Compact key of a whole name as written in a data file, in one pass over its scalars (the
    /// gazetteer computes hundreds of thousands of these at load time).
    static func compactKey(name: String) -> String {
        var name = name
        if let ascii = name.withUTF8(compactKeyASCII) { return ascii }
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
