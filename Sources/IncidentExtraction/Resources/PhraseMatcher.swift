/// A dictionary of multi-word phrases keyed by their first folded token, so finding every phrase
/// in a sentence costs one hash lookup per token instead of a scan of the dictionary.
struct PhraseMatcher<Payload: Sendable>: Sendable {
    struct Entry: Sendable {
        var keys: [String]
        /// `HashedIndex.hash` of each key: a token whose hash differs cannot match, so most
        /// rejections cost an integer compare instead of a string compare.
        var keyHashes: [UInt64]
        /// Original spelling per token when the phrase must match case-sensitively (short
        /// all-capitals names like "US" or "IS", which are also ordinary words).
        var exact: [String]?
        var payload: Payload
    }

    struct Match: Sendable {
        var start: Int
        var end: Int  // exclusive
        var payload: Payload
    }

    private var byFirst = HashedIndex<[Entry]>()

    init() {}

    /// Adds `phrase`; an all-capitals phrase of at most four letters matches case-sensitively.
    mutating func add(_ phrase: String, _ payload: Payload) {
        let toks = Tokenizer.tokens(phrase).filter { $0.kind != .punctuation || $0.key == "/" }
        guard let first = toks.first else { return }
        let letters = phrase.filter(\.isLetter)
        let caseSensitive = letters.count <= 4 && letters.count >= 2 && letters.allSatisfy(\.isUppercase)
        let entry = Entry(keys: toks.map(\.key), keyHashes: toks.map(\.keyHash), exact: caseSensitive ? toks.map { String($0.text.unicodeScalars.filter { $0 != "." }) } : nil, payload: payload)
        byFirst.upsert(first.key, initial: []) { list in
            let at = list.firstIndex { $0.keys.count < entry.keys.count } ?? list.count
            list.insert(entry, at: at)
        }
    }

    var isEmpty: Bool { byFirst.count == 0 }

    /// The longest phrase starting at `index`, if any.
    func match(_ tokens: [Token], at index: Int) -> Match? {
        guard index < tokens.count, let entries = byFirst.lookup(tokens[index].key, hash: tokens[index].keyHash) else { return nil }
        outer: for e in entries {
            let n = e.keys.count
            if index + n > tokens.count { continue }
            for k in 0..<n where tokens[index + k].keyHash != e.keyHashes[k] || tokens[index + k].key != e.keys[k] { continue outer }
            if let exact = e.exact {
                for k in 0..<n where String(tokens[index + k].text.unicodeScalars.filter { $0 != "." }) != exact[k] { continue outer }
            }
            return Match(start: index, end: index + n, payload: e.payload)
        }
        return nil
    }

    /// Every non-overlapping longest match, left to right.
    func matches(_ tokens: [Token]) -> [Match] {
        var out: [Match] = []
        var i = 0
        while i < tokens.count {
            if let m = match(tokens, at: i) {
                out.append(m)
                i = m.end
            } else {
                i += 1
            }
        }
        return out
    }

    /// Whether any phrase occurs in `tokens[range]`.
    func occurs(in tokens: [Token], range: Range<Int>? = nil) -> Bool {
        let r = range ?? 0..<tokens.count
        for i in r where match(tokens, at: i).map({ $0.end <= r.upperBound }) ?? false { return true }
        return false
    }
}

/// Cue phrases grouped by category (`cues.tsv`): one matcher per category, found through a
/// hashed table so the many per-token cue checks do not rehash category names.
struct CueLexicon: Sendable {
    private var matchers = HashedIndex<PhraseMatcher<String>>()

    init(rows: [[String]]) {
        for row in rows where row.count >= 2 && !row[1].isEmpty {
            matchers.upsert(row[0], initial: PhraseMatcher()) { $0.add(row[1], row[1]) }
        }
    }

    func matcher(_ category: String) -> PhraseMatcher<String> {
        matchers.lookup(category) ?? PhraseMatcher()
    }

    // The queries below use the stored matcher in place (`matchers.values[k]`) rather than a copy
    // from `lookup`: copying a matcher retains and releases its four arrays, and rules ask for a
    // category at almost every token.

    func occurs(_ category: String, in tokens: [Token], range: Range<Int>? = nil) -> Bool {
        guard let k = matchers.position(of: category) else { return false }
        return matchers.values[k].occurs(in: tokens, range: range)
    }

    func matches(_ category: String, in tokens: [Token]) -> [PhraseMatcher<String>.Match] {
        guard let k = matchers.position(of: category) else { return [] }
        return matchers.values[k].matches(tokens)
    }

    func match(_ category: String, in tokens: [Token], at index: Int) -> PhraseMatcher<String>.Match? {
        guard let k = matchers.position(of: category) else { return nil }
        return matchers.values[k].match(tokens, at: index)
    }
}
