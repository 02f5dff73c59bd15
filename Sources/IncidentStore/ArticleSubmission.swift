import Foundation
import Deduplication
import IncidentModel

/// Where a file came from, so a restart after a crash can find it again and finish moving it.
public struct FileOrigin: Sendable, Hashable {
    public var fileName: String
    public var inboxPath: String
    public var device: UInt64?
    public var inode: UInt64?
    public var size: Int64?
    public var modificationTime: Double?

    public init(fileName: String, inboxPath: String, device: UInt64? = nil, inode: UInt64? = nil, size: Int64? = nil, modificationTime: Double? = nil) {
        self.fileName = fileName
        self.inboxPath = inboxPath
        self.device = device
        self.inode = inode
        self.size = size
        self.modificationTime = modificationTime
    }
}

/// Everything the pipeline learned about one article before touching the database, so the write
/// transaction does no text work and holds the lock briefly.
public struct ArticleSubmission: Sendable {
    public var origin: FileOrigin
    public var receivedAt: Double
    public var contentHash: String
    public var text: String
    public var sketch: NearDuplicateSketch
    public let extracted: ExtractedArticle
    public var referenceDay: CalendarDay?
    /// Directory the file will move to once the record commits (nil: delete instead, or leave it).
    public var destination: String?
    /// Each mention as stored JSON, encoded here so the write transaction does not.
    public let mentionJSON: [String]?

    public init(origin: FileOrigin, receivedAt: Double, contentHash: String, text: String, sketch: NearDuplicateSketch,
                extracted: ExtractedArticle, referenceDay: CalendarDay?, destination: String?) {
        self.origin = origin
        self.receivedAt = receivedAt
        self.contentHash = contentHash
        self.text = text
        self.sketch = sketch
        self.extracted = extracted
        self.referenceDay = referenceDay
        self.destination = destination
        mentionJSON = extracted.mentions.map(StoredJSON.encode)
    }
}

/// What recording an article did.
public struct RecordOutcome: Sendable, Hashable {
    public enum Disposition: Sendable, Hashable {
        /// New content: stored, with its mentions linked to incidents.
        case recorded(articleID: Int64, nearDuplicateOf: Int64?)
        /// The same content was stored before (the first article's id and file name).
        case duplicate(ofArticleID: Int64, fileName: String)
    }

    public var receiptID: Int64
    public var disposition: Disposition
    public var newIncidents: [Int64]
    public var updatedIncidents: [Int64]
    /// Outbox entries written in the same transaction, ready to send after commit.
    public var notifications: [OutboxEntry]
}
