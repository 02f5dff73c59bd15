import ArgumentParser
import Foundation
import IncidentModel
import IncidentPipeline
import IncidentStore
import InboxDaemon
import JournalNotifications
import SystemBridge

/// `incidentctl ingest`: the daemon's pipeline on files given in order (backfill); files stay put.
struct IngestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Record articles into the database with the daemon's pipeline, in the given order, without moving them."
    )

    @OptionGroup var db: DatabaseOptions
    @Option(help: "Directory of dictionaries and gazetteer (default: the shipped Config).") var dataDir: String?
    @Option(help: "Largest accepted file in bytes.") var maxFileSize = 5 * 1024 * 1024
    @Flag(help: "Send the resulting notifications to the journal (default: a backfill is silent).") var notify = false
    @Option(help: "SYSLOG_IDENTIFIER for --notify.") var journalIdentifier = "incidentd"
    @Argument(help: "Article files.") var files: [String]

    func run() throws {
        let database = try db.open()
        let pipeline = ArticlePipeline(database: database, extractor: try ExtractorFactory.make(dataDir: dataDir))
        var failures = 0
        var notifications: [Int64] = []
        for file in files {
            let name = (file as NSString).lastPathComponent
            do {
                let (bytes, facts) = try readFile(file)
                let origin = FileOrigin(fileName: name, inboxPath: file, device: facts.device, inode: facts.inode,
                                        size: facts.size, modificationTime: facts.modificationTime)
                let outcome = try pipeline.ingest(bytes: bytes, origin: origin, receivedAt: Date().timeIntervalSince1970, destination: nil)
                try database.settle(receiptID: outcome.receiptID, finalPath: file)
                notifications += outcome.notifications.map(\.id)
                switch outcome.disposition {
                case .recorded(_, let near):
                    print("\(file): \(outcome.newIncidents.count) new, \(outcome.updatedIncidents.count) updated incidents" + (near.map { " (near-copy of article \($0))" } ?? ""))
                case .duplicate(_, let first):
                    print("\(file): duplicate of \(first)")
                }
            } catch let reason as RejectionReason {
                failures += 1
                FileHandle.standardError.write(Data("\(file): rejected: \(reason)\n".utf8))
            }
        }
        if notify {
            let delivery = JournalDelivery(writer: JournalWriter(), database: database, identifier: journalIdentifier)
            delivery.start()
            delivery.outboxChanged()
            let finished = delivery.stop(timeout: 10)
            if try !finished || database.pendingNotificationCount() > 0 {
                FileHandle.standardError.write(Data("some notifications could not reach journald; they stay in the outbox\n".utf8))
            }
        } else {
            try database.markSent(notifications)
        }
        if failures > 0 { throw ExitCode(1) }
    }

    private func readFile(_ path: String) throws -> ([UInt8], FileFacts) {
        switch try SafeFile.read(atPath: path, limit: maxFileSize) {
        case .contents(let bytes, let facts): return (bytes, facts)
        case .tooLarge(let size): throw RejectionReason(.tooLarge, "\(size) bytes is over the limit of \(maxFileSize)")
        case .notRegular(let kind): throw RejectionReason(.notRegular, "is a \(kind)")
        }
    }
}
