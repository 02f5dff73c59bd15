/// Lines already met, for dropping repeats: exact repeats, and a caption repeated without its
/// credit (the start of a longer line already seen), found through the first 30 bytes.
///
/// An all-ASCII article (most) is kept in `ASCIILines`, where String equality and `hasPrefix` are
/// byte comparisons, so a cheap word-at-a-time hash replaces hashing every line twice with
/// SipHash and building a String and an array for its first 30 bytes. Other articles keep the
/// String-keyed tables, whose canonical-equivalence comparisons they may need.
struct SeenLines {
    private var exact: Set<String> = []
    private var byStart: [String: [String]] = [:]
    private var ascii: ASCIILines?

    /// `ascii`: every line inserted or asked about will be ASCII.
    init(ascii: Bool = false) {
        if ascii { self.ascii = ASCIILines() }
    }

    private static func start(_ line: String) -> String { String(decoding: line.utf8.prefix(30), as: UTF8.self) }

    mutating func insert(_ line: String) {
        if ascii != nil {
            ascii!.insert(line)
            return
        }
        exact.insert(line)
        if line.utf8.count >= 30 { byStart[Self.start(line), default: []].append(line) }
    }

    func contains(_ line: String) -> Bool {
        if let ascii { return ascii.contains(line) }
        if exact.contains(line) { return true }
        guard line.utf8.count >= 30, let longer = byStart[Self.start(line)] else { return false }
        return longer.contains { $0.utf8.count > line.utf8.count && $0.hasPrefix(line) }
    }
}

/// `SeenLines` for ASCII lines: each line's hash, and the hash of its first 30 bytes, in two
/// open-addressing tables of line indices (a hash may repeat; every candidate is compared).
struct ASCIILines {
    private var lines: [String] = []
    private var fullHashes: [UInt64] = []
    private var startHashes: [UInt64] = []
    private var bySlotFull = [Int32](repeating: -1, count: 64)
    private var bySlotStart = [Int32](repeating: -1, count: 64)

    mutating func insert(_ line: String) {
        let (full, start) = Self.hashes(line)
        let index = Int32(lines.count)
        lines.append(line)
        fullHashes.append(full)
        startHashes.append(start)
        if lines.count * 2 > bySlotFull.count {
            rebuild(capacity: bySlotFull.count * 2)  // places every line, this one too
            return
        }
        Self.place(index, hash: full, in: &bySlotFull)
        if line.utf8.count >= 30 { Self.place(index, hash: start, in: &bySlotStart) }
    }

    func contains(_ line: String) -> Bool {
        let (full, start) = Self.hashes(line)
        let count = line.utf8.count
        let mask = bySlotFull.count - 1
        var p = Int(truncatingIfNeeded: full) & mask
        while bySlotFull[p] >= 0 {
            let i = Int(bySlotFull[p])
            if fullHashes[i] == full && lines[i].utf8.count == count && Self.bytesEqual(lines[i], line, count: count) { return true }
            p = (p + 1) & mask
        }
        guard count >= 30 else { return false }
        p = Int(truncatingIfNeeded: start) & mask
        while bySlotStart[p] >= 0 {
            let i = Int(bySlotStart[p])
            if startHashes[i] == start && lines[i].utf8.count > count && Self.bytesEqual(lines[i], line, count: count) { return true }
            p = (p + 1) & mask
        }
        return false
    }

    private static func place(_ index: Int32, hash: UInt64, in slots: inout [Int32]) {
        let mask = slots.count - 1
        var p = Int(truncatingIfNeeded: hash) & mask
        while slots[p] >= 0 { p = (p + 1) & mask }
        slots[p] = index
    }

    private mutating func rebuild(capacity: Int) {
        bySlotFull = [Int32](repeating: -1, count: capacity)
        bySlotStart = [Int32](repeating: -1, count: capacity)
        for i in lines.indices {
            Self.place(Int32(i), hash: fullHashes[i], in: &bySlotFull)
            if lines[i].utf8.count >= 30 { Self.place(Int32(i), hash: startHashes[i], in: &bySlotStart) }
        }
    }

    /// Whether the first `count` bytes of `a` equal those of `b` (`b` has `count` bytes).
    private static func bytesEqual(_ a: String, _ b: String, count: Int) -> Bool {
        var a = a, b = b
        return a.withUTF8 { x in b.withUTF8 { y in
            x.count >= count && y.count >= count && (count == 0 || memcmpBytes(x.baseAddress!, y.baseAddress!, count))
        } }
    }

    private static func memcmpBytes(_ x: UnsafePointer<UInt8>, _ y: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        var k = 0
        while k + 8 <= n {
            if UnsafeRawPointer(x + k).loadUnaligned(as: UInt64.self) != UnsafeRawPointer(y + k).loadUnaligned(as: UInt64.self) { return false }
            k += 8
        }
        while k < n {
            if x[k] != y[k] { return false }
            k += 1
        }
        return true
    }

    /// The hash of the whole line and of its first 30 bytes, eight bytes at a time.
    private static func hashes(_ line: String) -> (full: UInt64, start: UInt64) {
        var line = line
        return line.withUTF8 { b in
            var h: UInt64 = 0x243F_6A88_85A3_08D3
            var k = 0
            let raw = UnsafeRawBufferPointer(b)
            func mix(_ x: UInt64) { h = (h ^ x) &* 0x9E37_79B9_7F4A_7C15; h ^= h >> 31 }
            // First 24 bytes in words, six more bytes one at a time: the start hash covers 30.
            while k < min(24, b.count) - 7 { mix(raw.loadUnaligned(fromByteOffset: k, as: UInt64.self)); k += 8 }
            while k < min(30, b.count) { mix(UInt64(b[k]) | 0x100); k += 1 }
            let start = h ^ UInt64(min(30, b.count))
            while k + 8 <= b.count { mix(raw.loadUnaligned(fromByteOffset: k, as: UInt64.self)); k += 8 }
            while k < b.count { mix(UInt64(b[k]) | 0x100); k += 1 }
            return (h ^ UInt64(b.count) &* 0xFF51_AFD7_ED55_8CCD, start)
        }
    }
}
