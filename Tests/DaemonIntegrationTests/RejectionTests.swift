import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Bad input gets a clear reason and loses nothing.
@Suite(.serialized, .timeLimit(.minutes(3)))
struct RejectionTests {
    func expectRejected(_ h: DaemonHarness, _ name: String, reasonContains: String) {
        let entries = h.waitForJournal { $0.contains { $0["MESSAGE_ID"] == IDs.rejected && $0["REJECT_FILE"] == name } }
        let entry = entries.first { $0["MESSAGE_ID"] == IDs.rejected && $0["REJECT_FILE"] == name }
        #expect(entry?["REJECT_REASON"]?.contains(reasonContains) == true, "journal reason for \(name): \(entry?["REJECT_REASON"] ?? "none")")
        let reason = try? String(contentsOfFile: h.rejected + "/" + name + ".reason", encoding: .utf8)
        #expect(reason?.contains(reasonContains) == true, "reason file for \(name): \(reason ?? "missing")")
        #expect(FileManager.default.fileExists(atPath: h.rejected + "/" + name) || (try? FileManager.default.destinationOfSymbolicLink(atPath: h.rejected + "/" + name)) != nil)
    }

    @Test func emptyBinaryOversizedAndSymlinkedFilesAreRejectedWithReasons() throws {
        let h = try DaemonHarness()
        h.extraArguments = ["--max-file-size", "4096"]
        try h.start()
        FileManager.default.createFile(atPath: h.inbox + "/empty.txt", contents: Data())
        FileManager.default.createFile(atPath: h.inbox + "/image.txt", contents: Data([0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 0x0D, 1, 2, 3, 0, 0, 9]))
        FileManager.default.createFile(atPath: h.inbox + "/huge.txt", contents: Data(repeating: 0x61, count: 10_000))
        let outside = h.root.appendingPathComponent("secret.txt").path
        try "outside the inbox".write(toFile: outside, atomically: true, encoding: .utf8)
        #expect(symlink(outside, h.inbox + "/link.txt") == 0)
        FileManager.default.createFile(atPath: h.inbox + "/notes.pdf", contents: Data("%PDF-1.4".utf8))
        expectRejected(h, "empty.txt", reasonContains: "empty")
        expectRejected(h, "image.txt", reasonContains: "not-text")
        expectRejected(h, "huge.txt", reasonContains: "too-large")
        expectRejected(h, "link.txt", reasonContains: "symbolic link")
        expectRejected(h, "notes.pdf", reasonContains: "unsupported-type")
        #expect(try String(contentsOfFile: outside, encoding: .utf8) == "outside the inbox", "the link target is untouched")
        #expect(h.waitForEmptyInbox())
        #expect(h.sql("SELECT count(*) FROM receipt WHERE outcome = 'rejected'") == "5")
        #expect(h.stop() == 0)
    }

    @Test func invalidUTF8IsDecodedAsWindows1252() throws {
        let h = try DaemonHarness()
        try h.start()
        var bytes = Array("Explosion in caf".utf8)
        bytes.append(0xE9)  // é in Windows-1252, invalid as UTF-8
        bytes += Array(" district kills three\n\nA car bomb exploded near a caf\u{E9} in Mosul on Friday, killing three people, police said.\n".utf8.map { $0 })
        FileManager.default.createFile(atPath: h.inbox + "/latin.txt", contents: Data(bytes))
        #expect(h.waitForEmptyInbox())
        #expect(h.sql("SELECT count(*) FROM receipt WHERE file_name = 'latin.txt'") == "1")
        let title = h.sql("SELECT title FROM article WHERE file_name = 'latin.txt'")
        #expect(title.contains("café") || h.sql("SELECT outcome FROM receipt") == "rejected")
        #expect(h.stop() == 0)
    }
}
