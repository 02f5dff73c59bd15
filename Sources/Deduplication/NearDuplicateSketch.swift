/// A MinHash signature of an article's word 3-shingles, with LSH band keys for indexed lookup.
///
/// Wire stories are republished with another headline, a boilerplate footer or one sentence
/// changed; comparing every new article with every stored one would make ingest cost grow with
/// the store. The store keeps `bandKeys` in an indexed table (`band_key, article_id`): articles
/// sharing any band key are the only candidates, then `isNearDuplicate(of:)` confirms with the
/// full signature. Lookup cost therefore depends on how many similar articles exist, not on how
/// many are stored.
///
/// Figures (see `Sources/Deduplication/API.md`): 128 permutations, 32 bands x 4 rows, so a pair
/// with Jaccard 0.7 shares a band with probability 0.9998, 0.5 with 0.87, 0.2 with 0.05.
/// Hashing is FNV-1a + splitmix64 with fixed seeds: signatures and band keys are identical across
/// processes, machines and releases of this format (`formatVersion`).
public struct NearDuplicateSketch: Sendable, Hashable, Codable {
    public static let permutationCount = 128
    public static let bandCount = 32
    public static let rowsPerBand = 4
    /// Estimated Jaccard similarity of shingle sets at or above which two articles are near-copies.
    ///
    /// One changed sentence in a 300-word story leaves J ~ 0.9, a new headline plus a 60-word
    /// boilerplate footer ~ 0.75; two different stories about the same region share < 0.2 even
    /// with the same outlet's boilerplate. datasketch defaults to 0.9 and the project's Python peer
    /// used 0.8 (research/anchors.md section 5); 0.7 keeps short republished stories with added
    /// boilerplate while staying far above unrelated pairs.
    public static let nearDuplicateThreshold = 0.7
    /// Estimated share of the smaller article's shingles found in the larger one at or above which
    /// the smaller is a cut or excerpted copy, even when Jaccard is low because of the length gap.
    public static let containmentThreshold = 0.85
    /// Jaccard floor for the containment rule, so tiny texts cannot ride on containment alone.
    public static let containmentJaccardFloor = 0.35
    /// Version byte of `encoded`; bump when the hashing scheme changes (old sketches must then be recomputed).
    public static let formatVersion: UInt8 = 1

    /// Per permutation, the smallest 32-bit hash over the article's shingles.
    public let minima: [UInt32]
    /// Distinct shingles seen; used to estimate containment.
    public let shingleCount: Int

    static let multipliers: [UInt64] = StableHash.sequence(seed: 0x1ed5_1a7e_0d0c_0001, count: permutationCount).map { $0 | 1 }
    static let addends: [UInt64] = StableHash.sequence(seed: 0x1ed5_1a7e_0d0c_0002, count: permutationCount)

    public init(minima: [UInt32], shingleCount: Int) {
        precondition(minima.count == Self.permutationCount, "a sketch has \(Self.permutationCount) minima")
        self.minima = minima
        self.shingleCount = shingleCount
    }

    /// Sketches text already passed through `ArticleNormalizer.normalized`.
    public static func make(normalizedText: String) -> NearDuplicateSketch {
        let distinct = Set(Shingles.hashes(of: normalizedText))
        var mins = [UInt32](repeating: .max, count: permutationCount)
        let count = distinct.count
        mins.withUnsafeMutableBufferPointer { m in
            multipliers.withUnsafeBufferPointer { a in
                addends.withUnsafeBufferPointer { b in
                    for x in distinct {
                        for i in 0..<permutationCount {
                            let v = UInt32(truncatingIfNeeded: (a[i] &* x &+ b[i]) >> 32)
                            if v < m[i] { m[i] = v }
                        }
                    }
                }
            }
        }
        return NearDuplicateSketch(minima: mins, shingleCount: count)
    }

    /// True when the text had no words: such a sketch matches nothing and has no band keys.
    public var isEmpty: Bool { shingleCount == 0 }

    /// One key per band (band index mixed in, so equal rows in different bands do not collide).
    /// Empty for an empty text.
    public var bandKeys: [Int64] {
        guard !isEmpty else { return [] }
        return (0..<Self.bandCount).map { band in
            var h = StableHash.fnv1a(StableHash.fnvOffset, word: UInt64(band) | (UInt64(Self.formatVersion) << 56))
            for r in 0..<Self.rowsPerBand {
                h = StableHash.fnv1a(h, word: UInt64(minima[band * Self.rowsPerBand + r]))
            }
            return Int64(bitPattern: StableHash.splitmix64(h))
        }
    }

    /// Estimated Jaccard similarity of the two shingle sets (share of equal minima); 0 if either is empty.
    public func similarity(to other: NearDuplicateSketch) -> Double {
        guard !isEmpty, !other.isEmpty else { return 0 }
        var equal = 0
        for i in 0..<Self.permutationCount where minima[i] == other.minima[i] { equal += 1 }
        return Double(equal) / Double(Self.permutationCount)
    }

    /// Estimated share of the smaller article's shingles that also occur in the larger one.
    public func containment(with other: NearDuplicateSketch) -> Double {
        Self.containment(similarity: similarity(to: other), shingleCounts: shingleCount, other.shingleCount)
    }

    static func containment(similarity j: Double, shingleCounts a: Int, _ b: Int) -> Double {
        let smaller = min(a, b)
        guard j > 0, smaller > 0 else { return 0 }
        let intersection = j / (1 + j) * Double(a + b)
        return min(1, intersection / Double(smaller))
    }

    /// The near-copy decision: Jaccard at or above `nearDuplicateThreshold`, or the smaller text
    /// almost entirely contained in the larger (a cut copy or an excerpt with boilerplate around it).
    public func isNearDuplicate(of other: NearDuplicateSketch) -> Bool {
        Self.isNearDuplicate(similarity: similarity(to: other), shingleCounts: shingleCount, other.shingleCount)
    }

    static func isNearDuplicate(similarity j: Double, shingleCounts a: Int, _ b: Int) -> Bool {
        if j >= nearDuplicateThreshold { return true }
        return j >= containmentJaccardFloor && containment(similarity: j, shingleCounts: a, b) >= containmentThreshold
    }

    /// `isNearDuplicate(of:)` and `similarity(to:)` against a sketch still in its `encoded` form
    /// (as the store reads it), without building a sketch from the bytes; nil when `bytes` is not
    /// a sketch of this format.
    public func nearDuplicateVerdict(againstEncoded bytes: UnsafeRawBufferPointer) -> (isNearDuplicate: Bool, similarity: Double)? {
        guard bytes.count == Self.encodedByteCount, bytes[0] == Self.formatVersion else { return nil }
        let otherCount = Int(Self.encodedWord(bytes, 0))
        var j = 0.0
        if !isEmpty, otherCount != 0 {
            var equal = 0
            for i in 0..<Self.permutationCount where minima[i] == Self.encodedWord(bytes, i + 1) { equal += 1 }
            j = Double(equal) / Double(Self.permutationCount)
        }
        return (Self.isNearDuplicate(similarity: j, shingleCounts: shingleCount, otherCount), j)
    }

    /// Bytes of `encoded`: the version byte, then the shingle count and the minima as UInt32 LE.
    static let encodedByteCount = 1 + 4 * (permutationCount + 1)

    /// The `index`-th little-endian UInt32 after the version byte.
    static func encodedWord(_ bytes: UnsafeRawBufferPointer, _ index: Int) -> UInt32 {
        UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: 1 + 4 * index, as: UInt32.self))
    }

    /// Compact blob for the database: version byte, shingle count (UInt32 LE), 128 minima (UInt32 LE): 517 bytes.
    public var encoded: [UInt8] {
        var out: [UInt8] = [Self.formatVersion]
        out.reserveCapacity(1 + 4 * (Self.permutationCount + 1))
        func put(_ v: UInt32) {
            for k in 0..<4 { out.append(UInt8(truncatingIfNeeded: v >> (8 * k))) }
        }
        put(UInt32(clamping: shingleCount))
        for v in minima { put(v) }
        return out
    }

    /// Decodes `encoded`; nil for another format version or a wrong length.
    public init?(encoded bytes: some Collection<UInt8>) {
        let decoded = bytes.withContiguousStorageIfAvailable { Self(encodedBytes: UnsafeRawBufferPointer($0)) }
            ?? Array(bytes).withUnsafeBytes { Self(encodedBytes: $0) }
        guard let decoded else { return nil }
        self = decoded
    }

    private init?(encodedBytes b: UnsafeRawBufferPointer) {
        guard b.count == Self.encodedByteCount, b[0] == Self.formatVersion else { return nil }
        self.init(minima: (1...Self.permutationCount).map { Self.encodedWord(b, $0) }, shingleCount: Int(Self.encodedWord(b, 0)))
    }
}
