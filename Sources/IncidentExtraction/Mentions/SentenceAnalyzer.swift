import IncidentModel

/// A place reading settled for the article: a gazetteer entry, or an unknown settlement located
/// by a known place next to it.
struct ResolvedPlace: Sendable {
    var entry: Int32?
    var adHocName: String?
    var anchor: Int32?
    var key: String
    var adminReading: Bool
    var locative: Bool
    var isReference: Bool
    var strongLocative: Bool
    var position: Int
}

/// Everything the rules read from one sentence, computed once.
struct SentenceInfo: Sendable {
    var index: Int
    var paragraph: Int
    var text: String
    var tokens: [Token]
    var events: [EventWord]
    var tolls: [TollFigure]
    var places: [ResolvedPlace]
    var dates: [DateMention]
    var actors: ActorEvidence
    var isBackground: Bool
    var isIrrealis: Bool
    var sameTimeAsPrevious: Bool
    var startsNewIncident: Bool
    /// A summary over a period ("43 times in the last 24 hours"), not one incident.
    var isCumulative: Bool
    /// How often each country is named in the article (same for every sentence).
    var focus: [String: Int]

    var hasSpecificEvent: Bool { events.contains { $0.type != nil } }
    var eventDate: DateMention? { dates.first { !$0.isSpeechDate } }
}

/// Runs every sentence-level finder over a sentence and settles place readings with the
/// article's focus countries (countries named or implied elsewhere in the article).
struct SentenceAnalyzer: Sendable {
    let resources: ExtractionResources

    func analyse(_ sentences: [(text: String, paragraph: Int)], tokens: [[Token]]? = nil, reference: CalendarDay?) -> [SentenceInfo] {
        let r = resources
        let tokenized = tokens ?? sentences.map { Tokenizer.tokens($0.text) }
        let placeMatches = tokenized.map { r.placeFinder.find(in: $0) }
        let focus = r.placeFinder.focusCountries(placeMatches)
        var out: [SentenceInfo] = []
        out.reserveCapacity(sentences.count)
        for (i, s) in sentences.enumerated() {
            let tokens = tokenized[i]
            let topCountry = FocusCountries.top(focus)
            let places: [ResolvedPlace] = placeMatches[i].map { m in
                let entry = m.isCapital ? topCountry.flatMap { r.gazetteer.capital(of: $0) } : r.placeFinder.resolve(m, focus: focus)
                let key = m.isCapital ? entry.map { Tokenizer.compactKey(name: r.gazetteer.entries[Int($0)].name) } ?? m.key : m.key
                return ResolvedPlace(entry: entry, adHocName: m.adHocName, anchor: nil, key: key, adminReading: m.adminReading,
                                     locative: m.locative, isReference: m.isReference, strongLocative: m.strongLocative, position: m.range.lowerBound)
            }
            var anchored = places
            for k in anchored.indices where anchored[k].adHocName != nil {
                anchored[k].anchor = places.first(where: { $0.entry != nil && $0.position > anchored[k].position })?.entry
                    ?? places.last(where: { $0.entry != nil })?.entry
            }
            let dates = r.dateFinder.find(in: tokens, reference: reference)
            var background = r.cues.occurs("background", in: tokens)
            if let ref = reference, let d = dates.first(where: { !$0.isSpeechDate && $0.isExplicit }), d.date.end.ordinal < ref.ordinal - 3 {
                background = true
            }
            out.append(SentenceInfo(
                index: i, paragraph: s.paragraph, text: s.text, tokens: tokens,
                events: r.eventFinder.find(in: tokens), tolls: r.tollFinder.find(in: tokens), places: anchored, dates: dates,
                actors: r.actorFinder.analyse(tokens), isBackground: background,
                isIrrealis: r.cues.occurs("irrealis", in: tokens) || s.text.hasSuffix("?"),
                sameTimeAsPrevious: r.cues.occurs("same-time", in: tokens),
                startsNewIncident: r.cues.occurs("new-incident", in: tokens), isCumulative: r.cues.occurs("cumulative", in: tokens), focus: focus))
        }
        return out
    }
}
