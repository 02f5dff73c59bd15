/// A list of values passed to SQLite as ONE argument, a JSON array that the statement unpacks
/// with `json_each(?)` (SQLite's JSON functions are built in since 3.38).
///
/// A statement with one `?` per value has a different text for every list length, so each length
/// was parsed and cached separately, and GRDB converted every value into a bound argument one by
/// one. One text argument keeps the SQL fixed and the binding to a single string. The text is
/// written byte by byte: `String(Int64)` and scalar-by-scalar escaping cost more than the lookups.
enum JSONList {
    /// `[1,-2,3]`: integers are exact in SQLite's JSON (the whole 64-bit range).
    static func integers(_ values: some Sequence<Int64>) -> String {
        var out: [UInt8] = [UInt8(ascii: "[")]
        out.reserveCapacity(2 + 21 * values.underestimatedCount)
        for value in values {
            if out.count > 1 { out.append(UInt8(ascii: ",")) }
            appendDecimal(value, to: &out)
        }
        out.append(UInt8(ascii: "]"))
        return String(decoding: out, as: UTF8.self)
    }

    /// `["a","b"]`, each string escaped as JSON requires.
    static func strings(_ values: some Sequence<String>) -> String {
        var out: [UInt8] = [UInt8(ascii: "[")]
        for value in values {
            if out.count > 1 { out.append(UInt8(ascii: ",")) }
            appendString(value, to: &out)
        }
        out.append(UInt8(ascii: "]"))
        return String(decoding: out, as: UTF8.self)
    }

    static func appendDecimal(_ value: Int64, to out: inout [UInt8]) {
        if value < 0 { out.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes: room for the 20 digits of 2^64
        withUnsafeMutableBytes(of: &digits) { buffer in
            var i = buffer.count
            repeat {
                i -= 1
                buffer[i] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            out.append(contentsOf: buffer[i...])
        }
    }

    /// A JSON string literal. Names and keys rarely hold a character that needs escaping: those
    /// are copied as they are; the others go through `PayloadJSON.append`.
    static func appendString(_ value: String, to out: inout [UInt8]) {
        // Through the contiguous bytes: iterating `utf8` of a small (inline) string went byte by
        // byte through the string's storage checks, some 900 instructions per blocking key.
        var value = value
        let plain = value.withUTF8 { bytes in
            guard bytes.allSatisfy({ $0 >= 0x20 && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") }) else { return false }
            out.append(UInt8(ascii: "\""))
            out.append(contentsOf: bytes)
            out.append(UInt8(ascii: "\""))
            return true
        }
        if !plain {
            var escaped = ""
            PayloadJSON.append(value, to: &escaped)
            out.append(contentsOf: escaped.utf8)
        }
    }
}
