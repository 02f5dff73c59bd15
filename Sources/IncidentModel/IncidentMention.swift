/// One incident as one article states it: the unit extraction produces and deduplication merges.
///
/// Every figure keeps the sentence it came from so an analyst can check it without reopening the
/// article.
public struct IncidentMention: Hashable, Sendable, Codable {
    public var eventType: EventType
    public var role: MentionRole
    public var date: IncidentDate?
    public var place: Place?
    public var perpetrator: String?
    public var attribution: Attribution?
    public var target: String?
    public var killed: Int?
    public var killedQualifier: TollQualifier?
    public var injured: Int?
    /// The sentence(s) the mention rests on, verbatim from the cleaned text.
    public var evidence: String
    /// Per-field evidence where it differs from `evidence` (keys: date, place, perpetrator, killed, injured).
    public var fieldEvidence: [String: String]

    public init(
        eventType: EventType, role: MentionRole = .main, date: IncidentDate? = nil, place: Place? = nil,
        perpetrator: String? = nil, attribution: Attribution? = nil, target: String? = nil,
        killed: Int? = nil, killedQualifier: TollQualifier? = nil, injured: Int? = nil,
        evidence: String, fieldEvidence: [String: String] = [:]
    ) {
        self.eventType = eventType
        self.role = role
        self.date = date
        self.place = place
        self.perpetrator = perpetrator
        self.attribution = attribution
        self.target = target
        self.killed = killed
        self.killedQualifier = killedQualifier
        self.injured = injured
        self.evidence = evidence
        self.fieldEvidence = fieldEvidence
    }
}

/// What extraction learns about an article as a whole.
public struct ArticleMetadata: Hashable, Sendable, Codable {
    public var title: String?
    public var outlet: String?
    /// Publication day found in the text; nil when the text shows none.
    public var published: CalendarDay?

    public init(title: String? = nil, outlet: String? = nil, published: CalendarDay? = nil) {
        self.title = title
        self.outlet = outlet
        self.published = published
    }
}

/// The result of reading one article: its metadata and every incident it reports.
public struct ExtractedArticle: Hashable, Sendable, Codable {
    public var metadata: ArticleMetadata
    public var mentions: [IncidentMention]
    /// The cleaned text the evidence sentences were taken from.
    public var cleanedText: String

    public init(metadata: ArticleMetadata, mentions: [IncidentMention], cleanedText: String) {
        self.metadata = metadata
        self.mentions = mentions
        self.cleanedText = cleanedText
    }
}
