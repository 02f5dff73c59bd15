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
        try #require(JournalWriter().isReachable(), "journald is not running (Scripts/test starts it)")
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
        var pending = -1
        for _ in 0..<100 {
            pending = try database.pendingNotificationCount()
            if pending == 0 { break }
            Thread.sleep(forTimeInterval: 0.05)
        }
        #expect(pending == 0)
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
