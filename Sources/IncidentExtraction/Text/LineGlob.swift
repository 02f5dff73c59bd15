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

    init(_ pattern: String) {
        let lower = pattern.lowercased()
        anchoredStart = !lower.hasPrefix("*")
        anchoredEnd = !lower.hasSuffix("*")
        parts = lower.split(separator: "*", omittingEmptySubsequences: true).map { Array($0.utf8) }
        rareOffsets = parts.map { part in part.indices.max { Self.rarity(part[$0]) < Self.rarity(part[$1]) } ?? 0 }
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
