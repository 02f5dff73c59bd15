import ArgumentParser
import ArticleText
import Foundation
import IncidentExtraction
import IncidentModel

/// `incidentctl extract`: run extraction on files without touching any database.
struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Print the incidents each article reports (one JSON object per article with --json)."
    )

    @Flag(help: "One JSON object per article per line, in the evaluation contract's shape.")
    var json = false

    @Flag(help: "Also print what the rules read from each sentence and how sentences were grouped.")
    var explain = false

    @Option(help: "Directory of dictionaries and gazetteer (default: the shipped Config).")
    var dataDir: String?

    @Argument(help: "Article files (.txt, .md, .html).")
    var files: [String]

    func run() throws {
        let extractor = try ExtractorFactory.make(dataDir: dataDir)
        for file in files {
            let url = URL(fileURLWithPath: file)
            let data = try Data(contentsOf: url)
            // The daemon's decoding: encodings, HTML reduced to text (unknown extensions read as text).
            let text: String
            do {
                text = try TextDecoder.decode([UInt8](data), format: ArticleFormat.from(fileName: url.lastPathComponent) ?? .plainText).text
            } catch {
                FileHandle.standardError.write(Data("\(file): \(error)\n".utf8))
                continue
            }
            let attributes = try? FileManager.default.attributesOfItem(atPath: file)
            let mtime = (attributes?[.modificationDate] as? Date).map { CalendarDay(unixTime: $0.timeIntervalSince1970) }
            let article = extractor.extract(text: text, fallbackReferenceDate: mtime)
            if explain { print(extractor.explain(text: text, fallbackReferenceDate: mtime)) }
            if json {
                print(MentionJSON.line(MentionJSON.article(file: file, article)))
            } else {
                print(ReadableSummary.article(file: file, article))
            }
        }
    }
}

/// Builds the extractor from the shipped data directory (or an explicit one).
enum ExtractorFactory {
    static func make(dataDir: String?) throws -> IncidentExtractor {
        let dir = dataDir.map { URL(fileURLWithPath: $0) } ?? DataDirectories.shipped()
        guard let dir else {
            throw ValidationError("cannot find the data directory (Config/extraction); pass --data-dir or set INCIDENTD_DATA_DIR")
        }
        return IncidentExtractor(resources: try ExtractionResources.load(from: [dir]))
    }
}

/// Human-readable rendering for terminals.
enum ReadableSummary {
    static func article(file: String, _ a: ExtractedArticle) -> String {
        var lines = ["\(file): \(a.metadata.title ?? "(no title)")"]
        lines.append("  outlet: \(a.metadata.outlet ?? "unknown")   published: \(a.metadata.published?.iso ?? "unknown")")
        if a.mentions.isEmpty { lines.append("  no incident found") }
        for (i, m) in a.mentions.enumerated() {
            lines.append("  [\(i + 1)] \(m.role.rawValue) \(m.eventType.label) \(m.date?.description ?? "date unknown") at \(m.place?.label ?? "place unknown")")
            let who = m.perpetrator.map { "\($0) (\(m.attribution?.rawValue ?? "?"))" } ?? "perpetrator unknown"
            lines.append("      by \(who); killed \(m.killed.map(String.init) ?? "-"), injured \(m.injured.map(String.init) ?? "-")")
            lines.append("      \"\(m.evidence.prefix(160))\"")
        }
        return lines.joined(separator: "\n")
    }
}
