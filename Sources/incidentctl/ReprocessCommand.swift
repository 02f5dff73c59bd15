import ArgumentParser
import Foundation
import IncidentModel
import IncidentStore

/// `incidentctl reprocess`: re-extract all stored articles with the current rules and rebuild incidents.
struct ReprocessCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reprocess",
        abstract: "Re-extract every stored article with the current rules and rebuild incidents (ids kept; only real changes are announced)."
    )

    @OptionGroup var db: DatabaseOptions
    @Option(help: "Directory of dictionaries and gazetteer (default: the shipped Config).") var dataDir: String?

    func run() throws {
        let database = try db.open()
        let extractor = try ExtractorFactory.make(dataDir: dataDir)
        let summary = try database.reprocess { text, day in extractor.extract(text: text, fallbackReferenceDate: day) }
        print("reprocessed \(summary.articles) articles: \(summary.incidentsBefore) incidents before, \(summary.incidentsAfter) after")
        print("  new: \(summary.created.count)  materially updated: \(summary.updated.count)  no longer supported: \(summary.vanished.count)")
        if !summary.vanished.isEmpty {
            print("  incidents no article supports any more: \(summary.vanished.map(String.init).joined(separator: ", "))")
        }
        if !summary.created.isEmpty || !summary.updated.isEmpty {
            print("  their journal entries are queued in the outbox; a running incidentd sends them")
        }
    }
}
