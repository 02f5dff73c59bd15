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

    /// Originals per generation of indexed near-duplicate bands, as the daemon's
    /// `near_duplicate_window`: from $INCIDENTD_NEAR_DUPLICATE_WINDOW, else the default.
    var nearDuplicateWindow: Int {
        ProcessInfo.processInfo.environment["INCIDENTD_NEAR_DUPLICATE_WINDOW"].flatMap { Int($0) }.flatMap { $0 > 0 ? $0 : nil }
            ?? IncidentDatabase.defaultNearDuplicateWindow
    }

    func open(readOnly: Bool = false) throws -> IncidentDatabase {
        if readOnly, !FileManager.default.fileExists(atPath: path) {
            throw ValidationError("no database at \(path); pass --database PATH")
        }
        return try IncidentDatabase(path: path, readOnly: readOnly, nearDuplicateWindow: nearDuplicateWindow)
    }
}
