import Deduplication
import Foundation
import GRDB
import IncidentModel

/// One incident with every article's report of it, as exports and `incidentctl show` need it.
public struct ExportedIncident: Sendable {
    public var id: Int64
    public var record: IncidentRecord
    public var reports: [ExportedReport]
    public var createdAt: Double
    public var updatedAt: Double
}

/// One article's statement about an incident.
public struct ExportedReport: Sendable {
    public var fileName: String
    public var outlet: String?
    public var published: String?
    public var mention: IncidentMention
}

extension IncidentDatabase {
    /// Visits every incident in id order, in pages, so exports of large stores stay small in memory.
    public func forEachIncident(pageSize: Int = 500, _ body: (ExportedIncident) throws -> Void) throws {
        var after: Int64 = 0
        while true {
            let page: [ExportedIncident] = try writer.read { db in
                let rows = try Row.fetchAll(db, sql: """
                    SELECT id, record_json, created_at, updated_at FROM incident
                    WHERE id > ? AND record_json != '{}' ORDER BY id LIMIT ?
                    """, arguments: [after, pageSize])
                return try rows.map { row in
                    let id: Int64 = row["id"]
                    let json: String = row["record_json"]
                    let record = try IncidentRows.decoder.decode(IncidentRecord.self, from: Data(json.utf8))
                    let reports = try Row.fetchAll(db, sql: """
                        SELECT r.mention_json, a.file_name, a.outlet, a.published FROM report r JOIN article a ON a.id = r.article_id
                        WHERE r.incident_id = ? ORDER BY a.id, r.mention_index
                        """, arguments: [id]).map { r in
                        let mjson: String = r["mention_json"]
                        return ExportedReport(fileName: r["file_name"], outlet: r["outlet"], published: r["published"],
                                              mention: try IncidentRows.decoder.decode(IncidentMention.self, from: Data(mjson.utf8)))
                    }
                    return ExportedIncident(id: id, record: record, reports: reports, createdAt: row["created_at"], updatedAt: row["updated_at"])
                }
            }
            for incident in page { try body(incident) }
            guard let last = page.last else { return }
            after = last.id
        }
    }

    /// Every stored article's text, oldest first, for `incidentctl reprocess`.
    public func forEachArticle(_ body: (StoredArticle) throws -> Void) throws {
        var after: Int64 = 0
        while true {
            let page: [StoredArticle] = try writer.read { db in
                try Row.fetchAll(db, sql: "SELECT id, file_name, text, reference_day FROM article WHERE id > ? ORDER BY id LIMIT 200",
                                 arguments: [after]).map {
                    StoredArticle(id: $0["id"], fileName: $0["file_name"], text: $0["text"],
                                  referenceDay: ($0["reference_day"] as String?).flatMap { CalendarDay(iso: $0) })
                }
            }
            for a in page { try body(a) }
            guard let last = page.last else { return }
            after = last.id
        }
    }
}

/// A stored article as reprocessing needs it.
public struct StoredArticle: Sendable {
    public var id: Int64
    public var fileName: String
    public var text: String
    public var referenceDay: CalendarDay?
}
