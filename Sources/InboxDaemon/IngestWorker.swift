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
/// recorded in one transaction in queue order, then moved. While a batch is recorded, the next one
/// is already read and extracted on other threads. A path is "in flight" from the moment its batch
/// is taken until its file has moved: an event for it meanwhile is held back until then, so the
/// same file is never read twice. On SIGTERM the current batch is finished first.
public final class IngestWorker: @unchecked Sendable {
    let pipeline: ArticlePipeline
    let delivery: JournalDelivery?
    let logger: Logger
    let condition = NSCondition()
    // Guarded by `condition`:
    private var config: DaemonConfig
    private var queue: [String] = []
    private var queueHead = 0
    private var queued: Set<String> = []
    /// Paths taken in a batch and not yet moved.
    private var inFlight: Set<String> = []
    /// In-flight paths submitted again: queued once their batch is done.
    private var deferred: Set<String> = []
    private var stopRequested = false
    private var finished = false
    private var busy = false
    /// Whether work was done since freed heap was last handed back (`idleTrimDelay`); true at
    /// start, for what loading the dictionaries left behind.
    private var heapToTrim = true
    private var lastProgress = Date()
    var stats = IngestStats()
    /// Inbox paths whose record committed but whose move did not happen yet.
    var unsettled: [String: UnsettledReceipt] = [:]

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
        for p in paths {
            if inFlight.contains(p) {
                deferred.insert(p)
            } else if queued.insert(p).inserted {
                queue.append(p)
            }
        }
        condition.unlock()
        condition.signal()  // after unlocking: the woken thread does not then wait for the lock
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

    /// How long the queue must stay empty before the worker hands freed memory back (`HeapTrim`).
    static let idleTrimDelay: TimeInterval = 0.5

    private func run() {
        let intake = FileIntake(pipeline: pipeline)
        var ahead: BatchPreparation?
        while true {
            let current: BatchPreparation
            if let prepared = ahead {
                current = prepared
                ahead = nil
            } else {
                guard let batch = takeBatch(waiting: true) else { break }
                current = BatchPreparation.now(batch, intake: intake)
            }
            let steps = current.wait()
            // Read and extract what queued up meanwhile while this batch is recorded.
            if let next = takeBatch(waiting: false) { ahead = BatchPreparation.inBackground(next, intake: intake) }
            let retry = record(current.batch, steps: steps)
            if retry.isEmpty {
                complete(current.batch.paths, putBack: [], stillBusy: ahead != nil)
                continue
            }
            // Storage trouble: put the files back at the front (the prepared next batch after them,
            // unrecorded) and wait before trying again.
            var back = retry
            var done = current.batch.paths
            if let dropped = ahead {
                _ = dropped.wait()
                back += dropped.batch.paths
                done += dropped.batch.paths
                ahead = nil
            }
            complete(done, putBack: back, stillBusy: false)
            condition.lock()
            if !stopRequested { _ = condition.wait(until: Date().addingTimeInterval(2)) }
            condition.unlock()
        }
        // Stopping: a batch prepared ahead was never recorded; its files wait for the next start.
        if let dropped = ahead { _ = dropped.wait() }
        condition.lock()
        finished = true
        condition.broadcast()
        condition.unlock()
    }

    /// Takes the next batch (at most `batchLimit` files and `batchBytes`); with `waiting`, sleeps
    /// until there is one. Nil when stopping, or when not waiting and nothing is queued.
    private func takeBatch(waiting: Bool) -> TakenBatch? {
        condition.lock()
        while waiting && queueHead == queue.count && !stopRequested {
            if !heapToTrim { condition.wait(); continue }
            if !condition.wait(until: Date().addingTimeInterval(Self.idleTrimDelay)) {
                heapToTrim = false
                condition.unlock()
                pipeline.database.releaseIdleMemory()
                HeapTrim.releaseFreeMemory()
                condition.lock()
            }
        }
        if stopRequested || queueHead == queue.count {
            condition.unlock()
            return nil
        }
        var paths: [String] = []
        while queueHead < queue.count && paths.count < Self.batchLimit {
            paths.append(queue[queueHead])
            queueHead += 1
        }
        if queueHead > 4096 && queueHead * 2 > queue.count {
            queue.removeFirst(queueHead)
            queueHead = 0
        }
        for path in paths {
            queued.remove(path)
            inFlight.insert(path)
        }
        busy = true
        heapToTrim = true
        lastProgress = Date()
        let current = config
        condition.unlock()

        let (taken, rest) = Self.splitByBytes(paths)
        condition.lock()
        if !rest.isEmpty {
            for path in rest {
                inFlight.remove(path)
                deferred.remove(path)
            }
            putBackLocked(rest)
        }
        var pendingMoves: [UnsettledReceipt] = []
        var fresh: [String] = []
        for path in taken {
            if let r = unsettled[path] { pendingMoves.append(r) } else { fresh.append(path) }
        }
        condition.unlock()
        return TakenBatch(paths: taken, pendingMoves: pendingMoves, fresh: fresh, config: current, now: Date().timeIntervalSince1970)
    }

    /// A batch is done (recorded and moved, or handed back in `putBack`): its paths leave the flight,
    /// and those submitted again meanwhile are queued.
    private func complete(_ paths: [String], putBack: [String], stillBusy: Bool) {
        condition.lock()
        putBackLocked(putBack)
        for path in paths {
            inFlight.remove(path)
            if deferred.remove(path) != nil, queued.insert(path).inserted { queue.append(path) }
        }
        busy = stillBusy
        lastProgress = Date()
        if !putBack.isEmpty {
            stats.paused = true
        } else if stats.paused {
            stats.paused = false
            logger.notice("storage is writable again: resuming intake")
        }
        condition.unlock()
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

    func count(_ update: (inout IngestStats) -> Void) {
        condition.lock()
        update(&stats)
        condition.unlock()
    }

    func setUnsettled(_ receipts: [UnsettledReceipt], settledPaths: [String]) {
        condition.lock()
        for path in settledPaths { unsettled[path] = nil }
        for r in receipts { unsettled[r.inboxPath] = r }
        condition.unlock()
    }

    /// The configuration in force (for the start-up recovery).
    var currentConfig: DaemonConfig {
        condition.lock(); defer { condition.unlock() }
        return config
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
