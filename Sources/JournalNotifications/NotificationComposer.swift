import Deduplication
import IncidentModel
import IncidentStore

/// Turns outbox payloads into journal entries: a one-line MESSAGE for people running
/// `journalctl -f`, and `INCIDENT_*` fields for machines.
public struct NotificationComposer: Sendable {
    public var identifier: String

    public init(identifier: String) {
        self.identifier = identifier
    }

    /// The fields of one notification, in a stable order.
    public func fields(for entry: OutboxEntry) -> [(String, String)] {
        let p = entry.payload
        var f: [(String, String)] = []
        switch p.kind {
        case .incidentNew, .incidentUpdated:
            let id = p.incidentID ?? 0
            let r = p.incident
            var message = p.kind == .incidentNew ? "New incident: " : "Incident updated: "
            message += r.map(Self.summary) ?? "incident \(id)"
            if p.kind == .incidentUpdated, !p.changes.isEmpty { message += " — " + p.changes.joined(separator: "; ") }
            message += " [incident \(id)]"
            f.append(("MESSAGE", message))
            f.append(("MESSAGE_ID", (p.kind == .incidentNew ? MessageID.incidentNew : .incidentUpdated).rawValue))
            f.append(("PRIORITY", String(Self.priority(for: r, kind: p.kind))))
            f.append(("INCIDENT_ID", String(id)))
            if let r {
                f.append(("INCIDENT_TYPE", r.eventType.rawValue))
                f.append(("INCIDENT_DATE", r.date?.description ?? ""))
                f.append(("INCIDENT_PLACE", r.place?.name ?? ""))
                f.append(("INCIDENT_ADMIN1", r.place?.admin1 ?? ""))
                f.append(("INCIDENT_COUNTRY", r.place?.country ?? ""))
                f.append(("INCIDENT_LATITUDE", r.place?.latitude.map { String($0) } ?? ""))
                f.append(("INCIDENT_LONGITUDE", r.place?.longitude.map { String($0) } ?? ""))
                f.append(("INCIDENT_PERPETRATOR", r.perpetrator ?? "unknown"))
                f.append(("INCIDENT_ATTRIBUTION", r.attribution?.rawValue ?? ""))
                f.append(("INCIDENT_TARGET", r.target ?? ""))
                f.append(("INCIDENT_KILLED", r.killedBest.map(String.init) ?? ""))
                f.append(("INCIDENT_INJURED", r.injuredBest.map(String.init) ?? ""))
                f.append(("INCIDENT_REPORTS", String(r.reportCount)))
                f.append(("INCIDENT_ROLE", r.role.rawValue))
            }
            if !p.changes.isEmpty { f.append(("INCIDENT_CHANGES", p.changes.joined(separator: "; "))) }
            f.append(("INCIDENT_SOURCE_FILE", p.sourceFile))
        case .articleDuplicate:
            f.append(("MESSAGE", "Duplicate article \(p.sourceFile): same text as \(p.duplicateOf ?? "an earlier article"); nothing new recorded"))
            f.append(("MESSAGE_ID", MessageID.articleDuplicate.rawValue))
            f.append(("PRIORITY", "6"))
            f.append(("INCIDENT_SOURCE_FILE", p.sourceFile))
            if let d = p.duplicateOf { f.append(("DUPLICATE_OF", d)) }
        case .fileRejected:
            f.append(("MESSAGE", "Rejected \(p.sourceFile): \(p.reason ?? "unknown reason")"))
            f.append(("MESSAGE_ID", MessageID.fileRejected.rawValue))
            f.append(("PRIORITY", "4"))
            f.append(("REJECT_FILE", p.sourceFile))
            f.append(("REJECT_REASON", p.reason ?? ""))
        case .articleNoIncident:
            f.append(("MESSAGE", "Article \(p.sourceFile) recorded: no incident found in it"))
            f.append(("MESSAGE_ID", MessageID.articleNoIncident.rawValue))
            f.append(("PRIORITY", "6"))
            f.append(("INCIDENT_SOURCE_FILE", p.sourceFile))
        }
        f.append(("NOTIFICATION_ID", String(entry.id)))
        f.append(("SYSLOG_IDENTIFIER", identifier))
        return f
    }

    /// "Airstrike at Abu Kamal, Deir ez-Zor, Syria on 2020-05-16: 7 killed; by unknown (unidentified); 2 reports"
    public static func summary(_ r: IncidentRecord) -> String {
        var s = r.eventType.label
        s += " at " + (r.place.map { $0.label.isEmpty ? "unknown place" : $0.label } ?? "unknown place")
        s += " on " + (r.date?.description ?? "unknown date")
        var toll: [String] = []
        if let k = r.killedBest { toll.append(Self.range(low: r.killedLow, best: k, high: r.killedHigh) + " killed") }
        if let i = r.injuredBest { toll.append(Self.range(low: r.injuredLow, best: i, high: r.injuredHigh) + " injured") }
        s += ": " + (toll.isEmpty ? "no toll reported" : toll.joined(separator: ", "))
        s += "; by " + (r.perpetrator ?? "unknown")
        if let a = r.attribution { s += " (\(a.rawValue))" }
        s += "; \(r.reportCount) report" + (r.reportCount == 1 ? "" : "s")
        return s
    }

    static func range(low: Int?, best: Int, high: Int?) -> String {
        if let low, let high, low != high { return "\(best) (\(low)–\(high))" }
        return String(best)
    }

    /// Severity: many dead is a warning, any casualties a notice, the rest info.
    static func priority(for r: IncidentRecord?, kind: NotificationPayload.Kind) -> Int {
        let killed = r?.killedBest ?? 0
        if killed >= 10 { return 4 }
        if killed > 0 || (r?.injuredBest ?? 0) > 0 { return 5 }
        return kind == .incidentNew ? 5 : 6
    }
}
