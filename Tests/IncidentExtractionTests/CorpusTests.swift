import Foundation
import IncidentModel
import Testing
@testable import IncidentExtraction

/// Runs the shipped evaluation corpus when it sits beside the repository (`../shared/corpus`):
/// every article with gold incidents yields at least one main mention and no article crashes.
/// Skipped cleanly when the corpus is absent.
@Suite struct CorpusTests {
    static let corpus = Fixture.packageRoot.deletingLastPathComponent().appendingPathComponent("shared/corpus")

    static var hasCorpus: Bool { FileManager.default.fileExists(atPath: corpus.appendingPathComponent("seeds").path) }

    @Test(.enabled(if: CorpusTests.hasCorpus)) func seedsAllYieldTheirMainIncident() throws {
        let dir = Self.corpus.appendingPathComponent("seeds")
        for name in try FileManager.default.contentsOfDirectory(atPath: dir.path) where name.hasSuffix(".txt") {
            let text = try String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8)
            let a = Fixture.extractor.extract(text: text, fallbackReferenceDate: nil)
            #expect(a.mentions.contains { $0.role == .main }, "\(name)")
        }
    }
}
