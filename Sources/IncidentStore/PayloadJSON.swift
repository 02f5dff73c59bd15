import Deduplication
import Foundation

/// Writes a `NotificationPayload` as the JSON its `Codable` conformance reads back.
///
/// The payload's few scalar fields are written by hand and the incident record is spliced in as
/// the JSON the record transaction already produced, so a notification costs no second encoding
/// of the record. `JSONDecoder` does not care about key order, and absent optionals decode as nil,
/// exactly as the synthesized encoder leaves them out.
enum PayloadJSON {
    static func encode(_ p: NotificationPayload, recordJSON: String?) throws -> String {
        var out = "{\"kind\":"
        append(p.kind.rawValue, to: &out)
        if let id = p.incidentID { out += ",\"incidentID\":\(id)" }
        if let recordJSON {
            out += ",\"incident\":" + recordJSON
        } else if let record = p.incident {
            out += ",\"incident\":" + StoredJSON.encode(record)
        }
        out += ",\"changes\":["
        for (i, change) in p.changes.enumerated() {
            if i > 0 { out += "," }
            append(change, to: &out)
        }
        out += "],\"sourceFile\":"
        append(p.sourceFile, to: &out)
        if let d = p.duplicateOf {
            out += ",\"duplicateOf\":"
            append(d, to: &out)
        }
        if let r = p.reason {
            out += ",\"reason\":"
            append(r, to: &out)
        }
        out += "}"
        return out
    }

    /// A JSON string literal: quotes, backslashes and control characters escaped, the rest as is.
    static func append(_ s: String, to out: inout String) {
        out += "\""
        var plainStart = s.unicodeScalars.startIndex
        var i = plainStart
        let scalars = s.unicodeScalars
        while i < scalars.endIndex {
            let c = scalars[i]
            let escape: String? = switch c {
            case "\"": "\\\""
            case "\\": "\\\\"
            case "\n": "\\n"
            case "\r": "\\r"
            case "\t": "\\t"
            default: c.value < 0x20 ? "\\u" + String(repeating: "0", count: 4 - String(c.value, radix: 16).count) + String(c.value, radix: 16) : nil
            }
            if let escape {
                out.unicodeScalars.append(contentsOf: scalars[plainStart..<i])
                out += escape
                plainStart = scalars.index(after: i)
            }
            i = scalars.index(after: i)
        }
        out.unicodeScalars.append(contentsOf: scalars[plainStart..<scalars.endIndex])
        out += "\""
    }
}
