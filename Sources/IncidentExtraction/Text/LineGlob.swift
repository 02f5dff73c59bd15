/// A case-insensitive glob over a whole line (`*` = any run of characters), the pattern language
/// of `boilerplate.tsv`: simpler for users than regular expressions and a plain substring search
/// at run time, so no pattern is compiled per article.
struct LineGlob: Sendable {
    private let parts: [String]
    private let anchoredStart: Bool
    private let anchoredEnd: Bool

    init(_ pattern: String) {
        let lower = pattern.lowercased()
        anchoredStart = !lower.hasPrefix("*")
        anchoredEnd = !lower.hasSuffix("*")
        parts = lower.split(separator: "*", omittingEmptySubsequences: true).map(String.init)
    }

    /// `line` must already be lowercased.
    func matches(lowercasedLine line: String) -> Bool {
        if parts.isEmpty { return !anchoredStart || line.isEmpty }
        if parts.count == 1, anchoredStart, anchoredEnd { return line == parts[0] }
        var rest = line[...]
        for (i, part) in parts.enumerated() {
            if i == 0, anchoredStart {
                guard rest.hasPrefix(part) else { return false }
                rest = rest.dropFirst(part.count)
                continue
            }
            if i == parts.count - 1, anchoredEnd {
                return rest.hasSuffix(part)
            }
            guard let r = rest.range(of: part) else { return false }
            rest = rest[r.upperBound...]
        }
        return true
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
