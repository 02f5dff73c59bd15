import ArgumentParser
import Foundation
import IncidentModel
import IncidentStore

/// `incidentctl export`: every incident as ndjson (evaluation contract), CSV (ACLED column order) or GeoJSON.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write all incidents as ndjson, csv or geojson on stdout."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case ndjson, csv, geojson }

    @OptionGroup var db: DatabaseOptions
    @Option(help: "ndjson, csv or geojson.") var format: Format = .ndjson

    func run() throws {
        let database = try db.open(readOnly: true)
        var out = BufferedOutput()
        switch format {
        case .ndjson:
            try database.forEachIncident { out.write(MentionJSON.line(IncidentExport.object($0)) + "\n") }
        case .csv:
            out.write(IncidentExport.csvHeader + "\n")
            try database.forEachIncident { out.write(IncidentExport.csvRow($0) + "\n") }
        case .geojson:
            out.write("{\"type\":\"FeatureCollection\",\"features\":[\n")
            var first = true
            try database.forEachIncident { incident in
                guard let feature = IncidentExport.geoFeature(incident) else { return }
                out.write((first ? "" : ",\n") + MentionJSON.line(feature))
                first = false
            }
            out.write("\n]}\n")
        }
        out.flush()
    }
}

/// Collects output and writes it in large chunks.
struct BufferedOutput {
    private var buffer = ""
    mutating func write(_ s: String) {
        buffer += s
        if buffer.utf8.count > 1 << 16 { flush() }
    }
    mutating func flush() {
        FileHandle.standardOutput.write(Data(buffer.utf8))
        buffer = ""
    }
}
