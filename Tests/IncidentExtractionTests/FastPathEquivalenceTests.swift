import IncidentModel
import TestSupport
import Testing
@testable import IncidentExtraction

/// Shortcuts taken for speed must answer exactly as the plain versions they replaced, kept here as
/// oracles: ISO day parsing over bytes, the ASCII table of seen lines, the byte-pair test in front
/// of boilerplate patterns.
@Suite struct FastPathEquivalenceTests {
    /// The Character-based parser `CalendarDay(iso:)` had before its byte path.
    static func referenceISO(_ iso: some StringProtocol) -> CalendarDay? {
        let parts = iso.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
              (1...12).contains(m), (1...CalendarDay.daysIn(month: m, year: y)).contains(d)
        else { return nil }
        return CalendarDay(year: y, month: m, day: d)
    }

    @Test func isoDaysParseAsTheCharacterParser() {
        let pieces = ["2024", "2023", "0000", "+202", "-", "--", "01", "02", "12", "13", "00", "29", "30", "31", "+1", "+", "1", "9", "a",
                      " ", "\r\n", "é", "e\u{0301}", "1\u{0301}", "٣", "１", "2024-02-29", "2023-02-29", "2020-05-06"]
        var rng = SplitMix64(state: 7)
        var parsed = 0
        for _ in 0..<50_000 {
            var s = ""
            for _ in 0..<Int.random(in: 1...6, using: &rng) { s += pieces.randomElement(using: &rng)! }
            let expected = Self.referenceISO(s)
            if expected != nil { parsed += 1 }
            #expect(CalendarDay(iso: s) == expected, "\(s.debugDescription)")
            #expect(CalendarDay(iso: s[...]) == expected, "\(s.debugDescription)")
        }
        #expect(parsed > 100)
        #expect(CalendarDay(iso: "2024-02-29") == CalendarDay(year: 2024, month: 2, day: 29))
        #expect(CalendarDay(iso: "2023-02-29") == nil)
    }

    /// The String-keyed lookup `SeenLines` keeps for articles that are not all ASCII.
    struct ReferenceSeen {
        var exact: Set<String> = []
        var byStart: [String: [String]] = [:]
        static func start(_ line: String) -> String { String(decoding: line.utf8.prefix(30), as: UTF8.self) }
        mutating func insert(_ line: String) {
            exact.insert(line)
            if line.utf8.count >= 30 { byStart[Self.start(line), default: []].append(line) }
        }
        func contains(_ line: String) -> Bool {
            if exact.contains(line) { return true }
            guard line.utf8.count >= 30, let longer = byStart[Self.start(line)] else { return false }
            return longer.contains { $0.utf8.count > line.utf8.count && $0.hasPrefix(line) }
        }
    }

    @Test func asciiSeenLinesAnswerAsTheStringTables() {
        let words = ["photo", "credit", "the", "strike", "on", "kharkiv", "killed", "two", "a", ".", ",", "x", "yy", "zzz"]
        var rng = SplitMix64(state: 11)
        var hits = 0
        for _ in 0..<300 {
            var fast = SeenLines(ascii: true)
            var reference = ReferenceSeen()
            var lines: [String] = []
            for _ in 0..<Int.random(in: 1...120, using: &rng) {
                var line: String
                if !lines.isEmpty, Int.random(in: 0..<3, using: &rng) == 0 {
                    // A repeat, or the start of a line already met.
                    let old = lines.randomElement(using: &rng)!
                    line = String(old.prefix(Int.random(in: 0...old.count, using: &rng)))
                } else {
                    line = (0..<Int.random(in: 0...14, using: &rng)).map { _ in words.randomElement(using: &rng)! }.joined(separator: " ")
                }
                let expected = reference.contains(line)
                if expected { hits += 1 }
                #expect(fast.contains(line) == expected, "\(line.debugDescription)")
                if Bool.random(using: &rng) {
                    fast.insert(line)
                    reference.insert(line)
                    lines.append(line)
                }
            }
        }
        #expect(hits > 100)
    }

    @Test func bytePairsNeverRuleOutAMatchingPattern() {
        let patterns = ["*photo credit:*", "photo *", "*newsletter*", "breaking news", "*sign up for our *newsletter*", "* source: associated press*",
                        "read more:*", "*a*", "*ab*", "ab", "*"]
        let globs = patterns.map(LineGlob.init)
        let pieces = ["photo", " credit:", " ", "newsletter", "sign up for our ", "breaking", " news", "read more:", "a", "b", "ab", "é", "source: associated press"]
        var rng = SplitMix64(state: 5)
        var pairs = BytePairs()
        var matched = 0
        for _ in 0..<20_000 {
            var line = ""
            for _ in 0..<Int.random(in: 0...6, using: &rng) { line += pieces.randomElement(using: &rng)! }
            let bytes = Array(line.utf8)
            bytes.withUnsafeBufferPointer { pairs.fill($0) }
            for g in globs where g.matches(lowercasedLine: bytes) {
                matched += 1
                #expect(g.mayMatch(pairs), "\(line.debugDescription)")
            }
        }
        #expect(matched > 1000)
    }

    @Test func asciiLowercasingAndShortLineTestAnswerAsTheStringMethods() {
        let pieces = ["Kharkiv", "AP", " ", "\r\n", "\r", "\t", "e\u{0301}", "\u{0600}", "x", "ZZ", "1", "🇺🇦", "👍🏽", ".", "İ"]
        var rng = SplitMix64(state: 3)
        var ascii = 0
        for _ in 0..<20_000 {
            var s = ""
            for _ in 0..<Int.random(in: 0...30, using: &rng) { s += pieces.randomElement(using: &rng)! }
            if s.utf8.allSatisfy({ $0 < 0x80 }) {
                ascii += 1
                #expect(TextNormalizer.lowercasedASCII(s) == s.lowercased(), "\(s.debugDescription)")
            }
            for n in [0, 1, 5, 20, 60] {
                #expect(TextNormalizer.hasAtMostCharacters(s, n) == (s.count <= n), "\(s.debugDescription) \(n)")
            }
        }
        #expect(ascii > 100)
    }
}
