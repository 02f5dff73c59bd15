import Foundation
import IncidentModel
import IncidentPipeline
import IncidentStore
import JournalNotifications
import Logging
import SystemBridge

/// Processes inbox files one at a time on a thread of its own, so SQLite and extraction never
/// block the async watcher, and each file's lifecycle is strictly: read → commit → move.
///
/// Paths are queued once (a set guards against repeated events); a file that disappeared before
/// its turn was already handled and is skipped. On SIGTERM the current file is finished first.
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

    /// Finishes the current file, then stops. Waits at most `timeout` seconds.
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
            let path = queue[queueHead]
            queueHead += 1
            if queueHead > 4096 && queueHead * 2 > queue.count {
                queue.removeFirst(queueHead)
                queueHead = 0
            }
            queued.remove(path)
            busy = true
            lastProgress = Date()
            let current = config
            condition.unlock()

            let retry = process(path, config: current)

            condition.lock()
            busy = false
            lastProgress = Date()
            if retry {
                // Storage trouble: put the file back at the front and wait before trying again.
                if queued.insert(path).inserted {
                    queueHead -= 1
                    queue[queueHead] = path
                }
                stats.paused = true
                _ = condition.wait(until: Date().addingTimeInterval(2))
            } else if stats.paused {
                stats.paused = false
                logger.notice("storage is writable again: resuming intake")
            }
            condition.unlock()
        }
    }

    private func count(_ update: (inout IngestStats) -> Void) {
        condition.lock()
        update(&stats)
        condition.unlock()
    }

    private func isUnsettled(_ path: String) -> UnsettledReceipt? {
        condition.lock(); defer { condition.unlock() }
        return unsettled[path]
    }

    private func setUnsettled(_ path: String, _ receipt: UnsettledReceipt?) {
        condition.lock()
        unsettled[path] = receipt
        condition.unlock()
    }

    /// Handles one path. Returns true when it must be retried later (storage trouble).
    private func process(_ path: String, config: DaemonConfig) -> Bool {
        if let pending = isUnsettled(path) {
            settle(pending, config: config)
            return false
        }
        let name = InboxNames.fileName(path)
        if InboxNames.isPending(name) { return false }
        let facts: FileFacts
        do {
            facts = try SafeFile.facts(atPath: path)
        } catch {
            if !error.isNotFound { logger.warning("cannot inspect \(path): \(error)") }
            return false  // gone: handled before, or removed by its owner
        }
        let origin = FileOrigin(fileName: name, inboxPath: path, device: facts.device, inode: facts.inode, size: facts.size,
                                modificationTime: facts.modificationTime)
        switch facts.kind {
        case .directory:
            return false
        case .symlink:
            return reject(origin, RejectionReason(.notRegular, "is a symbolic link; links are never followed"), config: config)
        case .other(let kind):
            return reject(origin, RejectionReason(.notRegular, "is a \(kind), not a regular file"), config: config)
        case .regular:
            break
        }
        let bytes: [UInt8]
        var readFacts = facts
        do {
            switch try SafeFile.read(atPath: path, limit: config.maxFileSize) {
            case .contents(let b, let f):
                bytes = b
                readFacts = f
            case .tooLarge(let size):
                return reject(origin, RejectionReason(.tooLarge, "\(size) bytes is over the limit of \(config.maxFileSize) bytes (max_file_size)"), config: config)
            case .notRegular(let kind):
                return reject(origin, RejectionReason(.notRegular, "is a \(kind), not a regular file"), config: config)
            }
        } catch {
            if error.isNotFound { return false }
            return reject(origin, RejectionReason(.unreadable, "\(error)"), config: config)
        }
        if readFacts.linkCount > 1 {
            // Another name shares this file, maybe outside the inbox (`ln /etc/… inbox/`): reading it
            // would let anyone who can write the inbox make the daemon read files it can see.
            return reject(origin, RejectionReason(.notRegular, "has \(readFacts.linkCount) hard links; only files with a single name are read (copy it instead)"),
                          config: config)
        }
        var readOrigin = origin
        readOrigin.modificationTime = readFacts.modificationTime
        let now = Date().timeIntervalSince1970
        let destination = config.deleteAfterProcessing ? nil : FileMover.archiveDirectory(config.archive, day: CalendarDay(unixTime: now))
        let outcome: RecordOutcome
        do {
            outcome = try pipeline.ingest(bytes: bytes, origin: readOrigin, receivedAt: now, destination: destination)
        } catch let reason as RejectionReason {
            return reject(readOrigin, reason, config: config)
        } catch let error as StoreError where error.code == .diskFull || error.code == .busy {
            storageTrouble(error, path: path)
            return true
        } catch {
            logger.error("cannot record \(name): \(error)")
            return reject(readOrigin, RejectionReason(.unreadable, "could not be recorded: \(error)"), config: config)
        }
        delivery?.outboxChanged()
        count { s in
            s.articles += 1
            s.newIncidents += outcome.newIncidents.count
            s.updatedIncidents += outcome.updatedIncidents.count
            if case .duplicate = outcome.disposition { s.duplicates += 1 }
        }
        let receipt = UnsettledReceipt(id: outcome.receiptID, fileName: name, inboxPath: path, device: facts.device,
                                       inode: facts.inode, outcome: "recorded", reason: nil, destination: destination)
        settle(receipt, config: config)
        return false
    }

    private func reject(_ origin: FileOrigin, _ reason: RejectionReason, config: DaemonConfig) -> Bool {
        let recorded: (receiptID: Int64, notification: OutboxEntry)
        do {
            recorded = try pipeline.database.recordRejection(origin: origin, reason: reason.description, destination: config.rejected,
                                                             receivedAt: Date().timeIntervalSince1970)
        } catch where error.code == .diskFull || error.code == .busy {
            storageTrouble(error, path: origin.inboxPath)
            return true
        } catch {
            logger.error("cannot record the rejection of \(origin.fileName): \(error)")
            return true
        }
        delivery?.outboxChanged()
        count { $0.rejected += 1 }
        logger.debug("rejected \(origin.fileName): \(reason)")
        settle(UnsettledReceipt(id: recorded.receiptID, fileName: origin.fileName, inboxPath: origin.inboxPath, device: origin.device,
                                inode: origin.inode, outcome: "rejected", reason: reason.description, destination: config.rejected),
               config: config)
        return false
    }

    private func storageTrouble(_ error: StoreError, path: String) {
        let wasPaused = snapshot.paused
        if !wasPaused {
            logger.error("intake paused: \(error.message)", metadata: ["MESSAGE_ID": "\(MessageID.storageProblem.rawValue)", "FILE": "\(path)"])
        }
    }

    /// Moves a recorded or rejected file to its final place and marks its receipt settled.
    private func settle(_ r: UnsettledReceipt, config: DaemonConfig) {
        let rel = InboxNames.relative(r.inboxPath, to: config.inbox) ?? r.fileName
        var finalPath: String?
        do {
            let facts = try SafeFile.facts(atPath: r.inboxPath)
            if let inode = r.inode, facts.inode != inode {
                finalPath = nil  // a different file now has that name; ours already left
            } else if r.outcome == "rejected" {
                let target = try FileMover.move(r.inboxPath, into: r.destination ?? config.rejected, relativePath: rel)
                try writeReason(r.reason ?? "rejected", beside: target)
                finalPath = target
            } else if let dest = r.destination {
                finalPath = try FileMover.move(r.inboxPath, into: dest, relativePath: rel)
            } else {
                try SafeFile.removeFile(atPath: r.inboxPath)
            }
        } catch where error.isNotFound {
            // Already moved before a crash; a rejected file may still lack its reason.
            finalPath = r.outcome == "rejected" ? completeReason(r, relativePath: rel, config: config) : nil
        } catch {
            logger.error("cannot move \(r.inboxPath) out of the inbox: \(error); will retry")
            setUnsettled(r.inboxPath, r)
            return
        }
        do {
            try pipeline.database.settle(receiptID: r.id, finalPath: finalPath)
            setUnsettled(r.inboxPath, nil)
        } catch {
            logger.error("cannot mark \(r.fileName) settled: \(error)")
            setUnsettled(r.inboxPath, r)
        }
    }

    /// Written in place (not through a temporary file), so a kill leaves no stray temporary behind;
    /// a reason cut short by a kill is rewritten by `completeReason` at the next start.
    private func writeReason(_ reason: String, beside target: String) throws(SystemError) {
        let text = "\(reason)\n"
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: target + ".reason"))
        } catch {
            throw SystemError(operation: "create", path: target + ".reason", errno: EIO)
        }
    }

    /// After a kill between moving a rejected file and writing its reason: finds the moved file in
    /// rejected/ (its name, or the `name-N` FileMover chose, recognised by inode) and writes the
    /// reason if it is missing or empty. Returns the file's path there, or nil if it is not found.
    private func completeReason(_ r: UnsettledReceipt, relativePath rel: String, config: DaemonConfig) -> String? {
        let parts = rel.split(separator: "/").map(String.init)
        let dir = ([r.destination ?? config.rejected] + parts.dropLast()).joined(separator: "/")
        let name = parts.last ?? r.fileName
        let (stem, ext) = FileMover.split(name)
        for attempt in 0..<10_000 {
            let candidate = dir + "/" + (attempt == 0 ? name : "\(stem)-\(attempt)\(ext)")
            guard let facts = try? SafeFile.facts(atPath: candidate) else { return nil }  // first free name: not further
            guard r.inode == nil || facts.inode == r.inode else { continue }
            let reasonSize = (try? SafeFile.facts(atPath: candidate + ".reason"))?.size ?? 0
            if reasonSize == 0 { try? writeReason(r.reason ?? "rejected", beside: candidate) }
            return candidate
        }
        return nil
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
        for r in pending { settle(r, config: current) }
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
