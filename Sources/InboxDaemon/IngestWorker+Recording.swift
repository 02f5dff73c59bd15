import Foundation
import IncidentModel
import IncidentPipeline
import IncidentStore
import JournalNotifications
import Logging
import SystemBridge

/// The serial half of the worker: the record transaction of a prepared batch, the journal hand-off
/// and the moves out of the inbox.
extension IngestWorker {
    /// Records a prepared batch in queue order in one transaction, then moves its files. Returns the
    /// paths to retry later (storage trouble).
    func record(_ batch: TakenBatch, steps: [IntakeStep]) -> [String] {
        let config = batch.config
        let now = batch.now
        let pendingMoves = batch.pendingMoves
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
        // Sent before the files move: the journal entry does not wait for the renames. Sent from this
        // thread when the delivery thread is idle (a quiet inbox), saving a drop the thread hand-off.
        if !committed.isEmpty { delivery?.deliverCommitted(committed) }
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
        delivery?.deliverCommitted([notification])
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
    func recoverUnsettled() {
        let pending: [UnsettledReceipt]
        do {
            pending = try pipeline.database.unsettledReceipts()
        } catch {
            logger.error("cannot read unsettled receipts: \(error)")
            return
        }
        if !pending.isEmpty { logger.notice("finishing \(pending.count) file moves interrupted by the last stop") }
        let current = currentConfig
        let still = FileSettler(database: pipeline.database, logger: logger).settle(pending, config: current)
        setUnsettled(still, settledPaths: [])
    }
}
