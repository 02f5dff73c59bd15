import Deduplication
import Foundation
import GRDB
import IncidentModel
import Testing
@testable import IncidentStore

/// Near-copies are looked for among the most recent originals only (`NearDuplicateWindow`): inside
/// the window they are linked, outside it their incidents still merge, and the band tables stay the
/// size of two generations however many articles arrive.
@Suite struct NearDuplicateWindowTests {
    let store = StoreTests()

    /// An original's sketch and a near-copy of it (one minimum in eight changed, J about 0.88).
    static func originalAndCopy(seed: UInt64) -> (NearDuplicateSketch, NearDuplicateSketch) {
        let original = NearDuplicateScaleTests.minima(seed: seed)
        var copy = original
        for i in stride(from: 3, to: NearDuplicateSketch.permutationCount, by: 8) { copy[i] ^= 0x3C3C_3C3C }
        return (NearDuplicateScaleTests.sketch(original), NearDuplicateScaleTests.sketch(copy))
    }

    func submission(_ name: String, _ sketch: NearDuplicateSketch, mentions: [IncidentMention] = []) -> ArticleSubmission {
        var s = store.submission(name, text: "Report \(name): the wording does not matter, the sketch is set directly.", mentions: mentions)
        s.sketch = sketch
        return s
    }

    /// Records `count` unrelated originals (each its own sketch).
    func recordFillers(_ db: IncidentDatabase, _ count: Int, from first: Int = 0) throws {
        for i in first..<(first + count) {
            _ = try db.record(submission("other-\(i).txt", NearDuplicateScaleTests.sketch(NearDuplicateScaleTests.minima(seed: 5_000 + UInt64(i)))))
        }
    }

    func count(_ db: IncidentDatabase, _ sql: String) throws -> Int {
        try db.writer.read { try Int.fetchOne($0, sql: sql) ?? -1 }
    }

    @Test func aNearCopyOfARecentOriginalIsLinked() throws {
        let db = try IncidentDatabase(path: store.path, nearDuplicateWindow: 4)
        let (original, copy) = Self.originalAndCopy(seed: 21)
        let first = try db.record(submission("wire.txt", original))
        // Five more originals: the generations have turned once, the original is in the previous one.
        try recordFillers(db, 5)
        let copied = try db.record(submission("reprint.txt", copy))
        #expect(copied.disposition == .recorded(articleID: copied.articleIDForTest, nearDuplicateOf: first.articleIDForTest))
    }

    @Test func aNearCopyOfAnOriginalOlderThanTheWindowIsNotLinkedButJoinsItsIncident() throws {
        let db = try IncidentDatabase(path: store.path, nearDuplicateWindow: 2)
        let (original, copy) = Self.originalAndCopy(seed: 22)
        let strike = store.strike(StoreTests.mayadin, killed: 4)
        let first = try db.record(submission("wire.txt", original, mentions: [strike]))
        #expect(first.newIncidents.count == 1)
        // Two full generations after it: its bands and sketch are retired.
        try recordFillers(db, 5)
        #expect(try count(db, "SELECT count(*) FROM article_sketch WHERE article_id = \(first.articleIDForTest)") == 0)

        let late = try db.record(submission("weekly.txt", copy, mentions: [strike]))
        #expect(late.disposition == .recorded(articleID: late.articleIDForTest, nearDuplicateOf: nil))
        #expect(late.newIncidents.isEmpty)
        #expect(try count(db, "SELECT count(*) FROM incident") == 1)
        #expect(try count(db, "SELECT count(*) FROM report") == 2)
        #expect(try count(db, "SELECT count(DISTINCT incident_id) FROM report") == 1)

        // An exact copy is still recognised, whatever its age (the content-hash index).
        let again = try db.record(submission("wire.txt", original))
        #expect(again.disposition == .duplicate(ofArticleID: first.articleIDForTest, fileName: "wire.txt"))
    }

    @Test func theBandTablesHoldTwoGenerationsAfterManyTurns() throws {
        let window = 3
        let db = try IncidentDatabase(path: store.path, nearDuplicateWindow: window)
        let perArticle = Set(NearDuplicateScaleTests.sketch(NearDuplicateScaleTests.minima(seed: 5_000)).bandKeys).count
        for round in 0..<12 {
            try recordFillers(db, 4, from: round * 4)
            let postings = try count(db, "SELECT (SELECT count(*) FROM article_band_0) + (SELECT count(*) FROM article_band_1)")
            #expect(postings <= 2 * window * perArticle, "round \(round)")
            #expect(try count(db, "SELECT count(*) FROM article_sketch") <= 2 * window, "round \(round)")
        }
        // The sketches kept are the newest originals', and each has its postings in a band table.
        let newest = try db.writer.read { try Int64.fetchAll($0, sql: "SELECT article_id FROM article_sketch ORDER BY article_id DESC") }
        #expect(newest.count >= window)
        #expect(newest.first == 48)
        #expect(Set(newest) == Set((49 - Int64(newest.count))...48))
        let indexed = try db.writer.read {
            try Int64.fetchAll($0, sql: "SELECT DISTINCT article_id FROM article_band_0 UNION SELECT DISTINCT article_id FROM article_band_1")
        }
        #expect(Set(indexed) == Set(newest))
        #expect(try db.integrityCheck() == "ok")
    }

    @Test func anOldStoreKeepsOnlyItsNewestOriginalsIndexedAfterMigration() throws {
        var sketches: [NearDuplicateSketch] = []
        var copies: [NearDuplicateSketch] = []
        for i in 1...10 {
            let (original, copy) = Self.originalAndCopy(seed: 100 + UInt64(i))
            sketches.append(original)
            copies.append(copy)
        }
        do {
            // Ten originals as schema v3 stored them: a sketch row and every band in one table.
            let old = try DatabasePool(path: store.path)
            try IncidentDatabase.migrator.migrate(old, upTo: "v3-article-sketch")
            try old.write { db in
                for (k, sketch) in sketches.enumerated() {
                    let id = Int64(k + 1)
                    try db.execute(sql: "INSERT INTO article (id, content_hash, file_name, received_at, text) VALUES (?, ?, ?, 0, 'a story')",
                                   arguments: [id, "hash-\(id)", "story-\(id).txt"])
                    try db.execute(sql: "INSERT INTO article_sketch (article_id, sketch) VALUES (?, ?)", arguments: [id, Data(sketch.encoded)])
                    for key in Set(sketch.bandKeys) {
                        try db.execute(sql: "INSERT INTO article_band (band_key, article_id) VALUES (?, ?)", arguments: [key, id])
                    }
                }
            }
        }
        let db = try IncidentDatabase(path: store.path, nearDuplicateWindow: 4)
        #expect(try count(db, "SELECT count(*) FROM sqlite_master WHERE name = 'article_band'") == 0)
        let indexed = try db.writer.read { try Int64.fetchAll($0, sql: "SELECT DISTINCT article_id FROM article_band_0 ORDER BY 1") }
        #expect(indexed == [7, 8, 9, 10])
        #expect(try count(db, "SELECT count(*) FROM article_band_0") == (6..<10).map { Set(sketches[$0].bandKeys).count }.reduce(0, +))
        #expect(try count(db, "SELECT count(*) FROM article_band_1") == 0)
        let sketchIDs = try db.writer.read { try Int64.fetchAll($0, sql: "SELECT article_id FROM article_sketch ORDER BY 1") }
        #expect(sketchIDs == [7, 8, 9, 10])
        let state = try db.writer.read { try NearDuplicateWindow.state($0, held: HeldStatements()) }
        #expect(state == NearDuplicateWindow.State(current: 0, originals: 4, firstArticle: 7))

        let recent = try db.record(submission("recent-copy.txt", copies[8]))
        #expect(recent.disposition == .recorded(articleID: 11, nearDuplicateOf: 9))
        let old = try db.record(submission("old-copy.txt", copies[1]))
        #expect(old.disposition == .recorded(articleID: 12, nearDuplicateOf: nil))
        #expect(try db.integrityCheck() == "ok")
    }
}
