import Deduplication
import IncidentModel

/// Writes `incident.record_json` and `report.mention_json`: exactly the bytes `JSONEncoder` with
/// `.sortedKeys` writes for the same value (keys in UTF-8 byte order, absent optionals left out,
/// `/` escaped, control characters as `\u00XX`, a Double as its `description` without a trailing
/// `.0`), so stores written before and after read the same and the report cache's JSON
/// comparisons still hold.
///
/// `JSONEncoder` built a tree of boxed values and walked it through generic containers: about
/// 200,000 instructions per record, the largest single cost of recording an article, and as much
/// again per mention while preparing it. `StoredJSONTests` checks the bytes against
/// `JSONEncoder` for every field filled, empty and escaped.
enum StoredJSON {
    /// The record as `record_json` stores it.
    static func encode(_ r: IncidentRecord) -> String {
        var w = Writer()
        w.open()
        w.key("attribution", r.attribution?.rawValue)
        if let date = r.date { w.key("date"); w.date(date) }
        w.key("eventType", r.eventType.rawValue)
        w.key("injuredBest", r.injuredBest)
        w.key("injuredHigh", r.injuredHigh)
        w.key("injuredLow", r.injuredLow)
        w.key("killedBest", r.killedBest)
        w.key("killedHigh", r.killedHigh)
        w.key("killedLow", r.killedLow)
        w.key("killedQualifier", r.killedQualifier?.rawValue)
        w.key("outlets")
        w.array(r.outlets)
        w.key("perpetrator", r.perpetrator)
        w.key("perpetratorSupport", r.perpetratorSupport)
        if let place = r.place { w.key("place"); w.place(place) }
        w.key("reportCount", r.reportCount)
        w.key("role", r.role.rawValue)
        w.key("target", r.target)
        if let window = r.window { w.key("window"); w.date(window) }
        w.close()
        return w.string
    }

    /// The mention as `mention_json` stores it.
    static func encode(_ m: IncidentMention) -> String {
        var w = Writer()
        w.open()
        w.key("attribution", m.attribution?.rawValue)
        if let date = m.date { w.key("date"); w.date(date) }
        w.key("eventType", m.eventType.rawValue)
        w.key("evidence", m.evidence)
        w.key("fieldEvidence")
        w.open()
        for key in m.fieldEvidence.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
            w.key(key, m.fieldEvidence[key])
        }
        w.close()
        w.key("injured", m.injured)
        w.key("killed", m.killed)
        w.key("killedQualifier", m.killedQualifier?.rawValue)
        w.key("perpetrator", m.perpetrator)
        if let place = m.place { w.key("place"); w.place(place) }
        w.key("role", m.role.rawValue)
        w.key("target", m.target)
        w.close()
        return w.string
    }

    /// Appends JSON to a byte buffer; `key` opens a member (with its comma), the value follows.
    struct Writer {
        private var bytes: [UInt8] = []
        /// Whether the innermost open object has a member yet (decides the comma).
        private var hasMember: [Bool] = []

        init() { bytes.reserveCapacity(1024) }

        var string: String { String(decoding: bytes, as: UTF8.self) }

        mutating func open() {
            bytes.append(UInt8(ascii: "{"))
            hasMember.append(false)
        }

        mutating func close() {
            bytes.append(UInt8(ascii: "}"))
            hasMember.removeLast()
        }

        mutating func key(_ name: String) {
            if hasMember[hasMember.count - 1] { bytes.append(UInt8(ascii: ",")) }
            hasMember[hasMember.count - 1] = true
            quoted(name)
            bytes.append(UInt8(ascii: ":"))
        }

        /// A string member, left out when nil.
        mutating func key(_ name: String, _ value: String?) {
            guard let value else { return }
            key(name)
            quoted(value)
        }

        /// An integer member, left out when nil.
        mutating func key(_ name: String, _ value: Int?) {
            guard let value else { return }
            key(name)
            JSONList.appendDecimal(Int64(value), to: &bytes)
        }

        /// A Double member, left out when nil: `description` without a trailing ".0". JSON has no
        /// infinity or NaN (`JSONEncoder` refused the whole record): such a value is left out too.
        mutating func key(_ name: String, _ value: Double?) {
            guard let value, value.isFinite else { return }
            key(name)
            var text = value.description
            if text.hasSuffix(".0") { text.removeLast(2) }
            bytes.append(contentsOf: text.utf8)
        }

        mutating func array(_ values: [String]) {
            bytes.append(UInt8(ascii: "["))
            for (i, value) in values.enumerated() {
                if i > 0 { bytes.append(UInt8(ascii: ",")) }
                quoted(value)
            }
            bytes.append(UInt8(ascii: "]"))
        }

        mutating func date(_ d: IncidentDate) {
            open()
            key("end"); day(d.end)
            key("precision", d.precision.rawValue)
            key("start"); day(d.start)
            close()
        }

        mutating func day(_ d: CalendarDay) {
            open()
            key("day", d.day)
            key("month", d.month)
            key("year", d.year)
            close()
        }

        mutating func place(_ p: Place) {
            open()
            key("admin1", p.admin1)
            key("country", p.country)
            key("latitude", p.latitude)
            key("longitude", p.longitude)
            key("name", p.name)
            close()
        }

        /// A JSON string as `JSONEncoder` escapes it (`/` included). Runs of bytes needing no escape
        /// (nearly all of an evidence sentence) are copied in one go.
        mutating func quoted(_ s: String) {
            bytes.append(UInt8(ascii: "\""))
            var s = s
            s.withUTF8 { utf8 in
                var plainStart = 0
                for (i, byte) in utf8.enumerated() where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "/") {
                    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[plainStart..<i]))
                    escape(byte)
                    plainStart = i + 1
                }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[plainStart...]))
            }
            bytes.append(UInt8(ascii: "\""))
        }

        private mutating func escape(_ byte: UInt8) {
            bytes.append(UInt8(ascii: "\\"))
            switch byte {
            case 0x08: bytes.append(UInt8(ascii: "b"))
            case 0x0C: bytes.append(UInt8(ascii: "f"))
            case 0x0A: bytes.append(UInt8(ascii: "n"))
            case 0x0D: bytes.append(UInt8(ascii: "r"))
            case 0x09: bytes.append(UInt8(ascii: "t"))
            case 0x00..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                bytes.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
            default: bytes.append(byte)  // a quote, a backslash or a slash, after its backslash
            }
        }
    }
}
