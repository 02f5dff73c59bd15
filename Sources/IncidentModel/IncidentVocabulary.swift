/// What kind of violence an incident is; the raw values are the eval/ACLED-style codes.
public enum EventType: String, Sendable, Codable, CaseIterable {
    case airstrike
    case droneStrike = "drone_strike"
    case missileStrike = "missile_strike"
    case shelling
    case rocketAttack = "rocket_attack"
    case explosion
    case groundClash = "ground_clash"
    case raid
    case other

    /// Words a person reads in a journal line.
    public var label: String {
        switch self {
        case .airstrike: "Airstrike"
        case .droneStrike: "Drone strike"
        case .missileStrike: "Missile strike"
        case .shelling: "Shelling"
        case .rocketAttack: "Rocket attack"
        case .explosion: "Explosion"
        case .groundClash: "Clash"
        case .raid: "Raid"
        case .other: "Incident"
        }
    }

    /// Kinds of violence one actor's incident is told with interchangeably (an "airstrike" is a
    /// "drone strike" elsewhere, a missile is called a rocket); a clash is never a strike from the air.
    public enum Family: Sendable { case air, indirect, explosion, ground, other }

    public var family: Family {
        switch self {
        case .airstrike, .droneStrike, .missileStrike: .air
        case .shelling, .rocketAttack: .indirect
        case .explosion: .explosion
        case .groundClash, .raid: .ground
        case .other: .other
        }
    }
}

/// How firmly the perpetrator is known: absent from ACLED and UCDP, and what analysts ask first.
public enum Attribution: String, Sendable, Codable, CaseIterable {
    /// The actor itself said it did it.
    case claimed
    /// Others attribute it ("alleged Israeli", "believed to be", a ministry blames).
    case alleged
    /// The text says the perpetrator is unknown ("unidentified aircraft").
    case unidentified
    /// The named actor denied it.
    case denied
    /// Confirmed by an authority beyond a claim.
    case confirmed

    /// Ordering used when reports disagree: the firmer attribution wins.
    public var strength: Int {
        switch self {
        case .unidentified: 0
        case .denied: 1
        case .alleged: 2
        case .claimed: 3
        case .confirmed: 4
        }
    }
}

/// Whether the article reports the incident as news or mentions an older one for context.
public enum MentionRole: String, Sendable, Codable {
    case main
    case background
}

/// How a toll figure is hedged in the text.
public enum TollQualifier: String, Sendable, Codable {
    case atLeast = "at least"
    case exact
    case about
}
