import ArticleText
import Crypto
import Deduplication
import Foundation
import IncidentExtraction
import IncidentModel
import IncidentStore

/// Why a file was not recorded; the text becomes `NAME.reason` in the rejected folder.
public struct RejectionReason: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Code: String, Sendable {
        case tooLarge = "too-large", notText = "not-text", undecodable, empty, unreadable, notRegular = "not-a-regular-file",
             unsupportedType = "unsupported-type"
    }

    public var code: Code
    public var detail: String

    public init(_ code: Code, _ detail: String) {
        self.code = code
        self.detail = detail
    }

    public var description: String { "\(code.rawValue): \(detail)" }
}

/// The daemon's pipeline from bytes to database, shared by `incidentd`, `incidentctl ingest` and
/// `reprocess` so backfills behave exactly like the live inbox.
public struct ArticlePipeline: Sendable {
    public let database: IncidentDatabase
    public let extractor: IncidentExtractor

    public init(database: IncidentDatabase, extractor: IncidentExtractor) {
        self.database = database
        self.extractor = extractor
    }

    /// Decodes, cleans, fingerprints and extracts — everything before the database, with no lock held.
    public func prepare(bytes: [UInt8], origin: FileOrigin, receivedAt: Double, destination: String?) throws(RejectionReason) -> ArticleSubmission {
        guard let format = ArticleFormat.from(fileName: origin.fileName) else {
            throw RejectionReason(.unsupportedType, "only .txt, .md and .html files are read; rename the file if it is an article")
        }
        let decoded: DecodedArticle
        do {
            decoded = try TextDecoder.decode(bytes, format: format)
        } catch {
            switch error.reason {
            case .empty: throw RejectionReason(.empty, error.detail)
            case .binary: throw RejectionReason(.notText, error.detail)
            case .undecodable: throw RejectionReason(.undecodable, error.detail)
            }
        }
        let reference = origin.modificationTime.map { CalendarDay(unixTime: $0) }
        let extracted = extractor.extract(text: decoded.text, fallbackReferenceDate: reference)
        let normalized = ArticleNormalizer.normalized(decoded.text)
        let hash = Self.hex(SHA256.hash(data: Data(normalized.utf8)))
        let sketch = NearDuplicateSketch.make(normalizedText: normalized)
        return ArticleSubmission(
            origin: origin, receivedAt: receivedAt, contentHash: hash, text: decoded.text, sketch: sketch,
            extracted: extracted, referenceDay: extracted.metadata.published ?? reference, destination: destination)
    }

    /// Lower-case hex of a digest, the form `article.content_hash` stores (`String(format:)` per
    /// byte went through Foundation's formatter and was a visible share of preparing an article).
    static func hex(_ digest: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        for byte in digest {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Prepares and records one article.
    public func ingest(bytes: [UInt8], origin: FileOrigin, receivedAt: Double, destination: String?) throws -> RecordOutcome {
        let submission = try prepare(bytes: bytes, origin: origin, receivedAt: receivedAt, destination: destination)
        return try database.record(submission)
    }
}
