/// Which phrase dictionaries have a phrase starting with a given token, for all of them at once.
///
/// Sentence analysis asks some forty dictionaries (cue categories, actors, numbers, incident
/// words) about nearly every token, and almost every answer is "no phrase starts here". Each
/// registered `PhraseMatcher` gets one bit; one probe per token here records, in
/// `Token.phraseStarts`, the bits of every dictionary with a phrase starting with that token's key,
/// and a matcher whose bit is clear answers without touching its own table. The record is exact
/// (keyed by the full key, not a hash alone), so answers are unchanged. Tokens never annotated keep
/// all bits set and are probed as before.
///
/// There are more dictionaries than bits (some seventy cue categories besides numbers, actors,
/// voices and incident words), so once the 64 bits are given out a dictionary shares the bit that
/// stands for the fewest first keys. A shared bit stays exact in the direction that matters: clear
/// means no dictionary holding it has a phrase starting here. (Without sharing, every dictionary
/// past the 64th was probed at every token, and so was every cue once one lacked a bit.)
struct PhraseStarts: Sendable {
    private var bitsByKey = HashedIndex<UInt64>()
    /// How many first keys each bit given out so far stands for.
    private var keysPerBit: [Int] = []

    /// Gives `matcher` the next free bit, or once all 64 are taken the least used one, and records
    /// its first keys.
    mutating func register<P>(_ matcher: inout PhraseMatcher<P>) {
        let keys = matcher.firstKeys
        let index: Int
        if keysPerBit.count < 64 {
            index = keysPerBit.count
            keysPerBit.append(0)
        } else {
            index = keysPerBit.indices.min { keysPerBit[$0] < keysPerBit[$1] } ?? 0
        }
        keysPerBit[index] += keys.count
        let bit: UInt64 = 1 << UInt64(index)
        matcher.startBit = bit
        for key in keys { bitsByKey.upsert(key, initial: 0) { $0 |= bit } }
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
