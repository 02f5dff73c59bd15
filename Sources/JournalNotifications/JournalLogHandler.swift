import Foundation
import Logging

/// swift-log backend that writes operational logs to the journal (level → PRIORITY) through the
/// non-blocking delivery thread, and optionally mirrors them to stderr for terminals.
public struct JournalLogHandler: LogHandler {
    public var metadata: Logger.Metadata = [:]
    public var logLevel: Logger.Level
    private let label: String
    private let delivery: JournalDelivery
    private let identifier: String
    private let mirrorToStderr: Bool

    public init(label: String, delivery: JournalDelivery, identifier: String, level: Logger.Level, mirrorToStderr: Bool) {
        self.label = label
        self.delivery = delivery
        self.identifier = identifier
        self.logLevel = level
        self.mirrorToStderr = mirrorToStderr
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var merged = metadata
        if let extra = event.metadata { merged.merge(extra) { _, new in new } }
        var text = "\(event.message)"
        let pairs = merged.sorted { $0.key < $1.key }
        if !pairs.isEmpty { text += " " + pairs.map { "\($0.key)=\($0.value)" }.joined(separator: " ") }
        var fields: [(String, String)] = [
            ("MESSAGE", text),
            ("PRIORITY", String(Self.priority(event.level))),
            ("SYSLOG_IDENTIFIER", identifier),
            ("LOGGER", label),
            ("CODE_FILE", event.file),
            ("CODE_LINE", String(event.line)),
            ("CODE_FUNC", event.function),
        ]
        for (key, value) in pairs {
            let name = Self.fieldName(key)
            if !name.isEmpty { fields.append((name, "\(value)")) }
        }
        delivery.enqueue(fields)
        if mirrorToStderr {
            FileHandle.standardError.write(Data("\(identifier)[\(event.level)]: \(text)\n".utf8))
        }
    }

    /// syslog priorities: critical 2, error 3, warning 4, notice 5, info 6, debug/trace 7.
    public static func priority(_ level: Logger.Level) -> Int {
        switch level {
        case .critical: 2
        case .error: 3
        case .warning: 4
        case .notice: 5
        case .info: 6
        case .debug, .trace: 7
        }
    }

    /// Metadata keys become journal field names (uppercase A-Z0-9_, not starting with a digit or _).
    static func fieldName(_ key: String) -> String {
        var out = ""
        for u in key.uppercased().unicodeScalars {
            if ("A"..."Z").contains(u) || ("0"..."9").contains(u) { out.unicodeScalars.append(u) } else { out += "_" }
        }
        while out.first == "_" || (out.first?.isNumber ?? false) { out.removeFirst() }
        return String(out.prefix(64))
    }
}
