#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A case-insensitive glob over a whole line (`*` = any run of characters), the pattern language
/// of `boilerplate.tsv`: simpler for users than regular expressions and a plain byte search at run
/// time, so nothing is compiled per article.
struct LineGlob: Sendable {
    private let parts: [[UInt8]]
    /// Per part, the offset of its least common byte in ordinary text: the search scans for that
    /// byte, which stops far less often than scanning for the first one.
    private let rareOffsets: [Int]
    private let anchoredStart: Bool
    private let anchoredEnd: Bool
    /// Every byte pair inside a part, as `BytePairs` bits (word, mask): a line lacking one cannot
    /// match, which rules out nearly every pattern for nearly every line before any search.
    private let requiredPairs: [(word: Int, mask: UInt64)]
    /// The pattern's rarest byte pair (by `rarity`), tested first and kept inline: every pattern is
    /// asked of every line, and reaching into `requiredPairs` first cost a load from another buffer
    /// for each. (0, 0), which every line passes, when the pattern has no pair.
    private let rarePairWord: Int
    private let rarePairMask: UInt64

    init(_ pattern: String) {
        let lower = pattern.lowercased()
        anchoredStart = !lower.hasPrefix("*")
        anchoredEnd = !lower.hasSuffix("*")
        parts = lower.split(separator: "*", omittingEmptySubsequences: true).map { Array($0.utf8) }
        rareOffsets = parts.map { part in part.indices.max { Self.rarity(part[$0]) < Self.rarity(part[$1]) } ?? 0 }
        var required: [Int: UInt64] = [:]
        var rarest = (word: 0, mask: UInt64(0), rarity: -1)
        for part in parts where part.count >= 2 {
            for k in 1..<part.count {
                let bit = BytePairs.bit(part[k - 1], part[k])
                required[bit >> 6, default: 0] |= 1 << UInt64(bit & 63)
                let rarity = Self.rarity(part[k - 1]) + Self.rarity(part[k])
                if rarity > rarest.rarity { rarest = (bit >> 6, 1 << UInt64(bit & 63), rarity) }
            }
        }
        requiredPairs = required.sorted { $0.key < $1.key }.map { (word: $0.key, mask: $0.value) }
        (rarePairWord, rarePairMask) = (rarest.word, rarest.mask)
    }

    /// False when `pairs` (of the line) lacks a byte pair of the pattern, so `matches` would be false.
    func mayMatch(_ pairs: BytePairs) -> Bool {
        if pairs.words[rarePairWord] & rarePairMask != rarePairMask { return false }
        for r in requiredPairs where pairs.words[r.word] & r.mask != r.mask { return false }
        return true
    }

    /// Higher for bytes that occur less often in lowercased English text.
    private static func rarity(_ b: UInt8) -> Int {
        let common = Array(" etaoinshrdlcumwfgypbvkjxqz".utf8)
        return common.firstIndex(of: b) ?? common.count
    }

    /// `line` must already be lowercased, as UTF-8 bytes.
    func matches(lowercasedLine line: [UInt8]) -> Bool {
        line.withUnsafeBufferPointer { matches(lowercasedLine: $0) }
    }

    /// `line` must already be lowercased, as UTF-8 bytes. Unchecked buffers: every rule is tried
    /// on every line of every article.
    func matches(lowercasedLine line: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = parts.count
        if n == 0 { return !anchoredStart || line.isEmpty }
        var from = 0
        var i = 0
        if anchoredStart {
            guard hasPrefix(line, parts[0], at: 0) else { return false }
            if n == 1 && anchoredEnd { return line.count == parts[0].count }
            from = parts[0].count
            i = 1
        }
        while i < n {
            let part = parts[i]
            if i == n - 1 && anchoredEnd {
                return line.count - part.count >= from && hasPrefix(line, part, at: line.count - part.count)
            }
            guard let at = find(part, rareOffset: rareOffsets[i], in: line, from: from) else { return false }
            from = at + part.count
            i += 1
        }
        return true
    }

    private func hasPrefix(_ line: UnsafeBufferPointer<UInt8>, _ part: [UInt8], at start: Int) -> Bool {
        guard start >= 0, start + part.count <= line.count, let base = line.baseAddress else { return part.isEmpty && start >= 0 && start <= line.count }
        return part.withUnsafeBufferPointer { p in memcmp(base + start, p.baseAddress!, p.count) == 0 }
    }

    /// Leftmost occurrence of `part` at or after `from`: `memchr` (vectorised) finds each place
    /// the part's rarest byte could line up, `memcmp` checks it. Most rules are "*words*" searches
    /// over a whole paragraph.
    private func find(_ part: [UInt8], rareOffset r: Int, in line: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        guard !part.isEmpty, line.count - from >= part.count, let base = line.baseAddress else { return nil }
        return part.withUnsafeBufferPointer { n in
            let needle = n.baseAddress!
            let last = line.count - n.count  // the last start position that fits
            var at = from
            while at <= last {
                guard let hit = memchr(base + at + r, Int32(n[r]), last - at + 1) else { return nil }
                at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self)) - r
                if memcmp(base + at, needle, n.count) == 0 { return at }
                at += 1
            }
            return nil
        }
    }
}

/// What to do with a line that matches a boilerplate pattern.
enum BoilerplateAction: String, Sendable {
    case drop, section, stop
}

struct BoilerplateRule: Sendable {
    var action: BoilerplateAction
    var glob: LineGlob
}

/// The byte pairs that occur in a line, hashed into 4,096 bits (the low six bits of each byte),
/// filled once per line so every boilerplate pattern can be ruled out by a few bit tests
/// (`LineGlob.mayMatch`) instead of a search of the line.
struct BytePairs {
    private(set) var words = [UInt64](repeating: 0, count: 64)

    @inline(__always) static func bit(_ a: UInt8, _ b: UInt8) -> Int { Int(a & 0x3F) << 6 | Int(b & 0x3F) }

    /// Replaces the pairs with those of `line`.
    mutating func fill(_ line: UnsafeBufferPointer<UInt8>) {
        words.withUnsafeMutableBufferPointer { w in
            for i in w.indices { w[i] = 0 }
            guard line.count >= 2 else { return }
            var previous = line[0]
            for k in 1..<line.count {
                let b = line[k]
                let bit = Self.bit(previous, b)
                w[bit >> 6] |= 1 << UInt64(bit & 63)
                previous = b
            }
        }
    }
}
