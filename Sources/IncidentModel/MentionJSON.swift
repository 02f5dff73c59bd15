import Foundation

/// The JSON shape of mentions and articles shared by `incidentctl extract --json`, exports and the
/// evaluation contract, kept in one place so the three never drift apart.
public enum MentionJSON {
    /// A mention as a JSON object with the contract's keys (null where unknown).
    public static func object(_ m: IncidentMention) -> [String: Any] {
        var o: [String: Any] = [
            "event_type": m.eventType.rawValue,
            "role": m.role.rawValue,
            "evidence": m.evidence,
        ]
        o["date"] = m.date?.description ?? NSNull()
        o["date_precision"] = m.date?.precision.rawValue ?? NSNull()
        o["place"] = m.place?.name ?? NSNull()
        o["admin1"] = m.place?.admin1 ?? NSNull()
        o["country"] = m.place?.country ?? NSNull()
        o["latitude"] = m.place?.latitude ?? NSNull()
        o["longitude"] = m.place?.longitude ?? NSNull()
        o["perpetrator"] = m.perpetrator ?? NSNull()
        o["attribution"] = m.attribution?.rawValue ?? NSNull()
        o["target"] = m.target ?? NSNull()
        o["killed"] = m.killed ?? NSNull()
        o["killed_qualifier"] = m.killedQualifier?.rawValue ?? NSNull()
        o["injured"] = m.injured ?? NSNull()
        if !m.fieldEvidence.isEmpty { o["field_evidence"] = m.fieldEvidence }
        return o
    }

    /// One `extract --json` line for an article.
    public static func article(file: String, _ a: ExtractedArticle) -> [String: Any] {
        [
            "file": file,
            "title": a.metadata.title ?? NSNull(),
            "outlet": a.metadata.outlet ?? NSNull(),
            "published": a.metadata.published?.iso ?? NSNull(),
            "incidents": a.mentions.map(object),
        ]
    }

    /// Serialises one object as a single line of JSON with stable key order.
    public static func line(_ object: [String: Any]) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
