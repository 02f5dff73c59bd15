import Foundation
#if canImport(Glibc)
import Glibc
#endif
import TestSupport
import Testing
import TestSupport
@testable import SystemBridge

@Suite("journal writer", .timeLimit(.minutes(2)))
struct JournalWriterTests {
    @Test func entryReachesARealJournald() throws {
        try #require(HostJournald.isRunning, "could not start systemd-journald")
        let identifier = uniqueToken("incidentd-test-")
        let marker = uniqueToken("m")
        let entry = JournalEntry([
            "MESSAGE": "first line\nsecond line",
            "PRIORITY": "5",
            "SYSLOG_IDENTIFIER": identifier,
            "INCIDENTD_TEST_MARKER": marker,
            "INCIDENTD_EQUALS": "a=b=c",
            "lowercase": "dropped",
        ])
        let writer = JournalWriter()
        #expect(writer.isReachable())
        #expect(writer.send(entry) == .sent)

        var found: [String: Any]?
        _ = eventually(attempts: 100, pause: 100_000) {
            found = HostJournald.entries(identifier: identifier).first { $0["INCIDENTD_TEST_MARKER"] as? String == marker }
            return found != nil
        }
        let stored = try #require(found, "entry not found with journalctl -t \(identifier)")
        #expect(stored["MESSAGE"] as? String == "first line\nsecond line")
        #expect(stored["PRIORITY"] as? String == "5")
        #expect(stored["INCIDENTD_EQUALS"] as? String == "a=b=c")
        #expect(stored["LOWERCASE"] == nil && stored["lowercase"] == nil)
    }

    @Test func missingSocketIsUnavailableNotSilentlyLost() {
        let dir = TemporaryDirectory("nojournal")
        let writer = JournalWriter(socketPath: dir.file("socket"))
        guard case .unavailable(let reason) = writer.send(JournalEntry(["MESSAGE": "x"])) else {
            Issue.record("expected .unavailable")
            return
        }
        #expect(reason.contains("does not exist"))
        #expect(!writer.isReachable())
    }

    @Test func socketWithNobodyListeningIsUnavailable() {
        let dir = TemporaryDirectory("stale")
        let path = dir.file("socket")
        do {  // bind, then close without unlinking: a stale socket file
            let fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
            var address = sockaddr_un()
            address.sun_family = sa_family_t(AF_UNIX)
            withUnsafeMutableBytes(of: &address.sun_path) { raw in
                raw.copyBytes(from: Array(path.utf8))
                raw[path.utf8.count] = 0
            }
            let length = socklen_t(MemoryLayout<sa_family_t>.size + path.utf8.count + 1)
            _ = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) } }
            close(fd)
        }
        let writer = JournalWriter(socketPath: path)
        guard case .unavailable(let reason) = writer.send(JournalEntry(["MESSAGE": "x"])) else {
            Issue.record("expected .unavailable")
            return
        }
        #expect(reason.contains("nobody is listening"))
    }

    @Test func listenerThatNeverReadsYieldsStalledWithoutBlocking() {
        let dir = TemporaryDirectory("stall")
        let listener = DatagramListener(path: dir.file("socket"))
        let writer = JournalWriter(socketPath: listener.path, stallTimeout: .milliseconds(1))
        var results: [JournalSendResult] = []
        // Bounded: the kernel queue (net.unix.max_dgram_qlen, default 10) fills long before this.
        for n in 0..<5_000 {
            let result = writer.send(JournalEntry(["MESSAGE": "entry \(n)"]))
            results.append(result)
            if result == .stalled { break }
        }
        #expect(results.last == .stalled)
        #expect(results.dropLast().allSatisfy { $0 == .sent })
        #expect(results.count > 1)

        // Once the listener reads, sending works again.
        let first = listener.receive()
        #expect(first.map { String(decoding: $0, as: UTF8.self) } == "MESSAGE=entry 0\n")
        #expect(writer.send(JournalEntry(["MESSAGE": "after"])) == .sent)
    }

    @Test func probeAloneSeesAQueueFilledByOthers() {
        let dir = TemporaryDirectory("full")
        let listener = DatagramListener(path: dir.file("socket"))
        // Fill the listener's queue from an unrelated socket, as other journald clients would.
        let other = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        defer { close(other) }
        var filled = false
        for _ in 0..<5_000 {
            let sent = listener.path.withCString { path -> Int in
                var address = sockaddr_un()
                address.sun_family = sa_family_t(AF_UNIX)
                withUnsafeMutableBytes(of: &address.sun_path) { raw in
                    raw.copyBytes(from: UnsafeRawBufferPointer(start: path, count: strlen(path) + 1))
                }
                return withUnsafePointer(to: &address) {
                    $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                        sendto(other, "X=1\n", 4, Int32(MSG_DONTWAIT), $0, socklen_t(MemoryLayout<sockaddr_un>.size))
                    }
                }
            }
            if sent < 0 { filled = errno == EAGAIN; break }
        }
        #expect(filled)
        let writer = JournalWriter(socketPath: listener.path, stallTimeout: .zero)
        #expect(writer.send(JournalEntry(["MESSAGE": "x"])) == .stalled)
        #expect(writer.isReachable())
    }

    @Test func reconnectsWhenTheSocketFileIsReplaced() {
        let dir = TemporaryDirectory("restart")
        let path = dir.file("socket")
        var listener: DatagramListener? = DatagramListener(path: path)
        let writer = JournalWriter(socketPath: path)
        #expect(writer.send(JournalEntry(["MESSAGE": "one"])) == .sent)
        #expect(listener?.receive() != nil)
        listener = nil  // journald goes away (socket file removed)
        if case .unavailable = writer.send(JournalEntry(["MESSAGE": "lost"])) {} else {
            Issue.record("expected .unavailable while no journald runs")
        }
        listener = DatagramListener(path: path)  // a new journald, a new socket inode
        #expect(writer.send(JournalEntry(["MESSAGE": "two"])) == .sent)
        #expect(listener?.receive().map { String(decoding: $0, as: UTF8.self) } == "MESSAGE=two\n")
    }

    @Test func concurrentSendersShareOneWriter() async {
        let dir = TemporaryDirectory("concurrent")
        let listener = DatagramListener(path: dir.file("socket"))
        let writer = JournalWriter(socketPath: listener.path, stallTimeout: .milliseconds(5))
        let total = 4 * 25
        // Drain on a thread of its own while four tasks send.
        let drained = Task.detached { () -> Int in
            var count = 0
            while count < total, listener.receive(timeoutMilliseconds: 10_000) != nil { count += 1 }
            return count
        }
        let results = await withTaskGroup(of: [JournalSendResult].self) { group in
            for sender in 0..<4 {
                group.addTask {
                    (0..<25).map { n in
                        var result = writer.send(JournalEntry(["MESSAGE": "s\(sender) n\(n)"]))
                        var retries = 0
                        while result == .stalled && retries < 1_000 {  // the reader catches up
                            usleep(1_000)
                            retries += 1
                            result = writer.send(JournalEntry(["MESSAGE": "s\(sender) n\(n)"]))
                        }
                        return result
                    }
                }
            }
            return await group.reduce(into: []) { $0 += $1 }
        }
        #expect(results.count == total)
        #expect(results.allSatisfy { $0 == .sent })
        #expect(await drained.value == total)
    }

    @Test func listenerDeathIsUnavailableNotStalled() {
        let dir = TemporaryDirectory("death")
        let listener = DatagramListener(path: dir.file("socket"))
        let writer = JournalWriter(socketPath: listener.path)
        #expect(writer.send(JournalEntry(["MESSAGE": "alive"])) == .sent)
        listener.dieLeavingSocketFile()
        for _ in 0..<3 {  // the first send finds the dead peer, later ones cannot reconnect
            guard case .unavailable = writer.send(JournalEntry(["MESSAGE": "dead"])) else {
                Issue.record("expected .unavailable after the listener died")
                return
            }
        }
        #expect(!writer.isReachable())
    }

    @Test func entryWithoutValidFieldsIsNotSent() {
        let writer = JournalWriter(socketPath: "/nonexistent/socket")
        #expect(writer.send(JournalEntry(["lower": "x"])) == .unavailable("entry has no valid fields"))
    }
}
