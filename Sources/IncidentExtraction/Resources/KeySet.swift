/// A fixed set of token keys (stop lists, function words) probed with the FNV-1a hash tokens
/// already carry (`Token.keyHash`), or a cheap FNV-1a of a plain string: the rules ask such sets
/// about nearly every token, and `Set<String>` runs a seeded SipHash over the key each time.
struct KeySet: Sendable, ExpressibleByArrayLiteral {
    private var index = HashedIndex<Bool>()
    /// One bit per key, bit `hash >> 58` of its hash: a key whose bit is clear is not in the set,
    /// which answers most probes (a set holds a few words, a sentence mostly others) with a shift and
    /// a mask instead of a table probe. A set bit still needs the probe.
    private var bits: UInt64 = 0

    init(arrayLiteral elements: String...) { self.init(elements) }

    init<S: Sequence>(_ keys: S) where S.Element == String {
        for k in keys {
            index.upsert(k, initial: true) { _ in }
            bits |= Self.bit(HashedIndex<Bool>.hash(k))
        }
    }

    @inline(__always) private static func bit(_ hash: UInt64) -> UInt64 { 1 << (hash >> 58) }

    func contains(_ key: String) -> Bool {
        let hash = HashedIndex<Bool>.hash(key)
        return bits & Self.bit(hash) != 0 && index.lookup(key, hash: hash) != nil
    }

    /// Whether the token's key is in the set, without rehashing it. Inlined, so that the caller
    /// reads the key in place rather than copying the token (and retaining its two strings).
    @inline(__always)
    func contains(_ token: Token) -> Bool { bits & Self.bit(token.keyHash) != 0 && index.lookup(token.key, hash: token.keyHash) != nil }
}
