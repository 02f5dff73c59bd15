import Foundation
import GRDB
import IncidentExtraction
import IncidentModel
import IncidentPipeline
import TestSupport
import Testing
@testable import IncidentStore

/// Articles written for these tests go through the daemon's pipeline (extraction, then the record
/// transaction): which incidents the store ends up with, and which articles report each.
@Suite struct PipelineDeduplicationTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let extractor: IncidentExtractor = {
        // swiftlint:disable:next force_try
        IncidentExtractor(resources: try! ExtractionResources.load(from: [packageRoot.appendingPathComponent("Config")]))
    }()
    let scratch = TemporaryDirectory("pipeline")

    /// Ingests the articles in order (each file's modification day is `day`); returns, per stored
    /// incident, its place and the sorted names of the files reporting it.
    func ingest(_ articles: [(name: String, day: String, text: String)]) throws -> [(place: String?, files: [String])] {
        let db = try IncidentDatabase(path: scratch.file("db.sqlite"))
        let pipeline = ArticlePipeline(database: db, extractor: Self.extractor)
        for (k, a) in articles.enumerated() {
            let day = CalendarDay(iso: a.day)!
            let mtime = Double(day.ordinal) * 86_400 + 43_200
            let origin = FileOrigin(fileName: a.name, inboxPath: "/inbox/\(a.name)", device: 1, inode: UInt64(k + 1),
                                    size: Int64(a.text.utf8.count), modificationTime: mtime)
            _ = try pipeline.ingest(bytes: Array(a.text.utf8), origin: origin, receivedAt: mtime, destination: nil)
        }
        let rows = try db.writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT i.id AS id, r.place AS place, a.file_name AS file FROM report r
                JOIN incident i ON i.id = r.incident_id JOIN article a ON a.id = r.article_id ORDER BY i.id, a.file_name
                """)
        }
        var out: [Int64: (place: String?, files: [String])] = [:]
        for row in rows {
            let id: Int64 = row["id"]
            out[id, default: (row["place"], [])].files.append(row["file"])
        }
        return out.keys.sorted().map { out[$0]! }
    }

    @Test func aFacilityStrikeAndTheTownsOtherStrikesStayTwoIncidentsAcrossOutlets() throws {
        let incidents = try ingest([
            ("wire.txt", "2024-05-21", """
            Missiles hit Kharkiv maternity hospital

            A Russian missile struck a maternity hospital in Kharkiv on Monday, officials said.

            Two people were killed at the hospital in the strike and 18 were wounded, the regional governor said.

            The death toll from Monday's attacks includes 15 people in Kharkiv, the governor added.
            """),
            ("paper.txt", "2024-05-20", """
            Maternity hospital hit in Kharkiv

            A Russian missile strike hit a maternity hospital in Kharkiv on Monday, killing two people and wounding 18, the governor said.
            """),
            ("site.txt", "2024-05-21", """
            Deadly day in Kharkiv

            In Kharkiv, 13 people were killed in separate strikes by Russian missiles on Monday, the mayor said.

            The Russian attack on the maternity hospital in Kharkiv wounded 18 people, he said.
            """),
        ])
        #expect(incidents.count == 2)
        #expect(incidents.allSatisfy { $0.place == "Kharkiv" })
        #expect(Set(incidents.map(\.files)) == [["paper.txt", "site.txt", "wire.txt"], ["site.txt", "wire.txt"]])
    }

    @Test func aVillageNamedByItsTownAndTheTownItselfAreOneIncident() throws {
        let incidents = try ingest([
            ("a.txt", "2022-07-23", """
            Drone kills three near Qamishli

            A Turkish drone struck a car in the village of Dar Hamdo east of Qamishli on Friday evening, killing three fighters, a local source said.
            """),
            ("b.txt", "2022-07-23", """
            Three fighters killed in drone strike

            On Friday, a Turkish drone targeted a car carrying three fighters on a road near Qamishli, killing all of them.
            """),
        ])
        #expect(incidents.count == 1)
        #expect(incidents.first?.files == ["a.txt", "b.txt"])
    }
}
