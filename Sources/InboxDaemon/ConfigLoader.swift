import Foundation
import TOMLKit

/// Builds a `DaemonConfig` from defaults < TOML file < environment (`INCIDENTD_*`) < flags.
public enum ConfigLoader {
    /// Every key, with how to read it from text; the TOML file, environment and flags share it.
    enum Kind { case path, string, integer, boolean, number, level }
    static let keys: [(name: String, kind: Kind)] = [
        ("inbox", .path), ("archive", .path), ("rejected", .path), ("database", .path),
        ("max_file_size", .integer), ("delete_after_processing", .boolean), ("journal_identifier", .string),
        ("journal_socket", .path), ("log_level", .level), ("log_to_stderr", .boolean),
        ("database_busy_timeout", .number), ("dictionaries", .path), ("data_directory", .path),
        ("extraction_threads", .integer), ("near_duplicate_window", .integer),
    ]

    /// Loads the configuration.
    /// - Parameters:
    ///   - file: TOML file; a missing file is an error only when `fileRequired`.
    ///   - overrides: values from command-line flags, by key name.
    public static func load(
        base: DaemonConfig = DaemonConfig(), file: String?, fileRequired: Bool,
        environment: [String: String] = ProcessInfo.processInfo.environment, overrides: [String: String] = [:]
    ) throws(ConfigError) -> DaemonConfig {
        var config = base
        if let file {
            if FileManager.default.fileExists(atPath: file) {
                try applyFile(file, to: &config)
            } else if fileRequired {
                throw ConfigError(key: "--config", source: file, problem: "file does not exist")
            }
        }
        for (name, _) in keys {
            let env = "INCIDENTD_" + name.uppercased()
            if let v = environment[env] { try apply(name, v, source: "environment \(env)", to: &config) }
        }
        for (name, value) in overrides.sorted(by: { $0.key < $1.key }) {
            try apply(name, value, source: "command line", to: &config)
        }
        try validate(config)
        return config
    }

    static func applyFile(_ path: String, to config: inout DaemonConfig) throws(ConfigError) {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw ConfigError(key: "--config", source: path, problem: "cannot read: \(error.localizedDescription)")
        }
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let e as TOMLParseError {
            throw ConfigError(key: "(syntax)", source: "\(path):\(e.source.begin.line)", problem: e.description)
        } catch {
            throw ConfigError(key: "(syntax)", source: path, problem: "\(error)")
        }
        let known = Set(keys.map(\.name))
        for key in table.keys {
            guard known.contains(key) else {
                throw ConfigError(key: key, source: path, problem: "unknown key (known: \(keys.map(\.name).joined(separator: ", ")))")
            }
            guard let value = table[key] else { continue }
            let text: String
            switch value.type {
            case .string: text = value.string ?? ""
            case .int: text = String(value.int ?? 0)
            case .double: text = String(value.double ?? 0)
            case .bool: text = (value.bool ?? false) ? "true" : "false"
            default: throw ConfigError(key: key, source: path, problem: "expected a string, number or boolean")
            }
            try apply(key, text, source: path, to: &config)
        }
    }

    static func apply(_ key: String, _ raw: String, source: String, to c: inout DaemonConfig) throws(ConfigError) {
        guard let kind = keys.first(where: { $0.name == key })?.kind else {
            throw ConfigError(key: key, source: source, problem: "unknown key")
        }
        func bad(_ why: String) -> ConfigError { ConfigError(key: key, source: source, problem: "\(why) (got \"\(raw)\")") }
        switch kind {
        case .path, .string:
            guard !raw.isEmpty || key == "data_directory" else { throw bad("must not be empty") }
        case .integer:
            guard let n = Int(raw), n > 0 else { throw bad("expected a positive whole number") }
        case .number:
            guard let n = Double(raw), n >= 0 else { throw bad("expected a number of seconds") }
        case .boolean:
            guard ["true", "false", "yes", "no", "1", "0"].contains(raw.lowercased()) else { throw bad("expected true or false") }
        case .level:
            guard ["trace", "debug", "info", "notice", "warning", "error", "critical"].contains(raw) else {
                throw bad("expected one of trace, debug, info, notice, warning, error, critical")
            }
        }
        let yes = ["true", "yes", "1"].contains(raw.lowercased())
        switch key {
        case "inbox": c.inbox = raw
        case "archive": c.archive = raw
        case "rejected": c.rejected = raw
        case "database": c.database = raw
        case "max_file_size": c.maxFileSize = Int(raw)!
        case "delete_after_processing": c.deleteAfterProcessing = yes
        case "journal_identifier": c.journalIdentifier = raw
        case "journal_socket": c.journalSocket = raw
        case "log_level": c.logLevel = raw
        case "log_to_stderr": c.logToStderr = yes
        case "database_busy_timeout": c.databaseBusyTimeout = Double(raw)!
        case "dictionaries": c.dictionaries = raw
        case "data_directory": c.dataDirectory = raw
        case "extraction_threads": c.extractionThreads = Int(raw)!
        case "near_duplicate_window": c.nearDuplicateWindow = Int(raw)!
        default: throw bad("unknown key")
        }
    }

    static func validate(_ c: DaemonConfig) throws(ConfigError) {
        let id = c.journalIdentifier
        guard id.count <= 64, !id.contains(where: { $0.isWhitespace || $0 == "=" }) else {
            throw ConfigError(key: "journal_identifier", source: "merged configuration", problem: "must be a short word without spaces")
        }
        func standardized(_ p: String) -> String { (p as NSString).standardizingPath }
        let inbox = standardized(c.inbox)
        for (key, path) in [("archive", c.archive), ("rejected", c.rejected)] where standardized(path) == inbox {
            throw ConfigError(key: key, source: "merged configuration", problem: "must differ from inbox")
        }
    }
}
