import Deduplication
import Foundation
import GRDB
import IncidentModel
import Testing
@testable import IncidentStore

/// A database from before `article_sketch` keeps finding near-copies of its articles once migrated.
@Suite struct SketchMigrationTests {
    let store = StoreTests()

    @Test func sketchesStoredInTheArticleRowMoveToTheirOwnTable() throws {
        let original = NearDuplicateScaleTests.sketch(NearDuplicateScaleTests.minima(seed: 3))
        let copyOfCopy = NearDuplicateScaleTests.sketch(NearDuplicateScaleTests.minima(seed: 4))
        do {
            // The schema and rows as the previous release wrote them: the sketch after the text.
            let old = try DatabasePool(path: store.path)
            try IncidentDatabase.migrator.migrate(old, upTo: "v2-orphan-reports")
            try old.write { db in
                try db.execute(sql: "INSERT INTO article (id, content_hash, file_name, received_at, text, sketch) VALUES (1, 'h1', 'a.txt', 0, ?, ?)",
                               arguments: [String(repeating: "long text ", count: 2_000), Data(original.encoded)])
                try db.execute(sql: "INSERT INTO article (id, content_hash, file_name, received_at, text, near_duplicate_of, sketch) VALUES (2, 'h2', 'b.txt', 0, 'copy', 1, ?)",
                               arguments: [Data(copyOfCopy.encoded)])
                for key in Set(original.bandKeys) {
                    try db.execute(sql: "INSERT INTO article_band (band_key, article_id) VALUES (?, 1)", arguments: [key])
                }
            }
        }
        let db = try IncidentDatabase(path: store.path)
        let moved = try db.writer.read { try Row.fetchAll($0, sql: "SELECT article_id, sketch FROM article_sketch") }
        // Only the original's: a near-copy's bands are not indexed, so it is never a candidate.
        #expect(moved.map { $0["article_id"] as Int64 } == [1])
        #expect(moved.first.map { $0["sketch"] as Data } == Data(original.encoded))

        var s = store.submission("c.txt", text: "A republished copy.", mentions: [])
        s.sketch = original
        #expect(try db.record(s).disposition == .recorded(articleID: 3, nearDuplicateOf: 1))
        #expect(try db.integrityCheck() == "ok")
    }
}
