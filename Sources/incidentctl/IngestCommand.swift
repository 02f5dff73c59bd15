import ArgumentParser
#if canImport(Glibc)
import Glibc
#endif
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
    @Flag(help: "Print throughput to stderr at the end: files per second and CPU per file, start-up (dictionaries, gazetteer) excluded.") var stats = false
    @Option(help: "SYSLOG_IDENTIFIER for --notify.") var journalIdentifier = "incidentd"
    @Argument(help: "Article files.") var files: [String]

    func run() throws {
        let database = try db.open()
        let pipeline = ArticlePipeline(database: database, extractor: try ExtractorFactory.make(dataDir: dataDir))
        var failures = 0
        var notifications: [Int64] = []
        let threads = DaemonConfig().effectiveExtractionThreads
        let started = (wall: Date(), cpu: Self.cpuSeconds())
        // Files are prepared in parallel and recorded in order, a chunk per transaction, so a
        // backfill gives the same incidents as ingesting the files one by one.
        for start in stride(from: 0, to: files.count, by: 64) {
            let chunk = Array(files[start..<min(start + 64, files.count)])
            let limit = maxFileSize
            let prepared = ParallelMap.map(chunk, threads: threads) { file in Self.prepare(file, pipeline: pipeline, limit: limit) }
            var items: [IntakeItem] = []
            var itemFiles: [String] = []
            for (file, result) in zip(chunk, prepared) {
                switch result {
                case .success(let submission):
                    items.append(.article(submission))
                    itemFiles.append(file)
                case .failure(let reason):
                    failures += 1
                    FileHandle.standardError.write(Data("\(file): rejected: \(reason)\n".utf8))
                }
            }
            let results = try database.recordBatch(items)
            var settled: [(receiptID: Int64, finalPath: String?)] = []
            for (file, result) in zip(itemFiles, results) {
                switch result {
                case .recorded(let outcome):
                    settled.append((outcome.receiptID, file))
                    notifications += outcome.notifications.map(\.id)
                    switch outcome.disposition {
                    case .recorded(_, let near):
                        print("\(file): \(outcome.newIncidents.count) new, \(outcome.updatedIncidents.count) updated incidents" + (near.map { " (near-copy of article \($0))" } ?? ""))
                    case .duplicate(_, let first):
                        print("\(file): duplicate of \(first)")
                    }
                case .rejected:
                    break
                case .failed(let error):
                    failures += 1
                    FileHandle.standardError.write(Data("\(file): not recorded: \(error)\n".utf8))
                }
            }
            try database.settle(settled)
        }
        if stats {
            let wall = Date().timeIntervalSince(started.wall), cpu = Self.cpuSeconds() - started.cpu
            let n = max(1, files.count)
            FileHandle.standardError.write(Data(String(
                format: "ingest stats: %d files in %.3f s wall, %.3f s CPU after start-up: %.1f files/s, %.3f ms CPU per file\n",
                files.count, wall, cpu, Double(files.count) / max(wall, 1e-9), cpu / Double(n) * 1000).utf8))
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

    /// User plus system CPU time of this process so far.
    private static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }

    private static func prepare(_ file: String, pipeline: ArticlePipeline, limit: Int) -> Result<ArticleSubmission, RejectionReason> {
        let name = (file as NSString).lastPathComponent
        let bytes: [UInt8]
        let facts: FileFacts
        do {
            switch try SafeFile.read(atPath: file, limit: limit) {
            case .contents(let b, let f): (bytes, facts) = (b, f)
            case .tooLarge(let size): return .failure(RejectionReason(.tooLarge, "\(size) bytes is over the limit of \(limit)"))
            case .notRegular(let kind): return .failure(RejectionReason(.notRegular, "is a \(kind)"))
            }
        } catch {
            return .failure(RejectionReason(.unreadable, "\(error)"))
        }
        let origin = FileOrigin(fileName: name, inboxPath: file, device: facts.device, inode: facts.inode,
                                size: facts.size, modificationTime: facts.modificationTime)
        return Result { () throws(RejectionReason) in
            try pipeline.prepare(bytes: bytes, origin: origin, receivedAt: Date().timeIntervalSince1970, destination: nil)
        }
    }
}
