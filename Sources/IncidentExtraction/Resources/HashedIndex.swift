/// A string-keyed table probed with a precomputed 64-bit FNV-1a hash: tokens carry the hash of
/// their key, so the hundreds of dictionary probes per sentence cost an array read and a compare
/// instead of rehashing the string each time (Swift's `Dictionary<String, _>` rehashes on every
/// lookup).
struct HashedIndex<Value: Sendable>: Sendable {
    private var slots: [Int32] = [Int32](repeating: -1, count: 16)
    private var hashes: [UInt64] = []
    private var keys: [String] = []
    private(set) var values: [Value] = []

    init() {}

    static func hash(_ key: String) -> UInt64 {
        // Over the contiguous bytes when the string has them (native strings always do): the
        // UTF8View iterator costs more per byte than the hash itself.
        let fast = key.utf8.withContiguousStorageIfAvailable { bytes in
            var h: UInt64 = 0xcbf2_9ce4_8422_2325
            for b in bytes { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
            return h
        }
        if let fast { return fast }
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in key.utf8 { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        return h
    }

    var count: Int { keys.count }

    private func slot(for key: String, hash: UInt64) -> (position: Int, found: Bool) {
        let mask = slots.count - 1
        var p = Int(truncatingIfNeeded: hash) & mask
        while true {
            let s = slots[p]
            if s < 0 { return (p, false) }
            if hashes[Int(s)] == hash && keys[Int(s)] == key { return (p, true) }
            p = (p + 1) & mask
        }
    }

    func lookup(_ key: String, hash: UInt64) -> Value? {
        let (p, found) = slot(for: key, hash: hash)
        return found ? values[Int(slots[p])] : nil
    }

    func lookup(_ key: String) -> Value? { lookup(key, hash: Self.hash(key)) }

    /// Where `key`'s value sits in `values`, for reading it in place without copying it out.
    func position(of key: String) -> Int? { position(of: key, hash: Self.hash(key)) }

    /// `position(of:)` with the key's hash already known (a token carries it).
    func position(of key: String, hash: UInt64) -> Int? {
        let (p, found) = slot(for: key, hash: hash)
        return found ? Int(slots[p]) : nil
    }

    /// Whether some key has this hash. False proves a key absent without having the key, so
    /// callers can skip building it; true still needs `lookup` to confirm.
    func containsHash(_ hash: UInt64) -> Bool {
        HashProbe.containsHash(hash, slots: slots, hashes: hashes)
    }

    /// The hash of every key, in insertion order.
    var allHashes: [UInt64] { hashes }

    /// Every key, in insertion order.
    var allKeys: [String] { keys }

    /// Applies `body` to every stored value.
    mutating func updateValues(_ body: (inout Value) -> Void) {
        for i in values.indices { body(&values[i]) }
    }

    /// Inserts `initial` for a new key, then applies `update` to the stored value.
    mutating func upsert(_ key: String, initial: Value, update: (inout Value) -> Void) {
        let h = Self.hash(key)
        var (p, found) = slot(for: key, hash: h)
        if !found {
            if (keys.count + 1) * 2 > slots.count { grow(); p = slot(for: key, hash: h).position }
            slots[p] = Int32(keys.count)
            hashes.append(h)
            keys.append(key)
            values.append(initial)
        }
        update(&values[Int(slots[p])])
    }

    private mutating func grow() {
        slots = HashProbe.grown(slots, hashes: hashes)
    }
}
