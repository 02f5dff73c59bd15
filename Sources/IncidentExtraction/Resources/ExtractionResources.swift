import Foundation
import IncidentModel

/// Dictionaries and patterns extraction needs, loaded once from `Config/` directories so users can
/// extend them without recompiling. Immutable after loading, so one value serves every thread.
///
/// A class, not a struct: it holds some hundred and thirty arrays and tables, and every copy of a
/// struct this size (a closure capturing it, a `SentenceAnalyzer` built per article) retained and
/// released each of them — about 7 % of extraction's instructions. Every property is a `let`, so
/// the finders are still read in place and the value stays `Sendable`.
public final class ExtractionResources: Sendable {
    let boilerplate: [BoilerplateRule]
    let cues: CueLexicon
    let gazetteer: Gazetteer
    let splitter: SentenceSplitter
    let dateFinder: DateFinder
    let tollFinder: TollFinder
    let placeFinder: PlaceFinder
    let actorFinder: ActorFinder
    let eventFinder: EventWordFinder
    let metadataFinder: MetadataFinder
    let genericActors: GenericActors
    /// Per actor, the folded names of the countries that are its own ground (`actor-homes.tsv`).
    let actorHomes: [String: Set<String>]
    /// Which phrase dictionaries a token can start a phrase of; see `PhraseStarts`.
    let phraseStarts: PhraseStarts

    /// Number of gazetteer names (places, provinces, countries) loaded.
    public var gazetteerEntryCount: Int { gazetteer.entries.count }

    /// Loads every resource file from `directories` in order; later directories extend earlier ones
    /// (the shipped data directory first, then a user's extension directory). Each directory is
    /// either a data directory holding `extraction/` (the shipped `Config/`) or an extraction folder
    /// itself.
    public static func load(from directories: [URL]) throws -> ExtractionResources {
        let folders = directories.map(ConfigFile.extractionFolder)
        guard folders.contains(where: { FileManager.default.fileExists(atPath: $0.appendingPathComponent("event-types.tsv").path) }) else {
            throw ExtractionResourceError(description: "no extraction data (event-types.tsv) in \(directories.map(\.path).joined(separator: ", "))")
        }
        return ExtractionResources(folders: folders)
    }

    init(folders: [URL]) {
        let rows = { (name: String) in ConfigFile.rows(name, in: folders) }
        boilerplate = rows("boilerplate.tsv").compactMap { r in
            guard r.count >= 2, let a = BoilerplateAction(rawValue: r[0]), !r[1].isEmpty else { return nil }
            return BoilerplateRule(action: a, glob: LineGlob(r[1]))
        }
        var cues = CueLexicon(rows: rows("cues.tsv"))
        var numbers = PhraseMatcher<Int>()
        for r in rows("numbers.tsv") where r.count >= 2 { if let v = Int(r[1]) { numbers.add(r[0], v) } }
        var months: [String: Int] = [:], weekdays: [String: Int] = [:]
        var pageDateWords: [String: Set<String>] = [:]
        for r in rows("calendar.tsv") where r.count >= 2 {
            guard r.count >= 3, let v = Int(r[2]) else { pageDateWords[r[0], default: []].insert(r[1].lowercased()); continue }
            if r[0] == "month" { months[r[1].lowercased()] = v } else if r[0] == "weekday" { weekdays[r[1].lowercased()] = v }
        }
        var actors = PhraseMatcher<String>()
        for r in rows("actors.tsv") where r.count >= 2 {
            actors.add(r[0], r[0])
            for v in ConfigFile.list(r[1]) { actors.add(v, r[0]) }
        }
        var voices = PhraseMatcher<String>()
        // States (`actor-homes.tsv`) list their possessive voices outright ("Russia's defence
        // ministry"): "sources in Ukraine's security services said" is no statement of Kyiv's.
        var homes: [String: Set<String>] = [:]
        for r in rows("actor-homes.tsv") where r.count >= 2 { homes[r[0], default: []].formUnion(ConfigFile.list(r[1]).map(Tokenizer.fold)) }
        for r in rows("actor-voices.tsv") where r.count >= 2 {
            for v in ConfigFile.list(r[1]) {
                voices.add(v, r[0])
                // "Hamas's armed wing said", "Hezbollah's media office said": a group's possessive
                // speaks for it too.
                if homes[r[0]] == nil, !v.hasSuffix("'s") { voices.add(v + "'s", r[0]) }
            }
        }
        var events = PhraseMatcher<String>()
        for r in rows("event-types.tsv") where r.count >= 2 { for v in ConfigFile.list(r[1]) { events.add(v, r[0]) } }
        var outlets = PhraseMatcher<String>()
        for r in rows("outlets.tsv") where r.count >= 1 {
            outlets.add(r[0], r[0])
            for v in ConfigFile.list(r.count > 1 ? r[1] : nil) { outlets.add(v, r[0]) }
        }
        // The dictionaries asked about at every token first, each with a bit of its own; cue
        // categories past the 64th bit share one (`PhraseStarts`).
        var starts = PhraseStarts()
        starts.register(&numbers)
        starts.register(&actors)
        starts.register(&voices)
        starts.register(&events)
        cues.register(in: &starts)
        self.cues = cues
        phraseStarts = starts
        let abbreviations = Set(rows("abbreviations.txt").map { $0[0].lowercased() })
        // Month and weekday names are never place names ("last year in March").
        let stopwords = Set((rows("gazetteer-stopwords.txt").map { $0[0] } + Array(months.keys) + Array(weekdays.keys)).map { Tokenizer.compactKey(name: $0) })
        let gazetteer = Gazetteer.load(from: folders, stopwords: stopwords)
        self.gazetteer = gazetteer
        splitter = SentenceSplitter(abbreviations: abbreviations)
        dateFinder = DateFinder(months: months, weekdays: weekdays, cues: cues)
        tollFinder = TollFinder(numbers: numbers, cues: cues, months: Set(months.keys))
        var demonyms: [String: String] = [:]
        for r in rows("demonyms.tsv") where r.count >= 2 { demonyms[Tokenizer.fold(r[0])] = r[1].uppercased() }
        placeFinder = PlaceFinder(gazetteer: gazetteer, cues: cues, outlets: outlets, demonyms: demonyms)
        actorFinder = ActorFinder(actors: actors, voices: voices, cues: cues)
        eventFinder = EventWordFinder(matcher: events)
        let dateReader = PageDateReader(months: months, weekdays: weekdays, publishedWords: pageDateWords["published"] ?? [],
                                        updatedWords: pageDateWords["updated"] ?? [], fillerWords: pageDateWords["filler"] ?? [])
        metadataFinder = MetadataFinder(outlets: outlets, dateReader: dateReader)
        genericActors = GenericActors(rows: rows("generic-actors.tsv"))
        actorHomes = homes
    }
}
