import Foundation
import IncidentStore

/// Everything the daemon can be told, with the defaults a packaged install uses.
///
/// A plain value: `ConfigLoader` fills it from defaults, the TOML file, the environment and the
/// command line (in that order of precedence, last wins), so tests can build one directly.
public struct DaemonConfig: Sendable, Hashable {
    /// Folder watched for new articles (recursively).
    public var inbox = "/var/spool/incidentd/inbox"
    /// Where processed files move, in dated subfolders.
    public var archive = "/var/spool/incidentd/archive"
    /// Where refused files move, each with `NAME.reason`.
    public var rejected = "/var/spool/incidentd/rejected"
    /// The SQLite database file.
    public var database = "/var/lib/incidentd/incidents.sqlite"
    /// Files larger than this many bytes are rejected unread.
    public var maxFileSize = 5 * 1024 * 1024
    /// Delete processed files instead of archiving them.
    public var deleteAfterProcessing = false
    /// SYSLOG_IDENTIFIER of every journal entry.
    public var journalIdentifier = "incidentd"
    /// Journal socket (tests point it elsewhere to simulate an absent journald).
    public var journalSocket = "/run/systemd/journal/socket"
    /// trace, debug, info, notice, warning, error, critical.
    public var logLevel = "info"
    /// Mirror operational logs to stderr (defaults to on when stderr is a terminal).
    public var logToStderr = false
    /// Seconds a write waits for another process's database lock before retrying.
    public var databaseBusyTimeout = 10.0
    /// Extra dictionary/gazetteer directory that extends the shipped data (user aliases, actors).
    public var dictionaries = "/etc/incidentd/dictionaries"
    /// Shipped data directory; empty means search the usual places.
    public var dataDirectory = ""
    /// Threads that read and extract queued files in parallel during a burst; 0 means one per CPU
    /// (at most 4). Recording stays on one thread, in queue order.
    public var extractionThreads = 0
    /// Originals per generation of indexed near-duplicate bands: a near-copy is linked to its
    /// original when at most this many (up to twice as many) originals arrived in between.
    public var nearDuplicateWindow = IncidentDatabase.defaultNearDuplicateWindow

    /// The number of extraction threads to run.
    public var effectiveExtractionThreads: Int {
        extractionThreads > 0 ? extractionThreads : Self.defaultExtractionThreads
    }

    /// Read once: asking for the CPU count reads cgroup files each time.
    private static let defaultExtractionThreads = max(1, min(4, ProcessInfo.processInfo.activeProcessorCount))

    public init() {}

    /// The quick-start layout under a working directory: `./inbox`, state in `./state`.
    public static func local(root: String) -> DaemonConfig {
        var c = DaemonConfig()
        c.inbox = root + "/inbox"
        c.archive = root + "/state/archive"
        c.rejected = root + "/state/rejected"
        c.database = root + "/state/incidents.sqlite"
        c.dictionaries = root + "/Config/dictionaries"
        return c
    }
}

/// A configuration problem, naming the key and the source so the admin can fix it; the daemon
/// exits with status 78 (EX_CONFIG).
public struct ConfigError: Error, Sendable, CustomStringConvertible {
    public let key: String
    public let source: String
    public let problem: String

    public init(key: String, source: String, problem: String) {
        self.key = key
        self.source = source
        self.problem = problem
    }

    public var description: String { "configuration error: \(key) (\(source)): \(problem)" }

    public static let exitCode: Int32 = 78
}
