import Deduplication
import Foundation
import GRDB
import IncidentModel

/// Reading and writing the `incident` and `report` rows; the JSON column is the source of truth
/// for the consolidated record and the flat columns serve queries, exports and `sqlite3` users.
enum IncidentRows {
    static let decoder = JSONDecoder()

    /// The incident's consolidated record; with a cache, a record whose stored JSON is the one last
    /// decoded or written is not decoded again (decoding was a large share of the write time).
    static func load(_ db: Database, id: Int64, cache: ReportCache? = nil, held: HeldStatements = HeldStatements()) throws -> IncidentRecord? {
        try loadWithJSON(db, id: id, cache: cache, held: held)?.record
    }

    /// The record and the exact JSON it is stored as.
    static func loadWithJSON(_ db: Database, id: Int64, cache: ReportCache? = nil,
                             held: HeldStatements = HeldStatements()) throws -> (json: String, record: IncidentRecord)? {
        guard let json = try String.fetchOne(held.bound(.incidentJSON, db, sql: "SELECT record_json FROM incident WHERE id = ?", .integer(id))),
              json != "{}" else { return nil }
        if let hit = cache?.record(id, json: json) { return (json, hit) }
        let record = try decoder.decode(IncidentRecord.self, from: Data(json.utf8))
        cache?.setRecord(id, json: json, record)
        return (json, record)
    }

    static func reports(_ db: Database, incidentID: Int64, held: HeldStatements = HeldStatements()) throws -> [ReportFacts] {
        let rows = try Row.fetchAll(held.bound(.incidentReports, db, sql: """
            SELECT r.mention_json, r.article_id, a.outlet, a.reference_day FROM report r JOIN article a ON a.id = r.article_id
            WHERE r.incident_id = ? ORDER BY r.article_id, r.mention_index
            """, .integer(incidentID)))
        return try rows.map { row in
            let json: String = row["mention_json"]
            let mention = try decoder.decode(IncidentMention.self, from: Data(json.utf8))
            let day = (row["reference_day"] as String?).flatMap { CalendarDay(iso: $0) }
            return ReportFacts(mention: mention, outlet: row["outlet"], articleID: row["article_id"], articleDay: day)
        }
    }

    /// Returns the JSON written to `record_json`.
    @discardableResult
    static func save(_ db: Database, id: Int64, record r: IncidentRecord, cache: ReportCache? = nil,
                     held: HeldStatements = HeldStatements()) throws -> String {
        let json = StoredJSON.encode(r)
        cache?.setRecord(id, json: json, r)
        try held.execute(
            .updateIncident, db,
            sql: """
            UPDATE incident SET event_type = ?, role = ?, date = ?, date_start = ?, date_end = ?, place = ?, admin1 = ?, country = ?,
                latitude = ?, longitude = ?, perpetrator = ?, attribution = ?, target = ?,
                killed_low = ?, killed_best = ?, killed_high = ?, injured_low = ?, injured_best = ?, injured_high = ?,
                report_count = ?, record_json = ?, updated_at = ?
            WHERE id = ?
            """,
            .text(r.eventType.rawValue), .text(r.role.rawValue), .of(r.date?.description), .of(r.date?.start.iso), .of(r.date?.end.iso),
            .of(r.place?.name), .of(r.place?.admin1), .of(r.place?.country), .of(r.place?.latitude), .of(r.place?.longitude),
            .of(r.perpetrator), .of(r.attribution?.rawValue), .of(r.target),
            .of(r.killedLow), .of(r.killedBest), .of(r.killedHigh), .of(r.injuredLow), .of(r.injuredBest), .of(r.injuredHigh),
            .of(r.reportCount), .text(json), .real(Date().timeIntervalSince1970), .integer(id))
        return json
    }
}
