import Deduplication
import Foundation
import GRDB

/// The notification outbox: entries are written in the transaction that creates their cause and
/// marked sent only after journald has them, so a crash or an absent journald loses nothing.
enum Outbox {
    /// - Parameter recordJSON: the incident record exactly as the same transaction just stored it in
    ///   `incident.record_json`; spliced into the payload instead of encoding the record a second time
    ///   (that second encoding was a large share of the record transaction's CPU).
    static func enqueue(_ db: Database, _ payload: NotificationPayload, recordJSON: String? = nil,
                        held: HeldStatements = HeldStatements()) throws -> OutboxEntry {
        let json = try PayloadJSON.encode(payload, recordJSON: recordJSON)
        try held.execute(.insertOutbox, db, sql: "INSERT INTO outbox (kind, incident_id, payload_json, created_at) VALUES (?, ?, ?, ?)",
                         .text(payload.kind.rawValue), .of(payload.incidentID), .text(json), .real(Date().timeIntervalSince1970))
        return OutboxEntry(id: db.lastInsertedRowID, payload: payload)
    }
}

extension IncidentDatabase {
    /// Unsent notifications in commit order (oldest first), at most `limit`.
    public func pendingNotifications(limit: Int = 500) throws -> [OutboxEntry] {
        try writer.read { db in
            try db.rows(sql: "SELECT id, payload_json FROM outbox WHERE sent_at IS NULL ORDER BY id LIMIT ?", arguments: [limit])
                .compactMap { row in
                    let json: String = row["payload_json"]
                    guard let p = try? JSONDecoder().decode(NotificationPayload.self, from: Data(json.utf8)) else { return nil }
                    return OutboxEntry(id: row["id"], payload: p)
                }
        }
    }

    /// Ids of unsent notifications after `afterID`, in commit order, at most `limit`: read from the
    /// partial index alone, so a sender can skip what it already sent without decoding payloads.
    public func pendingNotificationIDs(after afterID: Int64 = 0, limit: Int = 256) throws -> [Int64] {
        try writer.read { db in
            try db.values(Int64.self, sql: "SELECT id FROM outbox WHERE sent_at IS NULL AND id > ? ORDER BY id LIMIT ?", arguments: [afterID, limit])
        }
    }

    /// The notifications with these ids that are still unsent, in id order.
    public func pendingNotifications(ids: [Int64]) throws -> [OutboxEntry] {
        guard !ids.isEmpty else { return [] }
        return try writer.read { db in
            try db.rows(sql: "SELECT id, payload_json FROM outbox WHERE id IN (SELECT value FROM json_each(?)) AND sent_at IS NULL ORDER BY id",
                        arguments: [JSONList.integers(ids)])
                .compactMap { row in
                    let json: String = row["payload_json"]
                    guard let p = try? JSONDecoder().decode(NotificationPayload.self, from: Data(json.utf8)) else { return nil }
                    return OutboxEntry(id: row["id"], payload: p)
                }
        }
    }

    /// Marks notifications delivered to the journal: one statement for the whole list.
    public func markSent(_ ids: [Int64]) throws(StoreError) {
        guard !ids.isEmpty else { return }
        let now = Date().timeIntervalSince1970
        try write { db in
            try db.run(sql: "UPDATE outbox SET sent_at = ? WHERE id IN (SELECT value FROM json_each(?)) AND sent_at IS NULL",
                       arguments: [now, JSONList.integers(ids)])
        }
    }

    /// How many notifications still wait for journald.
    public func pendingNotificationCount() throws -> Int {
        try writer.read { db in try db.value(Int.self, sql: "SELECT count(*) FROM outbox WHERE sent_at IS NULL") ?? 0 }
    }
}
