import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

enum IDs {
    static let incidentNew = "a47409a06be64120be18d8fdbbce7de0"
    static let incidentUpdated = "cde5cabad9ec4917bd2132ffc1b1fa29"
    static let duplicate = "0032327fabfa4b33a73a590a9ebd4d0c"
    static let rejected = "847721b791ee4e39a0d4e6098319d945"
    static let started = "ece8251769de43c4bff38ac8963074d1"
    static let stopped = "86fdd0b0e4c4476ebc7e11c2270dfcab"
    static let noIncident = "3df1cabd91354ed1b609c8c9f7fae07d"
}

/// Files arriving in every way users and tools deliver them, through the real daemon.
@Suite(.serialized, .timeLimit(.minutes(5)))
struct IntakeTests {
    @Test func copiedArticleBecomesAJournalEntryAndADatabaseRow() throws {
        let h = try DaemonHarness()
        try h.start()
        Shell.run("/bin/cp", [h.fixture("shelling-kharkiv.txt"), h.inbox + "/"])
        let entries = h.waitForJournal { $0.contains { $0["MESSAGE_ID"] == IDs.incidentNew } }
        let new = try #require(entries.first { $0["MESSAGE_ID"] == IDs.incidentNew })
        #expect(new["INCIDENT_SOURCE_FILE"] == "shelling-kharkiv.txt")
        #expect(new["INCIDENT_ID"].flatMap(Int.init) != nil)
        #expect(new["SYSLOG_IDENTIFIER"] == h.identifier)
        #expect(new["PRIORITY"] != nil)
        #expect(new["MESSAGE"]?.contains("[incident ") == true)
        #expect(h.waitForEmptyInbox())
        #expect(h.files(under: h.archive).contains { $0.hasSuffix("/shelling-kharkiv.txt") })
        #expect(h.sql("SELECT count(*) FROM article") == "1")
        #expect(Int(h.sql("SELECT count(*) FROM incident")) ?? 0 >= 1)
        #expect(h.sql("SELECT count(*) FROM outbox WHERE sent_at IS NULL") == "0")
        #expect(h.stop() == 0)
        #expect(h.waitForJournal { $0.contains { $0["MESSAGE_ID"] == IDs.stopped } }.contains { $0["MESSAGE_ID"] == IDs.stopped })
    }

    @Test func fileMovedInFromAnotherFolderIsProcessed() throws {
        let h = try DaemonHarness()
        try h.start()
        let staging = h.root.appendingPathComponent("staging").path
        try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: true)
        Shell.run("/bin/cp", [h.fixture("drone-strike-mayadin.txt"), staging + "/moved.txt"])
        #expect(rename(staging + "/moved.txt", h.inbox + "/moved.txt") == 0)
        let entries = h.waitForJournal { $0.contains { $0["INCIDENT_SOURCE_FILE"] == "moved.txt" } }
        #expect(entries.contains { $0["INCIDENT_SOURCE_FILE"] == "moved.txt" })
        #expect(h.waitForEmptyInbox())
        #expect(h.stop() == 0)
    }

    @Test func rsyncStyleTemporaryNameWaitsForTheRename() throws {
        let h = try DaemonHarness()
        try h.start()
        let temp = h.inbox + "/.report.txt.Xy12ab"
        Shell.run("/bin/cp", [h.fixture("shelling-kharkiv.txt"), temp])
        // A partial-download name is left alone too.
        Shell.run("/bin/cp", [h.fixture("quiet-market.txt"), h.inbox + "/market.txt.part"])
        usleep(500_000)
        #expect(FileManager.default.fileExists(atPath: temp), "the hidden temp file must wait")
        #expect(FileManager.default.fileExists(atPath: h.inbox + "/market.txt.part"))
        #expect(rename(temp, h.inbox + "/report.txt") == 0)
        #expect(rename(h.inbox + "/market.txt.part", h.inbox + "/market.txt") == 0)
        #expect(h.waitForEmptyInbox())
        #expect(h.sql("SELECT group_concat(file_name, ',') FROM (SELECT file_name FROM receipt ORDER BY file_name)") == "market.txt,report.txt")
        #expect(h.stop() == 0)
    }

    @Test func slowWriterIsReadOnceAfterClose() throws {
        let h = try DaemonHarness()
        try h.start()
        let text = try String(contentsOfFile: h.fixture("drone-strike-mayadin.txt"), encoding: .utf8)
        let chunks = Self.thirds(text)
        let path = h.inbox + "/slow.txt"
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        try #require(fd >= 0)
        for chunk in chunks {
            _ = chunk.withCString { write(fd, $0, strlen($0)) }
            usleep(200_000)
        }
        close(fd)
        #expect(h.waitForEmptyInbox())
        h.waitForJournal { $0.contains { $0["INCIDENT_SOURCE_FILE"] == "slow.txt" } }
        #expect(h.sql("SELECT count(*) FROM receipt") == "1")
        #expect(h.sql("SELECT length(text) > 300 FROM article") == "1")
        #expect(h.stop() == 0)
    }

    static func thirds(_ s: String) -> [String] {
        let a = s.index(s.startIndex, offsetBy: s.count / 3)
        let b = s.index(s.startIndex, offsetBy: 2 * s.count / 3)
        return [String(s[..<a]), String(s[a..<b]), String(s[b...])]
    }

    @Test func filesPresentBeforeStartAreCaughtUp() throws {
        let h = try DaemonHarness()
        for name in ["shelling-kharkiv.txt", "drone-strike-mayadin.txt", "airstrike-abu-kamal.html"] {
            Shell.run("/bin/cp", [h.fixture(name), h.inbox + "/"])
        }
        try h.start()
        #expect(h.waitForEmptyInbox())
        #expect(h.sql("SELECT count(*) FROM receipt") == "3")
        #expect(h.stop() == 0)
    }

    @Test func theSameFileTwiceIsOneArticleAndADuplicateEntry() throws {
        let h = try DaemonHarness()
        try h.start()
        Shell.run("/bin/cp", [h.fixture("shelling-kharkiv.txt"), h.inbox + "/first.txt"])
        #expect(h.waitForEmptyInbox())
        Shell.run("/bin/cp", [h.fixture("shelling-kharkiv.txt"), h.inbox + "/second.txt"])
        let entries = h.waitForJournal { $0.contains { $0["MESSAGE_ID"] == IDs.duplicate } }
        let dup = try #require(entries.first { $0["MESSAGE_ID"] == IDs.duplicate })
        #expect(dup["INCIDENT_SOURCE_FILE"] == "second.txt")
        #expect(dup["DUPLICATE_OF"] == "first.txt")
        #expect(h.sql("SELECT count(*) FROM article") == "1")
        #expect(h.sql("SELECT count(*) FROM receipt WHERE outcome = 'duplicate'") == "1")
        #expect(entries.filter { $0["MESSAGE_ID"] == IDs.incidentNew }.count == Int(h.sql("SELECT count(*) FROM incident")))
        #expect(h.stop() == 0)
    }

    @Test func fileInANewSubfolderIsProcessed() throws {
        let h = try DaemonHarness()
        try h.start()
        let sub = h.inbox + "/feeds/levant"
        try FileManager.default.createDirectory(atPath: sub, withIntermediateDirectories: true)
        Shell.run("/bin/cp", [h.fixture("drone-strike-mayadin.txt"), sub + "/"])
        #expect(h.waitForEmptyInbox())
        #expect(h.files(under: h.archive).contains { $0.hasSuffix("feeds/levant/drone-strike-mayadin.txt") })
        // A folder moved in with files already inside.
        let outside = h.root.appendingPathComponent("batch").path
        try FileManager.default.createDirectory(atPath: outside, withIntermediateDirectories: true)
        Shell.run("/bin/cp", [h.fixture("shelling-kharkiv.txt"), outside + "/"])
        #expect(rename(outside, h.inbox + "/batch") == 0)
        #expect(h.waitForEmptyInbox())
        #expect(h.sql("SELECT count(*) FROM receipt") == "2")
        #expect(h.stop() == 0)
    }

    @Test func articleWithoutIncidentIsRecordedAndSaysSo() throws {
        let h = try DaemonHarness()
        try h.start()
        Shell.run("/bin/cp", [h.fixture("quiet-market.txt"), h.inbox + "/"])
        let entries = h.waitForJournal { $0.contains { $0["MESSAGE_ID"] == IDs.noIncident } }
        #expect(entries.contains { $0["MESSAGE_ID"] == IDs.noIncident && $0["INCIDENT_SOURCE_FILE"] == "quiet-market.txt" })
        #expect(h.sql("SELECT count(*) FROM article") == "1")
        #expect(h.stop() == 0)
    }

    @Test func twoThousandFilesAtOnceAreAllAccountedFor() throws {
        let h = try DaemonHarness()
        try h.start()
        let staging = h.root.appendingPathComponent("staging").path
        try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: true)
        for i in 0..<2000 {
            try GeneratedArticles.article(i).write(toFile: "\(staging)/burst-\(i).txt", atomically: false, encoding: .utf8)
        }
        for i in 0..<2000 { rename("\(staging)/burst-\(i).txt", "\(h.inbox)/burst-\(i).txt") }
        #expect(h.waitForEmptyInbox(timeout: 240))
        #expect(h.sql("SELECT count(*) FROM receipt") == "2000")
        #expect(h.sql("SELECT count(DISTINCT file_name) FROM receipt") == "2000")
        #expect(h.files(under: h.archive).count == 2000)
        #expect(h.stop() == 0)
    }
}
