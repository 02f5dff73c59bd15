import Foundation
import IncidentModel
@testable import IncidentExtraction

/// One extractor for every test: loading the gazetteer takes a moment, the value is immutable.
enum Fixture {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let resources: ExtractionResources = {
        // swiftlint:disable:next force_try
        try! ExtractionResources.load(from: [packageRoot.appendingPathComponent("Config")])
    }()
    static let extractor = IncidentExtractor(resources: resources)

    static func day(_ iso: String) -> CalendarDay { CalendarDay(iso: iso)! }

    /// Extracts an article made of a headline and body paragraphs.
    static func extract(_ headline: String, _ paragraphs: [String], reference: String = "2023-03-15") -> ExtractedArticle {
        extractor.extract(text: ([headline, ""] + paragraphs).joined(separator: "\n\n"), fallbackReferenceDate: day(reference))
    }

    static func mains(_ a: ExtractedArticle) -> [IncidentMention] { a.mentions.filter { $0.role == .main } }
    /// The main mentions of an article of these paragraphs under `headline`, read on `reference`.
    static func mains(_ paragraphs: [String], headline: String, reference: String) -> [IncidentMention] {
        mains(extract(headline, paragraphs, reference: reference))
    }

    /// The main mention placed at `town`.
    static func main(_ a: ExtractedArticle, at town: String) -> IncidentMention? { mains(a).first { $0.place?.name == town } }
}
