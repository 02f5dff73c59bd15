import IncidentModel

/// Recomputes an incident's fields from all its reports, and diffs two versions for the journal.
///
/// Recomputing (instead of patching the record as reports arrive) makes the result independent of
/// arrival order: dropping the same files into the inbox in any order, or reprocessing, gives the
/// same record. Every tie is broken on content, never on arrival order.
///
/// Rules:
/// - event type: most reports (main reports first); ties to the more specific type.
/// - date: most precise (day > range > month); among equals, most reports, then the earliest.
/// - place: most specific (named > province > country); among equals, most reports, then the
///   one with coordinates, then alphabetical.
/// - tolls (UCDP-style): low = smallest figure any report gives, high = largest, best = the largest
///   firm figure ("exact" or "at least") among main reports. Tolls rise as bodies are counted, and a
///   later article quoting a lower figure is usually repeating an older count, so the highest firm
///   count is the best current estimate; `low` keeps the conservative reading ACLED would code.
///   Falls back to all figures when no main report gives a firm one.
/// - perpetrator: highest weighted support (confirmed/claimed 3, alleged or unqualified 1, denied
///   0); unknown never beats a named actor; support = reports naming it.
public enum IncidentConsolidator {
    /// The consolidated record of these reports (an empty list gives an empty `.other` record).
    public static func consolidate(_ reports: [ReportFacts]) -> IncidentRecord {
        var record = IncidentRecord(eventType: consolidatedType(reports))
        record.role = reports.contains { $0.mention.role == .main } ? .main : (reports.isEmpty ? .main : .background)
        record.date = consolidatedDate(reports)
        record.window = consolidatedWindow(reports)
        record.place = consolidatedPlace(reports)
        let perp = consolidatedPerpetrator(reports)
        record.perpetrator = perp.name
        record.attribution = perp.attribution
        record.perpetratorSupport = perp.support
        record.target = mostSupported(reports.compactMap { $0.mention.target }, key: { NameFolding.key($0) })
        let killed = tolls(reports, \.killed)
        record.killedLow = killed.low
        record.killedBest = killed.best
        record.killedHigh = killed.high
        record.killedQualifier = killed.qualifier
        let injured = tolls(reports, \.injured)
        record.injuredLow = injured.low
        record.injuredBest = injured.best
        record.injuredHigh = injured.high
        record.reportCount = reports.count
        record.outlets = Array(Set(reports.compactMap { $0.outlet?.trimmed }.filter { !$0.isEmpty })).sorted()
        return record
    }

    /// What changed materially from `old` to `new`, in a fixed order; empty when nothing did.
    public static func changes(from old: IncidentRecord, to new: IncidentRecord) -> [MaterialChange] {
        var out: [MaterialChange] = []
        if let n = new.killedBest, n > (old.killedBest ?? -1) {
            out.append(.killedRaised(from: old.killedBest, to: n))
        }
        if let n = new.injuredBest, n > (old.injuredBest ?? -1) {
            out.append(.injuredRaised(from: old.injuredBest, to: n))
        }
        let firm: Set<Attribution> = [.claimed, .confirmed]
        let newPerp = PerpetratorNames.key(new.perpetrator), oldPerp = PerpetratorNames.key(old.perpetrator)
        let becameFirm = new.attribution.map { firm.contains($0) } ?? false
        let wasFirm = old.attribution.map { firm.contains($0) } ?? false
        if becameFirm, !wasFirm || newPerp != oldPerp {
            out.append(.responsibilityClaimed(by: new.perpetrator, confirmed: new.attribution == .confirmed))
        } else if let name = new.perpetrator, newPerp != nil, newPerp != oldPerp {
            out.append(.perpetratorIdentified(from: oldPerp == nil ? nil : old.perpetrator, to: name))
        }
        let oldRank = PlaceComparison.specificity(old.place), newRank = PlaceComparison.specificity(new.place)
        if newRank < oldRank, let place = new.place {
            out.append(.placeRefined(from: oldRank >= 3 ? nil : old.place?.label, to: place.label))
        }
        if let d = new.date, dateRank(d) < (old.date.map(dateRank) ?? 99) {
            out.append(.dateRefined(from: old.date?.description, to: d.description))
        }
        return out
    }

    // MARK: - Fields

    static func consolidatedType(_ reports: [ReportFacts]) -> EventType {
        let main = reports.filter { $0.mention.role == .main }
        let pool = (main.isEmpty ? reports : main).map(\.mention.eventType).filter { $0 != .other }
        guard !pool.isEmpty else { return .other }
        var counts: [EventType: Int] = [:]
        for t in pool { counts[t, default: 0] += 1 }
        return counts.max { a, b in
            a.value != b.value ? a.value < b.value : EventAffinity.specificity(a.key) > EventAffinity.specificity(b.key)
        }!.key
    }

    /// 0 day, 1 range, 2 month, 3 year.
    static func dateRank(_ d: IncidentDate) -> Int {
        switch d.precision {
        case .day: 0
        case .range: 1
        case .month: 2
        case .year: 3
        }
    }

    static func consolidatedDate(_ reports: [ReportFacts]) -> IncidentDate? {
        let dates = reports.compactMap(\.mention.date)
        guard let bestRank = dates.map(dateRank).min() else { return nil }
        var counts: [IncidentDate: Int] = [:]
        for d in dates where dateRank(d) == bestRank { counts[d, default: 0] += 1 }
        return counts.max { a, b in
            if a.value != b.value { return a.value < b.value }
            return (a.key.start, a.key.end) > (b.key.start, b.key.end)
        }!.key
    }

    /// The days every report allows: the intersection of their dates (widened by the date slack)
    /// and article windows, since the event lies inside each. Intersecting keeps a run of undated
    /// reports at a busy place from chaining across weeks. Falls back to the union if reports
    /// disagree (empty intersection).
    static func consolidatedWindow(_ reports: [ReportFacts]) -> IncidentDate? {
        let slack = IncidentBlocking.dateSlackDays
        let spans: [ClosedRange<Int>] = reports.compactMap { r in
            switch MentionTiming.evidence(of: r) {
            case let .precise(d)?, let .coarse(d)?: (d.lowerBound - slack)...(d.upperBound + slack)
            case let .window(w)?: w
            case nil: nil
            }
        }
        guard let lo = spans.map(\.lowerBound).max(), let hi = spans.map(\.upperBound).min() else { return nil }
        if lo <= hi { return MentionTiming.date(lo...hi) }
        return MentionTiming.date(spans.map(\.lowerBound).min()!...spans.map(\.upperBound).max()!)
    }

    static func consolidatedPlace(_ reports: [ReportFacts]) -> Place? {
        let places = reports.compactMap(\.mention.place)
        guard let bestRank = places.map(PlaceComparison.specificity).min(), bestRank < 3 else { return nil }
        let pool = places.filter { PlaceComparison.specificity($0) == bestRank }
        func key(_ p: Place) -> String {
            [p.name, p.admin1, p.country].map { NameFolding.key($0) ?? "" }.joined(separator: "|")
        }
        var groups: [String: [Place]] = [:]
        for p in pool { groups[key(p), default: []].append(p) }
        let best = groups.max { a, b in
            if a.value.count != b.value.count { return a.value.count < b.value.count }
            let ca = a.value.contains { $0.latitude != nil }, cb = b.value.contains { $0.latitude != nil }
            if ca != cb { return !ca }
            return a.key > b.key
        }!.value
        return best.first { $0.latitude != nil && $0.longitude != nil } ?? best[0]
    }

    struct Perpetrator {
        var name: String?
        var attribution: Attribution?
        var support: Int
    }

    static func weight(_ a: Attribution?) -> Int {
        switch a {
        case .confirmed?, .claimed?: 3
        case .alleged?, nil: 1
        case .denied?, .unidentified?: 0
        }
    }

    static func consolidatedPerpetrator(_ reports: [ReportFacts]) -> Perpetrator {
        var groups: [String: [ReportFacts]] = [:]
        for r in reports {
            guard let k = PerpetratorNames.key(r.mention.perpetrator) else { continue }
            groups[k, default: []].append(r)
        }
        let scored = groups.map { key, rs in
            (key: key, reports: rs, weight: rs.map { weight($0.mention.attribution) }.reduce(0, +),
             support: rs.filter { $0.mention.attribution != .denied }.count)
        }
        guard let best = scored.filter({ $0.support > 0 }).max(by: { a, b in
            if a.weight != b.weight { return a.weight < b.weight }
            if a.support != b.support { return a.support < b.support }
            return a.key > b.key
        }) else {
            let unidentified = reports.contains { $0.mention.attribution == .unidentified }
            return Perpetrator(name: nil, attribution: unidentified ? .unidentified : nil, support: 0)
        }
        let supporting = best.reports.filter { $0.mention.attribution != .denied }
        let name = mostSupported(supporting.compactMap(\.mention.perpetrator), key: { $0 })
        let attribution = supporting.compactMap(\.mention.attribution).max { $0.strength < $1.strength }
        return Perpetrator(name: name, attribution: attribution, support: best.support)
    }

    struct Tolls {
        var low: Int?
        var best: Int?
        var high: Int?
        var qualifier: TollQualifier?
    }

    static func tolls(_ reports: [ReportFacts], _ field: KeyPath<IncidentMention, Int?>) -> Tolls {
        let stated = reports.filter { $0.mention[keyPath: field] != nil }
        guard !stated.isEmpty else { return Tolls() }
        let values = stated.map { $0.mention[keyPath: field]! }
        let isKilled = field == \IncidentMention.killed
        let firmMain = stated.filter { $0.mention.role == .main && !(isKilled && $0.mention.killedQualifier == .about) }
        let pool = firmMain.isEmpty ? stated : firmMain
        let bestValue = pool.map { $0.mention[keyPath: field]! }.max()!
        var qualifier: TollQualifier?
        if isKilled {
            let quals = pool.filter { $0.mention.killed == bestValue }.compactMap(\.mention.killedQualifier)
            qualifier = quals.contains(.exact) ? .exact : quals.contains(.atLeast) ? .atLeast : quals.first
        }
        return Tolls(low: values.min(), best: bestValue, high: values.max(), qualifier: qualifier)
    }

    /// The most frequent value by folded key; ties to the longest spelling, then alphabetical.
    static func mostSupported(_ values: [String], key: (String) -> String?) -> String? {
        var groups: [String: [String]] = [:]
        for v in values {
            guard let k = key(v) else { continue }
            groups[k, default: []].append(v)
        }
        guard let best = groups.max(by: { a, b in
            a.value.count != b.value.count ? a.value.count < b.value.count : a.key > b.key
        }) else { return nil }
        var spellings: [String: Int] = [:]
        for v in best.value { spellings[v, default: 0] += 1 }
        return spellings.max { a, b in a.value != b.value ? a.value < b.value : a.key > b.key }!.key
    }
}

extension String {
    var trimmed: String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }
}
