import IncidentModel

/// The consolidated state of one stored incident, recomputed from all its reports.
///
/// The store persists it (e.g. as JSON beside indexed columns), the matcher compares new mentions
/// with it, and `IncidentConsolidator.changes(from:to:)` diffs two versions for the journal.
/// Tolls follow UCDP's low / best / high so disagreeing outlets are kept, not overwritten.
public struct IncidentRecord: Sendable, Hashable, Codable {
    public var eventType: EventType
    /// `.main` when any report carries it as news; `.background` when only mentioned for context.
    public var role: MentionRole
    /// Most precise date any report gives (day beats range beats month); nil when none does.
    public var date: IncidentDate?
    /// The days the incident can have happened: the intersection of each report's date (+-1 day)
    /// or, for undated reports, its article window. The matcher and blocking use it when `date` is nil.
    public var window: IncidentDate?
    /// Most specific place any report gives (named place beats province beats country).
    public var place: Place?
    /// The perpetrator with the most weighted support; nil when no report names one.
    public var perpetrator: String?
    /// Firmest attribution among reports naming `perpetrator` (or `.unidentified` when reports say unknown).
    public var attribution: Attribution?
    /// Reports that name `perpetrator` (alleging, claiming or confirming it).
    public var perpetratorSupport: Int
    public var target: String?
    public var killedLow: Int?
    public var killedBest: Int?
    public var killedHigh: Int?
    /// Qualifier of the figure chosen as `killedBest`.
    public var killedQualifier: TollQualifier?
    public var injuredLow: Int?
    public var injuredBest: Int?
    public var injuredHigh: Int?
    public var reportCount: Int
    /// Distinct outlets, sorted.
    public var outlets: [String]

    public init(
        eventType: EventType, role: MentionRole = .main, date: IncidentDate? = nil, window: IncidentDate? = nil,
        place: Place? = nil, perpetrator: String? = nil, attribution: Attribution? = nil, perpetratorSupport: Int = 0,
        target: String? = nil, killedLow: Int? = nil, killedBest: Int? = nil, killedHigh: Int? = nil,
        killedQualifier: TollQualifier? = nil, injuredLow: Int? = nil, injuredBest: Int? = nil, injuredHigh: Int? = nil,
        reportCount: Int = 0, outlets: [String] = []
    ) {
        self.eventType = eventType
        self.role = role
        self.date = date
        self.window = window
        self.place = place
        self.perpetrator = perpetrator
        self.attribution = attribution
        self.perpetratorSupport = perpetratorSupport
        self.target = target
        self.killedLow = killedLow
        self.killedBest = killedBest
        self.killedHigh = killedHigh
        self.killedQualifier = killedQualifier
        self.injuredLow = injuredLow
        self.injuredBest = injuredBest
        self.injuredHigh = injuredHigh
        self.reportCount = reportCount
        self.outlets = outlets
    }

    /// The record as one report would state it (best figures): handy for exports and for matching.
    public var asMention: IncidentMention {
        IncidentMention(
            eventType: eventType, role: role, date: date, place: place, perpetrator: perpetrator,
            attribution: attribution, target: target, killed: killedBest, killedQualifier: killedQualifier,
            injured: injuredBest, evidence: ""
        )
    }
}
