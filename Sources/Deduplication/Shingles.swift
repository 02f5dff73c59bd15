/// Word shingles of normalised text, hashed without allocating a string per word.
///
/// A token is a maximal run of ASCII letters/digits or non-ASCII bytes (letters of other scripts
/// survive as UTF-8); everything else separates tokens. Shingles of `width` consecutive tokens
/// are what MinHash compares: changing one word disturbs only `width` shingles.
enum Shingles {
    static let width = 3

    /// Stable 64-bit hashes of every word shingle of `text` (duplicates included).
    static func hashes(of text: String) -> [UInt64] {
        var tokens: [UInt64] = []
        tokens.reserveCapacity(text.utf8.count / 5 + 1)
        var current = StableHash.fnvOffset
        var inToken = false
        for byte in text.utf8 {
            let isWordByte = (byte >= 0x30 && byte <= 0x39) || (byte >= 0x61 && byte <= 0x7A)
                || (byte >= 0x41 && byte <= 0x5A) || byte >= 0x80
            if isWordByte {
                current = StableHash.fnv1a(current, byte)
                inToken = true
            } else if inToken {
                tokens.append(current)
                current = StableHash.fnvOffset
                inToken = false
            }
        }
        if inToken { tokens.append(current) }
        guard !tokens.isEmpty else { return [] }
        guard tokens.count >= width else {
            return [tokens.reduce(0) { StableHash.splitmix64($0 ^ $1) }]
        }
        var out: [UInt64] = []
        out.reserveCapacity(tokens.count - width + 1)
        for i in 0...(tokens.count - width) {
            var h: UInt64 = 0
            for j in 0..<width { h = StableHash.splitmix64(h ^ tokens[i + j]) }
            out.append(h)
        }
        return out
    }
}
