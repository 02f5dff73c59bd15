import Deduplication
import Foundation
import GRDB
import IncidentModel
import Testing
@testable import IncidentStore

/// Outbox payloads are written by hand with the stored record spliced in; they must read back as
/// the payload that was meant, and notifications must carry the record as stored.
@Suite struct OutboxPayloadTests {
    let store = StoreTests()

    @Test func handWrittenPayloadDecodesToThePayload() throws {
        let record = IncidentRecord(eventType: .droneStrike, place: StoreTests.mayadin, perpetrator: "Turkey", attribution: .alleged,
                                    killedLow: 3, killedBest: 5, killedHigh: 5, reportCount: 2, outlets: ["A", "B"])
        let payload = NotificationPayload(kind: .incidentUpdated, incidentID: 42, incident: record,
                                          changes: ["killed 3 → 5", "quote \" backslash \\ tab\t newline\n bell\u{07}"],
                                          sourceFile: "née \"x\".txt", duplicateOf: nil, reason: "línea\r\nzwei")
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let recordJSON = String(decoding: try encoder.encode(record), as: UTF8.self)
        for json in [try PayloadJSON.encode(payload, recordJSON: recordJSON), try PayloadJSON.encode(payload, recordJSON: nil)] {
            let decoded = try JSONDecoder().decode(NotificationPayload.self, from: Data(json.utf8))
            #expect(decoded == payload)
        }
        let bare = NotificationPayload(kind: .articleDuplicate, sourceFile: "a.txt", duplicateOf: "b.txt")
        #expect(try JSONDecoder().decode(NotificationPayload.self, from: Data(try PayloadJSON.encode(bare, recordJSON: nil).utf8)) == bare)
    }

    @Test func notificationsCarryTheRecordAsStored() throws {
        let db = try IncidentDatabase(path: store.path)
        _ = try db.record(store.submission("a.txt", text: "Five fighters were killed by a drone near Mayadin.", mentions: [store.strike(StoreTests.mayadin, killed: 5)]))
        let pending = try db.pendingNotifications()
        var last: [Int64: IncidentRecord] = [:]
        for entry in pending where entry.payload.kind == .incidentNew || entry.payload.kind == .incidentUpdated {
            last[try #require(entry.payload.incidentID)] = entry.payload.incident
        }
        #expect(last.count == 1)
        for (id, sent) in last {
            let stored = try db.writer.read { try String.fetchOne($0, sql: "SELECT record_json FROM incident WHERE id = ?", arguments: [id]) }
            #expect(try JSONDecoder().decode(IncidentRecord.self, from: Data(try #require(stored).utf8)) == sent)
        }
    }

    @Test func candidatesRankByBandsSharedThenLowerID() {
        let counts: [Int64: Int] = [7: 3, 2: 3, 9: 5, 4: 1, 1: 1]
        #expect(NearDuplicateCandidates.top(counts, limit: 3) == [9, 2, 7])
        #expect(NearDuplicateCandidates.top(counts, limit: 16) == [9, 2, 7, 1, 4])
    }
}
