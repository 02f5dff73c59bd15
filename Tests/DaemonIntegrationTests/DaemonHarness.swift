import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs the real `incidentd` binary on a temporary inbox, with a real journald and a real
/// NOTIFY_SOCKET listener, and reads its journal entries back with `journalctl -o json`.
final class DaemonHarness: @unchecked Sendable {
    let root: URL
    let identifier: String
    var process: Process?
    private var notifyFD: Int32 = -1
    let notifyPath: String
    var extraArguments: [String] = []
    var environment: [String: String] = [:]
    /// When set, the daemon and journalctl run in this private journal namespace.
    var isolated: IsolatedJournal?
    private(set) var stderrPath: String

    var inbox: String { root.appendingPathComponent("inbox").path }
    var archive: String { root.appendingPathComponent("state/archive").path }
    var rejected: String { root.appendingPathComponent("state/rejected").path }
    var database: String { databaseOverride ?? root.appendingPathComponent("state/incidents.sqlite").path }
    /// Another database path (e.g. on a small tmpfs); nil keeps `state/incidents.sqlite`.
    var databaseOverride: String?
    /// Runs the daemon through this command prefix (e.g. `setpriv --reuid=… --`); it must exec the daemon.
    var commandPrefix: [String] = []

    static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    static var binDir: String {
        if let dir = ProcessInfo.processInfo.environment["INCIDENTD_BIN_DIR"], !dir.isEmpty { return dir }
        return packageRoot.appendingPathComponent(".build/debug").path
    }

    static var fixtures: URL { packageRoot.appendingPathComponent("Tests/Fixtures/articles") }

    init(name: String = #function, createInbox: Bool = true) throws {
        let slug = name.filter { $0.isLetter || $0.isNumber }.prefix(24)
        root = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("incidentd-it-\(slug)-\(UUID().uuidString.prefix(8))")
        identifier = "incidentd-it-\(UUID().uuidString.prefix(12).lowercased())"
        notifyPath = root.appendingPathComponent("notify.sock").path
        stderrPath = root.appendingPathComponent("stderr.log").path
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        if createInbox { try FileManager.default.createDirectory(atPath: inbox, withIntermediateDirectories: true) }
    }

    deinit {
        if let p = process, p.isRunning { kill(p.processIdentifier, SIGKILL) }
        if notifyFD >= 0 { close(notifyFD) }  // the drain thread sees EBADF or its owner gone, and ends
        try? FileManager.default.removeItem(at: root)
    }

    /// Starts the daemon and waits (bounded) for READY=1 on the notify socket.
    func start(waitForReady: Bool = true) throws {
        try openNotifySocket()
        let p = Process()
        let arguments = [
            "--inbox", inbox, "--database", database, "--archive", archive, "--rejected", rejected,
            "--journal-identifier", identifier, "--data-directory", Self.packageRoot.appendingPathComponent("Config").path,
            "--config", root.appendingPathComponent("config.toml").path,
        ] + extraArguments
        // Always a test-owned config file, so a system-wide /etc/incidentd/incidentd.toml never leaks in.
        if !FileManager.default.fileExists(atPath: configPath) {
            FileManager.default.createFile(atPath: configPath, contents: Data("# test defaults\n".utf8))
        }
        var (exe, args) = isolated?.wrap(Self.binDir + "/incidentd", arguments) ?? (Self.binDir + "/incidentd", arguments)
        if let first = commandPrefix.first {
            args = Array(commandPrefix.dropFirst()) + [exe] + args
            exe = first
        }
        p.executableURL = URL(fileURLWithPath: exe)
        p.arguments = args
        var env = ProcessInfo.processInfo.environment
        env["NOTIFY_SOCKET"] = notifyPath
        for (k, v) in environment { env[k] = v }
        p.environment = env
        FileManager.default.createFile(atPath: stderrPath, contents: nil)
        p.standardError = FileHandle(forWritingAtPath: stderrPath)
        p.standardOutput = FileHandle.nullDevice
        let readyBefore = notifyMessages.filter { $0.contains("READY=1") }.count
        try p.run()
        process = p
        if waitForReady {
            // This start's READY, not one left from an earlier start of the same harness.
            let deadline = Date().addingTimeInterval(60)
            while notifyMessages.filter({ $0.contains("READY=1") }).count <= readyBefore && p.isRunning && Date() < deadline { usleep(20_000) }
            guard notifyMessages.filter({ $0.contains("READY=1") }).count > readyBefore else {
                throw HarnessError("daemon did not send READY=1; stderr: \(stderr())")
            }
        }
    }

    /// Writes a config file the next `start` passes with `--config`.
    func writeConfig(_ text: String) throws {
        try text.write(to: root.appendingPathComponent("config.toml"), atomically: true, encoding: .utf8)
    }

    var configPath: String { root.appendingPathComponent("config.toml").path }

    func stderr() -> String { (try? String(contentsOfFile: stderrPath, encoding: .utf8)) ?? "" }

    /// Sends a signal and waits (bounded) for exit; returns the exit status, or nil if still running.
    @discardableResult
    func stop(signal: Int32 = SIGTERM, timeout: TimeInterval = 60) -> Int32? {
        guard let p = process else { return nil }
        kill(p.processIdentifier, signal)
        let deadline = Date().addingTimeInterval(timeout)
        while p.isRunning && Date() < deadline { usleep(20_000) }
        if p.isRunning { return nil }
        process = nil
        return p.terminationStatus
    }

    func signal(_ sig: Int32) {
        if let p = process { kill(p.processIdentifier, sig) }
    }

    // MARK: notify socket

    private func openNotifySocket() throws {
        if notifyFD >= 0 { return }
        unlink(notifyPath)
        let fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw HarnessError("socket: \(errno)") }
        var addr = sockaddr_un()
        addr.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &addr.sun_path) { raw in
            let bytes = Array(notifyPath.utf8)
            for (i, b) in bytes.enumerated() where i < raw.count - 1 { raw[i] = b }
        }
        let r = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard r == 0 else { throw HarnessError("bind notify socket: \(errno)") }
        notifyFD = fd
        startDraining()
    }

    private let notifyLock = NSLock()
    private var notifyLog: [String] = []
    private var drainStarted = false

    /// Every notify datagram received so far.
    var notifyMessages: [String] { notifyLock.withLock { notifyLog } }

    /// Reads the notify socket continuously, as systemd does: a listener that stops reading would
    /// make the daemon's sd_notify calls block once the socket queue fills.
    private func startDraining() {
        if drainStarted { return }
        drainStarted = true
        let fd = notifyFD
        let thread = Thread { [weak self] in
            var buf = [UInt8](repeating: 0, count: 4096)
            while true {
                var pfd = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
                let ready = poll(&pfd, 1, 200)
                guard let self else { return }
                if ready > 0 {
                    let n = recv(fd, &buf, buf.count, Int32(MSG_DONTWAIT))
                    if n > 0 {
                        let msg = String(decoding: buf[0..<n], as: UTF8.self)
                        self.notifyLock.withLock { self.notifyLog.append(msg) }
                    } else if n < 0 && errno == EBADF {
                        return
                    }
                }
            }
        }
        thread.start()
    }

    /// Waits until a notify datagram contains `text` (bounded by `timeout`).
    func waitForNotify(_ text: String, timeout: TimeInterval) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if notifyMessages.contains(where: { $0.contains(text) }) { return true }
            if let p = process, !p.isRunning { return notifyMessages.contains(where: { $0.contains(text) }) }
            usleep(20_000)
        }
        return notifyMessages.contains(where: { $0.contains(text) })
    }

    // MARK: journal

    /// Every journal entry with this run's SYSLOG_IDENTIFIER, as string fields.
    func journal() -> [[String: String]] {
        let out = isolated?.journal(identifier: identifier) ?? Shell.run("/usr/bin/journalctl", ["-o", "json", "--no-pager", "-t", identifier])
        return out.split(separator: "\n").compactMap { line in
            guard let data = line.data(using: .utf8),
                  let obj = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return nil }
            var fields: [String: String] = [:]
            for (k, v) in obj { if let s = v as? String { fields[k] = s } }
            return fields
        }
    }

    /// Entries with a MESSAGE_ID.
    func entries(_ messageID: String) -> [[String: String]] {
        journal().filter { $0["MESSAGE_ID"] == messageID }
    }

    /// Polls the journal until `condition` holds (bounded); returns the last entries seen.
    @discardableResult
    func waitForJournal(timeout: TimeInterval = 30, _ condition: ([[String: String]]) -> Bool) -> [[String: String]] {
        let deadline = Date().addingTimeInterval(timeout)
        var last = journal()
        while !condition(last) && Date() < deadline {
            usleep(100_000)
            last = journal()
        }
        return last
    }

    // MARK: files

    func files(under dir: String) -> [String] {
        guard let e = FileManager.default.enumerator(atPath: dir) else { return [] }
        var out: [String] = []
        while let rel = e.nextObject() as? String {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: dir + "/" + rel, isDirectory: &isDir), !isDir.boolValue { out.append(rel) }
            else if (try? FileManager.default.destinationOfSymbolicLink(atPath: dir + "/" + rel)) != nil { out.append(rel) }
        }
        return out.sorted()
    }

    /// Waits (bounded) until the inbox holds no files.
    @discardableResult
    func waitForEmptyInbox(timeout: TimeInterval = 60) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if files(under: inbox).isEmpty { return true }
            usleep(50_000)
        }
        return files(under: inbox).isEmpty
    }

    func sql(_ query: String) -> String {
        Shell.run("/usr/bin/sqlite3", [database, query]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func fixture(_ name: String) -> String { Self.fixtures.appendingPathComponent(name).path }
}

struct HarnessError: Error, CustomStringConvertible {
    let description: String
    init(_ d: String) { description = d }
}

/// Runs a command and returns its stdout.
enum Shell {
    @discardableResult
    static func run(_ exe: String, _ args: [String]) -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: exe)
        p.arguments = args
        let pipe = Pipe()
        p.standardOutput = pipe
        p.standardError = FileHandle.nullDevice
        do { try p.run() } catch { return "" }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    static func sh(_ script: String) -> String { run("/bin/bash", ["-c", script]) }
}
