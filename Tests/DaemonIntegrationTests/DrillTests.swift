import Foundation
import TestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Fault drills (issue 5): the real daemon under kill -9, a full disk, a locked database, an
/// unprivileged user, and hostile files. CI sizes by default; `INCIDENTD_DRILL_FULL=1` for the full
/// counts. Every wait is bounded; nothing asserts on elapsed time.
@Suite(.serialized)
struct DrillTests {
    static let storageProblem = "1123e5ccd30d45bab1641bf14a5657da"

    // MARK: crash

    @Test(.timeLimit(.minutes(20)))
    func killDashNineAtRandomMomentsDuringABurstLosesAndRepeatsNothing() throws {
        let rounds = Drill.full ? 100 : 10
        let count = 500
        let h = try DaemonHarness()
        try h.start()
        // Mostly distinct incidents, some exact duplicates (the duplicate path) and some empty files
        // (the rejection path), so kills land in every kind of transaction.
        var names: [String] = []
        var distinctTexts = Set<String>()
        for i in 0..<count {
            let name = "crash-\(i).txt"
            let text = i % 25 == 7 ? "" : (i % 25 == 13 ? GeneratedArticles.article(i - 1) : GeneratedArticles.article(i))
            if !text.isEmpty { distinctTexts.insert(text) }
            try text.write(toFile: h.staging + "/" + name, atomically: false, encoding: .utf8)
            names.append(name)
        }
        for name in names { rename(h.staging + "/" + name, h.inbox + "/" + name) }

        var rng = SplitMix64(seed: UInt64(Drill.full ? 100 : 10))
        var roundsDone = 0
        var readyBeforeLastStart = 0
        for round in 0..<rounds {
            let done = Int(h.sql("SELECT count(*) FROM receipt")) ?? 0
            let left = count - done
            if round > 0 && rng.next(upTo: 4) == 0 {
                // Kill during start-up: recovery of interrupted moves, the catch-up scan.
                usleep(useconds_t(rng.next(upTo: 400_000)))
            } else {
                // Kill after a random share of what is left for this round, then a random few ms more,
                // so the kill lands anywhere: mid-extraction, mid-commit, between commit and move,
                // during a journal send.
                let step = left <= 0 ? 0 : Int(rng.next(upTo: UInt64(max(1, 2 * left / max(1, rounds - round)))))
                Drill.wait(timeout: 30, every: 5_000) { (Int(h.sql("SELECT count(*) FROM receipt")) ?? 0) >= done + step }
                usleep(useconds_t(rng.next(upTo: 15_000)))
            }
            #expect(h.isRunning, "the daemon is alive before kill \(round)")
            h.stop(signal: SIGKILL)
            roundsDone += 1
            let readyBefore = h.readyCount()
            readyBeforeLastStart = readyBefore
            try h.start(waitForReady: false)
            if rng.next(upTo: 4) != 0 { Drill.wait(timeout: 60) { h.readyCount() > readyBefore } }
        }
        // The last start reaches READY (starts killed early never sent theirs).
        if !Drill.wait(timeout: 60, { h.readyCount() > readyBeforeLastStart }) { Issue.record("no READY after the last restart: \(h.stderr().suffix(2000))") }
        #expect(h.waitForEmptyInbox(timeout: 300), "the burst finishes after \(roundsDone) kills")

        // Every file in exactly one place.
        let settled = h.settledNames()
        let placed = settled.archived + settled.rejected
        #expect(placed.count == count, "archived \(settled.archived.count) + rejected \(settled.rejected.count)")
        let missing = Set(names).subtracting(placed), twice = Dictionary(grouping: placed, by: { $0 }).filter { $0.value.count > 1 }.keys
        #expect(missing.isEmpty, "lost: \(missing.sorted().prefix(10))")
        #expect(twice.isEmpty, "placed twice: \(twice.sorted().prefix(10))")
        #expect(settled.reasons.count == settled.rejected.count, "each rejected file has its .reason")
        #expect(h.sql("SELECT count(*) FROM receipt") == String(count))
        #expect(h.sql("SELECT count(DISTINCT file_name) FROM receipt") == String(count))
        #expect(h.sql("SELECT count(*) FROM receipt WHERE settled = 0") == "0")
        // Every article and incident stored once.
        #expect(h.sql("SELECT count(*) FROM article") == String(distinctTexts.count))
        #expect(h.sql("SELECT count(*) FROM (SELECT 1 FROM incident GROUP BY event_type, date, place, country, killed_best HAVING count(*) > 1)") == "0",
                "no incident stored twice")
        #expect(h.sql("SELECT count(*) FROM (SELECT 1 FROM outbox WHERE kind = 'incidentNew' GROUP BY incident_id HAVING count(*) > 1)") == "0",
                "one 'new incident' notification per incident")
        #expect(h.sql("SELECT count(*) FROM (SELECT 1 FROM report GROUP BY article_id, mention_index HAVING count(*) > 1)") == "0")
        #expect(h.sql("PRAGMA integrity_check") == "ok")
        // Every notification reached the journal; repeats (re-sent after a kill) carry the same incident.
        let (ids, entries) = h.waitForAllNotifications(timeout: 90)
        let seen = Dictionary(grouping: entries, by: { $0["NOTIFICATION_ID"]! })
        #expect(Set(seen.keys).isSuperset(of: ids), "missing notifications: \(ids.subtracting(seen.keys).sorted().prefix(10))")
        for (id, group) in seen where group.count > 1 {
            #expect(Set(group.map { $0["INCIDENT_ID"] ?? "-" }).count == 1, "notification \(id) repeated with different INCIDENT_IDs")
        }
        #expect(h.stop() == 0)
    }

    // MARK: disk full

    @Test(.timeLimit(.minutes(5)))
    func diskFullPausesIntakeSaysSoLosesNothingAndResumes() throws {
        let h = try DaemonHarness()
        let fs = h.root.appendingPathComponent("dbfs").path
        try FileManager.default.createDirectory(atPath: fs, withIntermediateDirectories: true)
        guard Shell.sh("mount -t tmpfs -o size=6m tmpfs '\(fs)' && echo mounted").contains("mounted") else {
            Issue.record("cannot mount a tmpfs here (not root?); the disk-full drill needs one")
            return
        }
        defer { Shell.sh("umount -l '\(fs)'") }
        h.databaseOverride = fs + "/incidents.sqlite"
        try h.start()
        for i in 0..<3 { try Drill.drop(GeneratedArticles.article(9000 + i), name: "warm-\(i).txt", staging: h.staging, inbox: h.inbox) }
        #expect(h.waitForEmptyInbox())

        // Fill the file system, then send articles large enough that the WAL must grow.
        Shell.sh("dd if=/dev/zero of='\(fs)/filler' bs=64k 2>/dev/null; sync")
        let padding = (0..<2500).map { "Paragraph \($0) of the agency's background notes on the district and its history." }.joined(separator: "\n")
        let big = (0..<12).map { GeneratedArticles.article(9100 + $0) + "\n" + padding + "\n" }
        for (i, text) in big.enumerated() { try Drill.drop(text, name: "full-\(i).txt", staging: h.staging, inbox: h.inbox) }
        let told = h.waitForJournal(timeout: 60) { $0.contains { $0["MESSAGE_ID"] == Self.storageProblem } }
        #expect(told.contains { $0["MESSAGE_ID"] == Self.storageProblem }, "the journal says storage is the problem")
        usleep(1_500_000)
        #expect(!h.files(under: h.inbox).isEmpty, "files wait in the inbox while the disk is full")
        #expect(h.settledNames().rejected.isEmpty, "nothing is rejected for lack of space")
        #expect(h.isRunning)

        // Space returns: intake resumes and everything is recorded once.
        unlink(fs + "/filler")
        #expect(h.waitForEmptyInbox(timeout: 120), "intake resumes when space returns")
        let settled = h.settledNames()
        #expect(Set(settled.archived) == Set((0..<3).map { "warm-\($0).txt" } + (0..<12).map { "full-\($0).txt" }))
        #expect(settled.rejected.isEmpty)
        #expect(h.sql("SELECT count(*) FROM receipt") == "15")
        #expect(h.sql("SELECT count(*) FROM article") == "15")
        #expect(h.sql("PRAGMA integrity_check") == "ok")
        let (ids, entries) = h.waitForAllNotifications()
        #expect(Set(entries.compactMap { $0["NOTIFICATION_ID"] }).isSuperset(of: ids))
        #expect(h.stop() == 0)
    }

    // MARK: database busy

    @Test(.timeLimit(.minutes(5)))
    func databaseLockedByAnotherProcessIsWaitedForAndNothingIsLost() throws {
        let h = try DaemonHarness()
        try h.start()
        try Drill.drop(GeneratedArticles.article(7000), name: "first.txt", staging: h.staging, inbox: h.inbox)
        #expect(h.waitForEmptyInbox())
        // Another process takes the write lock for longer than the daemon's busy timeout (10 s).
        let flag = h.root.appendingPathComponent("locked").path
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        holder.arguments = ["-c", """
            import sqlite3, sys, time
            c = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=30)
            c.execute('BEGIN IMMEDIATE')
            c.execute("INSERT INTO outbox (kind, payload_json, created_at, sent_at) VALUES ('drill', '{}', 0, 0)")
            open(sys.argv[2], 'w').close()
            time.sleep(13)
            c.execute('ROLLBACK')
            """, h.database, flag]
        try holder.run()
        #expect(Drill.wait(timeout: 30) { FileManager.default.fileExists(atPath: flag) }, "the lock holder has the lock")
        for i in 0..<8 { try Drill.drop(GeneratedArticles.article(7001 + i), name: "busy-\(i).txt", staging: h.staging, inbox: h.inbox) }
        usleep(3_000_000)
        #expect(h.files(under: h.inbox).count == 8, "nothing is taken while the database is locked")
        #expect(h.isRunning)
        holder.waitUntilExit()
        #expect(h.waitForEmptyInbox(timeout: 60), "intake resumes once the lock is released")
        let settled = h.settledNames()
        #expect(Set(settled.archived) == Set(["first.txt"] + (0..<8).map { "busy-\($0).txt" }))
        #expect(settled.rejected.isEmpty, "nothing rejected because of the lock")
        #expect(h.sql("SELECT count(*) FROM receipt") == "9")
        #expect(h.sql("SELECT count(*) FROM receipt WHERE settled = 0") == "0")
        #expect(h.sql("SELECT count(*) FROM article") == "9")
        let (ids, entries) = h.waitForAllNotifications()
        #expect(Set(entries.compactMap { $0["NOTIFICATION_ID"] }).isSuperset(of: ids))
        #expect(h.stop() == 0)
    }

    // MARK: permissions

    /// Root (to switch user), setpriv, and a checkout that `nobody` can reach (not under /root).
    static var canRunAsNobody: Bool {
        guard getuid() == 0, FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") else { return false }
        let check = "test -x '\(DaemonHarness.binDir)/incidentd' && test -r '\(DaemonHarness.packageRoot.path)/Config/incidentd.toml' && echo ok"
        return Shell.run("/usr/bin/setpriv", ["--reuid=nobody", "--regid=nogroup", "--clear-groups", "--", "/bin/sh", "-c", check]).contains("ok")
    }

    @Test(.timeLimit(.minutes(3)), .enabled(if: DrillTests.canRunAsNobody, "needs root, setpriv and a checkout readable by nobody (root ignores file modes)"))
    func unreadableFileIsRejectedWithItsReasonWhenRunningUnprivileged() throws {
        let h = try DaemonHarness()
        h.commandPrefix = ["/usr/bin/setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", "--"]
        let staging = h.staging
        Shell.run("/bin/chown", ["-R", "nobody:nogroup", h.root.path])
        // The harness's notify socket belongs to root, so READY is awaited through the journal.
        try h.start(waitForReady: false)
        let started = h.waitForJournal(timeout: 60) { $0.contains { $0["MESSAGE_ID"] == IDs.started } }
        #expect(started.contains { $0["MESSAGE_ID"] == IDs.started }, "stderr: \(h.stderr().suffix(1500))")
        try GeneratedArticles.article(6000).write(toFile: staging + "/locked.txt", atomically: false, encoding: .utf8)
        try GeneratedArticles.article(6001).write(toFile: staging + "/open.txt", atomically: false, encoding: .utf8)
        Shell.run("/bin/chown", ["nobody:nogroup", staging + "/locked.txt", staging + "/open.txt"])
        chmod(staging + "/locked.txt", 0)
        rename(staging + "/locked.txt", h.inbox + "/locked.txt")
        rename(staging + "/open.txt", h.inbox + "/open.txt")
        #expect(h.waitForEmptyInbox(), "stderr: \(h.stderr().suffix(1500))")
        let settled = h.settledNames()
        #expect(settled.archived == ["open.txt"])
        #expect(settled.rejected == ["locked.txt"])
        let reason = (try? String(contentsOfFile: h.rejected + "/locked.txt.reason", encoding: .utf8)) ?? ""
        #expect(reason.contains("ermission denied"), "reason: \(reason)")
        let rejections = h.entries(IDs.rejected)
        #expect(rejections.contains { $0["REJECT_FILE"] == "locked.txt" })
        #expect(h.stop() == 0)
    }

    // MARK: hostile input

    @Test(.timeLimit(.minutes(20)))
    func hostileFilesAreRejectedOrProcessedAndNothingOutsideIsTouched() throws {
        let total = Drill.full ? 10_000 : 1_000
        let h = try DaemonHarness()
        let limit = 6 * 1024 * 1024
        h.extraArguments = ["--max-file-size", String(limit)]
        let outside = h.root.appendingPathComponent("outside").path
        try FileManager.default.createDirectory(atPath: outside, withIntermediateDirectories: true)
        let secret = outside + "/secret.txt"
        try (GeneratedArticles.article(4242) + "\nSECRET-MARKER-7f3a\n").write(toFile: secret, atomically: false, encoding: .utf8)
        let watched = ["/etc/passwd", "/etc/hostname", "/etc/shadow", secret]
        let before = watched.map(Drill.digest)
        try h.start()
        var created = 0
        let inbox = h.inbox

        // The special cases, once each.
        // 100 MB on one line: over the limit, rejected without being read.
        if let f = FileHandle(forWritingAtPath: { FileManager.default.createFile(atPath: h.staging + "/huge.txt", contents: nil); return h.staging + "/huge.txt" }()) {
            let chunk = Data(repeating: 0x61, count: 1 << 20)
            for _ in 0..<100 { f.write(chunk) }
            f.closeFile()
            rename(h.staging + "/huge.txt", inbox + "/huge.txt"); created += 1
        }
        // Just under the raised limit, one line of words: read, decoded and extracted.
        var line = ""
        line.reserveCapacity(limit)
        var k = 0
        while line.utf8.count < limit - 4096 { line += "shelling reported near the river crossing \(k) "; k += 1 }
        try Drill.drop(line, name: "near-limit.txt", staging: h.staging, inbox: inbox); created += 1
        // Deeply nested HTML.
        let depth = 100_000
        try Drill.drop(String(repeating: "<div><span>", count: depth) + "An airstrike hit Idlib on May 3, 2021, killing 4 people." + String(repeating: "</span></div>", count: depth),
                       name: "deep.html", staging: h.staging, inbox: inbox); created += 1
        try Drill.drop(String(repeating: "<b>", count: 200_000), name: "unclosed.html", staging: h.staging, inbox: inbox); created += 1
        // Links and special files.
        for (name, target) in [("passwd.txt", "/etc/passwd"), ("shadow.txt", "/etc/shadow"), ("etc-dir", "/etc"), ("secret-link.txt", secret), ("dangling.txt", "/nonexistent/x")] {
            #expect(symlink(target, inbox + "/" + name) == 0); created += 1
        }
        #expect(link(secret, inbox + "/hardlink.txt") == 0, "hard link (errno \(errno))"); created += 1
        for i in 0..<3 { #expect(mkfifo(inbox + "/fifo-\(i).txt", 0o644) == 0); created += 1 }
        // Names: newlines, non-UTF-8 bytes, a name that is only "%FF" after escaping (clash).
        try Drill.drop(GeneratedArticles.article(4300), name: "new\nline.txt", staging: h.staging, inbox: inbox); created += 1
        try Drill.drop(GeneratedArticles.article(4301), name: "caf%FF.txt", staging: h.staging, inbox: inbox); created += 1
        #expect(Drill.createFile(in: inbox, rawName: Array("caf".utf8) + [0xFF] + Array(".txt".utf8), contents: Array(GeneratedArticles.article(4302).utf8)))
        created += 1
        #expect(Drill.createFile(in: inbox, rawName: [0xC3, 0x28, 0x0A, 0xE2, 0x82] + Array(".md".utf8), contents: Array("An airstrike hit Homs.\n".utf8)))
        created += 1

        // Generated files, reproducible from the seed.
        var rng = SplitMix64(seed: 0x1D)
        var i = 0
        while created < total {
            let kind = i % 9
            var bytes: [UInt8]
            var ext = ".txt"
            switch kind {
            case 0:  // random bytes
                bytes = (0..<(1 + Int(rng.next(upTo: 8192)))).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
            case 1:  // UTF-8 cut in the middle of a multi-byte sequence
                let t = Array((GeneratedArticles.article(i) + " Харків — Kharkiv, Ḥalab ✓").utf8)
                bytes = Array(t.prefix(t.count - 1 - Int(rng.next(upTo: 2))))
            case 2:  // random valid Unicode text
                bytes = Array(String(String.UnicodeScalarView((0..<Int(rng.next(upTo: 2000))).compactMap { _ in Unicode.Scalar(UInt32(rng.next(upTo: 0x2FFFF))) })).utf8)
                ext = ".md"
            case 3:  // tag soup
                let tags = ["<div>", "</div>", "<p>", "<script>", "</script>", "<!--", "-->", "&amp;", "&#x1F4A5;", "&#99999999;", "<![CDATA[", "<style>", "<a href='x'>", "&", "<", ">"]
                bytes = Array((0..<Int(rng.next(upTo: 3000))).map { _ in rng.next(upTo: 3) == 0 ? tags[Int(rng.next(upTo: UInt64(tags.count)))] : "killed 3 in Aleppo " }.joined().utf8)
                ext = ".html"
            case 4:  // an article with NUL bytes
                var t = Array(GeneratedArticles.article(i).utf8)
                for _ in 0..<(1 + Int(rng.next(upTo: 5))) { t.insert(0, at: Int(rng.next(upTo: UInt64(t.count)))) }
                bytes = t
            case 5:  // UTF-16 with and without BOM
                bytes = rng.next(upTo: 2) == 0 ? [0xFF, 0xFE] : []
                for u in GeneratedArticles.article(i).utf16 { bytes += [UInt8(u & 0xFF), UInt8(u >> 8)] }
            case 6:  // empty or whitespace
                bytes = Array(String(repeating: rng.next(upTo: 2) == 0 ? " \n\t" : "", count: Int(rng.next(upTo: 50))).utf8)
            case 7:  // unsupported extension
                bytes = Array(GeneratedArticles.article(i).utf8)
                ext = [".pdf", ".exe", ".docx", ""][Int(rng.next(upTo: 4))]
            default:  // a plain article, sometimes with control characters
                var t = Array(GeneratedArticles.article(10_000 + i).utf8)
                if rng.next(upTo: 2) == 0 { t.insert(UInt8(1 + rng.next(upTo: 8)), at: Int(rng.next(upTo: UInt64(t.count)))) }
                bytes = t
            }
            var name = Array("gen-\(i)".utf8)
            if rng.next(upTo: 10) == 0 { name += [0xFF, 0xFE] }       // not UTF-8
            if rng.next(upTo: 20) == 0 { name += Array(" \n\t".utf8) } // whitespace and newline
            name += Array(ext.utf8)
            // Write under a hidden name, then rename in, so half-written files are never picked up.
            let tmpName = Array(".w-\(i)".utf8)
            #expect(Drill.createFile(in: inbox, rawName: tmpName, contents: bytes))
            let from = Array(inbox.utf8) + [0x2F] + tmpName + [0]
            let to = Array(inbox.utf8) + [0x2F] + name + [0]
            let r = from.withUnsafeBufferPointer { f in to.withUnsafeBufferPointer { t in
                f.withMemoryRebound(to: CChar.self) { fp in t.withMemoryRebound(to: CChar.self) { rename(fp.baseAddress!, $0.baseAddress!) } }
            } }
            #expect(r == 0)
            created += 1
            i += 1
        }

        #expect(h.waitForNoEntries(timeout: Drill.full ? 900 : 300), "left in the inbox: \(h.entries(under: inbox).prefix(10))")
        #expect(h.isRunning, "the daemon survived; stderr: \(h.stderr().suffix(2000))")
        let settled = h.settledNames()
        #expect(settled.archived.count + settled.rejected.count == created, "every file ends in exactly one place")
        #expect(settled.reasons.count == settled.rejected.count, "every rejected file has its reason")
        #expect(h.sql("SELECT count(*) FROM receipt") == String(created))
        #expect(h.sql("SELECT count(*) FROM receipt WHERE settled = 0") == "0")
        // Nothing outside the daemon's folders was read, moved or changed.
        #expect(watched.map(Drill.digest) == before)
        #expect(FileManager.default.fileExists(atPath: secret))
        #expect(h.sql("SELECT count(*) FROM article WHERE instr(text, 'SECRET-MARKER') > 0 OR instr(text, 'root:x:0:0') > 0") == "0",
                "no content from outside the inbox was read")
        let reasonOf = { (name: String) in (try? String(contentsOfFile: h.rejected + "/" + name + ".reason", encoding: .utf8)) ?? "" }
        #expect(reasonOf("huge.txt").contains("over the limit"))
        #expect(reasonOf("passwd.txt").contains("symbolic link"))
        #expect(reasonOf("hardlink.txt").contains("hard link"))
        #expect(reasonOf("fifo-0.txt").contains("FIFO"))
        #expect(settled.archived.contains("caf%FF.txt") && settled.archived.contains { $0.hasPrefix("caf%FF-") }, "non-UTF-8 name renamed beside its clash")
        #expect(h.sql("PRAGMA integrity_check") == "ok")
        #expect(h.stop() == 0)
    }

    // MARK: journald

    @Test(.timeLimit(.minutes(3)))
    func journaldAbsentAtStartThenPresentReceivesEveryNotification() throws {
        guard let ns = IsolatedJournal.make() else {
            Issue.record("mount namespaces are unavailable here (unshare -m failed); cannot isolate journald")
            return
        }
        let h = try DaemonHarness()
        h.isolated = ns
        try h.start()  // no journald at all in this namespace
        for i in 0..<5 { try Drill.drop(GeneratedArticles.article(8000 + i), name: "early-\(i).txt", staging: h.staging, inbox: h.inbox) }
        #expect(h.waitForEmptyInbox(), "ingest does not wait for journald")
        #expect(h.pendingNotifications() >= 5)
        #expect(ns.startJournald())
        let (ids, entries) = h.waitForAllNotifications()
        #expect(!ids.isEmpty && Set(entries.compactMap { $0["NOTIFICATION_ID"] }).isSuperset(of: ids))
        #expect(h.stop() == 0)
    }

    @Test(.timeLimit(.minutes(3)))
    func sigtermDuringABurstWithJournaldStalledStopsPromptlyAndLosesNothing() throws {
        guard let ns = IsolatedJournal.make() else {
            Issue.record("mount namespaces are unavailable here (unshare -m failed); cannot isolate journald")
            return
        }
        #expect(ns.startJournald())
        let h = try DaemonHarness()
        h.isolated = ns
        try h.start()
        ns.stallJournald(true)
        defer { ns.stallJournald(false) }
        for i in 0..<200 { try GeneratedArticles.article(8100 + i).write(toFile: "\(h.staging)/s-\(i).txt", atomically: false, encoding: .utf8) }
        for i in 0..<200 { rename("\(h.staging)/s-\(i).txt", "\(h.inbox)/s-\(i).txt") }
        Drill.wait(timeout: 30) { (Int(h.sql("SELECT count(*) FROM receipt")) ?? 0) >= 20 }
        // Mid-burst, journald not reading: SIGTERM finishes the current file and exits.
        #expect(h.stop(signal: SIGTERM, timeout: 20) == 0, "SIGTERM is prompt while journald is stalled")
        #expect(h.sql("SELECT count(*) FROM receipt WHERE settled = 0") == "0", "the current file was finished")
        ns.stallJournald(false)
        try h.start()
        #expect(h.waitForEmptyInbox(timeout: 120))
        #expect(h.sql("SELECT count(*) FROM receipt") == "200")
        let (ids, entries) = h.waitForAllNotifications()
        #expect(Set(entries.compactMap { $0["NOTIFICATION_ID"] }).isSuperset(of: ids))
        #expect(h.stop() == 0)
    }
}

