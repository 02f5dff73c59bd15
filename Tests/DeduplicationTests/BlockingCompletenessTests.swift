import Deduplication
import IncidentModel
import TestSupport
import Testing

/// Blocking must never hide a pair the matcher would accept, or merges would silently depend on
/// which keys happened to be stored. Checked over a deterministic pseudo-random grid of mentions.
@Suite("IncidentBlocking completeness")
struct BlockingCompletenessTests {
    typealias SplitMix = SplitMix64

    static let places: [Place?] = [
        Fixtures.abuKamal, Fixtures.hasrat, Fixtures.alMayadin, Fixtures.deirEzZorProvince, Fixtures.syria,
        Place(name: "Abu Kamal", admin1: "Deir ez-Zor", country: "Syria"),  // no coordinates
        Place(name: "Al Qaim", admin1: "Al Anbar", country: "Iraq", latitude: 34.3925, longitude: 40.9895),  // 6 km, other country
        Fixtures.aleppo, nil,
        Place(name: "Al Bukamal Crossing", admin1: "Al Anbar", country: "Iraq", latitude: 34.47, longitude: 40.94),
        Place(name: "Baghuz", admin1: "Other Province", country: "Syria", latitude: 34.49, longitude: 40.95),  // 5 km, other admin1
        Place(name: nil, admin1: "Deir ez-Zor", country: nil),  // country missing
        Place(name: "Abu Kamal", admin1: "Deir ez-Zor", country: nil, latitude: 34.4529, longitude: 40.9186),
        Place(name: nil, admin1: nil, country: nil),
    ]

    static func randomMention(_ g: inout SplitMix) -> ReportFacts {
        let base = CalendarDay(iso: "2020-05-10")!
        let day = base.adding(days: g.next(14))
        let date: IncidentDate? = switch g.next(5) {
        case 0, 1: IncidentDate(day: day)
        case 2: IncidentDate(start: day, end: day.adding(days: 1))
        case 3: IncidentDate(start: CalendarDay(year: 2020, month: 5, day: 1), end: CalendarDay(year: 2020, month: 5, day: 31), precision: .month)
        default: nil
        }
        let types: [EventType] = [.airstrike, .droneStrike, .shelling, .groundClash, .explosion]
        let perps: [String?] = [nil, "Israel", "United States", "US-led coalition"]
        let attrs: [Attribution?] = [nil, .alleged, .claimed]
        let m = IncidentMention(
            eventType: types[g.next(types.count)], role: g.next(3) == 0 ? .background : .main, date: date,
            place: places[g.next(places.count)], perpetrator: perps[g.next(perps.count)], attribution: attrs[g.next(attrs.count)],
            killed: g.next(3) == 0 ? nil : g.next(30), evidence: "")
        let articleDay: CalendarDay? = g.next(8) == 0 ? nil : base.adding(days: g.next(20))
        return ReportFacts(mention: m, outlet: "X", articleID: Int64(g.next(1000)), articleDay: articleDay)
    }

    @Test("every accepted pair shares a blocking key")
    func acceptedPairsShareAKey() {
        var g = SplitMix(state: 42)
        var accepted = 0
        for _ in 0..<6000 {
            let stored = Self.randomMention(&g)
            let incoming = Self.randomMention(&g)
            let record = IncidentConsolidator.consolidate([stored])
            guard IncidentMatcher.score(incoming, against: record) != nil else { continue }
            accepted += 1
            let shared = !Set(IncidentBlocking.keys(for: record)).isDisjoint(with: IncidentBlocking.queryKeys(for: incoming))
            #expect(shared, "matcher accepts \(incoming.mention) against \(record) but no key is shared")
            if !shared { return }
        }
        #expect(accepted > 100)
    }
}
