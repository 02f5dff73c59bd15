import ArgumentParser
import Foundation
import InboxDaemon

/// `incidentd`: the inbox daemon. Flags override the environment, which overrides the config file.
@main
struct IncidentDaemonCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "incidentd",
        abstract: "Watch an inbox folder for news articles, record the conflict incidents they report, and notify the journal."
    )

    @Option(help: "TOML configuration file (default /etc/incidentd/incidentd.toml when it exists).")
    var config: String?
    @Option(help: "Folder to watch for new articles.") var inbox: String?
    @Option(help: "SQLite database file.") var database: String?
    @Option(help: "Folder processed files move to.") var archive: String?
    @Option(help: "Folder refused files move to, each with NAME.reason.") var rejected: String?
    @Option(help: "SYSLOG_IDENTIFIER of journal entries.") var journalIdentifier: String?
    @Option(help: "Largest accepted file in bytes.") var maxFileSize: String?
    @Option(help: "Log level: trace, debug, info, notice, warning, error, critical.") var logLevel: String?
    @Option(help: "Directory of shipped dictionaries and gazetteer.") var dataDirectory: String?
    @Flag(help: "Delete processed files instead of archiving them.") var deleteAfterProcessing = false
    @Flag(help: "Also print operational logs on stderr.") var logToStderr = false

    func run() async throws {
        var overrides: [String: String] = [:]
        overrides["inbox"] = inbox
        overrides["database"] = database
        overrides["archive"] = archive
        overrides["rejected"] = rejected
        overrides["journal_identifier"] = journalIdentifier
        overrides["max_file_size"] = maxFileSize
        overrides["log_level"] = logLevel
        overrides["data_directory"] = dataDirectory
        if deleteAfterProcessing { overrides["delete_after_processing"] = "true" }
        if logToStderr { overrides["log_to_stderr"] = "true" }
        let options = Daemon.Options(
            configFile: config ?? "/etc/incidentd/incidentd.toml", configRequired: config != nil, overrides: overrides)
        let loaded: DaemonConfig
        do {
            loaded = try Daemon.loadConfig(options)
        } catch {
            FileHandle.standardError.write(Data("incidentd: \(error)\n".utf8))
            throw ExitCode(ConfigError.exitCode)
        }
        let status = await Daemon(options: options, config: loaded).run()
        if status != 0 { throw ExitCode(status) }
    }
}

