import Foundation
import TestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The seeds and the dev set (`../shared/corpus`, absent from a fresh clone: the test is then
/// skipped) dropped into the running daemon's inbox in a random order: every stored incident is
/// announced exactly once as new, and every material update exactly once, each as the outbox
/// recorded it.
@Suite(.serialized, .timeLimit(.minutes(5)))
struct CorpusDropTests {
    static let corpus = DaemonHarness.packageRoot.deletingLastPathComponent().appendingPathComponent("shared/corpus")
    static var available: Bool {
        FileManager.default.fileExists(atPath: corpus.appendingPathComponent("seeds").path)
            && FileManager.default.fileExists(atPath: corpus.appendingPathComponent("dev").path)
    }

    @Test(.enabled(if: CorpusDropTests.available, "../shared/corpus is not here (fresh clone)"))
    func seedsAndDevInARandomOrderAnnounceEachIncidentOnce() throws {
        var files: [URL] = []
        for set in ["seeds", "dev"] {
            let dir = Self.corpus.appendingPathComponent(set)
            for name in try FileManager.default.contentsOfDirectory(atPath: dir.path) where name.hasSuffix(".txt") {
                files.append(dir.appendingPathComponent(name))
            }
        }
        try #require(files.count > 20)
        var rng = SplitMix64(seed: UInt64(Date().timeIntervalSince1970))
        files.shuffle(using: &rng)

        let h = try DaemonHarness()
        try h.start()
        let staging = h.root.appendingPathComponent("staging").path
        try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: true)
        for (i, file) in files.enumerated() {
            // Distinct names: seeds and dev may share one.
            let name = String(format: "%03d-", i) + file.lastPathComponent
            Shell.run("/bin/cp", ["--preserve=timestamps", file.path, staging + "/" + name])
            #expect(rename(staging + "/" + name, h.inbox + "/" + name) == 0)
            usleep(20_000)
        }
        #expect(h.waitForEmptyInbox(timeout: 120))
        let deadline = Date().addingTimeInterval(60)
        while h.sql("SELECT count(*) FROM outbox WHERE sent_at IS NULL") != "0" && Date() < deadline { usleep(100_000) }
        #expect(h.sql("SELECT count(*) FROM outbox WHERE sent_at IS NULL") == "0")

        let incidents = Set(h.sql("SELECT group_concat(id, ',') FROM incident").split(separator: ",").map(String.init))
        let outboxUpdates = Int(h.sql("SELECT count(*) FROM outbox WHERE kind = 'incidentUpdated'")) ?? -1
        let entries = h.waitForJournal(timeout: 30) { e in
            e.filter { $0["MESSAGE_ID"] == IDs.incidentNew }.count >= incidents.count
                && e.filter { $0["MESSAGE_ID"] == IDs.incidentUpdated }.count >= outboxUpdates
        }
        let newIDs = entries.filter { $0["MESSAGE_ID"] == IDs.incidentNew }.compactMap { $0["INCIDENT_ID"] }
        let updates = entries.filter { $0["MESSAGE_ID"] == IDs.incidentUpdated }
        print("corpus drop: \(files.count) files, \(incidents.count) incidents announced new, \(updates.count) updates")
        #expect(!incidents.isEmpty)
        #expect(newIDs.count == incidents.count, "one 'new' entry per stored incident")
        #expect(Set(newIDs) == incidents)
        #expect(updates.count == outboxUpdates, "one 'updated' entry per material update")
        #expect(updates.allSatisfy { !($0["INCIDENT_CHANGES"] ?? "").isEmpty && incidents.contains($0["INCIDENT_ID"] ?? "") })
        #expect(h.sql("SELECT count(*) FROM receipt WHERE settled = 0") == "0")
        #expect(Int(h.sql("SELECT count(*) FROM receipt")) == files.count)
        #expect(h.stop() == 0)
    }
}
