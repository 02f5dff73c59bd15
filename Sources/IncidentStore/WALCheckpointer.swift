import Foundation
import GRDB

/// Copies the write-ahead log back into the database file from a queue of its own.
///
/// SQLite's automatic checkpoint runs inside whichever commit crosses 1,000 WAL pages, so roughly
/// one article in sixty paid for writing back thousands of pages and an fsync: that was the tail of
/// the drop-to-journal latency. The daemon opens its database with `autoCheckpoint: false` and runs
/// this instead. Passive checkpoints never block the writer; when the log still grows past
/// `restartPages` (a long burst with readers holding old snapshots), one truncating checkpoint
/// waits for the writer briefly so the file stays bounded.
///
/// With `synchronous = NORMAL` commits never fsync, except the first commit after the log was
/// emptied: it writes a new log header and syncs it (10 ms and more on a busy disk). Copying
/// everything back every second made one quiet-inbox file in sixteen pay that sync. Now the log is
/// copied back and truncated when it holds `minimumLogBytes`, or when it stopped growing (a quiet
/// inbox, or writes failing on a full disk: truncating frees the space), and the checkpointer then
/// writes the first frame of the new log itself (`PRAGMA user_version` set to its own value), so
/// the header sync is paid here, off the ingest path.
public final class WALCheckpointer: @unchecked Sendable {
    private let path: String
    private let interval: TimeInterval
    private let restartPages: Int
    private let minimumLogBytes: Int64
    private let queue = DispatchQueue(label: "incidentd.wal-checkpoint")
    // Used on `queue` only:
    private var timer: DispatchSourceTimer?
    private var connection: DatabaseQueue?
    private var copiedOnce = 0
    private var lastLogBytes: Int64 = 0

    public init(databasePath: String, interval: TimeInterval = 1, restartPages: Int = 16_384, minimumLogBytes: Int64 = 16 << 20) {
        self.path = databasePath
        self.interval = interval
        self.restartPages = restartPages
        self.minimumLogBytes = minimumLogBytes
    }

    /// Starts checkpointing every `interval` seconds.
    public func start() {
        queue.sync {
            guard timer == nil else { return }
            let t = DispatchSource.makeTimerSource(queue: queue)
            t.schedule(deadline: .now() + interval, repeating: interval)
            t.setEventHandler { [weak self] in self?.tick() }
            timer = t
            t.resume()
        }
    }

    /// Stops; a checkpoint under way finishes first. Waits at most `timeout` seconds.
    @discardableResult
    public func stop(timeout: TimeInterval) -> Bool {
        let done = DispatchSemaphore(value: 0)
        queue.async { [self] in
            timer?.cancel()
            timer = nil
            connection = nil
            done.signal()
        }
        return done.wait(timeout: .now() + timeout) == .success
    }

    /// Checkpoints that copied pages since start (for tests).
    public var completed: Int {
        queue.sync { copiedOnce }
    }

    private func tick() {
        let bytes = logBytes()
        let grew = bytes != lastLogBytes
        lastLogBytes = bytes
        // An empty log, or one the checkpointer just primed (a few frames): nothing to copy back.
        guard bytes > 64 * 1024 || (bytes > 0 && minimumLogBytes <= 0) else { return }
        guard bytes >= minimumLogBytes || !grew else { return }
        if connection == nil {
            var config = Configuration()
            config.busyMode = .timeout(5)
            config.label = "incidentd-checkpoint"
            connection = try? DatabaseQueue(path: path, configuration: config)
        }
        guard let connection, let copied = checkpoint(connection), copied > 0 else { return }
        copiedOnce += 1
        lastLogBytes = logBytes()
    }

    /// The size of the write-ahead log file: after a truncating checkpoint, what was written since.
    private func logBytes() -> Int64 {
        let attributes = try? FileManager.default.attributesOfItem(atPath: path + "-wal")
        return (attributes?[.size] as? NSNumber)?.int64Value ?? 0
    }

    /// Returns the number of frames copied, or nil on failure (retried at the next tick).
    private func checkpoint(_ queue: DatabaseQueue) -> Int? {
        try? queue.inDatabase { db in
            guard let row = try Row.fetchOne(db, sql: "PRAGMA wal_checkpoint(PASSIVE)") else { return 0 }
            let log: Int = row[1] ?? 0
            let copied: Int = row[2] ?? 0
            // Caught up (the writer waits only for the truncation), or far behind (bounds the file).
            if (log > 0 && copied == log) || log - copied > restartPages || log > restartPages * 2 {
                if let truncated = try Row.fetchOne(db, sql: "PRAGMA wal_checkpoint(TRUNCATE)"), (truncated[0] as Int?) == 0 {
                    // Start the new log (header written and synced) before the ingest path needs it.
                    let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
                    try? db.execute(sql: "PRAGMA user_version = \(version)")
                }
            }
            return copied
        }
    }
}
