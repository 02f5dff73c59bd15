/// A case-insensitive glob over a whole line (`*` = any run of characters), the pattern language
/// of `boilerplate.tsv`: simpler for users than regular expressions and a plain byte search at run
/// time, so nothing is compiled per article.
struct LineGlob: Sendable {
    private let parts: [[UInt8]]
    private let anchoredStart: Bool
    private let anchoredEnd: Bool

    init(_ pattern: String) {
        let lower = pattern.lowercased()
        anchoredStart = !lower.hasPrefix("*")
        anchoredEnd = !lower.hasSuffix("*")
        parts = lower.split(separator: "*", omittingEmptySubsequences: true).map { Array($0.utf8) }
    }

    /// `line` must already be lowercased, as UTF-8 bytes.
    func matches(lowercasedLine line: [UInt8]) -> Bool {
        if parts.isEmpty { return !anchoredStart || line.isEmpty }
        var from = 0
        for (i, part) in parts.enumerated() {
            let isFirst = i == 0, isLast = i == parts.count - 1
            if isFirst && anchoredStart {
                guard hasPrefix(line, part, at: 0) else { return false }
                from = part.count
                if isLast && anchoredEnd { return line.count == part.count }
                continue
            }
            if isLast && anchoredEnd {
                return line.count - part.count >= from && hasPrefix(line, part, at: line.count - part.count)
            }
            guard let at = find(part, in: line, from: from) else { return false }
            from = at + part.count
        }
        return true
    }

    private func hasPrefix(_ line: [UInt8], _ part: [UInt8], at start: Int) -> Bool {
        guard start >= 0, start + part.count <= line.count else { return false }
        for k in 0..<part.count where line[start + k] != part[k] { return false }
        return true
    }

    /// Substring search over unchecked buffers: this runs for every rule on every line.
    private func find(_ part: [UInt8], in line: [UInt8], from: Int) -> Int? {
        guard !part.isEmpty, line.count - from >= part.count else { return nil }
        return line.withUnsafeBufferPointer { h in
            part.withUnsafeBufferPointer { n in
                let first = n[0], last = h.count - n.count
                var i = from
                while i <= last {
                    if h[i] == first {
                        var k = 1
                        while k < n.count && h[i + k] == n[k] { k += 1 }
                        if k == n.count { return i }
                    }
                    i += 1
                }
                return nil
            }
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
