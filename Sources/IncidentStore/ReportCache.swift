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
}
