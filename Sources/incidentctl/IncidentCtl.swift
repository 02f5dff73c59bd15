import ArgumentParser

/// `incidentctl`: query, export and backfill the incident store, and try extraction on files.
@main
struct IncidentCtl: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "incidentctl",
        abstract: "Inspect, extract, ingest and export conflict incidents recorded by incidentd.",
        subcommands: [ExtractCommand.self, IngestCommand.self, ExportCommand.self, StatusCommand.self, ReprocessCommand.self]
    )
}
