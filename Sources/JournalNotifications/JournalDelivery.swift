import Foundation
import IncidentStore
import SystemBridge

/// Sends journal entries from a thread of its own, so the ingest path never waits on journald.
///
/// Two sources: the database outbox (incident notifications, re-sent until journald has them) and
/// an in-memory queue for operational logs and lifecycle messages (bounded; on overflow the oldest
/// are counted and dropped, and they are mirrored to stderr when journald is unreachable).
/// `sd_journal_sendv` can block forever on a stalled journald, so nothing ever joins this thread:
/// `stop` waits a bounded time and returns.
public final class JournalDelivery: @unchecked Sendable {
    private let writer: JournalWriter
    private let database: IncidentDatabase?
    private let composer: NotificationComposer
    private let condition = NSCondition()
    // Guarded by `condition`:
    private var transient: [[(String, String)]] = []
    /// Entries the ingest path just committed, sent without reading them back from the database.
    private var handed: [OutboxEntry] = []
    private var transientDropped = 0
    private var wakeRequested = true
    /// The outbox may hold entries that were not handed over (start-up, journald failures, dropped
    /// hand-offs, `outboxChanged`): read it at the next wake.
    private var outboxCheckDue = true
    private var stopRequested = false
    private var finished = false
    /// The delivery thread waits for work with nothing pending (no retry, no outbox read due):
    /// an ingest thread may then send its entries itself (`deliverCommitted`).
    private var idle = false
    /// An ingest thread is sending in `deliverCommitted`: the delivery thread waits until it is
    /// done, so it never reads the outbox while entries are sent that it does not know of yet.
    private var sendingElsewhere = false
    /// Ids sent by `deliverCommitted`, for the delivery thread to remember and mark.
    private var sentElsewhere: [Int64] = []
    private var reachable = true
    private var sentCount = 0
    private let transientLimit = 10_000
    // Used by the delivery thread only: ids recently sent, so an entry that reached journald
    // through the outbox read is not sent again when its hand-off arrives (and vice versa).
    private var recentlySent = Set<Int64>()
    private var recentOrder: [Int64] = []
    private let retryInterval: TimeInterval
    /// The first wait after journald stalled (its receive queue full); it doubles with each stall
    /// in a row up to `retryInterval`. That queue holds few datagrams (`net.unix.max_dgram_qlen`,
    /// 10 by default), so during a burst a busy journald fills it for a few milliseconds at a time:
    /// waiting a whole `retryInterval` after each such stall held notifications back for seconds.
    /// (An absent journald is retried every `retryInterval`, as before.)
    private let firstStallRetry: TimeInterval = 0.01
    /// Delivery thread only: whether the last failed send found journald stalled (not absent).
    private var lastFailureWasStall = false
    /// Delivery thread only: when the outbox was last read. Entries handed over after their commit
    /// need no read; during a burst, reading (and decoding) the pending outbox after every hand-off
    /// re-read entries about to be handed anyway, so without a reason it is read at most once per
    /// `outboxInterval` (entries another process committed still go out at the next wake after that).
    private var lastOutboxRead = Date.distantPast
    private let outboxInterval: TimeInterval = 1
    /// Delivery thread only: ids sent but not yet marked in the outbox. Marking is one write
    /// transaction, which waits while the ingest path records a batch; it is done when no handed
    /// entry waits to be sent (or `markBatch` ids have piled up), so sending never waits for it.
    private var unmarked: [Int64] = []
    private let markBatch = 1024

    public init(writer: JournalWriter, database: IncidentDatabase?, identifier: String, retryInterval: TimeInterval = 1) {
        self.writer = writer
        self.database = database
        self.composer = NotificationComposer(identifier: identifier)
        self.retryInterval = retryInterval
    }

    /// Starts the sender thread.
    public func start() {
        let thread = Thread { [self] in run() }
        thread.name = "journal-delivery"
        thread.start()
    }

    /// Call after a commit that wrote outbox entries.
    public func outboxChanged() {
        condition.lock()
        wakeRequested = true
        outboxCheckDue = true
        condition.unlock()
        condition.signal()  // after unlocking: the woken thread does not then wait for the lock
    }

    /// Call after a commit, with the outbox entries it wrote: they are sent straight away (the
    /// outbox still holds them until journald has them, so nothing is lost if this copy is dropped).
    public func committed(_ entries: [OutboxEntry]) {
        condition.lock()
        if handed.count < transientLimit {
            handed.append(contentsOf: entries)
        } else {
            outboxCheckDue = true  // dropped copies: the outbox still has them
        }
        wakeRequested = true
        condition.unlock()
        condition.signal()  // after unlocking: the woken thread does not then wait for the lock
    }

    /// Entries at most which `deliverCommitted` sends itself; a burst's batch is handed over, so the
    /// record thread goes on to the next batch.
    private let directLimit = 4

    /// Call after a commit, with the outbox entries it wrote: when the delivery thread is idle, sends
    /// them on the calling thread at once, else hands them over as `committed` does.
    ///
    /// Why: handing over cost a drop a thread wake-up before its entry left (the median drop-to-journal
    /// latency fell 0.05–0.3 ms without it, more when the other core is busy), on a path whose whole
    /// physical floor is about 0.3 ms. The outbox's promise is unchanged: the entries were committed to the outbox
    /// before this call, and the delivery thread marks them sent afterwards. Sending never waits
    /// (`JournalWriter.sendWithoutWaiting`): an entry journald does not take at once is handed over.
    public func deliverCommitted(_ entries: [OutboxEntry]) {
        guard !entries.isEmpty else { return }
        condition.lock()
        let sendHere = idle && !sendingElsewhere && handed.isEmpty && transient.isEmpty && !outboxCheckDue && !stopRequested
            && entries.count <= directLimit
        if sendHere { sendingElsewhere = true }
        condition.unlock()
        guard sendHere else { return committed(entries) }
        var sent: [Int64] = []
        var unsent: ArraySlice<OutboxEntry> = []
        for (i, entry) in entries.enumerated() {
            guard writer.sendWithoutWaiting(JournalEntry(fields: composer.fields(for: entry))) == .sent else {
                unsent = entries[i...]
                break
            }
            sent.append(entry.id)
        }
        condition.lock()
        sendingElsewhere = false
        sentElsewhere.append(contentsOf: sent)
        sentCount += sent.count
        handed.insert(contentsOf: unsent, at: 0)
        wakeRequested = true  // to mark them sent (and send the rest)
        condition.unlock()
        condition.broadcast()  // `stop` may be waiting on the condition too: wake the delivery thread for sure
    }

    /// Queues an entry that is not persisted (logs, lifecycle messages).
    public func enqueue(_ fields: [(String, String)]) {
        condition.lock()
        if transient.count >= transientLimit {
            transient.removeFirst()
            transientDropped += 1
        }
        transient.append(fields)
        wakeRequested = true
        condition.unlock()
        condition.signal()  // after unlocking: the woken thread does not then wait for the lock
    }

    /// Whether the last attempt reached journald.
    public var isJournalReachable: Bool {
        condition.lock(); defer { condition.unlock() }
        return reachable
    }

    /// Notifications delivered since start.
    public var delivered: Int {
        condition.lock(); defer { condition.unlock() }
        return sentCount
    }

    /// Asks the thread to flush and stop; waits at most `timeout` seconds. Returns whether it finished.
    @discardableResult
    public func stop(timeout: TimeInterval) -> Bool {
        condition.lock()
        stopRequested = true
        wakeRequested = true
        condition.broadcast()
        let deadline = Date().addingTimeInterval(timeout)
        while !finished, condition.wait(until: deadline) {}
        let done = finished
        condition.unlock()
        return done
    }

    private func run() {
        var backoffUntil: Date?
        var failuresInARow = 0
        while true {
            condition.lock()
            idle = backoffUntil == nil
            // While journald is away, new work waits for the retry time instead of retrying at once:
            // otherwise every committed article would re-read the whole pending outbox.
            while (!wakeRequested || backoffUntil.map { Date() < $0 } == true) && !stopRequested {
                if let until = backoffUntil {
                    if !condition.wait(until: until) { break }
                } else {
                    condition.wait()
                }
            }
            idle = false
            while sendingElsewhere { condition.wait() }
            let sentByOthers = sentElsewhere
            sentElsewhere.removeAll(keepingCapacity: true)
            wakeRequested = false
            let stopping = stopRequested
            let batch = transient
            transient.removeAll(keepingCapacity: true)
            let committed = handed
            handed.removeAll(keepingCapacity: true)
            let dropped = transientDropped
            transientDropped = 0
            let readOutbox = outboxCheckDue || stopping || Date().timeIntervalSince(lastOutboxRead) >= outboxInterval
            outboxCheckDue = false
            condition.unlock()

            finishSending(sentByOthers, newlySent: 0)  // counted by `deliverCommitted`
            var ok = deliverTransient(batch, dropped: dropped)
            if ok { ok = deliverHanded(committed) }
            var outboxLeftUnsent = false
            if ok && readOutbox {
                ok = deliverOutbox()
                outboxLeftUnsent = !ok
                lastOutboxRead = Date()
            }
            condition.lock()
            // What did not reach journald waits in the outbox, to be read again at the retry: after
            // any failure of the outbox read, and after an absent journald. After a stall during
            // hand-offs the unsent ones are queued again, so the outbox need not be read for them.
            if outboxLeftUnsent || (!ok && !lastFailureWasStall) { outboxCheckDue = true }
            let moreWaiting = ok && !handed.isEmpty && !stopping
            condition.unlock()
            if !moreWaiting || unmarked.count >= markBatch { markUnmarked() }
            failuresInARow = ok || !lastFailureWasStall ? 0 : failuresInARow + 1
            let delay = failuresInARow > 0 ? min(retryInterval, firstStallRetry * Double(1 << min(failuresInARow - 1, 20))) : retryInterval
            // A short stall is not worth announcing; a stalled journald is called unreachable once
            // the retries have slowed down to `retryInterval`.
            setReachable(ok || delay < retryInterval)
            backoffUntil = ok ? nil : Date().addingTimeInterval(delay)
            // On stop, one last attempt was made above; whatever is left stays in the outbox
            // and is sent at the next start.
            if stopping { break }
        }
        condition.lock()
        finished = true
        condition.broadcast()
        condition.unlock()
    }

    private func setReachable(_ ok: Bool) {
        condition.lock()
        let was = reachable
        reachable = ok
        condition.unlock()
        if was && !ok {
            FileHandle.standardError.write(Data("incidentd: journald is unreachable; notifications wait in the outbox and logs go to stderr until it returns\n".utf8))
        } else if !was && ok {
            FileHandle.standardError.write(Data("incidentd: journald is reachable again; catching up\n".utf8))
        }
    }

    private func deliverTransient(_ batch: [[(String, String)]], dropped: Int) -> Bool {
        var all = batch
        if dropped > 0 {
            all.insert([("MESSAGE", "\(dropped) log messages were dropped while journald was slow or absent"),
                        ("PRIORITY", "4"), ("SYSLOG_IDENTIFIER", composer.identifier)], at: 0)
        }
        var reached = true
        for fields in all {
            if reached, delivered(writer.send(JournalEntry(fields: fields))) { continue }
            reached = false
            // journald is not taking entries: keep the log line visible on stderr.
            let message = fields.first { $0.0 == "MESSAGE" }?.1 ?? ""
            FileHandle.standardError.write(Data("\(composer.identifier): \(message)\n".utf8))
        }
        return reached
    }

    /// True when `result` is `.sent`; otherwise remembers whether journald was stalled or absent.
    private func delivered(_ result: JournalSendResult) -> Bool {
        if result == .sent { return true }
        lastFailureWasStall = result == .stalled
        return false
    }

    /// Sends entries handed over after their commit; returns false when journald stopped taking them.
    /// The unsent ones go back to the front of the queue for the retry (they are in the outbox too,
    /// so nothing is lost if the process ends first).
    private func deliverHanded(_ entries: [OutboxEntry]) -> Bool {
        guard !entries.isEmpty else { return true }
        var sent: [Int64] = []
        var unsent: ArraySlice<OutboxEntry> = []
        for (i, entry) in entries.enumerated() where !recentlySent.contains(entry.id) {
            guard delivered(writer.send(JournalEntry(fields: composer.fields(for: entry)))) else {
                unsent = entries[i...]
                break
            }
            sent.append(entry.id)
        }
        finishSending(sent, newlySent: sent.count)
        guard unsent.isEmpty else {
            condition.lock()
            handed.insert(contentsOf: unsent, at: 0)
            condition.unlock()
            return false
        }
        return true
    }

    /// Remembers entries as sent (marked in the outbox later, by `markUnmarked`).
    private func finishSending(_ ids: [Int64], newlySent: Int) {
        guard !ids.isEmpty else { return }
        unmarked.append(contentsOf: ids)
        for id in ids where recentlySent.insert(id).inserted { recentOrder.append(id) }
        if recentOrder.count > 65_536 {
            let old = recentOrder.prefix(32_768)
            recentlySent.subtract(old)
            recentOrder.removeFirst(old.count)
        }
        condition.lock()
        sentCount += newlySent
        condition.unlock()
    }

    /// Marks the entries sent since the last mark, in one transaction. On failure (the database
    /// is busy or full) they stay unmarked: they are still in `recentlySent`, so a later outbox
    /// read marks them without sending them again; after a restart they are sent again, which is
    /// the outbox's promise (a repeat, never a loss).
    private func markUnmarked() {
        guard !unmarked.isEmpty else { return }
        try? database?.markSent(unmarked)
        unmarked.removeAll(keepingCapacity: true)
    }

    /// Sends unsent outbox entries oldest first; returns false when journald stopped taking them.
    /// Reads their ids first: most are entries just sent from their hand-off and only wait for
    /// their mark, and decoding their payloads again was most of this read's cost in a burst.
    private func deliverOutbox() -> Bool {
        guard let database else { return true }
        var after: Int64 = 0
        while true {
            let ids: [Int64]
            let pending: [OutboxEntry]
            do {
                ids = try database.pendingNotificationIDs(after: after, limit: 256)
                pending = try database.pendingNotifications(ids: ids.filter { !recentlySent.contains($0) })
            } catch {
                return true  // database trouble is reported by the ingest path; retry on the next wake
            }
            guard let last = ids.last else { return true }
            after = last
            // Sent from their hand-off; only their mark was missing.
            unmarked.append(contentsOf: ids.filter { recentlySent.contains($0) })
            var sent: [Int64] = []
            var reached = true
            for entry in pending {
                if delivered(writer.send(JournalEntry(fields: composer.fields(for: entry)))) {
                    sent.append(entry.id)
                } else {
                    reached = false
                    break
                }
            }
            finishSending(sent, newlySent: sent.count)
            if !reached { return false }
        }
    }
}
