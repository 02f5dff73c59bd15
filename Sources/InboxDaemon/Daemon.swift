import Foundation
import IncidentExtraction
import IncidentModel
import IncidentPipeline
import IncidentStore
import JournalNotifications
import Logging
import UnixSignals
import SystemBridge

/// The running daemon: wires configuration, store, extraction, journal delivery, the ingest
/// worker and the inbox watcher, and answers signals (SIGTERM/SIGINT stop, SIGHUP reloads).
public final class Daemon: @unchecked Sendable {
    public struct Options: Sendable {
        public var configFile: String?
        public var configRequired: Bool
        public var overrides: [String: String]
        public init(configFile: String?, configRequired: Bool, overrides: [String: String]) {
            self.configFile = configFile
            self.configRequired = configRequired
            self.overrides = overrides
        }
    }

    private let options: Options
    private var config: DaemonConfig
    private let notifier = ServiceNotifier()

    public init(options: Options, config: DaemonConfig) {
        self.options = options
        self.config = config
    }

    /// Loads the configuration or explains what is wrong with it.
    public static func loadConfig(_ options: Options) throws(ConfigError) -> DaemonConfig {
        try ConfigLoader.load(file: options.configFile, fileRequired: options.configRequired, overrides: options.overrides)
    }

    /// Runs until SIGTERM/SIGINT; returns the process exit status.
    public func run() async -> Int32 {
        let journal = JournalWriter(socketPath: config.journalSocket)
        let database: IncidentDatabase
        do {
            database = try IncidentDatabase(path: config.database, busyTimeout: config.databaseBusyTimeout, autoCheckpoint: false,
                                            nearDuplicateWindow: config.nearDuplicateWindow)
        } catch {
            FileHandle.standardError.write(Data("incidentd: \(error)\n".utf8))
            return 73  // EX_CANTCREAT
        }
        let delivery = JournalDelivery(writer: journal, database: database, identifier: config.journalIdentifier)
        let identifier = config.journalIdentifier
        let level = Logger.Level(rawValue: config.logLevel) ?? .info
        let mirror = config.logToStderr || isatty(2) == 1
        LoggingSystem.bootstrap { label in
            JournalLogHandler(label: label, delivery: delivery, identifier: identifier, level: level, mirrorToStderr: mirror)
        }
        let logger = Logger(label: "incidentd")
        delivery.start()

        let extractor: IncidentExtractor
        do {
            extractor = try Self.makeExtractor(config)
        } catch {
            logger.critical("cannot load dictionaries and gazetteer: \(error)")
            delivery.stop(timeout: 2)
            return 78
        }
        let pipeline = ArticlePipeline(database: database, extractor: extractor)
        let checkpointer = WALCheckpointer(databasePath: config.database)
        checkpointer.start()
        let worker = IngestWorker(config: config, pipeline: pipeline, delivery: delivery, logger: logger)
        worker.start()
        let watcher = InboxWatcher(inbox: config.inbox, excluding: [config.archive, config.rejected], worker: worker, logger: logger)

        let started = Date()
        let notifier = self.notifier
        let config = self.config
        let watchTask = Task {
            await watcher.run {
                notifier.ready(status: Self.status(worker: worker, database: database, delivery: delivery, inbox: config.inbox))
            }
        }
        delivery.enqueue([
            ("MESSAGE", "incidentd started: watching \(config.inbox), database \(config.database)"),
            ("MESSAGE_ID", MessageID.daemonStarted.rawValue), ("PRIORITY", "6"), ("SYSLOG_IDENTIFIER", identifier),
            ("INBOX", config.inbox), ("DATABASE", config.database),
        ])
        let heartbeat = Task {
            let interval = notifier.watchdogInterval.map { $0 / 2 } ?? .seconds(2)
            let limit = Double(notifier.watchdogInterval?.components.seconds ?? 30)
            var lastStatus = ""
            while !Task.isCancelled {
                if worker.isHealthy(within: limit) { notifier.watchdogPing() }
                let status = Self.status(worker: worker, database: database, delivery: delivery, inbox: config.inbox)
                if status != lastStatus { notifier.status(status) }
                lastStatus = status
                try? await Task.sleep(for: min(interval, .seconds(2)))
            }
        }

        let signals = await UnixSignalsSequence(trapping: .sigterm, .sigint, .sighup)
        for await signal in signals {
            if signal == .sighup {
                reload(worker: worker, logger: logger, delivery: delivery)
                continue
            }
            logger.notice("received \(signal); finishing the current file and stopping")
            break
        }

        notifier.stopping()
        watcher.close()
        worker.stop(timeout: 20)  // under the unit's TimeoutStopSec=30s
        checkpointer.stop(timeout: 5)
        watchTask.cancel()
        heartbeat.cancel()
        let s = worker.snapshot
        delivery.enqueue([
            ("MESSAGE", "incidentd stopped after \(Int(Date().timeIntervalSince(started)))s: \(s.articles) articles, \(s.newIncidents) new incidents, \(s.rejected) rejected"),
            ("MESSAGE_ID", MessageID.daemonStopped.rawValue), ("PRIORITY", "5"), ("SYSLOG_IDENTIFIER", identifier),
        ])
        delivery.outboxChanged()
        delivery.stop(timeout: 2)
        return 0
    }

    private func reload(worker: IngestWorker, logger: Logger, delivery: JournalDelivery) {
        notifier.reloading()
        do {
            let fresh = try Self.loadConfig(options)
            let fixed = [("inbox", fresh.inbox != config.inbox), ("database", fresh.database != config.database),
                         ("journal_socket", fresh.journalSocket != config.journalSocket)].filter(\.1).map(\.0)
            if !fixed.isEmpty { logger.warning("reload: \(fixed.joined(separator: ", ")) changes need a restart; keeping the running values") }
            var applied = fresh
            applied.inbox = config.inbox
            applied.database = config.database
            applied.journalSocket = config.journalSocket
            config = applied
            worker.update(config: applied)
            logger.notice("configuration reloaded", metadata: ["MESSAGE_ID": "\(MessageID.configReloaded.rawValue)"])
        } catch {
            logger.error("reload failed, keeping the previous configuration: \(error)",
                         metadata: ["MESSAGE_ID": "\(MessageID.configReloaded.rawValue)"])
        }
        notifier.ready(status: nil)
    }

    static func makeExtractor(_ config: DaemonConfig) throws -> IncidentExtractor {
        var dirs: [URL] = []
        if !config.dataDirectory.isEmpty {
            dirs.append(URL(fileURLWithPath: config.dataDirectory))
        } else if let shipped = DataDirectories.shipped() {
            dirs.append(shipped)
        } else {
            throw ConfigError(key: "data_directory", source: "search", problem: "no data directory with extraction/ found; set data_directory or INCIDENTD_DATA_DIR")
        }
        if FileManager.default.fileExists(atPath: config.dictionaries) { dirs.append(URL(fileURLWithPath: config.dictionaries)) }
        return IncidentExtractor(resources: try ExtractionResources.load(from: dirs))
    }

    static func status(worker: IngestWorker, database: IncidentDatabase, delivery: JournalDelivery, inbox: String) -> String {
        let s = worker.snapshot
        var text = s.paused ? "Paused (storage problem), " : "Watching \(inbox): "
        text += "\(s.articles) articles, \(s.newIncidents) new incidents, \(s.updatedIncidents) updates, \(s.duplicates) duplicates, \(s.rejected) rejected, \(s.queued) queued"
        if !delivery.isJournalReachable { text += "; journald unreachable" }
        return text
    }
}
