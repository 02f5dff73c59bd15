/// The linear probe shared by `HashedIndex` and `CompactNameIndex`: both keep a power-of-two table
/// of `Int32` slots (-1 = empty) pointing into a parallel array of key hashes.
enum HashProbe {
    /// Whether some key has this hash. False proves the key absent without building or comparing
    /// it; true still needs a key comparison.
    @inline(__always)
    static func containsHash(_ hash: UInt64, slots: [Int32], hashes: [UInt64]) -> Bool {
        let mask = slots.count - 1
        var p = Int(truncatingIfNeeded: hash) & mask
        while true {
            let s = slots[p]
            if s < 0 { return false }
            if hashes[Int(s)] == hash { return true }
            p = (p + 1) & mask
        }
    }
}

extension HashProbe {
    /// A table twice the size of `slots` with every hash re-probed into it (insertion order kept,
    /// so the first of equal hashes stays first).
    static func grown(_ slots: [Int32], hashes: [UInt64]) -> [Int32] {
        var grown = [Int32](repeating: -1, count: slots.count * 2)
        let mask = grown.count - 1
        for (i, h) in hashes.enumerated() {
            var p = Int(truncatingIfNeeded: h) & mask
            while grown[p] >= 0 { p = (p + 1) & mask }
            grown[p] = Int32(i)
        }
        return grown
    }
}
