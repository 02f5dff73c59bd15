extension Tokenizer {
    /// `HashedIndex.hash(compactKey(...))` of the n-grams `tokens[start..<start + n]` for
    /// n = 1...count, in `out[n - 1]`, without building any key: place lookup probes every
    /// capitalised n-gram, almost all of which name nothing, and a hash that is not in the
    /// gazetteer proves that before a String is made. Same article rule as `compactKey`.
    static func compactKeyHashes(_ tokens: [Token], from start: Int, count: Int, into out: inout [UInt64]) {
        out.removeAll(keepingCapacity: true)
        guard count >= 1 else { return }
        let basis: UInt64 = 0xcbf2_9ce4_8422_2325
        var withFirst = basis
        feedCompact(&withFirst, tokens[start].key)
        out.append(withFirst)
        guard count >= 2 else { return }
        // A leading article is dropped from names of two or more words.
        var h = articles.contains(tokens[start]) ? basis : withFirst
        for n in 2...count {
            feedCompact(&h, tokens[start + n - 1].key)
            out.append(h)
        }
    }

    static func compactKeyHashes(_ tokens: [Token], from start: Int, count: Int) -> [UInt64] {
        var out: [UInt64] = []
        compactKeyHashes(tokens, from: start, count: count, into: &out)
        return out
    }

    /// Continues an FNV-1a hash over the UTF-8 of the word scalars of `key` (what `compactKey`
    /// appends for it).
    private static func feedCompact(_ h: inout UInt64, _ key: String) {
        // ASCII keys (nearly all) in one pass over their contiguous bytes.
        let start = h
        let ascii = key.utf8.withContiguousStorageIfAvailable { bytes -> UInt64? in
            var x = start
            for b in bytes {
                if b >= 0x80 { return nil }
                if (b >= 48 && b <= 57) || (b >= 65 && b <= 90) || (b >= 97 && b <= 122) { feed(&x, b) }
            }
            return x
        }
        if let ascii, let x = ascii { h = x; return }
        for c in key.unicodeScalars where isWordScalar(c) {
            if c.isASCII { feed(&h, UInt8(c.value)) } else { UTF8.encode(c) { feed(&h, $0) } }
        }
    }

    @inline(__always) private static func feed(_ h: inout UInt64, _ b: UInt8) {
        h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3
    }
}
