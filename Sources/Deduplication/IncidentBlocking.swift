import IncidentModel

/// Candidate-retrieval keys, so matching a mention reads a few indexed rows instead of scanning
/// every incident.
///
/// The store keeps `keys(for: record)` in an indexed table (`incident_block(key, incident_id)`),
/// replacing an incident's rows whenever its record changes, and looks up the union of incidents
/// under `queryKeys(for: report)` before calling `IncidentMatcher`. Keys combine one place
/// granularity with one day, so the candidates are the incidents at that place (or province, or
/// geographic cell) on those days: a handful, however large the store grows.
///
/// Storage keys cover the incident's days (its date, or its window when undated); query keys cover
/// the mention's days widened by `dateSlackDays` (or its article window when undated), so a pair
/// meets exactly when the matcher's date rule can accept it.
///
/// Key forms (`<d>` = day ordinal since 1970-01-01):
/// - `p:<place>|<d>` named place (folded canonical name)
/// - `a:<admin1>|<d>` province
/// - `g:<lat cell>|<lon cell>|<d>` 0.4-degree cell; queries read the 3x3 neighbourhood, so a place
///   within 25 km is found even across a province or country border
/// - `c:<country>|<d>` country; stored for every incident with a country, queried only by
///   mentions that know no place or province (dated mentions only)
public enum IncidentBlocking {
    /// Days of tolerance between two stated dates (an overnight strike reported on either day).
    public static let dateSlackDays = 1
    /// Size of a geographic cell in degrees; at least 25 km east-west up to about 55 degrees latitude.
    public static let cellDegrees = 0.4

    /// Keys to store for an incident (replace them whenever the record changes).
    public static func keys(for record: IncidentRecord) -> [String] {
        guard let time = MentionTiming.evidence(of: record) else { return [] }
        return keys(place: record.place, days: time.days, neighbourCells: false, countryKeys: true)
    }

    /// Keys to look up candidates for one report's mention. Empty when it has no usable time
    /// (no date and no article day) or no place at all: such a mention cannot be matched.
    public static func queryKeys(for report: ReportFacts) -> [String] {
        guard let time = MentionTiming.evidence(of: report) else { return [] }
        let days: ClosedRange<Int>
        let dated: Bool
        switch time {
        case let .precise(r), let .coarse(r):
            days = (r.lowerBound - dateSlackDays)...(r.upperBound + dateSlackDays)
            dated = true
        case let .window(r):
            days = r
            dated = false
        }
        let place = report.mention.place
        let placeless = PlaceComparison.specificity(place) >= 2
        return keys(place: place, days: days, neighbourCells: true, countryKeys: dated && placeless)
    }

    static func keys(place: Place?, days: ClosedRange<Int>, neighbourCells: Bool, countryKeys: Bool) -> [String] {
        guard let place else { return [] }
        var prefixes: [String] = []
        let country = NameFolding.key(place.country) ?? ""
        if let name = NameFolding.key(place.name) { prefixes.append("p:\(name)|") }
        // No country in the province key: a place whose country is missing must still meet its province.
        if let admin1 = NameFolding.key(place.admin1) { prefixes.append("a:\(admin1)|") }
        if let lat = place.latitude, let lon = place.longitude {
            let la = Int((lat / cellDegrees).rounded(.down)), lo = Int((lon / cellDegrees).rounded(.down))
            let range = neighbourCells ? -1...1 : 0...0
            // Each cell coordinate formatted once (not once per neighbour pair).
            let lats = range.map { "g:" + String(la + $0) + "|" }, lons = range.map { String(lo + $0) + "|" }
            for lat in lats {
                for lon in lons { prefixes.append(lat + lon) }
            }
        }
        if countryKeys, !country.isEmpty { prefixes.append("c:\(country)|") }
        var out: [String] = []
        out.reserveCapacity(prefixes.count * days.count)
        // Each day formatted once, not once per prefix (formatting was half of each key's cost).
        let dayTexts = days.map { String($0) }
        for prefix in prefixes {
            for day in dayTexts { out.append(prefix + day) }
        }
        return out
    }
}
