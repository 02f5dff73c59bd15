import Deduplication
import Foundation
import GRDB
import IncidentModel
import TestSupport
import Testing
@testable import IncidentStore

/// The record transaction against a real SQLite file.
@Suite struct StoreTests {
    /// Removed with its database when the test's suite value goes away.
    let scratch = TemporaryDirectory("store")
    var path: String { scratch.file("db.sqlite") }

    func submission(_ name: String, text: String, mentions: [IncidentMention], outlet: String? = nil, day: CalendarDay = .init(year: 2023, month: 3, day: 14)) -> ArticleSubmission {
        let normalized = ArticleNormalizer.normalized(text)
        return ArticleSubmission(
            origin: FileOrigin(fileName: name, inboxPath: "/inbox/\(name)", device: 1, inode: UInt64(abs(name.hashValue % 100_000)), size: Int64(text.utf8.count)),
            receivedAt: 1_700_000_000, contentHash: String(normalized.hashValue), text: text,
            sketch: NearDuplicateSketch.make(normalizedText: normalized),
            extracted: ExtractedArticle(metadata: ArticleMetadata(title: name, outlet: outlet, published: day), mentions: mentions, cleanedText: text),
            referenceDay: day, destination: "/archive/2023-03-14")
    }

    static let mayadin = Place(name: "Al Mayadin", admin1: "Deir ez-Zor", country: "Syria", latitude: 35.0198, longitude: 40.4515)
    static let aleppo = Place(name: "Aleppo", admin1: "Aleppo", country: "Syria", latitude: 36.2012, longitude: 37.1612)

    func strike(_ place: Place, killed: Int?, day: Int = 13, evidence: String = "A drone strike killed fighters.") -> IncidentMention {
        IncidentMention(eventType: .droneStrike, date: IncidentDate(day: CalendarDay(year: 2023, month: 3, day: day)), place: place,
                        perpetrator: "unknown", attribution: .unidentified, killed: killed, killedQualifier: .exact, evidence: evidence)
    }

    @Test func recordsAnArticleWithItsIncidentReportReceiptAndNotification() throws {
        let db = try IncidentDatabase(path: path)
        let outcome = try db.record(submission("a.txt", text: "Five fighters were killed by a drone near Mayadin on Monday, a monitor said.",
                                               mentions: [strike(Self.mayadin, killed: 5)]))
        #expect(outcome.newIncidents.count == 1)
        #expect(outcome.notifications.map(\.payload.kind) == [.incidentNew])
        #expect(outcome.notifications.first?.payload.incident?.killedBest == 5)
        #expect(try db.pendingNotifications().count == 1)
        #expect(try db.unsettledReceipts().map(\.fileName) == ["a.txt"])
        try db.settle(receiptID: outcome.receiptID, finalPath: "/archive/2023-03-14/a.txt")
        #expect(try db.unsettledReceipts().isEmpty)
        try db.markSent(outcome.notifications.map(\.id))
        #expect(try db.pendingNotificationCount() == 0)
        #expect(try db.integrityCheck() == "ok")
    }

    @Test func sameContentTwiceIsADuplicateWithoutNewReports() throws {
        let db = try IncidentDatabase(path: path)
        let text = "Five fighters were killed by a drone near Mayadin on Monday, a monitor said."
        _ = try db.record(submission("a.txt", text: text, mentions: [strike(Self.mayadin, killed: 5)]))
        let second = try db.record(submission("b.txt", text: text, mentions: [strike(Self.mayadin, killed: 5)]))
        #expect(second.disposition == .duplicate(ofArticleID: 1, fileName: "a.txt"))
        #expect(second.notifications.map(\.payload.kind) == [.articleDuplicate])
        let reports = try db.writer.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM report") }
        #expect(reports == 1)
    }

    @Test func aSecondOutletWithAHigherTollUpdatesTheSameIncidentOnce() throws {
        let db = try IncidentDatabase(path: path)
        _ = try db.record(submission("a.txt", text: "Five killed near Mayadin by a drone, says a monitor.", mentions: [strike(Self.mayadin, killed: 5)], outlet: "Outlet A"))
        let b = try db.record(submission("b.txt", text: "The toll from Monday's drone attack on a convoy outside Mayadin has risen to eight, local sources said.",
                                         mentions: [strike(Self.mayadin, killed: 8)], outlet: "Outlet B"))
        #expect(b.newIncidents.isEmpty)
        #expect(b.updatedIncidents.count == 1)
        let update = try #require(b.notifications.first { $0.payload.kind == .incidentUpdated })
        #expect(update.payload.incident?.reportCount == 2)
        #expect(update.payload.changes.isEmpty == false)
        let incidents = try db.writer.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM incident") }
        #expect(incidents == 1)
        // The same figure again from a third outlet changes nothing material: no notification.
        let c = try db.record(submission("c.txt", text: "Eight people died when a drone struck vehicles near Mayadin, according to activists.",
                                         mentions: [strike(Self.mayadin, killed: 8)], outlet: "Outlet C"))
        #expect(c.notifications.isEmpty)
    }

    @Test func twoPlacesStruckTheSameNightStayTwoIncidents() throws {
        let db = try IncidentDatabase(path: path)
        let a = try db.record(submission("a.txt", text: "Strikes hit Mayadin and Aleppo overnight.",
                                         mentions: [strike(Self.mayadin, killed: 3), strike(Self.aleppo, killed: 2)]))
        #expect(a.newIncidents.count == 2)
        let b = try db.record(submission("b.txt", text: "Aleppo explosions: two dead, state media says.", mentions: [strike(Self.aleppo, killed: 2)]))
        #expect(b.newIncidents.isEmpty)
        let incidents = try db.writer.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM incident") }
        #expect(incidents == 2)
    }

    @Test func samePlaceFarApartInTimeIsTwoIncidents() throws {
        let db = try IncidentDatabase(path: path)
        _ = try db.record(submission("a.txt", text: "A strike near Mayadin killed three.", mentions: [strike(Self.mayadin, killed: 3, day: 1)],
                                     day: CalendarDay(year: 2023, month: 3, day: 2)))
        let b = try db.record(submission("b.txt", text: "Another strike near Mayadin killed four, weeks later.", mentions: [strike(Self.mayadin, killed: 4, day: 28)],
                                         day: CalendarDay(year: 2023, month: 3, day: 29)))
        #expect(b.newIncidents.count == 1)
    }

    @Test func rejectionIsRecordedWithAReceiptAndANotification() throws {
        let db = try IncidentDatabase(path: path)
        let r = try db.recordRejection(origin: FileOrigin(fileName: "x.bin", inboxPath: "/inbox/x.bin"), reason: "not-text: NUL bytes",
                                       destination: "/rejected", receivedAt: 1)
        #expect(r.notification.payload.kind == .fileRejected)
        #expect(try db.unsettledReceipts().first?.outcome == "rejected")
        #expect(try db.counters().rejected == 1)
    }

    @Test func migrationsAreIdempotentAcrossReopen() throws {
        _ = try IncidentDatabase(path: path)
        let again = try IncidentDatabase(path: path)
        #expect(try again.integrityCheck() == "ok")
    }
}

/// `reprocess` keeps ids, announces only real changes, and is idempotent.
@Suite struct ReprocessTests {
    let scratch = TemporaryDirectory("reprocess")
    var path: String { scratch.file("db.sqlite") }

    @Test func rebuildKeepsIdsAndAnnouncesOnlyRealChanges() throws {
        let store = StoreTests()
        let db = try IncidentDatabase(path: path)
        _ = try db.record(store.submission("a.txt", text: "Five killed near Mayadin by a drone.", mentions: [store.strike(StoreTests.mayadin, killed: 5)]))
        _ = try db.record(store.submission("b.txt", text: "Two killed in Aleppo blast.", mentions: [store.strike(StoreTests.aleppo, killed: 2)]))
        try db.markSent(try db.pendingNotifications().map(\.id))

        // Same rules: nothing changes, nothing is announced.
        let same = try db.reprocess { text, _ in
            let mention = text.contains("Mayadin") ? store.strike(StoreTests.mayadin, killed: 5) : store.strike(StoreTests.aleppo, killed: 2)
            return ExtractedArticle(metadata: ArticleMetadata(), mentions: [mention], cleanedText: text)
        }
        #expect(same.created.isEmpty && same.updated.isEmpty && same.vanished.isEmpty)
        #expect(try db.pendingNotificationCount() == 0)
        let ids = try db.writer.read { try Int64.fetchAll($0, sql: "SELECT id FROM incident ORDER BY id") }
        #expect(ids == [1, 2])

        // New rules read a higher toll for Mayadin: one "updated" entry for incident 1.
        let changed = try db.reprocess { text, _ in
            let mention = text.contains("Mayadin") ? store.strike(StoreTests.mayadin, killed: 9) : store.strike(StoreTests.aleppo, killed: 2)
            return ExtractedArticle(metadata: ArticleMetadata(), mentions: [mention], cleanedText: text)
        }
        #expect(changed.updated == [1])
        #expect(changed.created.isEmpty)
        let pending = try db.pendingNotifications()
        #expect(pending.map(\.payload.kind) == [.incidentUpdated])
        #expect(pending.first?.payload.incidentID == 1)
        #expect(try db.writer.read { try Int64.fetchAll($0, sql: "SELECT id FROM incident ORDER BY id") } == [1, 2])
    }
}
