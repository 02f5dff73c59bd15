import Foundation
import GRDB
import Testing
@testable import IncidentStore

/// The daemon's writer never checkpoints; the background checkpointer keeps the log copied back.
@Suite(.timeLimit(.minutes(1)))
struct WALCheckpointerTests {
    let store = StoreTests()

    func walFrames(_ path: String) throws -> (log: Int, copied: Int) {
        let probe = try DatabaseQueue(path: path)
        return try probe.inDatabase { db in
            let row = try #require(try Row.fetchOne(db, sql: "PRAGMA wal_checkpoint(PASSIVE)"))
            return (row[1], row[2])
        }
    }

    @Test func writesWithoutAutoCheckpointAreCopiedBackByTheCheckpointer() throws {
        let db = try IncidentDatabase(path: store.path, autoCheckpoint: false)
        let autocheckpoint = try db.writer.write { try Int.fetchOne($0, sql: "PRAGMA wal_autocheckpoint") }
        #expect(autocheckpoint == 0)
        let checkpointer = WALCheckpointer(databasePath: store.path, interval: 0.05, minimumLogBytes: 0)
        checkpointer.start()
        defer { checkpointer.stop(timeout: 5) }
        for i in 0..<300 {
            _ = try db.recordBatch([.rejection(origin: FileOrigin(fileName: "f\(i).bin", inboxPath: "/inbox/f\(i).bin"),
                                               reason: "not-text: binary", destination: "/rejected", receivedAt: 1)])
        }
        var done = 0
        for _ in 0..<100 where done == 0 {
            done = checkpointer.completed
            Thread.sleep(forTimeInterval: 0.05)
        }
        #expect(done > 0)
        #expect(checkpointer.stop(timeout: 5))
        let frames = try walFrames(store.path)
        #expect(frames.log == frames.copied)  // everything written is back in the database file
        #expect(try db.integrityCheck() == "ok")
    }
}
