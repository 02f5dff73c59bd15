import Deduplication
import Foundation
import GRDB
import IncidentModel
import TestSupport
import Testing
@testable import IncidentStore

/// The near-duplicate lookup on a store where thousands of articles share a boilerplate band:
/// its cost stays bounded and it still finds the near-copy and only the near-copy.
@Suite struct NearDuplicateScaleTests {
    let store = StoreTests()
    /// Stored articles that share the footer band: far above `commonBandPostings`.
    static let boilerplateArticles = 3_000

    /// Deterministic minima (splitmix64), with band 0 (minima 0..<4) set to the shared footer's.
    static func minima(seed: UInt64) -> [UInt32] {
        var state = seed
        var out: [UInt32] = []
        for _ in 0..<NearDuplicateSketch.permutationCount {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            out.append(UInt32(truncatingIfNeeded: z ^ (z >> 31)))
        }
        for r in 0..<NearDuplicateSketch.rowsPerBand { out[r] = 7 + UInt32(r) }
        return out
    }

    static func sketch(_ minima: [UInt32]) -> NearDuplicateSketch { NearDuplicateSketch(minima: minima, shingleCount: 300) }

    func submission(_ name: String, _ sketch: NearDuplicateSketch) -> ArticleSubmission {
        var s = store.submission(name, text: "Article \(name): text unimportant here, the sketch is set directly.", mentions: [])
        s.sketch = sketch
        return s
    }

    /// Articles sharing only the footer band, stored as the recorder stores originals (row, sketch,
    /// band postings), in one transaction because recording thousands one by one is slow in a debug build.
    func storeBoilerplateArticles(_ db: IncidentDatabase) throws {
        try db.writer.write { db in
            let article = try db.cachedStatement(sql: "INSERT INTO article (content_hash, file_name, received_at, text) VALUES (?, ?, 0, 'boilerplate')")
            let sketch = try db.cachedStatement(sql: "INSERT INTO article_sketch (article_id, sketch) VALUES (?, ?)")
            let band = try db.cachedStatement(sql: "INSERT INTO article_band_0 (band_key, article_id) VALUES (?, ?)")
            for i in 0..<Self.boilerplateArticles {
                let s = Self.sketch(Self.minima(seed: 1_000 + UInt64(i)))
                try article.execute(arguments: ["filler-\(i)", "filler-\(i).txt"])
                let id = db.lastInsertedRowID
                try sketch.execute(arguments: [id, Data(s.encoded)])
                for key in Set(s.bandKeys) { try band.execute(arguments: [key, id]) }
            }
        }
    }

    @Test func aNearCopyIsFoundAndAnUnrelatedArticleIsNotAmongThousandsSharingAFooterBand() throws {
        let db = try IncidentDatabase(path: store.path)
        let original = Self.minima(seed: 1)
        guard case .recorded(let originalID, nil) = try db.record(submission("original.txt", Self.sketch(original))).disposition else {
            Issue.record("the original was not recorded as an original")
            return
        }
        // Stored after the original, so the footer band's newest postings do not include it.
        try storeBoilerplateArticles(db)

        // One minimum in eight changed (J about 0.88): a near-copy that still shares several bands.
        var copy = original
        for i in stride(from: 5, to: NearDuplicateSketch.permutationCount, by: 8) { copy[i] ^= 0x5A5A_5A5A }
        let copySketch = Self.sketch(copy)
        #expect(copySketch.isNearDuplicate(of: Self.sketch(original)))

        let lookup = try db.writer.read { try NearDuplicateCandidates.mostShared($0, bandKeys: Array(Set(copySketch.bandKeys))) }
        #expect(lookup.commonBands == 1)
        #expect(lookup.postingsRead <= NearDuplicateSketch.bandCount * (NearDuplicateCandidates.commonBandPostings + 1))
        #expect(lookup.candidates.first == originalID)

        let copied = try db.record(submission("copy.txt", copySketch))
        #expect(copied.disposition == .recorded(articleID: copied.articleIDForTest, nearDuplicateOf: originalID))

        let unrelated = try db.record(submission("unrelated.txt", Self.sketch(Self.minima(seed: 99))))
        #expect(unrelated.disposition == .recorded(articleID: unrelated.articleIDForTest, nearDuplicateOf: nil))
    }

    @Test func aStoreWithoutCommonBandsRanksAsBefore() {
        // No common band: most shared first, then the lower id (the ranking the SQL query had).
        #expect(NearDuplicateCandidates.top(rare: [7: 3, 2: 3, 9: 5], common: [:], limit: 3) == [9, 2, 7])
        // Rare bands outrank any number of common ones; common ones order the rest.
        #expect(NearDuplicateCandidates.top(rare: [5: 1], common: [5: 1, 8: 4, 3: 4, 6: 2], limit: 3) == [5, 3, 8])
    }

    @Test func theShortListSelectsWhatAFullSortWould() {
        var random = SplitMix64(seed: 0x70_9c)
        for round in 0..<300 {
            // Few distinct counts, so ties on both counts are common and the id decides.
            var rare: [Int64: Int] = [:], common: [Int64: Int] = [:]
            for _ in 0..<random.next(120) { rare[Int64(random.next(400))] = 1 + random.next(4) }
            for _ in 0..<random.next(300) { common[Int64(random.next(400))] = 1 + random.next(3) }
            let limit = round % 20
            var all = rare.map { (id: $0.key, rare: $0.value, common: common[$0.key] ?? 0) }
            all += common.filter { rare[$0.key] == nil }.map { (id: $0.key, rare: 0, common: $0.value) }
            all.sort { ($0.rare, $0.common, -$0.id) > ($1.rare, $1.common, -$1.id) }
            #expect(NearDuplicateCandidates.top(rare: rare, common: common, limit: limit) == all.prefix(limit).map(\.id), "round \(round)")
        }
    }
}

extension RecordOutcome {
    /// The recorded article's id (0 for a duplicate), so a test can spell the expected disposition.
    var articleIDForTest: Int64 {
        if case .recorded(let id, _) = disposition { return id }
        return 0
    }
}
