import Foundation
import GRDB

/// A file whose database record committed but whose move out of the inbox may not have happened.
public struct UnsettledReceipt: Sendable, Hashable {
    public var id: Int64
    public var fileName: String
    public var inboxPath: String
    public var device: UInt64?
    public var inode: UInt64?
    public var outcome: String
    public var reason: String?
    public var destination: String?

    public init(id: Int64, fileName: String, inboxPath: String, device: UInt64?, inode: UInt64?, outcome: String, reason: String?, destination: String?) {
        self.id = id
        self.fileName = fileName
        self.inboxPath = inboxPath
        self.device = device
        self.inode = inode
        self.outcome = outcome
        self.reason = reason
        self.destination = destination
    }
}

extension IncidentDatabase {
    /// Receipts not yet settled: after a crash, the daemon finishes these moves before anything else.
    public func unsettledReceipts() throws -> [UnsettledReceipt] {
        try writer.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM receipt WHERE settled = 0 ORDER BY id").map { row in
                UnsettledReceipt(
                    id: row["id"], fileName: row["file_name"], inboxPath: row["inbox_path"],
                    device: (row["device"] as Int64?).map(UInt64.init(bitPattern:)),
                    inode: (row["inode"] as Int64?).map(UInt64.init(bitPattern:)),
                    outcome: row["outcome"], reason: row["reason"], destination: row["destination"])
            }
        }
    }

    /// Records where the file ended up (or that it was deleted).
    public func settle(receiptID: Int64, finalPath: String?) throws(StoreError) {
        try write { db in
            try db.execute(sql: "UPDATE receipt SET settled = 1, destination = coalesce(?, destination) WHERE id = ?",
                           arguments: [finalPath, receiptID])
        }
    }

    /// Counters for STATUS= and `incidentctl status`.
    public func counters() throws -> StoreCounters {
        try writer.read { db in
            let row = try Row.fetchOne(db, sql: """
                SELECT (SELECT count(*) FROM article) AS articles, (SELECT count(*) FROM incident) AS incidents,
                       (SELECT count(*) FROM receipt WHERE outcome = 'rejected') AS rejected,
                       (SELECT count(*) FROM receipt WHERE outcome = 'duplicate') AS duplicates,
                       (SELECT count(*) FROM outbox WHERE sent_at IS NULL) AS pending
                """)!
            return StoreCounters(articles: row["articles"], incidents: row["incidents"], rejected: row["rejected"],
                                 duplicates: row["duplicates"], pendingNotifications: row["pending"])
        }
    }
}

/// Totals shown in `systemctl status` and `incidentctl status`.
public struct StoreCounters: Sendable, Hashable {
    public var articles: Int
    public var incidents: Int
    public var rejected: Int
    public var duplicates: Int
    public var pendingNotifications: Int
}
