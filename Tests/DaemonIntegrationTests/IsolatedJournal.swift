import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A private journald in a private mount namespace, so a test can stop, stall and restart
/// "the" journald without disturbing the machine's (or other tests') journal.
///
/// `unshare -m` keeps a placeholder process in a new mount namespace; tmpfs mounts over
/// `/run/systemd/journal` and `/run/log/journal` inside it give the private journald its own
/// socket and files. The daemon and `journalctl` are started in the same namespace with `nsenter`.
final class IsolatedJournal: @unchecked Sendable {
    private let holder: Process
    private var journald: Process?
    let pid: Int32

    /// Nil when namespaces are not available here (the test then records why and skips).
    static func make() -> IsolatedJournal? {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/unshare")
        p.arguments = ["-m", "--propagation", "private", "/bin/sleep", "3600"]
        do { try p.run() } catch { return nil }
        usleep(100_000)
        guard p.isRunning else { return nil }
        let j = IsolatedJournal(holder: p)
        for dir in ["/run/systemd/journal", "/run/log/journal"] {
            try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            guard j.inside(["/bin/mount", "-t", "tmpfs", "tmpfs", dir]).status == 0 else { return nil }
        }
        return j
    }

    private init(holder: Process) {
        self.holder = holder
        self.pid = holder.processIdentifier
    }

    deinit {
        if let j = journald, j.isRunning { kill(j.processIdentifier, SIGKILL) }
        kill(holder.processIdentifier, SIGKILL)
    }

    /// `nsenter` prefix for a command that must run in the namespace.
    func wrap(_ exe: String, _ args: [String]) -> (String, [String]) {
        ("/usr/bin/nsenter", ["-t", String(pid), "-m", "--", exe] + args)
    }

    @discardableResult
    func inside(_ command: [String]) -> (status: Int32, output: String) {
        let p = Process()
        let (exe, args) = wrap(command[0], Array(command.dropFirst()))
        p.executableURL = URL(fileURLWithPath: exe)
        p.arguments = args
        let pipe = Pipe()
        p.standardOutput = pipe
        p.standardError = FileHandle.nullDevice
        do { try p.run() } catch { return (-1, "") }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// Starts journald in the namespace and waits (bounded) for its socket.
    func startJournald() -> Bool {
        inside(["/bin/rm", "-f", "/run/systemd/journal/socket", "/run/systemd/journal/stdout", "/run/systemd/journal/dev-log"])
        let p = Process()
        let (exe, args) = wrap("/lib/systemd/systemd-journald", [])
        p.executableURL = URL(fileURLWithPath: exe)
        p.arguments = args
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        do { try p.run() } catch { return false }
        journald = p
        for _ in 0..<100 {
            if inside(["/usr/bin/test", "-S", "/run/systemd/journal/socket"]).status == 0 { return true }
            usleep(50_000)
        }
        return false
    }

    /// Kills journald, leaving its socket file behind (connections are then refused).
    func killJournald() {
        guard let j = journald else { return }
        kill(j.processIdentifier, SIGKILL)
        j.waitUntilExit()
        journald = nil
    }

    /// Stops journald reading its socket (SIGSTOP), or resumes it.
    func stallJournald(_ stalled: Bool) {
        guard let j = journald else { return }
        kill(j.processIdentifier, stalled ? SIGSTOP : SIGCONT)
    }

    func journal(identifier: String) -> String {
        inside(["/usr/bin/journalctl", "-o", "json", "--no-pager", "-t", identifier]).output
    }
}

extension DaemonHarness {
    /// A started daemon whose journald is private to the test; nil (with a recorded issue) when
    /// mount namespaces are unavailable.
    static func withIsolatedJournal(name: String = #function) throws -> (IsolatedJournal, DaemonHarness)? {
        guard let ns = IsolatedJournal.make() else {
            Issue.record("mount namespaces are unavailable here (unshare -m failed); cannot isolate journald")
            return nil
        }
        guard ns.startJournald() else {
            Issue.record("the private journald did not start")
            return nil
        }
        let h = try DaemonHarness(name: name)
        h.isolated = ns
        try h.start()
        return (ns, h)
    }
}
