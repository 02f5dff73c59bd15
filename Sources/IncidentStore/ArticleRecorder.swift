import Deduplication
import Foundation
import GRDB
import IncidentModel

extension IncidentDatabase {
    /// Records one article, its reports and incidents, a receipt for the file and the outbox entries,
    /// all in ONE transaction: after a crash either everything about the file is stored or nothing is.
    public func record(_ s: ArticleSubmission) throws(StoreError) -> RecordOutcome {
        let cache = reportCache
        let held = heldStatements
        let window = nearDuplicateWindow
        do {
            return try write { db in
                do {
                    return try ArticleRecorder(db: db, cache: cache, held: held, window: window).record(s)
                } catch {
                    held.forget()  // one of them may have failed (dropped inside the transaction, on the writer's queue)
                    throw error
                }
            }
        } catch {
            cache.clear()  // the transaction rolled back: forget what it cached
            throw error
        }
    }

    /// Records a file that was refused, with its reason, and queues the "file rejected" notification.
    public func recordRejection(origin: FileOrigin, reason: String, destination: String?, receivedAt: Double) throws(StoreError) -> (receiptID: Int64, notification: OutboxEntry) {
        try write { db in try Self.insertRejection(db, origin: origin, reason: reason, destination: destination, receivedAt: receivedAt) }
    }

    static func insertRejection(_ db: Database, origin: FileOrigin, reason: String, destination: String?, receivedAt: Double,
                                held: HeldStatements = HeldStatements()) throws -> (receiptID: Int64, notification: OutboxEntry) {
        try db.run(
            sql: """
            INSERT INTO receipt (file_name, inbox_path, device, inode, size, mtime, received_at, outcome, reason, destination)
            VALUES (?, ?, ?, ?, ?, ?, ?, 'rejected', ?, ?)
            """,
            arguments: [origin.fileName, origin.inboxPath, origin.device.map(Int64.init(bitPattern:)), origin.inode.map(Int64.init(bitPattern:)),
                        origin.size, origin.modificationTime, receivedAt, reason, destination])
        let receipt = db.lastInsertedRowID
        let entry = try Outbox.enqueue(db, NotificationPayload(kind: .fileRejected, sourceFile: origin.fileName, reason: reason), held: held)
        return (receipt, entry)
    }

    /// Runs a write transaction, translating SQLite failures into errors a user can act on.
    func write<T>(_ body: @Sendable (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try writer.write(body)
        } catch let e as StoreError {
            throw e
        } catch let e as DatabaseError {
            throw StoreError.from(e, path: path)
        } catch {
            throw StoreError(.other, "database write failed: \(error)", underlying: error)
        }
    }
}

extension StoreError {
    static func from(_ e: DatabaseError, path: String) -> StoreError {
        switch e.resultCode {
        case .SQLITE_FULL: StoreError(.diskFull, "the disk holding \(path) is full: free space and incidentd resumes", underlying: e)
        case .SQLITE_BUSY, .SQLITE_LOCKED: StoreError(.busy, "database \(path) is locked by another process: retrying", underlying: e)
        case .SQLITE_CORRUPT, .SQLITE_NOTADB: StoreError(.corrupt, "database \(path) is damaged: \(e.message ?? "")", underlying: e)
        case .SQLITE_IOERR, .SQLITE_CANTOPEN, .SQLITE_READONLY:
            StoreError(.diskFull, "cannot write database \(path) (\(e.message ?? "I/O error")): check free space and permissions", underlying: e)
        default: StoreError(.other, "database error on \(path): \(e)", underlying: e)
        }
    }
}

/// The body of the record transaction: duplicate check, near-duplicate link, incident resolution.
struct ArticleRecorder {
    let db: Database
    let cache: ReportCache
    let held: HeldStatements
    /// Originals per generation of indexed bands (`NearDuplicateWindow`).
    let window: Int

    func record(_ s: ArticleSubmission) throws -> RecordOutcome {
        if let (firstID, firstName) = try existingArticle(hash: s.contentHash) {
            let receipt = try insertReceipt(s, outcome: "duplicate", articleID: firstID)
            let entry = try Outbox.enqueue(db, NotificationPayload(kind: .articleDuplicate, sourceFile: s.origin.fileName, duplicateOf: firstName), held: held)
            return RecordOutcome(receiptID: receipt, disposition: .duplicate(ofArticleID: firstID, fileName: firstName),
                                 newIncidents: [], updatedIncidents: [], notifications: [entry])
        }
        let bandKeys = Array(Set(s.sketch.bandKeys))
        // A text without words has no bands: no lookup, nothing indexed.
        let generation = bandKeys.isEmpty ? nil : try NearDuplicateWindow.state(db, held: held)
        let nearID = try generation.flatMap { try nearestDuplicate(of: s.sketch, bandKeys: bandKeys, current: $0.current) }
        let meta = s.extracted.metadata
        let insert = try held.bound(
            .insertArticle, db,
            sql: """
            INSERT INTO article (content_hash, file_name, outlet, title, published, reference_day, received_at, text, near_duplicate_of)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            .text(s.contentHash), .text(s.origin.fileName), .of(meta.outlet), .of(meta.title), .of(meta.published?.iso),
            .of(s.referenceDay?.iso), .real(s.receivedAt), .text(s.text), .of(nearID))
        try HeldStatements.run(insert)
        // The held statement would otherwise keep a copy of the article's text until the next one.
        HeldStatements.clearBindings(insert)
        let articleID = db.lastInsertedRowID
        // Only originals are indexed: a story syndicated many times would otherwise crowd the
        // lookup with copies of itself (its copies still find the original through its bands).
        // Only candidates need a sketch, so a copy's is not kept; a text without words has no bands.
        if nearID == nil, let generation {
            let table = try NearDuplicateWindow.admit(db, generation, articleID: articleID, window: window, held: held)
            try held.execute(.insertSketch, db, sql: "INSERT INTO article_sketch (article_id, sketch) VALUES (?, ?)",
                             .integer(articleID), .blob(s.sketch.encoded))
            try insertBands(bandKeys, articleID: articleID, table: table)
        }
        let receipt = try insertReceipt(s, outcome: nearID == nil ? "recorded" : "near_duplicate", articleID: articleID)
        var resolver = IncidentResolver(db: db, cache: cache, held: held, articleID: articleID, outlet: meta.outlet, articleDay: s.referenceDay, sourceFile: s.origin.fileName)
        try resolver.attach(s.extracted.mentions, mentionJSON: s.mentionJSON)
        var entries = try resolver.finish()
        if s.extracted.mentions.isEmpty {
            entries.append(try Outbox.enqueue(db, NotificationPayload(kind: .articleNoIncident, sourceFile: s.origin.fileName), held: held))
        }
        return RecordOutcome(receiptID: receipt, disposition: .recorded(articleID: articleID, nearDuplicateOf: nearID),
                             newIncidents: resolver.created, updatedIncidents: resolver.updatedIDs, notifications: entries)
    }

    /// One single-row insert per band key, not one multi-row statement: a statement that writes
    /// several rows checked by a foreign key may have to undo its first rows when a later one fails,
    /// so SQLite copies every page it changes into a statement journal first (the 32 keys change
    /// about 30 pages: some 180,000 instructions per article). A single-row insert checks the key
    /// before writing and needs no such copy; the held statement makes each execution cheap.
    /// (The generation tables have no foreign key, so a multi-row insert may no longer need the
    /// journal either: not measured.)
    private func insertBands(_ keys: [Int64], articleID: Int64, table: String) throws {
        let slot: HeldStatements.Slot = table == NearDuplicateWindow.tables[0] ? .insertBand0 : .insertBand1
        let insert = try held.statement(slot, db, sql: "INSERT OR IGNORE INTO \(table) (band_key, article_id) VALUES (?, ?)")
        for key in keys {
            try HeldStatements.run(insert, key, articleID)
        }
    }

    private func existingArticle(hash: String) throws -> (Int64, String)? {
        guard let row = try Row.fetchOne(held.bound(.articleByHash, db, sql: "SELECT id, file_name FROM article WHERE content_hash = ?", .text(hash))) else {
            return nil
        }
        return (row["id"], row["file_name"])
    }

    /// Candidate articles sharing an LSH band, confirmed by estimated similarity: index lookups
    /// that read a bounded number of postings (see `NearDuplicateCandidates`), so the cost does not
    /// grow with the number of stored articles.
    private func nearestDuplicate(of sketch: NearDuplicateSketch, bandKeys: [Int64], current: Int) throws -> Int64? {
        let candidates = try NearDuplicateCandidates.mostShared(db, bandKeys: bandKeys, current: current, held: held).candidates
        guard !candidates.isEmpty else { return nil }
        // From `article_sketch`, not `article`: there the sketch sat behind the text's overflow pages.
        let rows = try held.bound(.candidateSketches, db,
                                  sql: "SELECT s.article_id, s.sketch FROM json_each(?) AS k CROSS JOIN article_sketch AS s ON s.article_id = k.value",
                                  .text(JSONList.integers(candidates)))
        var similarity: [Int64: Double] = [:]
        similarity.reserveCapacity(candidates.count)
        try HeldStatements.forEachIntegerAndBlob(rows) { id, bytes in
            // Compared straight from the blob's bytes: no sketch value is built for a candidate.
            if let bytes, let verdict = sketch.nearDuplicateVerdict(againstEncoded: bytes), verdict.isNearDuplicate {
                similarity[id] = verdict.similarity
            }
        }
        var best: (Int64, Double)?
        // In the candidates' order (most shared bands first, then id), as the ranking returned them.
        for id in candidates {
            if let sim = similarity[id], sim > (best?.1 ?? -1) { best = (id, sim) }
        }
        return best?.0
    }

    private func insertReceipt(_ s: ArticleSubmission, outcome: String, articleID: Int64) throws -> Int64 {
        let o = s.origin
        try held.execute(
            .insertReceipt, db,
            sql: """
            INSERT INTO receipt (file_name, inbox_path, device, inode, size, mtime, received_at, outcome, article_id, destination)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            .text(o.fileName), .text(o.inboxPath), .of(o.device.map(Int64.init(bitPattern:))), .of(o.inode.map(Int64.init(bitPattern:))),
            .of(o.size), .of(o.modificationTime), .real(s.receivedAt), .text(outcome), .integer(articleID), .of(s.destination))
        return db.lastInsertedRowID
    }
}
