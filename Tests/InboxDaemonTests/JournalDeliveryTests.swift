import Foundation
import IncidentStore
import JournalNotifications
import SystemBridge
import TestSupport
import Testing

/// Notifications handed over after their commit and read back from the outbox reach the real
/// journald once each, and the outbox ends empty.
@Suite(.timeLimit(.minutes(2)))
struct JournalDeliveryTests {
    static let journalSocket = "/run/systemd/journal/socket"
    let scratch = TemporaryDirectory("delivery")

    @Test func handedOverAndOutboxEntriesAreSentOnceEach() throws {
        try #require(HostJournald.isRunning, "could not start systemd-journald")
        try #require(JournalWriter().isReachable(), "journald does not accept entries")
        let database = try IncidentDatabase(path: scratch.file("db.sqlite"))
        let identifier = "incidentd-delivery-\(UUID().uuidString.prefix(8))"
        let names = (0..<20).map { "refused-\($0).bin" }
        let results = try database.recordBatch(names.map {
            .rejection(origin: FileOrigin(fileName: $0, inboxPath: "/inbox/\($0)"), reason: "not-text: binary", destination: "/rejected", receivedAt: 1)
        })
        let entries = results.compactMap { result -> OutboxEntry? in
            if case .rejected(_, let entry) = result { return entry }
            return nil
        }
        #expect(entries.count == names.count)

        let delivery = JournalDelivery(writer: JournalWriter(), database: database, identifier: identifier)
        delivery.start()
        // Both paths at once: half handed over, all of them also waiting in the outbox.
        delivery.committed(Array(entries.prefix(10)))
        delivery.outboxChanged()
        delivery.committed(Array(entries.suffix(10)))
        #expect(try Self.pendingAfterWaiting(database) == 0)
        #expect(delivery.stop(timeout: 5))
        #expect(delivery.delivered == names.count)

        var seen: [String] = []
        for _ in 0..<50 {
            seen = try Self.journalField("REJECT_FILE", identifier: identifier)
            if seen.count >= names.count { break }
            Thread.sleep(forTimeInterval: 0.1)
        }
        #expect(seen.sorted() == names.sorted())  // each exactly once
    }

    /// journald stops reading while the outbox is read at start (its receive queue fills): what was
    /// left unsent goes out once journald reads again, with no new hand-off to wake the delivery thread.
    @Test func outboxEntriesLeftByAStallGoOutWhenJournaldReadsAgain() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("delivery-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let database = try IncidentDatabase(path: dir.appendingPathComponent("db.sqlite").path)
        let names = (0..<40).map { "stalled-\($0).bin" }
        _ = try database.recordBatch(names.map {
            .rejection(origin: FileOrigin(fileName: $0, inboxPath: "/inbox/\($0)"), reason: "not-text: binary", destination: "/rejected", receivedAt: 1)
        })
        let listener = DatagramListener(path: dir.appendingPathComponent("journal.socket").path)
        let writer = JournalWriter(socketPath: listener.path, stallTimeout: .milliseconds(1))
        let delivery = JournalDelivery(writer: writer, database: database, identifier: "incidentd-stall", retryInterval: 0.5)
        delivery.start()  // reads the outbox: the first datagrams fill the queue, the rest stall
        Thread.sleep(forTimeInterval: 0.3)
        #expect(try database.pendingNotificationCount() > 0, "the listener has not read yet")

        // journald reads again; nothing else happens.
        var received = Set<String>()
        let deadline = Date().addingTimeInterval(10)
        while received.count < names.count, Date() < deadline {
            guard let datagram = listener.receive(timeoutMilliseconds: 100) else { continue }
            for line in String(decoding: datagram, as: UTF8.self).split(separator: "\n") where line.hasPrefix("REJECT_FILE=") {
                received.insert(String(line.dropFirst("REJECT_FILE=".count)))
            }
        }
        #expect(received == Set(names), "missing: \(Set(names).subtracting(received).sorted().prefix(5))")
        #expect(try Self.pendingAfterWaiting(database) == 0)
        #expect(delivery.stop(timeout: 5))
    }

    /// Entries committed while the delivery thread is idle leave from the caller's thread before
    /// `deliverCommitted` returns, reach journald once, and are marked sent in the outbox; while
    /// journald's queue is full they are handed over and go out once it reads again.
    @Test func entriesCommittedWhileIdleAreSentByTheCallerAndMarkedOnce() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("delivery-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let database = try IncidentDatabase(path: dir.appendingPathComponent("db.sqlite").path)
        let listener = DatagramListener(path: dir.appendingPathComponent("journal.socket").path)
        let writer = JournalWriter(socketPath: listener.path, stallTimeout: .milliseconds(1))
        let delivery = JournalDelivery(writer: writer, database: database, identifier: "incidentd-direct", retryInterval: 0.5)
        delivery.start()
        Thread.sleep(forTimeInterval: 0.3)  // the start-up outbox read (empty) is done: the thread is idle

        func commit(_ names: [String]) throws -> [OutboxEntry] {
            try database.recordBatch(names.map {
                .rejection(origin: FileOrigin(fileName: $0, inboxPath: "/inbox/\($0)"), reason: "not-text: binary", destination: "/rejected", receivedAt: 1)
            }).compactMap { result -> OutboxEntry? in
                if case .rejected(_, let entry) = result { return entry }
                return nil
            }
        }
        func rejectFiles(_ datagram: [UInt8]) -> [String] {
            String(decoding: datagram, as: UTF8.self).split(separator: "\n").filter { $0.hasPrefix("REJECT_FILE=") }
                .map { String($0.dropFirst("REJECT_FILE=".count)) }
        }

        let direct = ["direct-0.bin", "direct-1.bin"]
        delivery.deliverCommitted(try commit(direct))
        var received: [String] = []
        // Already queued at the listener: no waiting for another thread.
        while let datagram = listener.receive(timeoutMilliseconds: 0) { received += rejectFiles(datagram) }
        #expect(received == direct)
        #expect(try Self.pendingAfterWaiting(database) == 0)
        #expect(delivery.delivered == direct.count)

        // journald does not read: the queue fills, the rest is handed over and sent later, in order.
        let stalled = (0..<40).map { "stalled-\($0).bin" }
        for name in stalled { delivery.deliverCommitted(try commit([name])) }
        // An outbox read must not send again what went out directly.
        delivery.outboxChanged()
        let deadline = Date().addingTimeInterval(10)
        while received.count < direct.count + stalled.count, Date() < deadline {
            guard let datagram = listener.receive(timeoutMilliseconds: 100) else { continue }
            received += rejectFiles(datagram)
        }
        while let datagram = listener.receive(timeoutMilliseconds: 300) { received += rejectFiles(datagram) }
        #expect(received.count == direct.count + stalled.count && Set(received) == Set(direct + stalled), "each exactly once")
        #expect(try Self.pendingAfterWaiting(database) == 0)
        #expect(delivery.stop(timeout: 5))
        #expect(delivery.delivered == direct.count + stalled.count)
    }

    /// The outbox's unsent count once it reaches zero, or after a bounded wait (5 s) so a lost
    /// entry fails the test instead of hanging it.
    static func pendingAfterWaiting(_ database: IncidentDatabase) throws -> Int {
        var pending = try database.pendingNotificationCount()
        for _ in 0..<100 where pending != 0 {
            Thread.sleep(forTimeInterval: 0.05)
            pending = try database.pendingNotificationCount()
        }
        return pending
    }

    static func journalField(_ field: String, identifier: String) throws -> [String] {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/journalctl")
        p.arguments = ["-t", identifier, "-o", "json", "--no-pager", "--output-fields=\(field)"]
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return String(decoding: data, as: UTF8.self).split(separator: "\n").compactMap { line in
            let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            return object?[field] as? String
        }
    }
}
