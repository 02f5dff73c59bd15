/// Process-independent hashing for sketches and band keys.
///
/// Swift's `Hasher` is randomly seeded per process, so values it produces cannot be stored in a
/// database and compared after a restart. FNV-1a and splitmix64 are fixed functions: the same
/// input gives the same key on every run and every machine.
enum StableHash {
    static let fnvOffset: UInt64 = 0xcbf2_9ce4_8422_2325
    static let fnvPrime: UInt64 = 0x0000_0100_0000_01b3

    /// One FNV-1a step.
    @inline(__always)
    static func fnv1a(_ hash: UInt64, _ byte: UInt8) -> UInt64 {
        (hash ^ UInt64(byte)) &* fnvPrime
    }

    /// FNV-1a over the little-endian bytes of a 64-bit value.
    @inline(__always)
    static func fnv1a(_ hash: UInt64, word: UInt64) -> UInt64 {
        var h = hash
        var w = word
        for _ in 0..<8 {
            h = fnv1a(h, UInt8(truncatingIfNeeded: w))
            w >>= 8
        }
        return h
    }

    /// The splitmix64 finaliser: a cheap bijective mixer with good avalanche.
    @inline(__always)
    static func splitmix64(_ x: UInt64) -> UInt64 {
        var z = x &+ 0x9e37_79b9_7f4a_7c15
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }

    /// A deterministic stream of pseudo-random words (splitmix64 generator).
    static func sequence(seed: UInt64, count: Int) -> [UInt64] {
        (0..<count).map { splitmix64(seed &+ UInt64($0) &* 0x9e37_79b9_7f4a_7c15) }
    }
}
