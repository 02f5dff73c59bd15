/// One structured journal entry: ordered `NAME=value` fields, validated the way journald does.
///
/// journald silently drops fields whose names are not `^[A-Z][A-Z0-9_]{0,63}$` (and `_`-prefixed,
/// trusted ones), while `sd_journal_sendv` still reports success. Validating here turns that silent loss
/// into `invalidFieldNames`, which the caller can log or test for.
public struct JournalEntry: Sendable {
    /// The valid fields, in order. Values may contain newlines, `=` or any other bytes.
    public private(set) var fields: [(name: String, value: String)]
    /// Names that were rejected (not sent).
    public private(set) var invalidFieldNames: [String]

    /// Creates an entry from a literal: `JournalEntry(["MESSAGE": "hi", "PRIORITY": "6"])`.
    public init(_ fields: KeyValuePairs<String, String>) {
        self.init(fields: fields.map { ($0.key, $0.value) })
    }

    /// Creates an entry from ordered pairs; a name may repeat (journald keeps every value).
    public init(fields: [(String, String)]) {
        self.fields = []
        self.invalidFieldNames = []
        for (name, value) in fields { append(name, value) }
    }

    /// Appends a field, or records its name in `invalidFieldNames` if journald would drop it.
    public mutating func append(_ name: String, _ value: String) {
        if Self.isValidFieldName(name) {
            fields.append((name: name, value: value))
        } else {
            invalidFieldNames.append(name)
        }
    }

    /// The first value of `name`, if present.
    public subscript(name: String) -> String? {
        fields.first { $0.name == name }?.value
    }

    /// `^[A-Z][A-Z0-9_]{0,63}$`: what journald accepts from a client.
    public static func isValidFieldName(_ name: String) -> Bool {
        let bytes = name.utf8
        guard let first = bytes.first, bytes.count <= 64, (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(first) else {
            return false
        }
        return bytes.allSatisfy { byte in
            (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || byte == UInt8(ascii: "_")
        }
    }

    /// `NAME=value` items in one contiguous buffer (the layout `sd_journal_sendv` takes).
    func sendvItems() -> (bytes: [UInt8], ranges: [Range<Int>]) {
        var bytes: [UInt8] = []
        var ranges: [Range<Int>] = []
        bytes.reserveCapacity(fields.reduce(0) { $0 + $1.name.utf8.count + $1.value.utf8.count + 1 })
        for field in fields {
            let start = bytes.count
            bytes.append(contentsOf: field.name.utf8)
            bytes.append(UInt8(ascii: "="))
            bytes.append(contentsOf: field.value.utf8)
            ranges.append(start..<bytes.count)
        }
        return (bytes, ranges)
    }

    /// journald's native datagram format: `NAME=value\n`, or for values with a newline
    /// `NAME\n` + 64-bit little-endian length + bytes + `\n`.
    func nativeDatagram() -> [UInt8] {
        var bytes: [UInt8] = []
        for field in fields {
            bytes.append(contentsOf: field.name.utf8)
            let value = field.value.utf8
            if value.contains(UInt8(ascii: "\n")) {
                bytes.append(UInt8(ascii: "\n"))
                withUnsafeBytes(of: UInt64(value.count).littleEndian) { bytes.append(contentsOf: $0) }
                bytes.append(contentsOf: value)
            } else {
                bytes.append(UInt8(ascii: "="))
                bytes.append(contentsOf: value)
            }
            bytes.append(UInt8(ascii: "\n"))
        }
        return bytes
    }
}
