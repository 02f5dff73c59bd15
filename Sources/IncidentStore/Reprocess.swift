import Deduplication
import Foundation
import GRDB
import IncidentModel

/// What `reprocess` changed, for the command's summary.
public struct ReprocessSummary: Sendable {
    public var articles = 0
    public var incidentsBefore = 0
    public var incidentsAfter = 0
    /// Incidents that did not exist before (announced as new).
    public var created: [Int64] = []
    /// Incidents whose consolidated fields changed materially (announced as updated).
    public var updated: [Int64] = []
    /// Old incidents no article supports any more.
    public var vanished: [Int64] = []
}

extension IncidentDatabase {
    /// Re-extracts every stored article with the current rules and rebuilds all incidents in one
    /// transaction. Incident ids are kept: each rebuilt incident takes the id of the old incident
    /// it shares the most articles with, so `INCIDENT_ID`s users saw stay valid. Only real changes
    /// are queued for the journal: a new incident, or a material change to an old one. Running it
    /// twice with the same rules changes nothing and announces nothing.
    public func reprocess(
        extract: @Sendable (_ text: String, _ fallbackDay: CalendarDay?) -> ExtractedArticle
    ) throws(StoreError) -> ReprocessSummary {
        let cache = reportCache
        cache.clear()
        defer { cache.clear() }
        return try write { db in
            var summary = ReprocessSummary()
            let held = HeldStatements()  // this transaction's statements, prepared once for all articles
            // 1. What users know now: each incident's record and the articles behind it.
            var oldRecords: [Int64: IncidentRecord] = [:]
            var oldArticles: [Int64: Set<Int64>] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT id FROM incident WHERE record_json != '{}'") {
                let id: Int64 = row["id"]
                oldRecords[id] = try IncidentRows.load(db, id: id)
            }
            for row in try Row.fetchAll(db, sql: "SELECT incident_id, article_id FROM report WHERE incident_id IS NOT NULL") {
                oldArticles[row["incident_id"], default: []].insert(row["article_id"])
            }
            summary.incidentsBefore = oldRecords.count
            let firstNewID = (try Int64.fetchOne(db, sql: "SELECT max(id) FROM incident") ?? 0) + 1_000_000_000

            // 2. Rebuild from the articles, oldest first, without notifications.
            try db.execute(sql: "DELETE FROM orphan_block; DELETE FROM incident_block; DELETE FROM report; DELETE FROM incident")
            try db.execute(sql: "INSERT INTO incident (id, event_type, role, record_json, created_at, updated_at) VALUES (?, 'other', 'main', '{}', 0, 0)",
                           arguments: [firstNewID - 1])
            var after: Int64 = 0
            while true {
                let rows = try Row.fetchAll(db, sql: """
                    SELECT a.id, a.file_name, a.text, (SELECT min(mtime) FROM receipt WHERE article_id = a.id) AS mtime
                    FROM article a WHERE a.id > ? ORDER BY a.id LIMIT 100
                    """, arguments: [after])
                guard let last = rows.last else { break }
                after = last["id"]
                for row in rows {
                    let articleID: Int64 = row["id"]
                    let fallback = (row["mtime"] as Double?).map { CalendarDay(unixTime: $0) }
                    let extracted = extract(row["text"], fallback)
                    let day = extracted.metadata.published ?? fallback
                    try db.execute(sql: "UPDATE article SET outlet = ?, title = ?, published = ?, reference_day = ? WHERE id = ?",
                                   arguments: [extracted.metadata.outlet, extracted.metadata.title, extracted.metadata.published?.iso, day?.iso, articleID])
                    var resolver = IncidentResolver(db: db, cache: cache, held: held, articleID: articleID,
                                                    outlet: extracted.metadata.outlet, articleDay: day, sourceFile: row["file_name"])
                    try resolver.attach(extracted.mentions)
                    summary.articles += 1
                }
            }
            try db.execute(sql: "DELETE FROM incident WHERE id = ?", arguments: [firstNewID - 1])

            // 3. Give each rebuilt incident the id of the old one it shares most articles with.
            try db.execute(sql: "PRAGMA defer_foreign_keys = ON")
            var newArticles: [Int64: Set<Int64>] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT incident_id, article_id FROM report WHERE incident_id IS NOT NULL") {
                newArticles[row["incident_id"], default: []].insert(row["article_id"])
            }
            var pairs: [(overlap: Int, new: Int64, old: Int64)] = []
            for (new, arts) in newArticles {
                for (old, olds) in oldArticles {
                    let n = arts.intersection(olds).count
                    if n > 0 { pairs.append((n, new, old)) }
                }
            }
            pairs.sort { ($0.overlap, -$0.old, -$0.new) > ($1.overlap, -$1.old, -$1.new) }
            var mapping: [Int64: Int64] = [:]
            var usedOld = Set<Int64>()
            for p in pairs where mapping[p.new] == nil && !usedOld.contains(p.old) {
                mapping[p.new] = p.old
                usedOld.insert(p.old)
            }
            var nextID = (oldRecords.keys.max() ?? 0) + 1
            for new in newArticles.keys.sorted() {
                let target: Int64
                if let old = mapping[new] {
                    target = old
                } else {
                    target = nextID
                    nextID += 1
                }
                for table in ["incident SET id", "report SET incident_id", "incident_block SET incident_id"] {
                    let column = table.hasPrefix("incident SET") ? "id" : "incident_id"
                    try db.execute(sql: "UPDATE \(table) = ? WHERE \(column) = ?", arguments: [target, new])
                }
                let record = try IncidentRows.load(db, id: target)
                if let old = mapping[new], let before = oldRecords[old], let record {
                    let changes = IncidentConsolidator.changes(from: before, to: record)
                    if !changes.isEmpty {
                        summary.updated.append(target)
                        _ = try Outbox.enqueue(db, NotificationPayload(kind: .incidentUpdated, incidentID: target, incident: record,
                                                                       changes: changes.map(\.description), sourceFile: "reprocess"))
                    }
                } else if let record {
                    summary.created.append(target)
                    _ = try Outbox.enqueue(db, NotificationPayload(kind: .incidentNew, incidentID: target, incident: record, sourceFile: "reprocess"))
                }
            }
            summary.vanished = oldRecords.keys.filter { !usedOld.contains($0) }.sorted()
            summary.incidentsAfter = newArticles.count
            return summary
        }
    }
}
