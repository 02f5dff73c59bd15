/// A blocked Bloom filter over 64-bit key hashes (three bits in one 64-bit word per hash, about
/// eight bits per key): answers "certainly absent" for most hashes from a table small enough to
/// stay in cache. The gazetteer's own index is megabytes, so each probe of a capitalised n-gram
/// that names nothing (most of them) was two cache misses.
struct HashFilter: Sendable {
    private let words: [UInt64]
    private let shift: UInt64

    init(hashes: [UInt64]) {
        var log2 = 0
        while (1 << log2) < max(1, hashes.count / 8) { log2 += 1 }
        shift = UInt64(64 - log2)
        var w = [UInt64](repeating: 0, count: 1 << log2)
        for h in hashes {
            let m = Self.mix(h)
            w[Self.word(m, shift)] |= Self.bits(m)
        }
        words = w
    }

    /// False only when no hash given at init is `hash`.
    @inline(__always) func mayContain(_ hash: UInt64) -> Bool {
        let m = Self.mix(hash)
        let b = Self.bits(m)
        return words[Self.word(m, shift)] & b == b
    }

    /// The MurmurHash3 finaliser: spreads FNV-1a's weak bits over the whole word.
    @inline(__always) private static func mix(_ h: UInt64) -> UInt64 {
        var x = h
        x ^= x >> 33; x &*= 0xff51_afd7_ed55_8ccd
        x ^= x >> 33; x &*= 0xc4ce_b9fe_1a85_ec53
        x ^= x >> 33
        return x
    }

    @inline(__always) private static func word(_ m: UInt64, _ shift: UInt64) -> Int {
        shift >= 64 ? 0 : Int(truncatingIfNeeded: m >> shift)
    }

    @inline(__always) private static func bits(_ m: UInt64) -> UInt64 {
        (1 << (m & 63)) | (1 << ((m >> 6) & 63)) | (1 << ((m >> 12) & 63))
    }
}
