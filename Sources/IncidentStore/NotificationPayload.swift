import Deduplication
import IncidentModel

/// What a journal notification says, frozen at the moment the database commits it.
///
/// The outbox stores this snapshot rather than an incident id, so a notification re-sent after a
/// crash is byte-for-byte the one that was first attempted (same INCIDENT_ID, same figures).
public struct NotificationPayload: Codable, Sendable, Hashable {
    public enum Kind: String, Codable, Sendable {
        case incidentNew, incidentUpdated, articleDuplicate, fileRejected, articleNoIncident
    }

    public var kind: Kind
    public var incidentID: Int64?
    public var incident: IncidentRecord?
    public var changes: [String]
    public var sourceFile: String
    public var duplicateOf: String?
    public var reason: String?

    public init(
        kind: Kind, incidentID: Int64? = nil, incident: IncidentRecord? = nil, changes: [String] = [],
        sourceFile: String, duplicateOf: String? = nil, reason: String? = nil
    ) {
        self.kind = kind
        self.incidentID = incidentID
        self.incident = incident
        self.changes = changes
        self.sourceFile = sourceFile
        self.duplicateOf = duplicateOf
        self.reason = reason
    }
}

/// A notification waiting in (or taken from) the outbox.
public struct OutboxEntry: Sendable, Hashable {
    public var id: Int64
    public var payload: NotificationPayload
}
