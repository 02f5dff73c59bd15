import IncidentModel

/// Decides whether a new mention reports an incident already stored.
///
/// Hard rules first (any failure returns nil, never merge): compatible dates, compatible places,
/// compatible event types, no two firm claims by different actors. Then a score ranks the
/// surviving candidates, so that when two incidents share a place and a night the mention joins
/// the one whose tolls, target and perpetrator agree best.
///
/// Hard rules:
/// - Time: two stated dates at most `IncidentBlocking.dateSlackDays` apart (and a report's date
///   within that slack of every report already in the incident: its `window`); a stated date inside the
///   other side's window; or two windows that overlap. A month-precision date, or two windows,
///   only at point level (same or nearby place), never on a province match alone.
/// - Place (`PlaceComparison.relation`): same canonical name, or within 25 km, or the same province
///   when one side knows only the province. Different named places farther apart never merge.
/// - Country-level (or unknown) place only with two same-day stated dates, the same event family
///   and the same named perpetrator; `assign` also drops it when ambiguous.
/// - Province-level match with an undated side: the same event family.
/// - Nearby places across a border: the same event family and the same (or a related) named actor.
/// - Event type: remote-violence types are interchangeable; ground clashes and raids are not strikes.
/// - Perpetrator: unknown matches anything; two different actors both claimed/confirmed never merge.
public enum IncidentMatcher {
    /// Scores below this are treated as no match.
    public static let minimumScore = 0.35
    /// When the best candidate is only a province/country match, a runner-up within this margin
    /// makes the choice ambiguous and the mention is left unmatched.
    public static let ambiguityMargin = 0.1

    /// Match score of `report` against a stored incident; nil = must not merge. Higher is better.
    public static func score(_ report: ReportFacts, against incident: IncidentRecord) -> Double? {
        evaluate(report, against: incident)?.score
    }

    /// Assigns each of one article's reports to at most one candidate incident (by key), or nil
    /// for "no match" (the store then creates an incident or not). Two mentions of the same article
    /// never join the same incident: an article listing two strikes means two events; nor does a
    /// mention join, at a nearby place or the province, an incident whose own place another mention
    /// of the article names (`reportsNamingPlace`). Greedy by
    /// score; ties go to the lower incident id (the older incident). Deterministic.
    public static func assign(_ reports: [ReportFacts], candidates: [Int64: IncidentRecord]) -> [Int64?] {
        let ids = candidates.keys.sorted()
        let namedBySibling = reports.count > 1 ? reportsNamingPlace(reports, candidates: candidates) : [:]
        var pairs: [(score: Double, report: Int, id: Int64, relation: PlaceRelation)] = []
        var perReport: [[(score: Double, id: Int64, relation: PlaceRelation)]] = Array(repeating: [], count: reports.count)
        for (r, report) in reports.enumerated() {
            for id in ids {
                guard let e = evaluate(report, against: candidates[id]!) else { continue }
                // The article tells its own incidents apart: when another of its mentions names this
                // incident's place, a mention elsewhere (a nearby town, the province) is another event,
                // even if that sibling itself could not join (a conflicting claim, say).
                if e.place != .samePlace, let naming = namedBySibling[id], naming.contains(where: { $0 != r }) { continue }
                pairs.append((e.score, r, id, e.place))
                perReport[r].append((e.score, id, e.place))
            }
        }
        // Area-level matches with a close runner-up at another incident are ambiguous: skip them.
        var ambiguous = Set<Int>()
        for (r, options) in perReport.enumerated() where options.count > 1 {
            let sorted = options.sorted { $0.score != $1.score ? $0.score > $1.score : $0.id < $1.id }
            if !sorted[0].relation.isPointLevel, sorted[0].score - sorted[1].score < ambiguityMargin {
                ambiguous.insert(r)
            }
        }
        pairs.sort { a, b in
            if a.score != b.score { return a.score > b.score }
            if a.report != b.report { return a.report < b.report }
            return a.id < b.id
        }
        var result = [Int64?](repeating: nil, count: reports.count)
        var used = Set<Int64>()
        for p in pairs where result[p.report] == nil && !used.contains(p.id) && !ambiguous.contains(p.report) {
            result[p.report] = p.id
            used.insert(p.id)
        }
        return result
    }

    /// The best single candidate for one report (the one-mention case of `assign`).
    public static func bestMatch(for report: ReportFacts, candidates: [Int64: IncidentRecord]) -> Int64? {
        assign([report], candidates: candidates)[0]
    }

    /// For each candidate, the reports of this article that name its very place, at a compatible
    /// time and with a compatible event type: plausible reports of it, whatever else they say.
    static func reportsNamingPlace(_ reports: [ReportFacts], candidates: [Int64: IncidentRecord]) -> [Int64: [Int]] {
        var naming: [Int64: [Int]] = [:]
        for (r, report) in reports.enumerated() {
            let m = report.mention
            guard m.place?.name != nil, let mt = MentionTiming.evidence(of: report) else { continue }
            for (id, incident) in candidates {
                guard PlaceComparison.relation(m.place, incident.place) == .samePlace,
                      EventAffinity.score(m.eventType, incident.eventType) != nil,
                      let it = MentionTiming.evidence(of: incident),
                      timeScore(mt, it, place: .samePlace) != nil else { continue }
                naming[id, default: []].append(r)
            }
        }
        return naming
    }

    struct Evaluation {
        var score: Double
        var place: PlaceRelation
    }

    static func evaluate(_ report: ReportFacts, against incident: IncidentRecord) -> Evaluation? {
        let m = report.mention
        guard let place = PlaceComparison.relation(m.place, incident.place) else { return nil }
        guard let mt = MentionTiming.evidence(of: report), let it = MentionTiming.evidence(of: incident),
              let time = timeScore(mt, it, place: place) else { return nil }
        // Within a day of every report, not only of the consolidated date: otherwise daily strikes
        // on one town chain into one incident (reports of the 1st and 2nd, then the 3rd, ...).
        if case let .precise(d) = mt, case .precise = it, let w = incident.window,
           d.upperBound < w.start.ordinal || d.lowerBound > w.end.ordinal { return nil }
        guard let type = EventAffinity.score(m.eventType, incident.eventType) else { return nil }
        guard let perp = perpetratorScore(m.perpetrator, m.attribution, incident.perpetrator, incident.attribution) else {
            return nil
        }
        if PlaceComparison.crossesBorder(m.place, incident.place), type < 0.7 || perp < 0.6 { return nil }
        if !place.isPointLevel, type < 0.7 {
            // A province match with only an article window is weak: the weapon family must agree.
            if case .window = mt { return nil }
            if case .window = it { return nil }
        }
        if place == .coarse {
            // Both sides must at least name the same country (and say nothing that contradicts it).
            guard let ca = NameFolding.key(m.place?.country), ca == NameFolding.key(incident.place?.country),
                  case .precise = mt, case .precise = it, mt.days == it.days, mt.days.count == 1,
                  type >= 0.7, perp >= 1 else { return nil }
        }
        let tolls = 0.75 * tollScore(m.killed, incident.killedLow, incident.killedHigh)
            + 0.25 * tollScore(m.injured, incident.injuredLow, incident.injuredHigh)
        let target = targetScore(m.target, incident.target)
        let score = 0.40 * place.weight + 0.25 * time + 0.10 * type + 0.10 * perp + 0.10 * tolls + 0.05 * target
        return score >= minimumScore ? Evaluation(score: score, place: place) : nil
    }

    /// nil when the times cannot be the same event.
    static func timeScore(_ a: MentionTiming.Evidence, _ b: MentionTiming.Evidence, place: PlaceRelation) -> Double? {
        let slack = IncidentBlocking.dateSlackDays
        func gap(_ x: ClosedRange<Int>, _ y: ClosedRange<Int>) -> Int {
            if x.upperBound < y.lowerBound { return y.lowerBound - x.upperBound }
            if y.upperBound < x.lowerBound { return x.lowerBound - y.upperBound }
            return 0
        }
        let g = gap(a.days, b.days)
        switch (a, b) {
        case let (.precise(x), .precise(y)):
            guard g <= slack else { return nil }
            if g > 0 { return 0.6 }
            if x == y { return x.count == 1 ? 1.0 : 0.9 }
            return 0.85
        case (.coarse, .precise), (.precise, .coarse), (.coarse, .coarse):
            guard g == 0, place.isPointLevel else { return nil }
            return 0.4
        case (.window, .window):
            guard g == 0, place.isPointLevel else { return nil }
            return 0.35
        case (.window, _), (_, .window):
            guard g == 0 else { return nil }
            if case .coarse = a, !place.isPointLevel { return nil }
            if case .coarse = b, !place.isPointLevel { return nil }
            return 0.5
        }
    }

    /// 1 same actor, 0.8 when one is a partner of a joint strike ("United States and United Kingdom"
    /// beside "United States"), 0.5 when either is unknown, 0.6 related actors, 0.2 different alleged actors;
    /// nil when two different actors are both claimed or confirmed.
    static func perpetratorScore(_ a: String?, _ aa: Attribution?, _ b: String?, _ ba: Attribution?) -> Double? {
        guard let ka = PerpetratorNames.key(a), let kb = PerpetratorNames.key(b) else { return 0.5 }
        if ka == kb { return 1 }
        if PerpetratorNames.shareAPartner(a, b) { return 0.8 }
        if PerpetratorNames.related(ka, kb) { return 0.6 }
        let firm: Set<Attribution> = [.claimed, .confirmed]
        if let aa, let ba, firm.contains(aa), firm.contains(ba) { return nil }
        return 0.2
    }

    /// 1 when the figure lies within the incident's low...high, less as it strays; 0.5 when unknown.
    /// Never a veto: tolls rise over days and outlets count differently.
    static func tollScore(_ value: Int?, _ low: Int?, _ high: Int?) -> Double {
        guard let value, let low, let high else { return 0.5 }
        if value >= low && value <= high { return 1 }
        let nearest = value < low ? low : high
        let ratio = Double(max(value, nearest) + 1) / Double(min(value, nearest) + 1)
        if ratio <= 2 { return 0.8 }
        if ratio <= 5 { return 0.5 }
        return 0.2
    }

    /// Overlap of content words; 0.5 when either is unknown, 0.1 when they share nothing.
    static func targetScore(_ a: String?, _ b: String?) -> Double {
        let wa = NameFolding.contentWords(a), wb = NameFolding.contentWords(b)
        guard !wa.isEmpty, !wb.isEmpty else { return 0.5 }
        let shared = wa.intersection(wb).count
        if shared == 0 { return 0.1 }
        return 0.5 + 0.5 * Double(shared) / Double(wa.union(wb).count)
    }
}
