import Deduplication
import Foundation

/// Decoded reports of recently touched incidents, so adding the N-th report to an incident does
/// not decode the N-1 before it again (that made a large cluster quadratic in JSON decoding).
///
/// Only the single writer connection reads and fills it, inside write transactions; a failed
/// transaction clears it, so it never holds reports the database does not.
final class ReportCache: @unchecked Sendable {
    private let lock = NSLock()
    private var reports: [Int64: [ReportFacts]] = [:]
    /// Consolidated records with the exact JSON they were decoded from or encoded to: a hit needs
    /// the stored JSON to be identical, so another writer or a rollback can never serve a stale one.
    private var records: [Int64: (json: String, record: IncidentRecord)] = [:]
    private let capacity: Int

    init(capacity: Int = 4096) {
        self.capacity = capacity
    }

    func get(_ incident: Int64) -> [ReportFacts]? {
        lock.withLock { reports[incident] }
    }

    func set(_ incident: Int64, _ value: [ReportFacts]) {
        lock.withLock {
            if reports.count >= capacity, reports[incident] == nil { reports.removeAll(keepingCapacity: true) }
            reports[incident] = value
        }
    }

    func clear() {
        lock.withLock { reports.removeAll() }
    }

    func record(_ incident: Int64, json: String) -> IncidentRecord? {
        lock.withLock {
            guard let entry = records[incident], entry.json == json else { return nil }
            return entry.record
        }
    }

    func setRecord(_ incident: Int64, json: String, _ record: IncidentRecord) {
        lock.withLock {
            if records.count >= capacity, records[incident] == nil { records.removeAll(keepingCapacity: true) }
            records[incident] = (json, record)
        }
    }
}
