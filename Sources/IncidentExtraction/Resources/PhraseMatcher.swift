/// A dictionary of multi-word phrases keyed by their first folded token, so finding every phrase
/// in a sentence costs one hash lookup per token instead of a scan of the dictionary.
struct PhraseMatcher<Payload: Sendable>: Sendable {
    struct Entry: Sendable {
        var keys: [String]
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
        let entry = Entry(keys: toks.map(\.key), exact: caseSensitive ? toks.map { String($0.text.unicodeScalars.filter { $0 != "." }) } : nil, payload: payload)
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
            for k in 0..<n where tokens[index + k].key != e.keys[k] { continue outer }
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

    /// A row's payload is its phrase, or its third column when given (a class: "clinic" -> hospital).
    init(rows: [[String]]) {
        for row in rows where row.count >= 2 && !row[1].isEmpty {
            let payload = row.count > 2 && !row[2].isEmpty ? row[2] : row[1]
            matchers.upsert(row[0], initial: PhraseMatcher()) { $0.add(row[1], payload) }
        }
    }

    func matcher(_ category: String) -> PhraseMatcher<String> {
        matchers.lookup(category) ?? PhraseMatcher()
    }

    func occurs(_ category: String, in tokens: [Token], range: Range<Int>? = nil) -> Bool {
        matchers.lookup(category)?.occurs(in: tokens, range: range) ?? false
    }

    func matches(_ category: String, in tokens: [Token]) -> [PhraseMatcher<String>.Match] {
        matchers.lookup(category)?.matches(tokens) ?? []
    }

    func match(_ category: String, in tokens: [Token], at index: Int) -> PhraseMatcher<String>.Match? {
        matchers.lookup(category)?.match(tokens, at: index)
    }
}
