import Foundation
import IncidentModel
import IncidentStore

/// The three export shapes of an incident.
enum IncidentExport {
    /// Consolidated fields (contract keys) + `id` + `reports`, each report with its own `file`.
    static func object(_ i: ExportedIncident) -> [String: Any] {
        var o = MentionJSON.object(i.record.asMention)
        o["id"] = i.id
        o["evidence"] = i.reports.first?.mention.evidence ?? NSNull()
        o["killed_low"] = i.record.killedLow ?? NSNull()
        o["killed_high"] = i.record.killedHigh ?? NSNull()
        o["injured_low"] = i.record.injuredLow ?? NSNull()
        o["injured_high"] = i.record.injuredHigh ?? NSNull()
        o["report_count"] = i.record.reportCount
        o["outlets"] = i.record.outlets
        o["perpetrator_support"] = i.record.perpetratorSupport
        o["reports"] = i.reports.map { r -> [String: Any] in
            var m = MentionJSON.object(r.mention)
            m["file"] = r.fileName
            m["outlet"] = r.outlet ?? NSNull()
            m["published"] = r.published ?? NSNull()
            return m
        }
        return o
    }

    /// ACLED's public export columns where one exists, then incidentd's own.
    static let csvHeader = [
        "event_id_cnty", "event_date", "year", "time_precision", "event_type", "sub_event_type", "actor1", "assoc_actor_1",
        "actor2", "country", "admin1", "location", "latitude", "longitude", "geo_precision", "source", "notes", "fatalities",
        "injured", "attribution", "fatalities_low", "fatalities_high", "report_count", "date_range",
    ].joined(separator: ",")

    static func csvRow(_ i: ExportedIncident) -> String {
        let r = i.record
        let (acledType, subType) = acledTypes(r.eventType)
        let precision: String
        switch r.date?.precision {
        case .day?: precision = "1"
        case .range?: precision = (r.date?.span ?? 1) <= 7 ? "2" : "3"
        case .month?, .year?: precision = "3"
        case nil: precision = ""
        }
        let geo = r.place?.name != nil ? "1" : (r.place?.admin1 != nil ? "3" : "")
        let fields: [String] = [
            "INC\(i.id)", r.date?.start.iso ?? "", r.date.map { String($0.start.year) } ?? "", precision, acledType, subType,
            r.perpetrator ?? "", "", r.target ?? "", r.place?.country ?? "", r.place?.admin1 ?? "", r.place?.name ?? "",
            r.place?.latitude.map { String($0) } ?? "", r.place?.longitude.map { String($0) } ?? "", geo,
            r.outlets.joined(separator: "; "), i.reports.first?.mention.evidence ?? "", r.killedBest.map(String.init) ?? "0",
            r.injuredBest.map(String.init) ?? "", r.attribution?.rawValue ?? "", r.killedLow.map(String.init) ?? "",
            r.killedHigh.map(String.init) ?? "", String(r.reportCount), r.date?.description ?? "",
        ]
        return fields.map(csvEscape).joined(separator: ",")
    }

    static func acledTypes(_ t: EventType) -> (String, String) {
        switch t {
        case .airstrike: ("Explosions/Remote violence", "Air/drone strike")
        case .droneStrike: ("Explosions/Remote violence", "Air/drone strike")
        case .missileStrike, .rocketAttack, .shelling: ("Explosions/Remote violence", "Shelling/artillery/missile attack")
        case .explosion: ("Explosions/Remote violence", "Remote explosive/landmine/IED")
        case .groundClash: ("Battles", "Armed clash")
        case .raid: ("Battles", "Armed clash")
        case .other: ("Explosions/Remote violence", "")
        }
    }

    static func csvEscape(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A GeoJSON point feature, or nil when the incident has no coordinates.
    static func geoFeature(_ i: ExportedIncident) -> [String: Any]? {
        guard let lat = i.record.place?.latitude, let lon = i.record.place?.longitude else { return nil }
        var props = object(i)
        props.removeValue(forKey: "reports")
        props["files"] = i.reports.map(\.fileName)
        return ["type": "Feature", "geometry": ["type": "Point", "coordinates": [lon, lat]], "properties": props]
    }
}
