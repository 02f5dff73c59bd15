import IncidentModel

/// One article's statement about one incident: the unit the consolidator recomputes incidents from.
///
/// Keeping the outlet and the article's day beside the mention lets the consolidator weigh reports
/// (tolls rise over days, outlets are counted once) and lets an undated mention be placed in time
/// by when its article appeared.
public struct ReportFacts: Sendable, Hashable, Codable {
    public var mention: IncidentMention
    public var outlet: String?
    /// The store's article id: which article said it (the store uses it to keep two mentions of one
    /// article apart when adopting orphans). Never used as a time or a tie-break, so results do not
    /// depend on arrival order.
    public var articleID: Int64
    /// The article's reference day: its publication day, else the day the file arrived. Bounds
    /// when an undated mention can have happened (`MentionTiming`). nil = unknown: an undated
    /// mention then cannot be matched.
    public var articleDay: CalendarDay?

    public init(mention: IncidentMention, outlet: String? = nil, articleID: Int64, articleDay: CalendarDay? = nil) {
        self.mention = mention
        self.outlet = outlet
        self.articleID = articleID
        self.articleDay = articleDay
    }
}
