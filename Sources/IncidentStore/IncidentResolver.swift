import Deduplication
import Foundation
import GRDB
import IncidentModel

/// Links each mention of one article to the incident it describes, creating incidents for new
/// events, and collects one notification per new incident and per materially changed one.
///
/// Candidates come from the `incident_block` index (date and place keys), never from a scan.
struct IncidentResolver {
    let db: Database
    let cache: ReportCache
    let held: HeldStatements
    let articleID: Int64
    let outlet: String?
    let articleDay: CalendarDay?
    let sourceFile: String

    private(set) var created: [Int64] = []
    /// Incidents this article joined, with their consolidated state before the article.
    private var before: [Int64: IncidentRecord] = [:]
    private var touchedOrder: [Int64] = []
    private(set) var updatedIDs: [Int64] = []
    private var mentionJSON: [String]?
    /// Each touched incident's record as last saved here, with its stored JSON: the notifications
    /// reuse both instead of reading the row back and encoding the record again.
    private var saved: [Int64: (json: String, record: IncidentRecord)] = [:]

    init(db: Database, cache: ReportCache, held: HeldStatements, articleID: Int64, outlet: String?, articleDay: CalendarDay?, sourceFile: String) {
        self.articleDay = articleDay
        self.cache = cache
        self.held = held
        self.db = db
        self.articleID = articleID
        self.outlet = outlet
        self.sourceFile = sourceFile
    }

    /// Links all mentions of the article at once, so two mentions of one article never fall into
    /// the same incident (an article listing two strikes means two events).
    /// - Parameter mentionJSON: each mention already encoded (done off the write lock when given).
    mutating func attach(_ mentions: [IncidentMention], mentionJSON: [String]? = nil) throws {
        self.mentionJSON = mentionJSON?.count == mentions.count ? mentionJSON : nil
        let reports = mentions.map { ReportFacts(mention: $0, outlet: outlet, articleID: articleID, articleDay: articleDay) }
        let candidates = try candidateIncidents(for: reports)
        let assigned = IncidentMatcher.assign(reports, candidates: candidates)
        for (index, mention) in mentions.enumerated() {
            if let id = assigned[index] {
                if before[id] == nil, !created.contains(id) {
                    before[id] = candidates[id]
                    touchedOrder.append(id)
                }
                try insertReport(mention, index: index, incidentID: id)
                try reconsolidate(id, adding: mention)
            } else if mention.role == .main || IncidentMatcher.canStandAlone(mention) {
                let id = try createIncident(for: mention)
                try insertReport(mention, index: index, incidentID: id)
                try reconsolidate(id, adding: mention, createdHere: true)
                created.append(id)
            } else {
                // A background mention too vague to stand alone: kept as evidence, and findable by
                // its blocking keys so the incident it recalls can adopt it when that arrives.
                let reportID = try insertReport(mention, index: index, incidentID: nil)
                let keys = Set(IncidentBlocking.queryKeys(for: reports[index]))
                if !keys.isEmpty {
                    // One row per statement: no statement journal (see `ArticleRecorder.insertBands`).
                    let insert = try held.statement(.insertOrphanKey, db, sql: "INSERT OR IGNORE INTO orphan_block (key, report_id) VALUES (?, ?)")
                    for key in keys { try held.execute(insert, .text(key), .integer(reportID)) }
                }
            }
        }
    }

    /// Writes the outbox entries for this article: new incidents, then material updates.
    mutating func finish() throws -> [OutboxEntry] {
        var entries: [OutboxEntry] = []
        for id in created {
            let current = try latest(id)
            entries.append(try Outbox.enqueue(db, NotificationPayload(kind: .incidentNew, incidentID: id, incident: current?.record, sourceFile: sourceFile),
                                              recordJSON: current?.json, held: held))
        }
        for id in touchedOrder {
            guard let old = before[id], let new = try latest(id) else { continue }
            let changes = IncidentConsolidator.changes(from: old, to: new.record)
            guard !changes.isEmpty else { continue }
            updatedIDs.append(id)
            entries.append(try Outbox.enqueue(db, NotificationPayload(
                kind: .incidentUpdated, incidentID: id, incident: new.record, changes: changes.map(\.description), sourceFile: sourceFile),
                recordJSON: new.json, held: held))
        }
        return entries
    }

    /// The incident's record as this article left it (saved here), else as stored.
    private func latest(_ id: Int64) throws -> (json: String, record: IncidentRecord)? {
        if let mine = saved[id] { return mine }
        return try IncidentRows.loadWithJSON(db, id: id, cache: cache, held: held)
    }

    /// Incidents sharing a blocking key with any of the reports: an index lookup, never a scan.
    private func candidateIncidents(for reports: [ReportFacts]) throws -> [Int64: IncidentRecord] {
        // Reports of one article often share keys; a key listed twice only finds the same ids again,
        // merged below, which costs less than hashing every key into a set first.
        var keys: [String] = []
        for r in reports { keys += IncidentBlocking.queryKeys(for: r) }
        guard !keys.isEmpty else { return [:] }
        // The key list drives the index lookups (a join, not `IN (SELECT …)`, whose temporary
        // table and the DISTINCT sort cost more than the lookups); ids are merged here.
        var ids = Set<Int64>()
        try HeldStatements.forEachInteger(held.bound(.blockCandidates, db,
                                                     sql: "SELECT b.incident_id FROM json_each(?) AS k CROSS JOIN incident_block AS b ON b.key = k.value",
                                                     .text(JSONList.strings(keys)))) { ids.insert($0) }
        var out: [Int64: IncidentRecord] = [:]
        for id in ids.sorted().prefix(500) {
            if let record = try IncidentRows.load(db, id: id, cache: cache, held: held) { out[id] = record }
        }
        return out
    }

    private func createIncident(for mention: IncidentMention) throws -> Int64 {
        let now = Date().timeIntervalSince1970
        try held.execute(.insertIncident, db, sql: "INSERT INTO incident (event_type, role, record_json, created_at, updated_at) VALUES (?, ?, '{}', ?, ?)",
                         .text(mention.eventType.rawValue), .text(mention.role.rawValue), .real(now), .real(now))
        let id = db.lastInsertedRowID
        // A new incident has no reports yet: saying so spares reading its first one back (a rollback
        // of this savepoint clears the cache, so the entry never outlives the row).
        cache.set(id, [])
        return id
    }

    @discardableResult
    private func insertReport(_ m: IncidentMention, index: Int, incidentID: Int64?) throws -> Int64 {
        let json = mentionJSON?[index] ?? StoredJSON.encode(m)
        try held.execute(
            .insertReport, db,
            sql: """
            INSERT INTO report (article_id, mention_index, incident_id, role, event_type, date, place, admin1, country,
                                perpetrator, attribution, killed, injured, evidence, mention_json)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            .integer(articleID), .of(index), .of(incidentID), .text(m.role.rawValue), .text(m.eventType.rawValue), .of(m.date?.description),
            .of(m.place?.name), .of(m.place?.admin1), .of(m.place?.country), .of(m.perpetrator), .of(m.attribution?.rawValue),
            .of(m.killed), .of(m.injured), .text(m.evidence), .text(json))
        return db.lastInsertedRowID
    }

    /// Attaches waiting background mentions that this incident now matches (each article at most
    /// once per incident). Returns whether any was adopted.
    /// - Parameter recordKeys: `IncidentBlocking.keys(for: record)`, as a set.
    private func adoptOrphans(into id: Int64, record: IncidentRecord, recordKeys: Set<String>) throws -> Bool {
        let keys = Array(recordKeys)
        guard !keys.isEmpty else { return false }
        var adopted = false
        // In chunks of 500 keys, each taking at most 200 orphans, oldest report first. The keys
        // drive the lookup (SQLite otherwise started from every report without an incident, a set
        // that grows with the store); the few matches are merged and ordered here, then read.
        for chunk in stride(from: 0, to: keys.count, by: 500) {
            let matches = Set(try Int64.fetchAll(held.bound(.orphanMatches, db, sql: """
                SELECT o.report_id FROM json_each(?) AS k CROSS JOIN orphan_block AS o ON o.key = k.value
                """, .text(JSONList.strings(keys[chunk..<min(chunk + 500, keys.count)])))))
            guard !matches.isEmpty else { continue }
            let rows = try Row.fetchAll(held.bound(.orphanRows, db, sql: """
                SELECT r.id, r.article_id, r.mention_json, a.outlet, a.reference_day
                FROM json_each(?) AS k CROSS JOIN report r ON r.id = k.value CROSS JOIN article a ON a.id = r.article_id
                WHERE r.incident_id IS NULL LIMIT 200
                """, .text(JSONList.integers(matches.sorted()))))  // the list's order is the rows' order
            for row in rows {
                let articleID: Int64 = row["article_id"]
                let json: String = row["mention_json"]
                let mention = try IncidentRows.decoder.decode(IncidentMention.self, from: Data(json.utf8))
                let facts = ReportFacts(mention: mention, outlet: row["outlet"], articleID: articleID,
                                        articleDay: (row["reference_day"] as String?).flatMap { CalendarDay(iso: $0) })
                let already = try Bool.fetchOne(held.bound(.reportExists, db, sql: "SELECT EXISTS (SELECT 1 FROM report WHERE incident_id = ? AND article_id = ?)",
                                                           .integer(id), .integer(articleID))) ?? false
                guard !already, IncidentMatcher.score(facts, against: record) != nil else { continue }
                let reportID: Int64 = row["id"]
                try held.execute(.adoptReport, db, sql: "UPDATE report SET incident_id = ? WHERE id = ?", .integer(id), .integer(reportID))
                try held.execute(.deleteOrphanKeys, db, sql: "DELETE FROM orphan_block WHERE report_id = ?", .integer(reportID))
                adopted = true
            }
        }
        return adopted
    }

    /// Recomputes an incident's consolidated fields and blocking keys from all its reports.
    /// - Parameter createdHere: the incident was created by this article, in this transaction: its
    ///   one report is the one just added and it has no blocking keys yet, so neither is read back.
    private mutating func reconsolidate(_ id: Int64, adding mention: IncidentMention, createdHere: Bool = false) throws {
        let facts: [ReportFacts]
        // Another process (incidentctl ingest) may have added reports: trust the cache only when
        // its count matches the database's (an indexed count, cheap).
        let stored = createdHere ? 1 : try Int.fetchOne(held.bound(.reportCount, db, sql: "SELECT count(*) FROM report WHERE incident_id = ?", .integer(id))) ?? 0
        if var cached = cache.get(id), cached.count + 1 == stored {
            cached.append(ReportFacts(mention: mention, outlet: outlet, articleID: articleID, articleDay: articleDay))
            facts = cached
        } else {
            facts = try IncidentRows.reports(db, incidentID: id, held: held)
        }
        cache.set(id, facts)
        var record = IncidentConsolidator.consolidate(facts)
        var keys = Set(IncidentBlocking.keys(for: record))
        if try adoptOrphans(into: id, record: record, recordKeys: keys) {
            cache.clear()
            record = IncidentConsolidator.consolidate(try IncidentRows.reports(db, incidentID: id, held: held))
            keys = Set(IncidentBlocking.keys(for: record))
        }
        saved[id] = (try IncidentRows.save(db, id: id, record: record, cache: cache, held: held), record)
        try replaceBlockingKeys(of: id, with: keys, storedNone: createdHere)
    }

    /// Writes only the keys that changed: most reports leave an incident's keys as they were, and
    /// deleting and re-inserting them all dirtied index pages (WAL frames) for nothing.
    /// The keys that went go in one statement (a JSON list); the new ones in one held single-row
    /// insert each, which needs no statement journal (see `ArticleRecorder.insertBands`).
    private func replaceBlockingKeys(of id: Int64, with keys: Set<String>, storedNone: Bool) throws {
        let stored = storedNone ? [] : Set(try String.fetchAll(held.bound(.incidentKeys, db, sql: "SELECT key FROM incident_block WHERE incident_id = ?", .integer(id))))
        let gone = stored.subtracting(keys), added = keys.subtracting(stored)
        if !gone.isEmpty {
            try held.execute(.deleteIncidentKeys, db, sql: "DELETE FROM incident_block WHERE incident_id = ? AND key IN (SELECT value FROM json_each(?))",
                             .integer(id), .text(JSONList.strings(gone)))
        }
        if !added.isEmpty {
            let insert = try held.statement(.insertIncidentKey, db, sql: "INSERT OR IGNORE INTO incident_block (key, incident_id) VALUES (?, ?)")
            for key in added { try held.execute(insert, .text(key), .integer(id)) }
        }
    }
}
