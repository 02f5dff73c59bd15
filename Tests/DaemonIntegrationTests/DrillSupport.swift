import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Sizes and helpers for the fault drills (DrillTests). CI sizes by default; `INCIDENTD_DRILL_FULL=1`
/// runs the full counts of issue 5 (100 crash rounds, 10,000 hostile files).
enum Drill {
    static var full: Bool { ProcessInfo.processInfo.environment["INCIDENTD_DRILL_FULL"] == "1" }

    /// Polls `condition` until it holds or `timeout` passes; returns the last result.
    @discardableResult
    static func wait(timeout: TimeInterval, every: useconds_t = 50_000, _ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if condition() { return true }
            usleep(every)
        }
        return condition()
    }

    /// Creates a file whose name is raw bytes (need not be UTF-8) in `dir`; returns false on failure.
    @discardableResult
    static func createFile(in dir: String, rawName: [UInt8], contents: [UInt8]) -> Bool {
        let path = Array(dir.utf8) + [0x2F] + rawName + [0]
        let fd = path.withUnsafeBufferPointer { p in
            p.withMemoryRebound(to: CChar.self) { Glibc.open($0.baseAddress!, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644) }
        }
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var off = 0
        while off < contents.count {
            let n = contents[off...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress!, $0.count) }
            if n <= 0 { return false }
            off += n
        }
        return true
    }

    /// Writes `text` into `staging/name` and renames it into `inbox/name` (one MOVED_TO event).
    static func drop(_ text: String, name: String, staging: String, inbox: String) throws {
        try text.write(toFile: staging + "/" + name, atomically: false, encoding: .utf8)
        guard rename(staging + "/" + name, inbox + "/" + name) == 0 else { throw HarnessError("rename \(name): \(errno)") }
    }

    /// SHA-256 of a file by `sha256sum` (for "unchanged" checks on files outside the daemon's folders).
    static func digest(_ path: String) -> String {
        Shell.run("/usr/bin/sha256sum", [path]).split(separator: " ").first.map(String.init) ?? ""
    }
}

extension DaemonHarness {
    var staging: String {
        let s = root.appendingPathComponent("staging").path
        try? FileManager.default.createDirectory(atPath: s, withIntermediateDirectories: true)
        return s
    }

    /// Every non-directory entry below `dir` as `lstat` sees it (links to folders, FIFOs and names
    /// with newlines included), relative paths; uses `find -print0`.
    func entries(under dir: String) -> [String] {
        Shell.run("/usr/bin/find", [dir, "-mindepth", "1", "!", "-type", "d", "-printf", "%P\\0"])
            .split(separator: "\u{0}").map(String.init).sorted()
    }

    /// File names (last component) below archive/, and below rejected/ without the `.reason` files.
    func settledNames() -> (archived: [String], rejected: [String], reasons: [String]) {
        let archived = entries(under: archive).map { ($0 as NSString).lastPathComponent }
        let rejectedAll = entries(under: rejected)
        let reasons = rejectedAll.filter { $0.hasSuffix(".reason") }
        let rejected = rejectedAll.filter { !$0.hasSuffix(".reason") }.map { ($0 as NSString).lastPathComponent }
        return (archived, rejected, reasons)
    }

    func pendingNotifications() -> Int { Int(sql("SELECT count(*) FROM outbox WHERE sent_at IS NULL")) ?? -1 }

    /// Waits (bounded) until the outbox is empty and every outbox id is in the journal; returns the
    /// journal entries that carry a NOTIFICATION_ID.
    func waitForAllNotifications(timeout: TimeInterval = 60) -> (ids: Set<String>, entries: [[String: String]]) {
        Drill.wait(timeout: timeout, every: 200_000) { pendingNotifications() == 0 }
        let ids = Set(sql("SELECT id FROM outbox").split(separator: "\n").map(String.init))
        let entries = waitForJournal(timeout: timeout) { e in Set(e.compactMap { $0["NOTIFICATION_ID"] }).isSuperset(of: ids) }
        return (ids, entries.filter { $0["NOTIFICATION_ID"] != nil })
    }

    /// How many READY=1 datagrams arrived so far (one per start).
    func readyCount() -> Int { notifyMessages.filter { $0.contains("READY=1") }.count }

    /// Waits (bounded) until nothing but directories is left below the inbox.
    @discardableResult
    func waitForNoEntries(timeout: TimeInterval) -> Bool {
        Drill.wait(timeout: timeout, every: 200_000) { entries(under: inbox).isEmpty }
    }

    var pid: Int32? { process?.processIdentifier }
    var isRunning: Bool { process?.isRunning ?? false }
}
