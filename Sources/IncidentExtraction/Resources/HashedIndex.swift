/// A string-keyed table probed with a precomputed 64-bit FNV-1a hash: tokens carry the hash of
/// their key, so the hundreds of dictionary probes per sentence cost an array read and a compare
/// instead of rehashing the string each time (Swift's `Dictionary<String, _>` rehashes on every
/// lookup).
///
/// The four arrays live in one shared `Table` (copy-on-write): rules pass dictionaries and the
/// finders holding them by value, and every copy of a struct with the arrays inline retained and
/// released all four — about 7 % of extraction's instructions. A copy now retains one object.
struct HashedIndex<Value: Sendable>: Sendable {
    /// `@unchecked Sendable`: a table is mutated only through `HashedIndex`'s mutating methods,
    /// after `isKnownUniquelyReferenced` (a shared table is copied first), so a table reachable
    /// from more than one value is never written. Exclusivity is unchecked for the same reason: the
    /// dynamic checks would cost more than the retains saved.
    private final class Table: @unchecked Sendable {
        @exclusivity(unchecked) var slots: [Int32] = [Int32](repeating: -1, count: 16)
        @exclusivity(unchecked) var hashes: [UInt64] = []
        @exclusivity(unchecked) var keys: [String] = []
        @exclusivity(unchecked) var values: [Value] = []

        init() {}

        func copy() -> Table {
            let t = Table()
            t.slots = slots
            t.hashes = hashes
            t.keys = keys
            t.values = values
            return t
        }
    }

    private var table = Table()

    /// Every value, in insertion order; read in place (`values[k]`), without retaining the array.
    var values: [Value] {
        _read { yield table.values }
    }

    /// Makes the table this value's own before a write.
    private mutating func makeUnique() {
        if !isKnownUniquelyReferenced(&table) { table = table.copy() }
    }

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

    var count: Int { table.keys.count }

    /// Inlined into every probe: callers ask about many tokens of every sentence, and the call
    /// itself (registers saved and restored around the loop) cost about 0.6 % of extraction.
    @inline(__always)
    private func slot(for key: String, hash: UInt64) -> (position: Int, found: Bool) {
        let t = table
        let mask = t.slots.count - 1
        var p = Int(truncatingIfNeeded: hash) & mask
        while true {
            let s = t.slots[p]
            if s < 0 { return (p, false) }
            if t.hashes[Int(s)] == hash && t.keys[Int(s)] == key { return (p, true) }
            p = (p + 1) & mask
        }
    }

    func lookup(_ key: String, hash: UInt64) -> Value? {
        let (p, found) = slot(for: key, hash: hash)
        return found ? table.values[Int(table.slots[p])] : nil
    }

    func lookup(_ key: String) -> Value? { lookup(key, hash: Self.hash(key)) }

    /// Where `key`'s value sits in `values`, for reading it in place without copying it out.
    func position(of key: String) -> Int? { position(of: key, hash: Self.hash(key)) }

    /// `position(of:)` with the key's hash already known (a token carries it).
    func position(of key: String, hash: UInt64) -> Int? {
        let (p, found) = slot(for: key, hash: hash)
        return found ? Int(table.slots[p]) : nil
    }

    /// Whether some key has this hash. False proves a key absent without having the key, so
    /// callers can skip building it; true still needs `lookup` to confirm.
    func containsHash(_ hash: UInt64) -> Bool {
        HashProbe.containsHash(hash, slots: table.slots, hashes: table.hashes)
    }

    /// The hash of every key, in insertion order.
    var allHashes: [UInt64] { table.hashes }

    /// Every key, in insertion order.
    var allKeys: [String] { table.keys }

    /// Applies `body` to every stored value.
    mutating func updateValues(_ body: (inout Value) -> Void) {
        makeUnique()
        for i in table.values.indices { body(&table.values[i]) }
    }

    /// Inserts `initial` for a new key, then applies `update` to the stored value.
    mutating func upsert(_ key: String, initial: Value, update: (inout Value) -> Void) {
        makeUnique()
        let h = Self.hash(key)
        var (p, found) = slot(for: key, hash: h)
        let t = table
        if !found {
            if (t.keys.count + 1) * 2 > t.slots.count { grow(); p = slot(for: key, hash: h).position }
            t.slots[p] = Int32(t.keys.count)
            t.hashes.append(h)
            t.keys.append(key)
            t.values.append(initial)
        }
        update(&t.values[Int(t.slots[p])])
    }

    private mutating func grow() {
        table.slots = HashProbe.grown(table.slots, hashes: table.hashes)
    }
}
