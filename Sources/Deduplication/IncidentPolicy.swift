import IncidentModel

extension IncidentMatcher {
    /// Whether an unmatched mention should create an incident of its own.
    ///
    /// Main mentions always do: they are the article's news. A background mention (an earlier
    /// event recalled for context) does only when it carries enough to be found again and checked:
    /// a stated date (day, range or month) and a place at least at province level. Otherwise it is
    /// kept as an unlinked report, which a later incident can adopt (see API.md, "orphans").
    public static func canStandAlone(_ mention: IncidentMention) -> Bool {
        if mention.role == .main { return true }
        guard let date = mention.date, date.precision != .year else { return false }
        return PlaceComparison.specificity(mention.place) <= 1
    }
}
