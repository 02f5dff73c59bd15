/// Which phrase dictionaries have a phrase starting with a given token, for all of them at once.
///
/// Sentence analysis asks some forty dictionaries (cue categories, actors, numbers, incident
/// words) about nearly every token, and almost every answer is "no phrase starts here". Each
/// registered `PhraseMatcher` gets one bit; one probe per token here records, in
/// `Token.phraseStarts`, the bits of every dictionary with a phrase starting with that token's key,
/// and a matcher whose bit is clear answers without touching its own table. The record is exact
/// (keyed by the full key, not a hash alone), so answers are unchanged. Tokens never annotated keep
/// all bits set and are probed as before; dictionaries beyond the 64th get no bit and are always
/// probed.
struct PhraseStarts: Sendable {
    private var bitsByKey = HashedIndex<UInt64>()
    private var nextBit = 0

    /// Gives `matcher` the next free bit (none once all 64 are taken) and records its first keys.
    mutating func register<P>(_ matcher: inout PhraseMatcher<P>) {
        guard nextBit < 64 else { matcher.startBit = 0; return }
        let bit: UInt64 = 1 << UInt64(nextBit)
        nextBit += 1
        matcher.startBit = bit
        for key in matcher.firstKeys { bitsByKey.upsert(key, initial: 0) { $0 |= bit } }
    }

    /// Fills in `phraseStarts` and `phraseStartsAhead` in place (a copy would retain and release
    /// every token's strings).
    func annotate(_ tokens: inout [Token]) {
        var ahead: UInt64 = 0
        for i in tokens.indices.reversed() {
            let bits = bitsByKey.lookup(tokens[i].key, hash: tokens[i].keyHash) ?? 0
            ahead |= bits
            tokens[i].phraseStarts = bits
            tokens[i].phraseStartsAhead = ahead
        }
    }

    /// Tokenizes `text` and annotates the tokens.
    func tokens(_ text: String) -> [Token] {
        var tokens = Tokenizer.tokens(text)
        annotate(&tokens)
        return tokens
    }
}
