/// A fixed set of token keys (stop lists, function words) probed with the FNV-1a hash tokens
/// already carry (`Token.keyHash`), or a cheap FNV-1a of a plain string: the rules ask such sets
/// about nearly every token, and `Set<String>` runs a seeded SipHash over the key each time.
struct KeySet: Sendable, ExpressibleByArrayLiteral {
    private var index = HashedIndex<Bool>()

    init(arrayLiteral elements: String...) { self.init(elements) }

    init<S: Sequence>(_ keys: S) where S.Element == String {
        for k in keys { index.upsert(k, initial: true) { _ in } }
    }

    func contains(_ key: String) -> Bool { index.lookup(key) != nil }

    /// Whether the token's key is in the set, without rehashing it. Inlined, so that the caller
    /// reads the key in place rather than copying the token (and retaining its two strings).
    @inline(__always)
    func contains(_ token: Token) -> Bool { index.lookup(token.key, hash: token.keyHash) != nil }
}
