import Deduplication
import Foundation
import GRDB
import IncidentModel
import Testing
@testable import IncidentStore

/// Many files in one transaction: same results as one by one, each file all-or-nothing.
@Suite struct BatchTests {
    let store = StoreTests()

    func count(_ db: IncidentDatabase, _ table: String) throws -> Int {
        try db.writer.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM \(table)") ?? -1 }
    }

    @Test func aBatchRecordsArticlesDuplicatesAndRejectionsInOrder() throws {
        let db = try IncidentDatabase(path: store.path)
        let text = "Five fighters were killed by a drone near Mayadin on Monday, a monitor said."
        let results = try db.recordBatch([
            .article(store.submission("a.txt", text: text, mentions: [store.strike(StoreTests.mayadin, killed: 5)])),
            .article(store.submission("b.txt", text: text, mentions: [store.strike(StoreTests.mayadin, killed: 5)])),
            .rejection(origin: FileOrigin(fileName: "c.bin", inboxPath: "/inbox/c.bin"), reason: "not-text: binary", destination: "/rejected", receivedAt: 1),
            .article(store.submission("d.txt", text: "Shelling hit Aleppo's eastern districts, killing two.", mentions: [store.strike(StoreTests.aleppo, killed: 2)])),
        ])
        #expect(results.count == 4)
        guard case .recorded(let a) = results[0], case .recorded(let b) = results[1], case .rejected = results[2],
              case .recorded(let d) = results[3] else {
            Issue.record("unexpected results \(results)")
            return
        }
        #expect(a.newIncidents.count == 1)
        #expect(b.disposition == .duplicate(ofArticleID: 1, fileName: "a.txt"))  // sees the first inside the same transaction
        #expect(d.newIncidents.count == 1)
        #expect(try count(db, "incident") == 2)
        #expect(try db.unsettledReceipts().map(\.fileName) == ["a.txt", "b.txt", "c.bin", "d.txt"])
        try db.settle(try db.unsettledReceipts().map { ($0.id, "/archive/\($0.fileName)") })
        #expect(try db.unsettledReceipts().isEmpty)
    }

    @Test func anArticleThatCannotBeRecordedLeavesTheRestOfTheBatch() throws {
        let db = try IncidentDatabase(path: store.path)
        // A constraint failure of one article only: the store refuses this one file name.
        try db.writer.write { db in
            try db.execute(sql: """
                CREATE TRIGGER refuse_bad BEFORE INSERT ON article WHEN NEW.file_name = 'bad.txt'
                BEGIN SELECT RAISE(ABORT, 'refused by the test'); END
                """)
        }
        let results = try db.recordBatch([
            .article(store.submission("good1.txt", text: "A drone struck a car near Mayadin, killing five.", mentions: [store.strike(StoreTests.mayadin, killed: 5)])),
            .article(store.submission("bad.txt", text: "Shelling hit Aleppo, killing two.", mentions: [store.strike(StoreTests.aleppo, killed: 2)])),
            .article(store.submission("good2.txt", text: "Two died when shells fell on Aleppo's old city.", mentions: [store.strike(StoreTests.aleppo, killed: 2, day: 20)])),
        ])
        guard case .recorded = results[0], case .failed(let error) = results[1], case .recorded = results[2] else {
            Issue.record("unexpected results \(results)")
            return
        }
        #expect(!error.isStorageTrouble)
        #expect(try count(db, "article") == 2)
        #expect(try count(db, "report") == 2)  // nothing of bad.txt: its savepoint rolled back
        #expect(try db.unsettledReceipts().map(\.fileName) == ["good1.txt", "good2.txt"])
        #expect(try db.integrityCheck() == "ok")
    }

    /// A failing file makes the batch be recorded again, each file in a savepoint: the files after
    /// it still see the ones before it (near-copy link, incident merge), and the held statements
    /// keep working in the next batch.
    @Test func aBatchRecordedAgainAfterAFailureKeepsWhatEachFileSawOfTheOthers() throws {
        let db = try IncidentDatabase(path: store.path)
        try db.writer.write { db in
            try db.execute(sql: """
                CREATE TRIGGER refuse_bad BEFORE INSERT ON report WHEN NEW.killed = 99
                BEGIN SELECT RAISE(ABORT, 'refused by the test'); END
                """)
        }
        let story = """
            A drone struck a pickup truck on the road between Mayadin and the river crossing on Monday \
            morning, killing five men travelling to the market, according to a local monitoring group and \
            two residents who reached the scene shortly afterwards and helped carry the bodies away.
            """
        let results = try db.recordBatch([
            .article(store.submission("first.txt", text: story, mentions: [store.strike(StoreTests.mayadin, killed: 5)])),
            .article(store.submission("bad.txt", text: "Shelling hit Aleppo, killing many.", mentions: [store.strike(StoreTests.aleppo, killed: 99)])),
            .article(store.submission("copy.txt", text: story + " The group said the toll could rise.",
                                      mentions: [store.strike(StoreTests.mayadin, killed: 6)])),
        ])
        guard case .recorded(let first) = results[0], case .failed = results[1], case .recorded(let copy) = results[2],
              case .recorded(let firstID, _) = first.disposition else {
            Issue.record("unexpected results \(results)")
            return
        }
        #expect(copy.disposition == .recorded(articleID: firstID + 1, nearDuplicateOf: firstID))
        #expect(copy.newIncidents.isEmpty && copy.updatedIncidents == first.newIncidents)
        #expect(try count(db, "report") == 2)
        let next = try db.recordBatch([
            .article(store.submission("later.txt", text: "Two died when shells fell on Aleppo's old city.",
                                      mentions: [store.strike(StoreTests.aleppo, killed: 2, day: 20)])),
        ])
        guard case .recorded(let later) = next.first else {
            Issue.record("unexpected results \(next)")
            return
        }
        #expect(later.newIncidents.count == 1)
        #expect(try count(db, "article") == 3)
        #expect(try db.integrityCheck() == "ok")
    }

    @Test func aLockedDatabaseRollsTheWholeBatchBackAndSaysSo() throws {
        _ = try IncidentDatabase(path: store.path)
        let db = try IncidentDatabase(path: store.path, busyTimeout: 0.2)
        var holder = Configuration()
        holder.allowsUnsafeTransactions = true  // keep the lock across accesses, like another process would
        let other = try DatabaseQueue(path: store.path, configuration: holder)
        try other.inDatabase { try $0.execute(sql: "BEGIN IMMEDIATE") }
        #expect {
            _ = try db.recordBatch([
                .article(store.submission("a.txt", text: "A drone struck near Mayadin, killing five.", mentions: [store.strike(StoreTests.mayadin, killed: 5)])),
            ])
        } throws: { ($0 as? StoreError)?.code == .busy }
        try other.inDatabase { try $0.execute(sql: "ROLLBACK") }
        #expect(try count(db, "article") == 0)
        #expect(try count(db, "receipt") == 0)
    }
}
