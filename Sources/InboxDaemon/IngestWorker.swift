import Foundation
import IncidentModel
import IncidentPipeline
import IncidentStore
import JournalNotifications
import Logging
import SystemBridge

/// Processes inbox files on a thread of its own, so SQLite and extraction never block the async
/// watcher, and each file's lifecycle is strictly: read → commit → move.
///
/// Paths are queued once (a set guards against repeated events); a file that disappeared before
/// its turn was already handled and is skipped. Whatever is queued when the worker comes round is
/// taken as one batch (one file when the inbox is quiet): read and extracted on several threads,
/// recorded in one transaction in queue order, then moved. On SIGTERM the current batch is
/// finished first.
public final class IngestWorker: @unchecked Sendable {
    private let pipeline: ArticlePipeline
    private let delivery: JournalDelivery?
    private let logger: Logger
    private let condition = NSCondition()
    // Guarded by `condition`:
    private var config: DaemonConfig
    private var queue: [String] = []
    private var queueHead = 0
    private var queued: Set<String> = []
    private var stopRequested = false
    private var finished = false
    private var busy = false
    private var lastProgress = Date()
    private var stats = IngestStats()
    /// Inbox paths whose record committed but whose move did not happen yet.
    private var unsettled: [String: UnsettledReceipt] = [:]

    public init(config: DaemonConfig, pipeline: ArticlePipeline, delivery: JournalDelivery?, logger: Logger) {
        self.config = config
        self.pipeline = pipeline
        self.delivery = delivery
        self.logger = logger
    }

    /// Starts the worker thread after finishing moves that a crash interrupted.
    public func start() {
        recoverUnsettled()
        let thread = Thread { [self] in run() }
        thread.name = "ingest"
        thread.start()
    }

    /// Queues files (absolute paths); repeated paths are queued once.
    public func submit(_ paths: [String]) {
        guard !paths.isEmpty else { return }
        condition.lock()
        for p in paths where queued.insert(p).inserted { queue.append(p) }
        condition.signal()
        condition.unlock()
    }

    /// Applies a reloaded configuration (limits, archive/rejected folders, delete switch).
    public func update(config newConfig: DaemonConfig) {
        condition.lock()
        config = newConfig
        condition.unlock()
    }

    /// Finishes the current batch, then stops. Waits at most `timeout` seconds.
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

    /// Counters for STATUS= and tests.
    public var snapshot: IngestStats {
        condition.lock(); defer { condition.unlock() }
        var s = stats
        s.queued = queue.count - queueHead
        return s
    }

    /// True when the worker is idle or made progress within `interval` (for watchdog pings).
    public func isHealthy(within interval: TimeInterval) -> Bool {
        condition.lock(); defer { condition.unlock() }
        return !busy || Date().timeIntervalSince(lastProgress) < interval
    }

    /// Files examined together during a burst: up to this many, and this many bytes in total.
    static let batchLimit = 32
    static let batchBytes: Int64 = 8 * 1024 * 1024

    private func run() {
        while true {
            condition.lock()
            while queueHead == queue.count && !stopRequested { condition.wait() }
            if stopRequested {
                finished = true
                condition.broadcast()
                condition.unlock()
                return
            }
            var batch: [String] = []
            while queueHead < queue.count && batch.count < Self.batchLimit {
                batch.append(queue[queueHead])
                queueHead += 1
            }
            if queueHead > 4096 && queueHead * 2 > queue.count {
                queue.removeFirst(queueHead)
                queueHead = 0
            }
            for path in batch { queued.remove(path) }
            busy = true
            lastProgress = Date()
            let current = config
            condition.unlock()

            let (taken, rest) = Self.splitByBytes(batch)
            requeueAtFront(rest)
            let retry = process(taken, config: current)

            condition.lock()
            busy = false
            lastProgress = Date()
            if !retry.isEmpty {
                // Storage trouble: put the files back at the front and wait before trying again.
                putBackLocked(retry)
                stats.paused = true
                _ = condition.wait(until: Date().addingTimeInterval(2))
            } else if stats.paused {
                stats.paused = false
                logger.notice("storage is writable again: resuming intake")
            }
            condition.unlock()
        }
    }

    /// Keeps a batch's files within `batchBytes` together (always at least one file), so a burst of
    /// large files never holds many of them in memory at once.
    static func splitByBytes(_ batch: [String]) -> (taken: [String], rest: [String]) {
        var total: Int64 = 0
        for (i, path) in batch.enumerated() {
            total += (try? SafeFile.facts(atPath: path))?.size ?? 0
            if i > 0 && total > batchBytes { return (Array(batch[..<i]), Array(batch[i...])) }
        }
        return (batch, [])
    }

    private func requeueAtFront(_ paths: [String]) {
        guard !paths.isEmpty else { return }
        condition.lock()
        putBackLocked(paths)
        condition.unlock()
    }

    /// Puts paths back at the head of the queue, in their order. Call with `condition` held.
    private func putBackLocked(_ paths: [String]) {
        for path in paths.reversed() where queued.insert(path).inserted {
            if queueHead > 0 {
                queueHead -= 1
                queue[queueHead] = path
            } else {
                queue.insert(path, at: 0)
            }
        }
    }

    private func count(_ update: (inout IngestStats) -> Void) {
        condition.lock()
        update(&stats)
        condition.unlock()
    }

    private func unsettledReceipt(_ path: String) -> UnsettledReceipt? {
        condition.lock(); defer { condition.unlock() }
        return unsettled[path]
    }

    private func setUnsettled(_ receipts: [UnsettledReceipt], settledPaths: [String]) {
        condition.lock()
        for path in settledPaths { unsettled[path] = nil }
        for r in receipts { unsettled[r.inboxPath] = r }
        condition.unlock()
    }

    /// Handles a batch of paths in queue order: examines them (in parallel), records them in one
    /// transaction, then moves them. Returns the paths to retry later (storage trouble).
    private func process(_ paths: [String], config: DaemonConfig) -> [String] {
        var pendingMoves: [UnsettledReceipt] = []
        var fresh: [String] = []
        for path in paths {
            if let r = unsettledReceipt(path) { pendingMoves.append(r) } else { fresh.append(path) }
        }
        let now = Date().timeIntervalSince1970
        let intake = FileIntake(pipeline: pipeline)
        let steps = ParallelMap.map(fresh, threads: config.effectiveExtractionThreads) { intake.examine($0, config: config, now: now) }

        var items: [IntakeItem] = []
        var origins: [FileOrigin] = []
        for step in steps {
            switch step {
            case .skip(let warning):
                if let warning { logger.warning("\(warning)") }
            case .reject(let origin, let reason):
                items.append(.rejection(origin: origin, reason: reason.description, destination: config.rejected, receivedAt: now))
                origins.append(origin)
            case .record(let submission):
                items.append(.article(submission))
                origins.append(submission.origin)
            }
        }
        let results: [IntakeResult]
        do {
            results = try pipeline.database.recordBatch(items)
        } catch {
            storageTrouble(error, path: origins.first?.inboxPath ?? "")
            return origins.map(\.inboxPath) + pendingMoves.map(\.inboxPath)
        }
        var committed: [OutboxEntry] = []
        var receipts = pendingMoves
        var failures: [(FileOrigin, RejectionReason)] = []
        for (k, result) in results.enumerated() {
            let origin = origins[k]
            switch result {
            case .recorded(let outcome):
                committed += outcome.notifications
                count { s in
                    s.articles += 1
                    s.newIncidents += outcome.newIncidents.count
                    s.updatedIncidents += outcome.updatedIncidents.count
                    if case .duplicate = outcome.disposition { s.duplicates += 1 }
                }
                guard case .article(let submission) = items[k] else { continue }
                receipts.append(UnsettledReceipt(id: outcome.receiptID, fileName: origin.fileName, inboxPath: origin.inboxPath, device: origin.device,
                                                 inode: origin.inode, outcome: "recorded", reason: nil, destination: submission.destination))
            case .rejected(let receiptID, let notification):
                committed.append(notification)
                count { $0.rejected += 1 }
                guard case .rejection(_, let reason, let destination, _) = items[k] else { continue }
                logger.debug("rejected \(origin.fileName): \(reason)")
                receipts.append(UnsettledReceipt(id: receiptID, fileName: origin.fileName, inboxPath: origin.inboxPath, device: origin.device,
                                                 inode: origin.inode, outcome: "rejected", reason: reason, destination: destination))
            case .failed(let error):
                logger.error("cannot record \(origin.fileName): \(error)")
                failures.append((origin, RejectionReason(.unreadable, "could not be recorded: \(error)")))
            }
        }
        // Sent before the files move: the journal entry does not wait for the renames.
        if !committed.isEmpty { delivery?.committed(committed) }
        let settler = FileSettler(database: pipeline.database, logger: logger)
        let stillUnsettled = settler.settle(receipts, config: config)
        setUnsettled(stillUnsettled, settledPaths: receipts.map(\.inboxPath))
        // An article that could not be recorded is refused with the reason (rare: a bug or bad data).
        var retry: [String] = []
        for (origin, reason) in failures where reject(origin, reason, config: config) {
            retry.append(origin.inboxPath)
        }
        return retry
    }

    /// Records one refusal and moves the file. Returns true when it must be retried later.
    private func reject(_ origin: FileOrigin, _ reason: RejectionReason, config: DaemonConfig) -> Bool {
        let results: [IntakeResult]
        do {
            results = try pipeline.database.recordBatch([.rejection(origin: origin, reason: reason.description, destination: config.rejected,
                                                                     receivedAt: Date().timeIntervalSince1970)])
        } catch {
            storageTrouble(error, path: origin.inboxPath)
            return true
        }
        guard case .rejected(let receiptID, let notification)? = results.first else {
            logger.error("cannot record the rejection of \(origin.fileName)")
            return true
        }
        delivery?.committed([notification])
        count { $0.rejected += 1 }
        let receipt = UnsettledReceipt(id: receiptID, fileName: origin.fileName, inboxPath: origin.inboxPath, device: origin.device,
                                       inode: origin.inode, outcome: "rejected", reason: reason.description, destination: config.rejected)
        let still = FileSettler(database: pipeline.database, logger: logger).settle([receipt], config: config)
        setUnsettled(still, settledPaths: [origin.inboxPath])
        return false
    }

    private func storageTrouble(_ error: StoreError, path: String) {
        if error.isStorageTrouble {
            if !snapshot.paused {
                logger.error("intake paused: \(error.message)", metadata: ["MESSAGE_ID": "\(MessageID.storageProblem.rawValue)", "FILE": "\(path)"])
            }
        } else {
            logger.error("cannot write the database: \(error); will retry")
        }
    }

    /// Finishes the moves that a crash or kill interrupted: every committed file leaves the inbox once.
    private func recoverUnsettled() {
        let pending: [UnsettledReceipt]
        do {
            pending = try pipeline.database.unsettledReceipts()
        } catch {
            logger.error("cannot read unsettled receipts: \(error)")
            return
        }
        if !pending.isEmpty { logger.notice("finishing \(pending.count) file moves interrupted by the last stop") }
        condition.lock()
        let current = config
        condition.unlock()
        let still = FileSettler(database: pipeline.database, logger: logger).settle(pending, config: current)
        setUnsettled(still, settledPaths: [])
    }
}

/// What the worker has done since start.
public struct IngestStats: Sendable, Hashable {
    public var articles = 0
    public var duplicates = 0
    public var rejected = 0
    public var newIncidents = 0
    public var updatedIncidents = 0
    public var queued = 0
    public var paused = false
}
