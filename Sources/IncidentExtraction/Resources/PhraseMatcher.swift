/// A dictionary of multi-word phrases keyed by their first folded token, so finding every phrase
/// in a sentence costs one hash lookup per token instead of a scan of the dictionary.
struct PhraseMatcher<Payload: Sendable>: Sendable {
    struct Entry: Sendable {
        /// `keys.count`, kept inline: reading it from the array reached into the keys' buffer (a
        /// cache miss) for every candidate phrase, most of which fail on their length or second word.
        var length: Int
        var keys: [String]
        /// `HashedIndex.hash` of each key: a token whose hash differs cannot match, so most
        /// rejections cost an integer compare instead of a string compare.
        var keyHashes: [UInt64]
        /// Hash of the second key (0 for one-word phrases), kept inline: most candidate phrases
        /// fail on their second word, and this rejects them without reaching into the arrays.
        var secondHash: UInt64 = 0
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
    /// This dictionary's bit in `Token.phraseStarts` (`PhraseStarts`); 0 when it has none, and
    /// then every token is probed.
    var startBit: UInt64 = 0

    init() {}

    /// The first key of every phrase, for `PhraseStarts`.
    var firstKeys: [String] { byFirst.allKeys }

    /// Adds `phrase`; an all-capitals phrase of at most four letters matches case-sensitively.
    mutating func add(_ phrase: String, _ payload: Payload) {
        // A possessive ("Russia's Defence Ministry") keeps its apostrophe token, as text does.
        let toks = Tokenizer.tokens(phrase).filter { $0.kind != .punctuation || $0.key == "/" || $0.key == "'" }
        guard let first = toks.first else { return }
        let letters = phrase.filter(\.isLetter)
        let caseSensitive = letters.count <= 4 && letters.count >= 2 && letters.allSatisfy(\.isUppercase)
        startBit = 0  // a phrase added after registration is not in the start index
        var entry = Entry(length: toks.count, keys: toks.map(\.key), keyHashes: toks.map(\.keyHash), exact: caseSensitive ? toks.map { String($0.text.unicodeScalars.filter { $0 != "." }) } : nil, payload: payload)
        if toks.count >= 2 { entry.secondHash = toks[1].keyHash }
        byFirst.upsert(first.key, initial: []) { list in
            let at = list.firstIndex { $0.keys.count < entry.keys.count } ?? list.count
            list.insert(entry, at: at)
        }
    }

    var isEmpty: Bool { byFirst.count == 0 }

    /// The longest phrase starting at `index`, if any.
    /// The cheap start-bit test is inlined into callers; only tokens that may start a phrase pay for
    /// the call and the table probe.
    @inline(__always)
    func match(_ tokens: [Token], at index: Int) -> Match? {
        guard index < tokens.count else { return nil }
        if startBit != 0 && tokens[index].phraseStarts & startBit == 0 { return nil }
        return probe(tokens, at: index)
    }

    /// The entries are read in place (`byFirst.values[p][j]`): copying the list, or an entry, out
    /// retains and releases its arrays for every candidate token.
    private func probe(_ tokens: [Token], at index: Int) -> Match? {
        guard let p = byFirst.position(of: tokens[index].key, hash: tokens[index].keyHash) else { return nil }
        let count = byFirst.values[p].count
        outer: for j in 0..<count {
            let n = byFirst.values[p][j].length
            if index + n > tokens.count { continue }
            if n >= 2 && tokens[index + 1].keyHash != byFirst.values[p][j].secondHash { continue }
            // From the second word: the table lookup above already matched the first key exactly.
            for k in 1..<n where tokens[index + k].keyHash != byFirst.values[p][j].keyHashes[k] || tokens[index + k].key != byFirst.values[p][j].keys[k] {
                continue outer
            }
            if let exact = byFirst.values[p][j].exact {
                for k in 0..<n where String(tokens[index + k].text.unicodeScalars.filter { $0 != "." }) != exact[k] { continue outer }
            }
            return Match(start: index, end: index + n, payload: byFirst.values[p][j].payload)
        }
        return nil
    }

    /// The first index from `index` on where a phrase may start: tokens whose start bit is clear
    /// are passed over, and the scan ends (at `tokens.count`) where no start lies ahead
    /// (`Token.phraseStartsAhead`). With no start bit every index may start one.
    ///
    /// The scans below step with it, so a token that starts nothing costs two bit tests; stepping
    /// one index at a time through `match` tested the bounds and the bits again at each.
    @inline(__always)
    private func nextStart(_ tokens: [Token], from index: Int) -> Int {
        guard startBit != 0 else { return index }
        var i = index
        while i < tokens.count {
            if tokens[i].phraseStarts & startBit != 0 { return i }
            if tokens[i].phraseStartsAhead & startBit == 0 { return tokens.count }
            i += 1
        }
        return tokens.count
    }

    /// Every non-overlapping longest match, left to right.
    func matches(_ tokens: [Token]) -> [Match] {
        var out: [Match] = []
        var i = nextStart(tokens, from: 0)
        while i < tokens.count {
            if let m = probe(tokens, at: i) {
                out.append(m)
                i = nextStart(tokens, from: m.end)
            } else {
                i = nextStart(tokens, from: i + 1)
            }
        }
        return out
    }

    /// Whether any phrase occurs in `tokens[range]`.
    func occurs(in tokens: [Token], range: Range<Int>? = nil) -> Bool {
        let r = range ?? 0..<tokens.count
        let end = min(r.upperBound, tokens.count)
        var i = nextStart(tokens, from: r.lowerBound)
        while i < end {
            if let m = probe(tokens, at: i), m.end <= r.upperBound { return true }
            i = nextStart(tokens, from: i + 1)
        }
        return false
    }
}

/// Cue phrases grouped by category (`cues.tsv`): one matcher per category, found through a
/// hashed table so the many per-token cue checks do not rehash category names.
struct CueLexicon: Sendable {
    private var matchers = HashedIndex<PhraseMatcher<String>>()
    /// The start bits of all categories (all ones when one has no bit): a token outside them starts
    /// no cue phrase, which answers a query before the category name is even looked up.
    private var anyStartBits: UInt64 = .max
    /// Where each `Cue`'s matcher sits in `matchers.values` (-1 when the files have none).
    private var cuePositions: [Int] = []

    /// A row's payload is its phrase, or its third column when given (a class: "clinic" -> hospital).
    init(rows: [[String]]) {
        for row in rows where row.count >= 2 && !row[1].isEmpty {
            let payload = row.count > 2 && !row[2].isEmpty ? row[2] : row[1]
            matchers.upsert(row[0], initial: PhraseMatcher()) { $0.add(row[1], payload) }
        }
        cuePositions = Cue.allCases.map { matchers.position(of: $0.name) ?? -1 }
    }

    /// Registers every category's matcher with `starts`.
    mutating func register(in starts: inout PhraseStarts) {
        matchers.updateValues { starts.register(&$0) }
        anyStartBits = matchers.values.reduce(0) { $1.startBit == 0 ? .max : $0 | $1.startBit }
    }

    /// Whether no cue phrase of any category starts at `index` (false when unsure). A category with
    /// no start bit (past the 64th dictionary) has its first words in no token's bits, so then the
    /// answer is always unsure.
    private func startsNoCue(_ tokens: [Token], at index: Int) -> Bool {
        anyStartBits != .max && index < tokens.count && tokens[index].phraseStarts & anyStartBits == 0
    }

    func matcher(_ category: String) -> PhraseMatcher<String> {
        matchers.lookup(category) ?? PhraseMatcher()
    }

    // The queries below use the stored matcher in place (`matchers.values[k]`) rather than a copy
    // from `lookup`: copying a matcher retains and releases its four arrays, and rules ask for a
    // category at almost every token.

    func occurs(_ cue: Cue, in tokens: [Token], range: Range<Int>? = nil) -> Bool {
        let k = cuePositions[cue.rawValue]
        guard k >= 0 else { return false }
        return matchers.values[k].occurs(in: tokens, range: range)
    }

    func matches(_ cue: Cue, in tokens: [Token]) -> [PhraseMatcher<String>.Match] {
        let k = cuePositions[cue.rawValue]
        guard k >= 0 else { return [] }
        return matchers.values[k].matches(tokens)
    }

    func match(_ cue: Cue, in tokens: [Token], at index: Int) -> PhraseMatcher<String>.Match? {
        if startsNoCue(tokens, at: index) { return nil }
        let k = cuePositions[cue.rawValue]
        guard k >= 0 else { return nil }
        return matchers.values[k].match(tokens, at: index)
    }

    func occurs(_ category: String, in tokens: [Token], range: Range<Int>? = nil) -> Bool {
        guard let k = matchers.position(of: category) else { return false }
        return matchers.values[k].occurs(in: tokens, range: range)
    }

    func matches(_ category: String, in tokens: [Token]) -> [PhraseMatcher<String>.Match] {
        guard let k = matchers.position(of: category) else { return [] }
        return matchers.values[k].matches(tokens)
    }

    func match(_ category: String, in tokens: [Token], at index: Int) -> PhraseMatcher<String>.Match? {
        if startsNoCue(tokens, at: index) { return nil }
        guard let k = matchers.position(of: category) else { return nil }
        return matchers.values[k].match(tokens, at: index)
    }
}
