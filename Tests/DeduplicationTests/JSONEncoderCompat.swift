import Deduplication
import Foundation

/// JSON round trip as the store does it (`record_json`).
enum JSONEncoderCompat {
    static func encode(_ r: IncidentRecord) throws -> Data {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys]
        return try e.encode(r)
    }

    static func decode(_ d: Data) throws -> IncidentRecord {
        try JSONDecoder().decode(IncidentRecord.self, from: d)
    }
}
