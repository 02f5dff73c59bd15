import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Configuration errors, reload and stop, through the real binary.
@Suite(.serialized, .timeLimit(.minutes(3)))
struct ConfigAndSignalTests {
    @Test func badConfigValueNamesTheKeyAndExits78() throws {
        let h = try DaemonHarness()
        try h.writeConfig("max_file_size = -3\n")
        try h.start(waitForReady: false)
        let deadline = Date().addingTimeInterval(30)
        while h.process?.isRunning == true && Date() < deadline { usleep(20_000) }
        #expect(h.process?.terminationStatus == 78)
        #expect(h.stderr().contains("max_file_size"))
    }

    @Test func unknownKeyAndBadFlagAreConfigErrors() throws {
        let h = try DaemonHarness()
        try h.writeConfig("inbx = \"/tmp/x\"\n")
        try h.start(waitForReady: false)
        let deadline = Date().addingTimeInterval(30)
        while h.process?.isRunning == true && Date() < deadline { usleep(20_000) }
        #expect(h.process?.terminationStatus == 78)
        #expect(h.stderr().contains("inbx"))
    }

    @Test func sighupReloadsAndABrokenConfigKeepsTheOldOne() throws {
        let h = try DaemonHarness()
        try h.writeConfig("max_file_size = 100000\n")
        try h.start()
        // Lower the limit and reload: a 10 KB file is now too large.
        try h.writeConfig("max_file_size = 4096\n")
        h.signal(SIGHUP)
        h.waitForJournal { $0.contains { ($0["MESSAGE"] ?? "").contains("configuration reloaded") } }
        FileManager.default.createFile(atPath: h.inbox + "/big.txt", contents: Data(repeating: 0x61, count: 10_000))
        let entries = h.waitForJournal { $0.contains { $0["REJECT_FILE"] == "big.txt" } }
        #expect(entries.first { $0["REJECT_FILE"] == "big.txt" }?["REJECT_REASON"]?.contains("too-large") == true)
        // A broken file is reported and the running configuration stays.
        try h.writeConfig("max_file_size = \"lots\"\n")
        h.signal(SIGHUP)
        let after = h.waitForJournal { $0.contains { ($0["MESSAGE"] ?? "").contains("reload failed") } }
        #expect(after.contains { ($0["MESSAGE"] ?? "").contains("reload failed") && ($0["MESSAGE"] ?? "").contains("max_file_size") })
        FileManager.default.createFile(atPath: h.inbox + "/big2.txt", contents: Data(repeating: 0x61, count: 10_000))
        let later = h.waitForJournal { $0.contains { $0["REJECT_FILE"] == "big2.txt" } }
        #expect(later.contains { $0["REJECT_FILE"] == "big2.txt" }, "the old 4096 limit still applies")
        #expect(h.process?.isRunning == true)
        #expect(h.stop() == 0)
    }

    @Test func sigtermStopsCleanlyAndSaysSo() throws {
        let h = try DaemonHarness()
        try h.start()
        #expect(h.notifyMessages.contains { $0.contains("READY=1") })
        #expect(h.stop(signal: SIGTERM) == 0)
        #expect(h.waitForNotify("STOPPING=1", timeout: 5))
        #expect(h.waitForJournal { $0.contains { $0["MESSAGE_ID"] == IDs.stopped } }.contains { $0["MESSAGE_ID"] == IDs.started })
    }
}
