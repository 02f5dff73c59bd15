/// The gazetteer's name index: compact key → ids of the entries bearing that name, each with a
/// flag saying whether the name is the entry's main name (a main-name match ranks higher).
///
/// Why not `[String: [Int32]]` or `HashedIndex<[Int32]>`: with some 150k keys, one `String` and one
/// `Array` per key cost tens of megabytes of small heap objects, most of the daemon's idle memory.
/// Here every key lives in one UTF-8 byte buffer, the ids of all keys in one array (key `k` owns
/// `postings[postingStarts[k] ..< postingStarts[k + 1]]`), and the hash table is an array of
/// `Int32` slots: six allocations in all. Probing is the same as `HashedIndex`: the FNV-1a hash
/// first (tokens carry it), then the key's bytes.
struct CompactNameIndex: Sendable {
    private let keyBytes: [UInt8]
    /// Key `k` is `keyBytes[keyStarts[k] ..< keyStarts[k + 1]]`.
    private let keyStarts: [Int32]
    private let hashes: [UInt64]
    /// Open addressing, linear probing; -1 is empty, otherwise a key number.
    private let slots: [Int32]
    private let postingStarts: [Int32]
    /// `id << 1 | 1` for a main name, `id << 1` for an alternate name; in the order ids were added.
    private let postings: [Int32]

    init() { self.init(Builder()) }

    init(_ b: Builder) {
        // Copies without the spare capacity the builder's appends left.
        keyBytes = b.keyBytes.withUnsafeBufferPointer { Array($0) }
        keyStarts = b.keyStarts.withUnsafeBufferPointer { Array($0) }
        hashes = b.hashes.withUnsafeBufferPointer { Array($0) }
        slots = b.slots
        var starts = [Int32](repeating: 0, count: b.hashes.count + 1)
        var flat = [Int32](repeating: 0, count: b.postingValue.count)
        var n = 0
        for k in 0..<b.hashes.count {
            starts[k] = Int32(n)
            var p = b.firstPosting[k]
            while p >= 0 {
                flat[n] = b.postingValue[Int(p)]
                n += 1
                p = b.nextPosting[Int(p)]
            }
        }
        starts[b.hashes.count] = Int32(n)
        postingStarts = starts
        postings = flat
    }

    /// Number of distinct keys.
    var count: Int { hashes.count }

    /// The hash of every key, in insertion order (for `HashFilter`).
    var allHashes: [UInt64] { hashes }

    static func hash(_ key: String) -> UInt64 { HashedIndex<Int>.hash(key) }

    /// The ids with this name, in the order they were added; nil when no entry has it.
    func ids(forKey key: String) -> [Int32]? {
        guard let k = Self.find(key, hash: Self.hash(key), slots: slots, hashes: hashes, keyBytes: keyBytes, keyStarts: keyStarts) else { return nil }
        let range = Int(postingStarts[k])..<Int(postingStarts[k + 1])
        return postings[range].map { $0 >> 1 }
    }

    /// Whether `key` is the main name (not an alternate) of entry `id`.
    func isMainName(_ key: String, _ id: Int32) -> Bool {
        guard let k = Self.find(key, hash: Self.hash(key), slots: slots, hashes: hashes, keyBytes: keyBytes, keyStarts: keyStarts) else { return false }
        for p in postings[Int(postingStarts[k])..<Int(postingStarts[k + 1])] where p >> 1 == id { return p & 1 == 1 }
        return false
    }

    /// Whether some key has this hash. False proves a key absent; true still needs `ids(forKey:)`.
    func containsHash(_ hash: UInt64) -> Bool {
        HashProbe.containsHash(hash, slots: slots, hashes: hashes)
    }

    /// The key number of `key`, or nil. Shared by the builder and the sealed index.
    fileprivate static func find(_ key: String, hash: UInt64, slots: [Int32], hashes: [UInt64], keyBytes: [UInt8], keyStarts: [Int32]) -> Int? {
        let (p, found) = probe(key, hash: hash, slots: slots, hashes: hashes, keyBytes: keyBytes, keyStarts: keyStarts)
        return found ? Int(slots[p]) : nil
    }

    fileprivate static func probe(_ key: String, hash: UInt64, slots: [Int32], hashes: [UInt64], keyBytes: [UInt8], keyStarts: [Int32]) -> (position: Int, found: Bool) {
        let mask = slots.count - 1
        var p = Int(truncatingIfNeeded: hash) & mask
        while true {
            let s = slots[p]
            if s < 0 { return (p, false) }
            if hashes[Int(s)] == hash && equal(key, keyBytes, Int(keyStarts[Int(s)])..<Int(keyStarts[Int(s) + 1])) { return (p, true) }
            p = (p + 1) & mask
        }
    }

    private static func equal(_ key: String, _ bytes: [UInt8], _ range: Range<Int>) -> Bool {
        let utf8 = key.utf8
        guard utf8.count == range.count else { return false }
        let fast = utf8.withContiguousStorageIfAvailable { k in bytes.withUnsafeBufferPointer { b in
            var i = range.lowerBound
            for c in k { if b[i] != c { return false }; i += 1 }
            return true
        } }
        if let fast { return fast }
        return utf8.elementsEqual(bytes[range])
    }
}

extension CompactNameIndex {
    /// Collects names while the gazetteer loads. Postings are kept as linked lists in flat arrays
    /// (no array per key) and laid out contiguously, key by key, when the index is sealed.
    struct Builder {
        fileprivate var keyBytes: [UInt8] = []
        fileprivate var keyStarts: [Int32] = [0]
        fileprivate var hashes: [UInt64] = []
        fileprivate var slots = [Int32](repeating: -1, count: 16)
        fileprivate var firstPosting: [Int32] = []
        fileprivate var lastPosting: [Int32] = []
        fileprivate var nextPosting: [Int32] = []
        fileprivate var postingValue: [Int32] = []

        /// Adds `id` under `key` (once per key; a later main-name add marks an earlier alternate
        /// one as main too).
        mutating func add(_ key: String, id: Int32, main: Bool) {
            let h = CompactNameIndex.hash(key)
            var (p, found) = CompactNameIndex.probe(key, hash: h, slots: slots, hashes: hashes, keyBytes: keyBytes, keyStarts: keyStarts)
            if !found {
                if (hashes.count + 1) * 2 > slots.count { grow(); p = CompactNameIndex.probe(key, hash: h, slots: slots, hashes: hashes, keyBytes: keyBytes, keyStarts: keyStarts).position }
                slots[p] = Int32(hashes.count)
                hashes.append(h)
                keyBytes.append(contentsOf: key.utf8)
                keyStarts.append(Int32(keyBytes.count))
                firstPosting.append(-1)
                lastPosting.append(-1)
            }
            let k = Int(slots[p])
            var q = firstPosting[k]
            while q >= 0 {
                if postingValue[Int(q)] >> 1 == id {
                    if main { postingValue[Int(q)] |= 1 }
                    return
                }
                q = nextPosting[Int(q)]
            }
            let new = Int32(postingValue.count)
            postingValue.append(id << 1 | (main ? 1 : 0))
            nextPosting.append(-1)
            if lastPosting[k] >= 0 { nextPosting[Int(lastPosting[k])] = new } else { firstPosting[k] = new }
            lastPosting[k] = new
        }

        /// The ids under `key` so far, in the order they were added.
        func ids(forKey key: String) -> [Int32]? {
            guard let k = CompactNameIndex.find(key, hash: CompactNameIndex.hash(key), slots: slots, hashes: hashes, keyBytes: keyBytes, keyStarts: keyStarts) else { return nil }
            var out: [Int32] = []
            var q = firstPosting[k]
            while q >= 0 { out.append(postingValue[Int(q)] >> 1); q = nextPosting[Int(q)] }
            return out
        }

        /// Whether `key` was added as the main name of `id`.
        func isMainName(_ key: String, _ id: Int32) -> Bool {
            guard let k = CompactNameIndex.find(key, hash: CompactNameIndex.hash(key), slots: slots, hashes: hashes, keyBytes: keyBytes, keyStarts: keyStarts) else { return false }
            var q = firstPosting[k]
            while q >= 0 {
                if postingValue[Int(q)] >> 1 == id { return postingValue[Int(q)] & 1 == 1 }
                q = nextPosting[Int(q)]
            }
            return false
        }

        private mutating func grow() {
            slots = HashProbe.grown(slots, hashes: hashes)
        }
    }
}
