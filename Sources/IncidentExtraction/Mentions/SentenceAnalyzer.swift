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
    /// Named as a town ("the city of X", "X city"): a province reading elsewhere does not make it one.
    var namesSettlement: Bool = false
    /// "the Nikopol district": the district named after a town, which a town named beside it
    /// ("injuring two people in Marhanets") places more exactly.
    var namesDistrict: Bool = false
    /// "the capital": the capital of the article's country, which a town the article names
    /// ("the Tajoura detention center") places more exactly.
    var isCapital: Bool = false
    /// An unknown settlement placed relative to the town named right after it ("the village of X
    /// east of Y", "X near Y"): it lies close to its anchor, so it takes the anchor's coordinates.
    var anchorIsNear: Bool = false
    /// For an unknown settlement its own sentence does not place: the place of the sentence
    /// before, which gives only its province and country.
    var contextAnchor: Int32? = nil
}

/// Everything the rules read from one sentence, computed once.
///
/// A class of constants: the rules pass sentences around by value (a mention's sentences, a
/// `first(where:)` over the article's), and each copy of a struct this size retained some twenty
/// arrays, sets and strings (about 3 % of extraction's instructions). Nothing changes a sentence's
/// reading once it is made, so sharing one object is the same as copying it.
final class SentenceInfo: Sendable {
    let index: Int
    let paragraph: Int
    let text: String
    let tokens: [Token]
    let events: [EventWord]
    let tolls: [TollFigure]
    let places: [ResolvedPlace]
    let dates: [DateMention]
    let actors: ActorEvidence
    let isBackground: Bool
    let isIrrealis: Bool
    let sameTimeAsPrevious: Bool
    let startsNewIncident: Bool
    /// A summary over a period ("43 times in the last 24 hours"), not one incident.
    let isCumulative: Bool
    /// How often each country is named in the article (same for every sentence).
    let focus: [String: Int]
    /// `FocusCountries.top(focus)`, found once per article: the grouper asks for it of every place
    /// of every sentence it weighs, and each answer walked the whole `focus` table.
    let topCountry: String?

    /// Where the first `background` cue starts, when the sentence is background because of one.
    let backgroundCueStart: Int?
    /// A facility the sentence's incident struck ("a children's hospital"): the `site` cue.
    let site: String?
    /// Figures for other strikes on the town than the one just told ("in separate strikes").
    let tellsOtherSites: Bool
    /// Tells one more target of the strikes just told ("Another of the sites hit was near al-Qaim",
    /// "The strikes also hit a depot in Tikrit"): the `another-site` cue.
    let tellsAnotherTarget: Bool
    /// A toll revised by a cue word ("rose to", "reached"): an update of a figure told before.
    let revisesToll: Bool
    /// An answer to an incident told before ("in response", "retaliated"): it happened later.
    let isReaction: Bool
    /// Opens with the answer's reason ("In response to the assassination, the fighters targeted
    /// ..."): what the sentence tells is the answer, a later incident than the one it answers.
    let opensAsAnswer: Bool
    /// Counts the places struck ("three towns", "several villages") or spans a region ("across the
    /// Gaza Strip"): a sentence that may sum up incidents told one by one after it.
    let namesSeveralPlaces: Bool
    /// Where a list of places named by a plural ("the areas of Aitaroun and Kfarkela", "the towns
    /// of ...") begins: each place in it is a target of its own.
    let placeListStart: Int?
    /// The kind the sentence's weapon names ("carried out by an RSF drone", "struck the centre with
    /// three missiles"): the incident's kind when no incident word says it.
    let weaponType: EventType?
    /// Tells many incidents as one habit ("has seen repeated strikes in recent months", "near-daily
    /// attacks"), with no toll or date of one of them: no incident of its own.
    let isGenericPlural: Bool
    /// Turns to another incident when it names another town ("Meanwhile, ...", "Earlier, ...",
    /// "Artillery also shelled ..."): the `turn` cue.
    let turnsAway: Bool
    /// Opens with a turn to something else ("Later on Saturday, ...", "Separately, ...", "Hours
    /// later, ..."), whatever it names: not a follow-up of the sentence before.
    let opensWithTurn: Bool
    /// Heads a summary's bullets ("Key takeaways:"): a `summary-heading` cue on a line ending with a
    /// colon.
    let headsSummary: Bool
    /// Where the place a sentence opens with stands ("In northern Syria, ...", "In Khan Younis,
    /// ..."): the sentence turns to that place.
    let frontedPlace: Int?
    /// Where a coordinated clause telling a second incident begins: "..., and another drone struck
    /// the base at al-Shaddadi" (the position of "another").
    let anotherClause: Int?

    init(index: Int, paragraph: Int, text: String, tokens: [Token], events: [EventWord], tolls: [TollFigure],
         places: [ResolvedPlace], dates: [DateMention], actors: ActorEvidence, isBackground: Bool, isIrrealis: Bool,
         sameTimeAsPrevious: Bool, startsNewIncident: Bool, isCumulative: Bool, focus: [String: Int], topCountry: String?,
         backgroundCueStart: Int? = nil, site: String? = nil, tellsOtherSites: Bool = false, tellsAnotherTarget: Bool = false,
         revisesToll: Bool = false, isReaction: Bool = false, opensAsAnswer: Bool = false, namesSeveralPlaces: Bool = false,
         placeListStart: Int? = nil, weaponType: EventType? = nil, isGenericPlural: Bool = false, turnsAway: Bool = false,
         opensWithTurn: Bool = false, headsSummary: Bool = false, frontedPlace: Int? = nil, anotherClause: Int? = nil) {
        self.index = index
        self.paragraph = paragraph
        self.text = text
        self.tokens = tokens
        self.events = events
        self.tolls = tolls
        self.places = places
        self.dates = dates
        self.actors = actors
        self.isBackground = isBackground
        self.isIrrealis = isIrrealis
        self.sameTimeAsPrevious = sameTimeAsPrevious
        self.startsNewIncident = startsNewIncident
        self.isCumulative = isCumulative
        self.focus = focus
        self.topCountry = topCountry
        self.backgroundCueStart = backgroundCueStart
        self.site = site
        self.tellsOtherSites = tellsOtherSites
        self.tellsAnotherTarget = tellsAnotherTarget
        self.revisesToll = revisesToll
        self.isReaction = isReaction
        self.opensAsAnswer = opensAsAnswer
        self.namesSeveralPlaces = namesSeveralPlaces
        self.placeListStart = placeListStart
        self.weaponType = weaponType
        self.isGenericPlural = isGenericPlural
        self.turnsAway = turnsAway
        self.opensWithTurn = opensWithTurn
        self.headsSummary = headsSummary
        self.frontedPlace = frontedPlace
        self.anotherClause = anotherClause
    }

    var hasSpecificEvent: Bool { events.contains { $0.type != nil } }
    /// The day the sentence's incident happened. A sentence that recalls an older incident
    /// ("The strike on Monday was the second since an attack on 26 August") dates the older one
    /// after the cue; a relative day before the cue ("Sunday's strike ... since the bombing last
    /// week") is the article's news, not the recalled incident, which then has no day of its own.
    /// (Read without collecting the stated dates into an array: the grouper asks for it of every
    /// sentence of a draft, many times per article.)
    var eventDate: DateMention? {
        guard let first = dates.first(where: { !$0.isSpeechDate }) else { return nil }
        guard isBackground, let cue = backgroundCueStart else { return first }
        if let after = dates.first(where: { !$0.isSpeechDate && $0.range.lowerBound >= cue }) { return after }
        return first.isExplicit ? first : nil
    }
}

/// Runs every sentence-level finder over a sentence and settles place readings with the
/// article's focus countries (countries named or implied elsewhere in the article).
struct SentenceAnalyzer: Sendable {
    let resources: ExtractionResources

    /// `headline`: what the headline says of actors, which also settles what a generic name
    /// ("the coalition") stands for.
    /// `newsWindow`: the period a round-up's headline covers ("Sahel Conflict Monitor: August 22-28"):
    /// incidents dated within it are its news, however many days before publication.
    /// `drillHeadline`: the headline tells a military exercise ("IRGC fires missiles at mock targets in
    /// drills"): what the article tells without a casualty figure is the exercise.
    func analyse(_ sentences: [(text: String, paragraph: Int)], tokens: [[Token]]? = nil, reference: CalendarDay?, headline: ActorEvidence? = nil,
                 newsWindow: IncidentDate? = nil, drillHeadline: Bool = false) -> [SentenceInfo] {
        let r = resources
        let tokenized = tokens ?? sentences.map { Tokenizer.tokens($0.text) }
        var actorEvidence = tokenized.map { r.actorFinder.analyse($0) }
        // A place word inside a longer actor name ("Islamic State Khorasan", "Kurdistan Workers'
        // Party") names no place the incident happened at, nor a country the article is about.
        var placeMatches = tokenized.indices.map { i in
            var found = r.placeFinder.find(in: tokenized[i])
            // "which Russia blamed on Ukraine": a country named as the one accused is no place.
            let accused = actorEvidence[i].candidates.filter(\.viaAttribution).flatMap { [$0.position] + ($0.partnerPosition.map { [$0] } ?? []) }
            if !accused.isEmpty {
                found.removeAll { m in accused.contains(m.range.lowerBound) && m.candidates.contains { r.gazetteer.entries.kind(at: Int($0)) == .country } }
            }
            let names = actorEvidence[i].nameRanges
            guard !names.isEmpty else { return found }
            return found.filter { m in !names.contains { n in n.lowerBound <= m.range.lowerBound && m.range.upperBound <= n.upperBound && n.count > m.range.count } }
        }
        var focus = r.placeFinder.focusCountries(placeMatches)
        // A name found only by folding its spelling ("Kabkabiya" as "Kabkabiyah") counts where it
        // lies in a country the article names otherwise: "al-Jubah" in a report from Yemen is no
        // "Juba" in South Sudan. (Rare: the article's matches are copied only when one is folded.)
        // So does a facility's name ("Madina Hospital" in Mogadishu is no Medina).
        if placeMatches.contains(where: { $0.contains(where: { $0.folded || $0.namesFacility }) }) {
            focus = r.placeFinder.focusCountries(placeMatches.map { $0.filter { !$0.folded && !$0.namesFacility } })
            let entries = r.gazetteer.entries
            placeMatches = placeMatches.map { ms in
                let kept = ms.filter { m in !(m.folded || m.namesFacility) || m.candidates.contains { focus[entries.countryCode(at: Int($0))] != nil } }
                // A kept folded name replaces the unknown-settlement reading of the same words.
                return kept.filter { m in m.adHocName == nil || !kept.contains { $0.folded && $0.range.overlaps(m.range) } }
            }
        }
        // After the places: a generic name ("the coalition") may stand for the actor of the
        // article's country (renaming moves no name, so the place filters above are unchanged).
        let generic = r.genericActors.resolution(actorEvidence, plus: headline, focusCountry: FocusCountries.top(focus))
        if !generic.isEmpty { for k in actorEvidence.indices { actorEvidence[k].rename(generic) } }
        let regions = r.placeFinder.focusRegions(placeMatches)
        var out: [SentenceInfo] = []
        out.reserveCapacity(sentences.count)
        let topCountry = FocusCountries.top(focus)
        for (i, s) in sentences.enumerated() {
            let tokens = tokenized[i]
            let places: [ResolvedPlace] = placeMatches[i].map { m in
                let entry = m.isCapital ? topCountry.flatMap { r.gazetteer.capital(of: $0) } : r.placeFinder.resolve(m, focus: focus, regions: regions)
                let key = m.isCapital ? entry.map { Tokenizer.compactKey(name: r.gazetteer.entries[Int($0)].name) } ?? m.key : m.key
                var p = ResolvedPlace(entry: entry, adHocName: m.adHocName, anchor: nil, key: key, adminReading: m.adminReading,
                                      locative: m.locative, isReference: m.isReference, strongLocative: m.strongLocative, position: m.range.lowerBound)
                p.namesSettlement = m.namesSettlement
                p.namesDistrict = m.namesDistrict
                p.isCapital = m.isCapital
                return p
            }
            var anchored = places
            for k in anchored.indices where anchored[k].adHocName != nil {
                let pos = anchored[k].position
                let before = placeMatches[i].first(where: { $0.range.lowerBound == pos })?.anchorBefore ?? false
                let next = before ? nil : places.first(where: { $0.entry != nil && $0.position > pos })
                anchored[k].anchor = next?.entry ?? (before ? places.last(where: { $0.entry != nil && $0.position < pos }) : places.last(where: { $0.entry != nil }))?.entry
                // "the southern Lebanese town of Majdal Selm": the stated country, unless the anchor lies in it.
                if let cc = placeMatches[i].first(where: { $0.range.lowerBound == pos })?.statedCountry, anchored[k].adHocName != nil,
                   anchored[k].anchor.map({ r.gazetteer.entries.countryCode(at: Int($0)) != cc }) ?? true {
                    anchored[k].anchor = r.gazetteer.countryEntry(cc)
                }
                // "The terrorist was killed ... near the town of Qaladze": a settlement its sentence
                // does not locate lies where the sentence before told the incident was.
                // Only its province and country: it does not become a more specific place than a
                // town told before.
                if anchored[k].anchor == nil, i > 0, sentences[i - 1].paragraph >= s.paragraph - 1 {
                    anchored[k].contextAnchor = out.last?.places.last(where: { $0.entry != nil && $0.locative && !$0.isReference && $0.adHocName == nil })?.entry
                }
                if let next, let id = next.entry, r.gazetteer.entries.kind(at: Int(id)) == .place, !next.adminReading {
                    let end = placeMatches[i].first(where: { $0.range.lowerBound == anchored[k].position })?.range.upperBound ?? anchored[k].position + 1
                    if next.position >= end, next.position - end <= 6,
                       r.cues.occurs(.relative, in: tokens, range: end..<next.position) || tokens[end..<next.position].contains(where: { $0.key == "near" || $0.key == "outside" }),
                       Self.statedKilometres(tokens[end..<next.position]).map({ $0 <= 15 }) ?? true {
                        anchored[k].anchorIsNear = true
                    }
                }
            }
            var dates = r.dateFinder.find(in: tokens, reference: reference)
            // A weekly digest covering 15-21 April, issued on Monday the 22nd: its "Tuesday" is the
            // 16th, inside the covered week (not the day after the issue, as in a report updated late).
            if let w = newsWindow {
                for k in dates.indices where !dates[k].isExplicit && dates[k].date.start > w.end {
                    let d = dates[k].date
                    let earlier = IncidentDate(start: d.start.adding(days: -7), end: d.end.adding(days: -7), precision: d.precision)
                    if w.start <= earlier.start && earlier.end <= w.end { dates[k].date = earlier }
                }
            }
            let isCumulative = r.tollFinder.statesTotal(tokens)
            var tolls = r.tollFinder.find(in: tokens, statesTotal: isCumulative)
            // "The toll has risen. The governor says at least 13 people were killed": a sentence that
            // announces a revision without its figure revises with the next sentence's.
            if !tolls.isEmpty, let prev = out.last, prev.tolls.isEmpty, prev.paragraph >= s.paragraph - 1, prev.tokens.count <= 12,
               prev.tokens.contains(where: { $0.key == "toll" }), prev.tokens.contains(where: { Self.riseWords.contains($0) }) {
                for k in tolls.indices { tolls[k].isRevision = true }
            }
            // "The death toll from the attack on Chernihiv rose to 18 on Thursday": the day the figure
            // changed, not the incident's, and no statement's either.
            if !dates.isEmpty, tolls.contains(where: \.isRevision) {
                let revisions = r.cues.matches(.revision, in: tokens)
                dates.removeAll { d in revisions.contains { Self.datesTheFigure(d, after: $0.end, tokens) } }
            }
            let readings = EventVerbReadings(cues: r.cues)
            var events = readings.apply(r.eventFinder.find(in: tokens), in: tokens)
            // "claimed the drone attack, saying it was retaliation for Washington's support for
            // Israel": a reaction to no incident told after it leaves the sentence's own incident new.
            let answersNoIncident = { (m: PhraseMatcher<String>.Match) in
                r.cues.match(.reaction, in: tokens, at: m.start) != nil && !events.contains { $0.range.lowerBound >= m.end }
            }
            let backgroundCue = (r.cues.occurs(.background, in: tokens) ? r.cues.matches(.background, in: tokens).first(where: {
                (tokens[$0.start].key != "since" || !Self.ranks(before: $0.start, tokens, r.cues)) && !answersNoIncident($0)
            })?.start : nil)
                ?? Self.earlierYear(tokens, reference: reference, months: r.dateFinder.months).flatMap { Self.ranks(before: $0, tokens, r.cues) ? nil : $0 }
            var background = backgroundCue != nil || Self.opensWithEarlierMonth(tokens, months: r.dateFinder.months, reference: reference)
            if let ref = reference, let d = dates.first(where: { !$0.isSpeechDate && $0.isExplicit }), d.date.end.ordinal < ref.ordinal - 3,
               !(newsWindow.map { $0.start <= d.date.start && d.date.end <= $0.end } ?? false) {
                background = true
            }
            if !events.contains(where: { $0.type != nil }), let killing = AgentKillings(cues: r.cues).find(in: tokens, tolls: tolls) {
                // "khwarij attacked a check post": the generic word becomes the clash.
                events.removeAll { $0.range.overlaps(killing.range) }
                events.append(killing)
                events.sort { $0.range.lowerBound < $1.range.lowerBound }
            }
            // "Analysts say the situation in Idlib remains volatile", "Security analysts said militants
            // in Tillaberi remain capable of ...": an assessment (an `assessment` speaker, no figure, no
            // stated day, no incident word of a named kind) places no incident.
            // (The cheap tests first: the cue scan only for sentences that could be one.)
            if !anchored.isEmpty, tolls.isEmpty, !events.contains(where: { $0.type != nil }), !dates.contains(where: { !$0.isSpeechDate }),
               r.cues.occurs(.assessment, in: tokens) {
                for k in anchored.indices { anchored[k].isReference = true }
            }
            // "In response to the rocket fire on Safed, jets struck ...", "..., in response to the
            // massacre of Nabatieh": places in the clause a reaction cue opens ("in response to",
            // "in retaliation for"; not "a retaliatory strike") are the earlier incident's.
            // The clause runs to a comma (past ", especially ...") or to the verb of the answer
            // ("in an apparent response to the attack hit six localities in Idlib").
            let reactions = events.isEmpty ? [] : r.cues.matches(.reaction, in: tokens)
            let placePlurals = events.isEmpty ? [] : r.cues.matches(.placePlural, in: tokens)
            for c in reactions where ["to", "for"].contains(tokens[c.end - 1].key) {
                var end = c.end
                while end < tokens.count, tokens[end].key != ";", r.cues.match(.agentVerb, in: tokens, at: end) == nil {
                    if tokens[end].key == ",", !(end + 1 < tokens.count && Self.clauseExtenders.contains(tokens[end + 1])) { break }
                    end += 1
                }
                for k in anchored.indices where (c.end..<end).contains(anchored[k].position) { anchored[k].isReference = true }
                // And its actors, when the sentence names a claimant: "Hezbollah claimed the barrage,
                // saying it targeted the town in response to Israeli attacks on villages".
                if !actorEvidence[i].responsibleActors.isEmpty || !actorEvidence[i].claimingActors.isEmpty {
                    actorEvidence[i].candidates.removeAll { (c.end..<end).contains($0.position) }
                }
                // Its incident words too ("In response to the rocket fire toward Safed, fighter jets
                // struck ..."): the answer's kind is the sentence's, when it names one outside.
                let inClause = { (e: EventWord) in (c.end..<end).contains(e.range.lowerBound) }
                if events.contains(where: { !inClause($0) && $0.type != nil }) { events.removeAll(where: inClause) }
            }
            // "... had targeted the ship with naval missiles in support of the Palestinians in Gaza":
            // a place in the cause a side fights for (`cause-clause`) is no place of the incident.
            if !events.isEmpty, r.cues.occurs(.causeClause, in: tokens) {
                for c in r.cues.matches(.causeClause, in: tokens) {
                    var end = c.end
                    while end < tokens.count, tokens[end].key != ";", tokens[end].key != ",", r.cues.match(.agentVerb, in: tokens, at: end) == nil { end += 1 }
                    for k in anchored.indices where (c.end..<end).contains(anchored[k].position) { anchored[k].isReference = true }
                }
            }
            // "Troops battled fighters in Bani Suheila on Sunday, the military said, a day after it
            // ordered residents to leave": the incident, its day and its toll come before the cue,
            // which only dates something earlier.
            // The toll of the earlier incident after the cue is that one's ("Pakistani aircraft struck
            // ... early Monday, two days after an insurgent attack on an army post killed seven
            // soldiers"): the sentence tells its own incident without it.
            if let cue = backgroundCue, let first = events.first, first.range.upperBound <= cue,
               let day = dates.first(where: { !$0.isSpeechDate && $0.range.upperBound <= cue }), !Self.isOld(day, reference),
               tolls.allSatisfy({ $0.position < cue })
                || (events.contains(where: { $0.range.lowerBound >= cue }) && Self.tellsOnlyAnOlderIncident(after: cue, tokens, dates: dates, r.cues)) {
                background = false
                tolls.removeAll { $0.position >= cue }
            }
            // So does an undated report's incident of a named kind told before a "since" or "responded"
            // cue ("a sniper shot dead a soldier, while regime forces responded by shelling ...",
            // "gunmen shot dead a commander ..., bringing to 31 the number assassinated since the
            // beginning of the month"): such a cue tells a total or an answer, not the incident's time
            // (unlike "last year", "previously").
            if background, let cue = backgroundCue, ["since", "responded"].contains(tokens[cue].key), dates.isEmpty,
               !Self.opensWithEarlierMonth(tokens, months: r.dateFinder.months, reference: reference),
               let first = events.first(where: { $0.type != nil }), first.range.upperBound <= cue, tolls.allSatisfy({ $0.position < cue }) {
                background = false
            }
            // "Hamas responded by firing rockets at Ashkelon on Sunday afternoon": the answer, dated
            // within the report's days after the cue, is later news of its own, not an older incident.
            if background, let cue = backgroundCue, tokens[cue].key == "responded", let ref = reference,
               dates.contains(where: { !$0.isSpeechDate && $0.range.lowerBound > cue && $0.date.start.ordinal >= ref.ordinal - 3 }) {
                background = false
            }
            out.append(SentenceInfo(
                index: i, paragraph: s.paragraph, text: s.text, tokens: tokens,
                events: events, tolls: tolls, places: anchored, dates: dates,
                actors: actorEvidence[i], isBackground: background,
                isIrrealis: Self.isIrrealis(tokens, dates: dates, events: events, tolls: tolls, r.cues) || s.text.hasSuffix("?")
                    || (!events.isEmpty && (r.cues.occurs(.exercise, in: tokens) || (drillHeadline && !tolls.contains { !$0.isRough }))),
                sameTimeAsPrevious: r.cues.occurs(.sameTime, in: tokens),
                startsNewIncident: r.cues.occurs(.newIncident, in: tokens), isCumulative: isCumulative, focus: focus, topCountry: topCountry,
                backgroundCueStart: backgroundCue, site: Self.site(tokens, events: events, r.cues), tellsOtherSites: r.cues.occurs(.otherSites, in: tokens),
                tellsAnotherTarget: !events.isEmpty && r.cues.occurs(.anotherSite, in: tokens),
                revisesToll: tolls.contains(where: \.isRevision) && r.cues.occurs(.revision, in: tokens),
                isReaction: !reactions.isEmpty,
                opensAsAnswer: reactions.contains { r in r.start <= 1 && events.contains { $0.type != nil && $0.range.lowerBound >= r.end } },
                namesSeveralPlaces: !events.isEmpty && Self.namesSeveralPlaces(tokens, plurals: placePlurals, places: placeMatches[i], numbers: r.tollFinder.numbers, r.cues),
                placeListStart: Self.placeListStart(tokens, plurals: placePlurals),
                weaponType: events.isEmpty ? nil : r.cues.matches(.weapon, in: tokens).lazy
                    .filter { w in !events.contains { $0.range.overlaps(w.start..<w.end) } && !readings.isStruckTarget(w.start..<w.end, among: events, in: tokens) }
                    .compactMap { EventType(rawValue: $0.payload) }.first,
                isGenericPlural: Self.isGenericPlural(tokens, events: events, tolls: tolls, dates: dates, r.cues),
                turnsAway: !events.isEmpty && r.cues.occurs(.turn, in: tokens),
                opensWithTurn: r.cues.match(.turn, in: tokens, at: 0) != nil || r.cues.match(.newIncident, in: tokens, at: 0) != nil
                    || r.cues.match(.sameTime, in: tokens, at: 0) != nil,
                headsSummary: events.isEmpty && s.text.hasSuffix(":") && r.cues.occurs(.summaryHeading, in: tokens),
                frontedPlace: events.isEmpty ? nil : Self.frontedPlace(tokens, places: placeMatches[i]),
                anotherClause: events.count < 2 ? nil : Self.anotherClause(tokens, events: events)))
        }
        return out
    }

    private static let riseWords: KeySet = ["risen", "rose", "rises", "climbed", "increased", "grown", "mounted", "jumped"]

    /// "rose to 18 on Thursday", "climbed to 106 by Wednesday": a date right after a revised
    /// figure, with nothing but the figure and a preposition between.
    static func datesTheFigure(_ d: DateMention, after cueEnd: Int, _ tokens: [Token]) -> Bool {
        guard d.range.lowerBound > cueEnd, d.range.lowerBound - cueEnd <= 3 else { return false }
        let between = tokens[cueEnd..<d.range.lowerBound]
        return between.contains { $0.kind == .number } && between.allSatisfy { $0.kind == .number || ["on", "by", "as", "of", "late", "early"].contains($0.key) }
    }

    /// A threat, plan or habit (`irrealis` cues), not counting a cue that is part of a date: the
    /// month "May" ("on May 3") is not the modal "may". A cue counts only for the clause it sits
    /// in: "..., in what would be the deadliest strike" or "..., which could widen the war" judges
    /// the incident just reported (an `evaluative` word right before the cue), and a cue in a clause
    /// with no incident word or casualty figure ("..., officials said, vowing to respond") leaves
    /// the incident told in another clause as it is. "Israel would hit Hezbollah hard" stays a threat.
    static func isIrrealis(_ tokens: [Token], dates: [DateMention], events: [EventWord] = [], tolls: [TollFigure] = [], _ cues: CueLexicon) -> Bool {
        cues.matches(.irrealis, in: tokens).contains { m in
            if dates.contains(where: { $0.range.contains(m.start) }) { return false }
            // "vowed that the attack on Belgorod will not go unpunished": a promised answer to the
            // incident, which itself happened.
            if (m.end..<min(tokens.count, m.end + 16)).contains(where: { cues.match(.consequence, in: tokens, at: $0) != nil }) { return false }
            guard !events.isEmpty || !tolls.isEmpty else { return true }
            for len in 1...2 where m.start - len >= 0 {
                if let e = cues.match(.evaluative, in: tokens, at: m.start - len), e.end == m.start { return false }
            }
            var lo = m.start
            // "... said its aircraft had struck a gathering and that the incident would be referred
            // to ...": a second reported clause opens at "and that".
            while lo > 0, !isClauseBreak(tokens[lo - 1]), !(lo >= 2 && tokens[lo - 1].key == "that" && tokens[lo - 2].key == "and") { lo -= 1 }
            var hi = m.end
            while hi < tokens.count, !isClauseBreak(tokens[hi]) { hi += 1 }
            let clause = lo..<hi
            return events.contains { clause.contains($0.range.lowerBound) } || tolls.contains { clause.contains($0.position) }
        }
    }

    private static func isClauseBreak(_ t: Token) -> Bool {
        guard t.kind == .punctuation else { return false }
        switch t.key {
        case ",", ";", ":", "(", ")", "-", "\u{2013}", "\u{2014}": return true
        default: return false
        }
    }

    /// "three towns", "several villages", "2 cities" (a count before a `place-plural` noun), or
    /// "across" a named region ("across the Gaza Strip", "across Ukraine").
    static func namesSeveralPlaces(_ tokens: [Token], plurals: [PhraseMatcher<String>.Match], places: [PlaceMatch], numbers: PhraseMatcher<Int>, _ cues: CueLexicon) -> Bool {
        for m in plurals where m.start > 0 {
            let k = m.start - 1
            if let n = tokens[k].number, n >= 2 { return true }
            if cues.match(.several, in: tokens, at: k)?.end == m.start { return true }
            for len in 1...2 where k - len + 1 >= 0 {
                if let w = numbers.match(tokens, at: k - len + 1), w.end == m.start, w.payload >= 2 { return true }
            }
        }
        for k in tokens.indices where tokens[k].key == "across" {
            let next = k + 1 < tokens.count && tokens[k + 1].key == "the" ? k + 2 : k + 1
            if places.contains(where: { $0.range.lowerBound == next }) { return true }
        }
        return false
    }

    private static let clauseExtenders: KeySet = ["especially", "including", "notably", "particularly", "namely"]

    /// After a background cue, an older incident told with no day or other background cue of its
    /// own ("..., two days after an insurgent attack on an army post killed seven soldiers"), not a
    /// comparison that dates it ("Sunday's attack was the second since the bombings last week where
    /// over 175 people lost their lives", whose older incident is a mention of its own).
    static func tellsOnlyAnOlderIncident(after cue: Int, _ tokens: [Token], dates: [DateMention], _ cues: CueLexicon) -> Bool {
        !dates.contains { $0.range.lowerBound >= cue } && cues.matches(.background, in: tokens).allSatisfy { $0.start <= cue }
    }

    /// An explicit date more than three days before the reference day.
    private static func isOld(_ d: DateMention, _ reference: CalendarDay?) -> Bool {
        guard d.isExplicit, let ref = reference else { return false }
        return d.date.end.ordinal < ref.ordinal - 3
    }

    /// A `repeated` word right before an incident word ("repeated strikes", "near-daily attacks",
    /// "a sharp rise in attacks") or a `trend` right after one ("attacks on police have
    /// intensified"), in a sentence without a firm toll or an explicit date.
    static func isGenericPlural(_ tokens: [Token], events: [EventWord], tolls: [TollFigure], dates: [DateMention], _ cues: CueLexicon) -> Bool {
        guard !events.isEmpty, !tolls.contains(where: { !$0.isRough }), !dates.contains(where: \.isExplicit) else { return false }
        // Or inside the incident phrase ("has come under near-daily fire").
        if cues.matches(.repeated, in: tokens).contains(where: { m in
            events.contains { ($0.range.lowerBound >= m.end && $0.range.lowerBound - m.end <= 1) || ($0.range.lowerBound < m.start && m.end <= $0.range.upperBound) }
        }) {
            return true
        }
        // "Attacks on police have intensified": a `trend` cue at most three words after the incident word.
        guard cues.occurs(.trend, in: tokens) else { return false }
        return cues.matches(.trend, in: tokens).contains { m in events.contains { m.start >= $0.range.upperBound && m.start - $0.range.upperBound <= 3 } }
    }

    /// Right after "areas of", "the towns of the": a `place-plural` noun and "of". Or the first of
    /// names joined by "and" before the plural noun: "in the Hodeidah and Salif ports".
    static func placeListStart(_ tokens: [Token], plurals: [PhraseMatcher<String>.Match]) -> Int? {
        for m in plurals where m.end < tokens.count && tokens[m.end].key == "of" {
            return m.end + 1 < tokens.count && tokens[m.end + 1].key == "the" ? m.end + 2 : m.end + 1
        }
        for m in plurals where m.start >= 4 && tokens[m.start - 1].isCapitalized {
            var k = m.start - 1
            var joined = false
            while k > 0 {
                let t = tokens[k - 1]
                if t.key == "and" || t.key == "," { joined = joined || t.key == "and"; k -= 1; continue }
                if t.kind == .word && (t.isCapitalized || t.hyphenBefore || tokens[k].hyphenBefore) { k -= 1; continue }
                break
            }
            if joined, k > 0, tokens[k - 1].key == "the" { return k }
        }
        return nil
    }

    /// "In January, a suicide bomber ...", "Last August, ...", "In December 2019, ...": a sentence
    /// that opens with a month (no day) other than the report's own month tells an older incident.
    static func opensWithEarlierMonth(_ tokens: [Token], months: [String: Int], reference: CalendarDay?) -> Bool {
        guard let ref = reference, tokens.count > 3, tokens[0].key == "in" || tokens[0].key == "last", let month = months[tokens[1].key] else { return false }
        var k = 2
        var year = ref.year
        var yearGiven = false
        if let y = tokens[k].number, tokens[k].kind == .number, y > 1900 { year = y; k += 1; yearGiven = true }
        guard k < tokens.count, tokens[k].key == "," else { return false }
        // "In December, ..." in a February article: last year's December.
        return year < ref.year || (year == ref.year && month < ref.month) || tokens[0].key == "last" || (!yearGiven && month > ref.month)
    }

    /// "In northern Syria, ...", "In the town of Bani Suheila, ...", "In Khan Younis, ...": where the
    /// place stands when the sentence opens with "In", at most two words before it and a comma at
    /// most three words after it.
    static func frontedPlace(_ tokens: [Token], places: [PlaceMatch]) -> Int? {
        guard tokens.count > 4, tokens[0].key == "in" else { return nil }
        guard let p = places.first(where: { $0.range.lowerBound >= 1 && $0.range.lowerBound <= 4 }) else { return nil }
        guard tokens[1..<p.range.lowerBound].allSatisfy({ $0.kind == .word }) else { return nil }
        let comma = p.range.upperBound..<min(tokens.count, p.range.upperBound + 4)
        return comma.contains(where: { tokens[$0].key == "," }) ? p.range.lowerBound : nil
    }

    /// "..., and another drone struck ...", "while another strike hit ...": "another" after a
    /// coordinator, an incident word within two words after it, and an incident word before it.
    static func anotherClause(_ tokens: [Token], events: [EventWord]) -> Int? {
        for k in tokens.indices.dropFirst() where tokens[k].key == "another" && ["and", "while", ","].contains(tokens[k - 1].key) {
            guard events.contains(where: { $0.range.upperBound <= k - 1 }),
                  events.contains(where: { $0.range.lowerBound > k && $0.range.lowerBound - k <= 3 }) else { continue }
            return k
        }
        return nil
    }

    /// A `ranking` word before a "since" cue or a year in its clause ("the deadliest single incident
    /// for its forces since the invasion began", "the first time in 2020 that jets bombed ..."): a
    /// comparison, not an older incident.
    static func ranks(before start: Int, _ tokens: [Token], _ cues: CueLexicon) -> Bool {
        var k = start - 1
        while k >= 0, start - k <= 8, !isClauseBreak(tokens[k]) {
            if cues.match(.ranking, in: tokens, at: k) != nil { return true }
            k -= 1
        }
        return false
    }

    // Asked of every token: a key set probe with the token's hash, not string compares.
    private static let yearOpeners: KeySet = ["in", "during"]
    private static let yearModifiers: KeySet = ["late", "early", "mid"]

    /// Where "in 2018", "in late 2019", "during 2020" (a year before the report's) starts: what
    /// the sentence tells after it is an older incident. So does a month of a named year before the
    /// report's month ("in March 2016", "in late January 2024", "during mid-August 2021"): news
    /// gives the incident of the day as a day, an older one to compare with as a month and year.
    static func earlierYear(_ tokens: [Token], reference: CalendarDay?, months: [String: Int] = [:]) -> Int? {
        guard let ref = reference else { return nil }
        for k in tokens.indices where yearOpeners.contains(tokens[k]) {
            var j = k + 1
            if j < tokens.count, yearModifiers.contains(tokens[j]) { j += 1 }
            if j < tokens.count, tokens[j].key == "-" { j += 1 }
            // Only after an opener (rare): a dictionary probe, not a per-token one.
            var month: Int? = nil
            if j + 1 < tokens.count, tokens[j].kind == .word, let m = months[tokens[j].key] { month = m; j += 1 }
            // Four digits with no separator: "in 2,000 homes" counts.
            guard j < tokens.count, tokens[j].kind == .number, tokens[j].text.count == 4, let y = tokens[j].number, y > 1900 else { continue }
            guard y < ref.year || (y == ref.year && (month.map { $0 < ref.month } ?? false)) else { continue }
            // "the highest toll since Russia's invasion of Ukraine in February 2022": the date of a
            // "since" clause measures a period, it tells no older incident.
            if month != nil, afterSince(k, tokens) { continue }
            return k
        }
        return nil
    }

    /// A "since" earlier in the clause, at most eight words before `k`.
    private static func afterSince(_ k: Int, _ tokens: [Token]) -> Bool {
        var j = k - 1
        while j >= 0, k - j <= 8, !isClauseBreak(tokens[j]) {
            if tokens[j].key == "since" { return true }
            j -= 1
        }
        return false
    }

    /// A distance stated between two places ("40 km east of"), in kilometres.
    static func statedKilometres(_ tokens: ArraySlice<Token>) -> Double? {
        for k in tokens.indices.dropLast() {
            guard let n = tokens[k].number else { continue }
            switch tokens[k + 1].key {
            case "km", "kms", "kilometres", "kilometers", "kilometre", "kilometer": return Double(n)
            case "miles", "mile": return Double(n) * 1.609
            default: continue
            }
        }
        return nil
    }

    /// The kind of facility a sentence's incident struck, if any: a `site` cue next to an incident
    /// word ("a strike on the school", "the hospital was hit", "died at the clinic in the attack"),
    /// unless it is only where the wounded went ("taken to hospital", "treated in hospital").
    static func site(_ tokens: [Token], events: [EventWord], _ cues: CueLexicon) -> String? {
        guard !events.isEmpty, cues.occurs(.site, in: tokens) else { return nil }
        for m in cues.matches(.site, in: tokens) {
            if m.start > 0, ["to", "in", "from", "of"].contains(tokens[m.start - 1].key) { continue }
            let struck = events.contains { e in
                (e.range.upperBound <= m.start && m.start - e.range.upperBound <= 10) || (e.range.lowerBound >= m.end && e.range.lowerBound - m.end <= 8)
            }
            if struck { return m.payload }
        }
        return nil
    }
}
