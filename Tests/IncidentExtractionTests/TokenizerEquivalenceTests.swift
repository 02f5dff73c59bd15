import Foundation
import TestSupport
import Testing
@testable import IncidentExtraction

/// The byte-level tokenizer and the n-gram key hashes must give exactly what the straightforward
/// scalar-by-scalar versions give: every dictionary, gazetteer and rule downstream is keyed by them.
@Suite struct TokenizerEquivalenceTests {
    typealias SplitMix = SplitMix64

    /// Pieces that exercise every branch: apostrophes and possessives, initials, thousands
    /// separators, decimals, hyphens of every kind, accents, combining marks, other scripts,
    /// modifier letters, whitespace other than spaces, upper-case non-ASCII letters.
    static let pieces = ["Al-Bukamal", "al-Bukamal", "U.S.", "U.S", "a.m.", "p.m", "4,000", "4,00", "1,234,567", "12.5", "1.", "3rd", "29th",
                         "Kyiv's", "Kyiv’s", "O'Brien", "d`Arc", "ʿAli", "Raʾs", "Ālbū Kamāl", "Sévérodonetsk", "İdlib", "ÉTAT", "Straße", "Киев",
                         "العربية", "x\u{0301}y", "e\u{0301}", "\u{0301}a", "ǅemal", "ﬁre", "K\u{212A}", "—", "–", "-", "\u{2010}", "\u{2011}",
                         " ", "  ", "\n", "\t", "\u{00A0}", "\u{2028}", "\u{0085}", ".", ",", "'", "’", "`", "\"", "(", ")", "?", "!", ":", ";", "/",
                         "%", "$", "€", "😀", "s", "S", "'s", "'S", "’s", "said", "Homs", "IS", "ISIS", "1234567890123", "0", "2020-05-06",
                         "A.B.C.D.", "a.b", "ab.cd", "x", "Z", "\u{02BF}", "\u{02BE}", "\u{00AD}", "\u{200B}", "1/2", "10:30"]
        + (0..<128).map { String(Unicode.Scalar(UInt8($0))) }

    static func randomText(_ rng: inout SplitMix) -> String {
        var s = ""
        for _ in 0..<Int.random(in: 1...40, using: &rng) {
            s += pieces.randomElement(using: &rng)!
            if Int.random(in: 0..<3, using: &rng) == 0 { s += " " }
        }
        return s
    }

    static func same(_ a: [Token], _ b: [Token]) -> Bool {
        guard a.count == b.count else { return false }
        return zip(a, b).allSatisfy { x, y in
            x.text == y.text && x.key == y.key && x.kind == y.kind && x.isCapitalized == y.isCapitalized && x.hyphenBefore == y.hyphenBefore
                && x.number == y.number && x.keyHash == y.keyHash && x.keyHash == HashedIndex<Int>.hash(x.key)
        }
    }

    @Test func tokensMatchTheScalarTokenizer() {
        var rng = SplitMix(state: 42)
        for _ in 0..<20_000 {
            let text = Self.randomText(&rng)
            #expect(Self.same(Tokenizer.tokens(text), ReferenceTokenizer.tokens(text)), "\(text.debugDescription)")
        }
    }

    /// Inline Strings built from packed bytes are the standard library's own: equal, hashed alike,
    /// the same bytes, usable as dictionary keys and in concatenation.
    @Test func smallASCIIStringsAreOrdinaryStrings() {
        #expect(SmallASCIIString.isAvailable)
        var rng = SplitMix(state: 3)
        var table: [String: Int] = [:]
        for i in 0..<5_000 {
            let bytes = (0..<Int.random(in: 0...SmallASCIIString.capacity, using: &rng)).map { _ in UInt8.random(in: 0...127, using: &rng) }
            let own = String(decoding: bytes, as: UTF8.self)
            let made = SmallASCIIString.make(SmallASCIIString.pack(bytes), count: bytes.count)
            #expect(made == own && made.hashValue == own.hashValue && Array(made.utf8) == bytes && made.count == own.count)
            #expect(made + "x" == own + "x" && made.lowercased() == own.lowercased())
            table[made] = i
            #expect(table[own] == i)
        }
    }

    static let sentencePieces = [". ", ".", "! ", "? ", "?\" ", ".) ", ".' ", "  ", " ", "Mr. ", "Dr. Smith", "U.S. ", "A. B. ", "e.g. ", "2019. ", "Next",
                                 "the", "said", "Tuesday night.According", "night.and", "x.Y", "Élan", "état", "İdlib", "Ünal", "ab.Éc", "\"Quoted\"", "'single'",
                                 "4", "(", ")", "\t", "Киев.", "Київ", "ǅ", "a\u{0301}.", "Gen. ", "etc. ", "12.5", "…", "😀", "ß. ", "Straße.Next"]

    @Test func sentencesMatchTheScalarSplitter() {
        var rng = SplitMix(state: 99)
        let abbreviations: Set<String> = ["mr", "dr", "gen", "e.g", "etc", "u.s"]
        let splitter = SentenceSplitter(abbreviations: abbreviations)
        let reference = ReferenceSplitter(abbreviations: abbreviations)
        for _ in 0..<20_000 {
            var text = ""
            for _ in 0..<Int.random(in: 1...30, using: &rng) { text += Self.sentencePieces.randomElement(using: &rng)! }
            #expect(splitter.split(text) == reference.split(text), "\(text.debugDescription)")
        }
    }

    static let configPieces = ["#", "\t", "|", " ", "  ", "\n", "\r", "\r\n", "a", "Homs", "Ālbū", "\u{0301}", "\u{0600}", "x", "1", "-", "é", "Киев", "# note", "||", " | ", "\t\t"]

    @Test func configRecordsMatchTheCharacterSplitter() {
        var rng = SplitMix(state: 5)
        for _ in 0..<20_000 {
            var text = ""
            for _ in 0..<Int.random(in: 1...25, using: &rng) { text += Self.configPieces.randomElement(using: &rng)! }
            #expect(ConfigFile.parse(text) == ReferenceConfig.parse(text), "\(text.debugDescription)")
            #expect(ConfigFile.list(text) == ReferenceConfig.list(text), "\(text.debugDescription)")
        }
    }

    @Test func configFilesReadAsWithTheCharacterSplitter() throws {
        let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Config/extraction")
        let files = try FileManager.default.subpathsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".tsv") || $0.hasSuffix(".txt") }
        #expect(files.count >= 10)
        for f in files {
            let text = String(decoding: try Data(contentsOf: dir.appendingPathComponent(f)), as: UTF8.self)
            let rows = ConfigFile.parse(text)
            #expect(rows == ReferenceConfig.parse(text), "\(f)")
            for row in rows { for field in row { #expect(ConfigFile.list(field) == ReferenceConfig.list(field), "\(f): \(field)") } }
            for row in rows { for field in row { #expect(Tokenizer.compactKey(name: field) == ReferenceCompactKey.compactKey(name: field), "\(f): \(field)") } }
        }
    }

    @Test func compactKeysOfNamesMatchTheScalarVersion() {
        var rng = SplitMix(state: 11)
        let pieces = ["Al", "al", "-", " ", "'", "`", ".", "Bukamal", "Ālbū", "Kamāl", "the", "The", "1", "x", "ʿ", "’", "Киев", "e\u{0301}", "(", ",", "ad", "El"]
        for _ in 0..<20_000 {
            var name = ""
            for _ in 0..<Int.random(in: 1...8, using: &rng) { name += pieces.randomElement(using: &rng)! }
            #expect(Tokenizer.compactKey(name: name) == ReferenceCompactKey.compactKey(name: name), "\(name.debugDescription)")
        }
    }

    @Test func compactKeyHashesMatchTheKeys() {
        var rng = SplitMix(state: 7)
        for _ in 0..<5_000 {
            let tokens = Tokenizer.tokens(Self.randomText(&rng))
            for i in tokens.indices {
                let maxN = min(Gazetteer.maxNameTokens, tokens.count - i)
                let hashes = Tokenizer.compactKeyHashes(tokens, from: i, count: maxN)
                for n in stride(from: 1, through: maxN, by: 1) {
                    let key = Tokenizer.compactKey(tokens[i..<(i + n)].map(\.key))
                    #expect(hashes[n - 1] == HashedIndex<Int>.hash(key), "\(tokens[i..<(i + n)].map(\.key))")
                }
            }
        }
    }
}

/// The scalar-by-scalar tokenizer the byte-level one replaced, kept as the specification.
private enum ReferenceTokenizer {
    static func tokens(_ text: String) -> [Token] {
        var out: [Token] = []
        let scalars = text.unicodeScalars
        let end = scalars.endIndex
        var i = scalars.startIndex
        var hyphenPending = false
        var before: Unicode.Scalar?
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

    static func digitsAhead(_ s: String.UnicodeScalarView, from: String.UnicodeScalarView.Index) -> Int {
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

    static func isDigit(_ c: Unicode.Scalar) -> Bool { c.value >= 48 && c.value <= 57 }
    static func isLetter(_ c: Unicode.Scalar) -> Bool {
        if c.isASCII { return (c.value >= 65 && c.value <= 90) || (c.value >= 97 && c.value <= 122) }
        return c.properties.isAlphabetic
    }
    static func isWordScalar(_ c: Unicode.Scalar) -> Bool {
        if c.isASCII { return isDigit(c) || (c.value >= 65 && c.value <= 90) || (c.value >= 97 && c.value <= 122) }
        return c.properties.isAlphabetic || c.properties.generalCategory == .nonspacingMark
    }

    static func fold(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            var bytes = [UInt8]()
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
}

/// The scalar-array sentence splitter the byte-level one replaced, kept as the specification.
private struct ReferenceSplitter {
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
                // "1. At 1130 local time ...": a numbered item's number is no sentence.
                let listNumber = c == "." && { () -> Bool in
                    let digits = chars[start..<i].drop { $0 == " " }
                    return !digits.isEmpty && digits.count <= 3 && digits.allSatisfy { $0.isASCII && Tokenizer.isDigit($0) }
                }()
                if startsSentence, c != "." || (!listNumber && isSentenceEnd(chars, period: i, spaced: spaced)) {
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

/// The Character-based config reader the byte-level one replaced, kept as the specification.
private enum ReferenceConfig {
    static func parse(_ text: String) -> [[String]] {
        var out: [[String]] = []
        for rawLine in text.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            if rawLine.hasPrefix("#") { continue }
            let fields = rawLine.split(separator: "\t", omittingEmptySubsequences: false).map(trimmed)
            if fields.allSatisfy({ $0.isEmpty }) { continue }
            out.append(fields)
        }
        return out
    }

    static func trimmed(_ s: Substring) -> String {
        var t = s
        while let f = t.first, f == " " { t.removeFirst() }
        while let l = t.last, l == " " || l == "\r" { t.removeLast() }
        return String(t)
    }

    static func list(_ field: String?) -> [String] {
        guard let field else { return [] }
        return field.split(separator: "|").map(trimmed).filter { !$0.isEmpty }
    }
}

/// The scalar-by-scalar compact key of a data-file name, kept as the specification.
private enum ReferenceCompactKey {
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
        if words.count > 1, Tokenizer.articles.contains(words[0]) { words.removeFirst() }
        return words.joined()
    }
}
