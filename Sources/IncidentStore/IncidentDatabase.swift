import Foundation
import GRDB

/// The one SQLite file incidentd keeps: articles, incidents, reports and the notification outbox.
///
/// Owns the connection pool and the migrations, and exposes only invariant-preserving
/// transactions, so every writer (daemon, `incidentctl ingest`, `reprocess`) goes through the same
/// rules. WAL lets `incidentctl` read while the daemon writes.
public final class IncidentDatabase: Sendable {
    public let writer: DatabasePool
    public let path: String
    /// Decoded reports per incident for the writer (see `ReportCache`).
    let reportCache = ReportCache()
    /// The record transaction's statements on the writer connection (see `HeldStatements`).
    let heldStatements = HeldStatements()
    /// Originals per generation of indexed LSH bands: near-copies are found among the most recent
    /// `nearDuplicateWindow` to `2 × nearDuplicateWindow` originals (see `NearDuplicateWindow`).
    let nearDuplicateWindow: Int

    /// The default of `nearDuplicateWindow` (`near_duplicate_window` in the configuration).
    public static let defaultNearDuplicateWindow = NearDuplicateWindow.defaultOriginals

    /// Opens (creating if needed) the database at `path` and applies pending migrations.
    /// - Parameter busyTimeout: how long a write waits for another process's lock before failing.
    /// - Parameter autoCheckpoint: false when a `WALCheckpointer` keeps the log short instead, so no
    ///   commit pays for a checkpoint (the daemon); short-lived tools keep SQLite's automatic one.
    /// - Parameter nearDuplicateWindow: originals per generation of indexed bands (at least 1).
    public init(path: String, busyTimeout: TimeInterval = 10, readOnly: Bool = false, autoCheckpoint: Bool = true,
                nearDuplicateWindow: Int = defaultNearDuplicateWindow) throws(StoreError) {
        self.path = path
        let window = max(1, nearDuplicateWindow)
        self.nearDuplicateWindow = window
        var config = Configuration()
        config.busyMode = .timeout(busyTimeout)
        config.readonly = readOnly
        config.label = "incidentd"
        config.prepareDatabase { db in
            if !db.configuration.readonly {
                try db.execute(sql: "PRAGMA synchronous = NORMAL")
                // The writer's lookups (content hash, bands, blocking keys) walk index pages that a
                // large store cannot keep in the default 2 MB cache; 8 MB holds their upper levels.
                try db.execute(sql: "PRAGMA cache_size = -8192")
                // Each article is recorded in a savepoint of its own, whose undo journal (some 50
                // pages) otherwise spills to a temporary file: 3,400 page writes per 64 articles.
                try db.execute(sql: "PRAGMA temp_store = MEMORY")
                if !autoCheckpoint { try db.execute(sql: "PRAGMA wal_autocheckpoint = 0") }
            }
        }
        do {
            let dir = (path as NSString).deletingLastPathComponent
            if !dir.isEmpty, !readOnly {
                try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            }
            writer = try DatabasePool(path: path, configuration: config)
            if !readOnly {
                // Migrations drop and copy whole tables; SQLite journals what a statement changes
                // in its temporary store, which `temp_store = MEMORY` holds in memory (dropping a
                // 100k-article store's sketch table took 65 MB; a 1M store's would take some 600).
                try writer.writeWithoutTransaction { try $0.execute(sql: "PRAGMA temp_store = FILE") }
                try Self.migrator(nearDuplicateWindow: window).migrate(writer)
                try writer.writeWithoutTransaction { try $0.execute(sql: "PRAGMA temp_store = MEMORY") }
            }
        } catch {
            throw StoreError(.cannotOpen, "cannot open database \(path): \(error)", underlying: error)
        }
    }

    /// Hands back what the writer connection caches between transactions (SQLite's page cache,
    /// prepared statements). For a daemon going idle after a burst: that page cache grows to 8 MB
    /// and would otherwise stay resident until the next burst. Costs the next transaction a few
    /// reads of index pages from the OS cache. Only the writer: `DatabasePool.releaseMemory()` also
    /// closes the reader connections behind a barrier, and with journal delivery reading the outbox
    /// meanwhile that lost notifications in the stalled-journald drill (2 runs in 5).
    public func releaseIdleMemory() {
        let held = heldStatements
        writer.writeWithoutTransaction { db in
            held.forget()
            db.releaseMemory()
        }
    }

    /// `PRAGMA integrity_check`: "ok" when the file is sound.
    public func integrityCheck() throws -> String {
        try writer.read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") ?? "no answer" }
    }
}
