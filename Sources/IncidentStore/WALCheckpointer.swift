import Foundation
import GRDB

/// Copies the write-ahead log back into the database file from a thread of its own.
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
    private let condition = NSCondition()
    // Guarded by `condition`:
    private var stopRequested = false
    private var finished = false
    private var checkpoints = 0

    public init(databasePath: String, interval: TimeInterval = 1, restartPages: Int = 16_384) {
        self.path = databasePath
        self.interval = interval
        self.restartPages = restartPages
    }

    /// Starts the checkpoint thread.
    public func start() {
        let thread = Thread { [self] in run() }
        thread.name = "wal-checkpoint"
        thread.start()
    }

    /// Stops after the current checkpoint; waits at most `timeout` seconds.
    @discardableResult
    public func stop(timeout: TimeInterval) -> Bool {
        condition.lock()
        stopRequested = true
        condition.broadcast()
        let deadline = Date().addingTimeInterval(timeout)
        while !finished, condition.wait(until: deadline) {}
        let done = finished
        condition.unlock()
        return done
    }

    /// Checkpoints that copied pages since start (for tests).
    public var completed: Int {
        condition.lock(); defer { condition.unlock() }
        return checkpoints
    }

    private func run() {
        var config = Configuration()
        config.busyMode = .timeout(5)
        config.label = "incidentd-checkpoint"
        let queue = try? DatabaseQueue(path: path, configuration: config)
        while true {
            condition.lock()
            if !stopRequested { _ = condition.wait(until: Date().addingTimeInterval(interval)) }
            let stopping = stopRequested
            condition.unlock()
            if stopping { break }
            guard let queue, let copied = checkpoint(queue), copied > 0 else { continue }
            condition.lock()
            checkpoints += 1
            condition.unlock()
        }
        condition.lock()
        finished = true
        condition.broadcast()
        condition.unlock()
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
