import ArgumentParser
import Foundation
import IncidentStore

/// `incidentctl status`: counts from the database, readable by people or as JSON.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "status", abstract: "Show what the database holds.")

    @OptionGroup var db: DatabaseOptions
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        let database = try db.open(readOnly: true)
        let c = try database.counters()
        if json {
            print("{\"articles\":\(c.articles),\"incidents\":\(c.incidents),\"duplicates\":\(c.duplicates),\"rejected\":\(c.rejected),\"pending_notifications\":\(c.pendingNotifications)}")
        } else {
            print("database \(database.path)")
            print("  articles \(c.articles)  incidents \(c.incidents)  duplicate files \(c.duplicates)  rejected files \(c.rejected)")
            print("  notifications waiting for journald \(c.pendingNotifications)")
        }
    }
}
