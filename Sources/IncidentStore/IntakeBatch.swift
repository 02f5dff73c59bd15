import Foundation
import GRDB

/// One file's part of an intake batch: an article to record, or a file refused before recording.
public enum IntakeItem: Sendable {
    case article(ArticleSubmission)
    case rejection(origin: FileOrigin, reason: String, destination: String?, receivedAt: Double)
}

/// What the batch did with one item, in the order the items were given.
public enum IntakeResult: Sendable {
    case recorded(RecordOutcome)
    case rejected(receiptID: Int64, notification: OutboxEntry)
    /// Recording this article failed for a reason of its own (not the storage's): nothing about it
    /// was kept, the rest of the batch was. The caller decides what to do with the file.
    case failed(StoreError)
}

extension IncidentDatabase {
    /// Records many files in ONE transaction, each with an all-or-nothing record of its own.
    ///
    /// A burst of files costs one commit instead of one per file (the commit, its WAL frames and the
    /// lock round trip were most of the per-file database time), while each file keeps its
    /// all-or-nothing record. Storage trouble (disk full, locked, I/O) rolls the whole batch back
    /// and is thrown, so the caller retries the batch; any other failure only drops its own item.
    ///
    /// The batch is first recorded without a savepoint per file: a savepoint makes SQLite copy every
    /// page a file changes into its journal first (about 100 pages per article, some 200,000
    /// instructions, an eighth of the record transaction). Only when a file fails for a reason of its
    /// own is that attempt rolled back and the batch recorded again, each file in a savepoint, so the
    /// failing file is dropped alone (failures are rare: a bug or bad data). Both ways store the same.
    public func recordBatch(_ items: [IntakeItem]) throws(StoreError) -> [IntakeResult] {
        guard !items.isEmpty else { return [] }
        let cache = reportCache
        let held = heldStatements
        let path = self.path
        let window = nearDuplicateWindow
        let recordAll = { @Sendable (db: Database, inSavepoints: Bool) throws -> [IntakeResult] in
            try items.map { try Self.recordItem($0, db: db, cache: cache, held: held, window: window, path: path, inSavepoint: inSavepoints) }
        }
        do {
            return try writer.write { db in try recordAll(db, false) }
        } catch {
            cache.clear()  // the transaction rolled back: forget what it cached
            switch error {
            case is ItemFailed: break  // recorded again below, each file in a savepoint
            case let e as StoreError: throw e
            case let e as DatabaseError: throw StoreError.from(e, path: path)
            default: throw StoreError(.other, "database write failed: \(error)", underlying: error)
            }
        }
        do {
            return try write { db in try recordAll(db, true) }
        } catch {
            cache.clear()
            throw error
        }
    }

    /// A file failed for a reason of its own in the attempt without savepoints.
    private struct ItemFailed: Error {}

    private static func recordItem(_ item: IntakeItem, db: Database, cache: ReportCache, held: HeldStatements, window: Int, path: String,
                                   inSavepoint: Bool) throws -> IntakeResult {
        var result: IntakeResult?
        let body = {
            switch item {
            case .article(let s):
                result = .recorded(try ArticleRecorder(db: db, cache: cache, held: held, window: window).record(s))
            case .rejection(let origin, let reason, let destination, let receivedAt):
                let r = try insertRejection(db, origin: origin, reason: reason, destination: destination, receivedAt: receivedAt, held: held)
                result = .rejected(receiptID: r.receiptID, notification: r.notification)
            }
        }
        do {
            if inSavepoint { try db.inCachedSavepoint(body) } else { try body() }
        } catch {
            cache.clear()  // the savepoint rolled back: forget what it cached
            held.forget()
            let storeError: StoreError = switch error {
            case let e as DatabaseError: StoreError.from(e, path: path)
            case let e as StoreError: e
            default: StoreError(.other, "could not record: \(error)", underlying: error)
            }
            if storeError.isStorageTrouble { throw storeError }
            if !inSavepoint { throw ItemFailed() }
            return .failed(storeError)
        }
        return result ?? .failed(StoreError(.other, "the record was not made"))
    }

    /// Marks many receipts settled in one transaction (see `settle(receiptID:finalPath:)`).
    public func settle(_ receipts: [(receiptID: Int64, finalPath: String?)]) throws(StoreError) {
        guard !receipts.isEmpty else { return }
        let held = heldStatements
        try write { db in
            do {
                for r in receipts {
                    try held.execute(.settleReceipt, db, sql: "UPDATE receipt SET settled = 1, destination = coalesce(?, destination) WHERE id = ?",
                                     .of(r.finalPath), .integer(r.receiptID))
                }
            } catch {
                held.forget()  // inside the transaction: the holder is only touched on the writer's queue
                throw error
            }
        }
    }
}

extension Database {
    /// Runs `body` in a savepoint inside the current transaction: released when `body` returns,
    /// rolled back (and the error rethrown) when it throws. GRDB's `inSavepoint` parses its
    /// `SAVEPOINT` and `RELEASE` statements anew each time; these come from the statement cache.
    func inCachedSavepoint(_ body: () throws -> Void) throws {
        try run(sql: "SAVEPOINT article")
        do {
            try body()
        } catch {
            // A failure that ended the whole transaction (SQLite aborts it on some I/O errors)
            // left no savepoint to roll back to: the caller's transaction handling takes over.
            if isInsideTransaction {
                try run(sql: "ROLLBACK TO SAVEPOINT article")
                try run(sql: "RELEASE SAVEPOINT article")
            }
            throw error
        }
        try run(sql: "RELEASE SAVEPOINT article")
    }
}

extension StoreError {
    /// Trouble with the storage itself rather than with one file: the same write would fail for
    /// any file, so intake pauses and retries instead of rejecting.
    public var isStorageTrouble: Bool { code == .diskFull || code == .busy }
}
