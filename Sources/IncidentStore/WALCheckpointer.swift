import Foundation
import GRDB

/// Copies the write-ahead log back into the database file from a queue of its own.
///
/// SQLite's automatic checkpoint runs inside whichever commit crosses 1,000 WAL pages, so roughly
/// one article in sixty paid for writing back thousands of pages and an fsync: that was the tail of
/// the drop-to-journal latency. The daemon opens its database with `autoCheckpoint: false` and runs
/// this instead. Passive checkpoints never block the writer; when the log still grows past
/// `restartPages` (a long burst with readers holding old snapshots), one restarting checkpoint
/// waits for the writer briefly so the file stays bounded.
public final class WALCheckpointer: @unchecked Sendable {
    private let path: String
    private let interval: TimeInterval
    private let restartPages: Int
    private let queue = DispatchQueue(label: "incidentd.wal-checkpoint")
    // Used on `queue` only:
    private var timer: DispatchSourceTimer?
    private var connection: DatabaseQueue?
    private var copiedOnce = 0

    public init(databasePath: String, interval: TimeInterval = 1, restartPages: Int = 16_384) {
        self.path = databasePath
        self.interval = interval
        self.restartPages = restartPages
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
        if connection == nil {
            var config = Configuration()
            config.busyMode = .timeout(5)
            config.label = "incidentd-checkpoint"
            connection = try? DatabaseQueue(path: path, configuration: config)
        }
        guard let connection, let copied = checkpoint(connection), copied > 0 else { return }
        copiedOnce += 1
    }

    /// Returns the number of frames copied, or nil on failure (retried at the next tick).
    private func checkpoint(_ queue: DatabaseQueue) -> Int? {
        try? queue.inDatabase { db in
            guard let row = try Row.fetchOne(db, sql: "PRAGMA wal_checkpoint(PASSIVE)") else { return 0 }
            let log: Int = row[1] ?? 0
            let copied: Int = row[2] ?? 0
            if log - copied > restartPages || log > restartPages * 2 {
                _ = try Row.fetchOne(db, sql: "PRAGMA wal_checkpoint(RESTART)")
            }
            return copied
        }
    }
}
