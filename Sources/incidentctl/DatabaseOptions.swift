import ArgumentParser
import Foundation
import IncidentStore

/// The `--database` option every store command shares.
struct DatabaseOptions: ParsableArguments {
    @Option(help: "SQLite database (default: $INCIDENTD_DATABASE, else /var/lib/incidentd/incidents.sqlite).")
    var database: String?

    var path: String {
        database ?? ProcessInfo.processInfo.environment["INCIDENTD_DATABASE"] ?? "/var/lib/incidentd/incidents.sqlite"
    }

    func open(readOnly: Bool = false) throws -> IncidentDatabase {
        if readOnly, !FileManager.default.fileExists(atPath: path) {
            throw ValidationError("no database at \(path); pass --database PATH")
        }
        return try IncidentDatabase(path: path, readOnly: readOnly)
    }
}
