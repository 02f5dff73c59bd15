import IncidentModel

/// Whether two event types can describe the same event, and how well.
///
/// Outlets disagree on the weapon (an "airstrike" is a "drone strike" elsewhere, a missile is
/// called a rocket), so remote-violence types are compatible with each other; but a ground clash
/// or a raid is never the same event as a strike from the air.
enum EventAffinity {
    typealias Family = EventType.Family

    static func family(_ t: EventType) -> Family { t.family }

    /// 1 same type, lower for related types, nil for incompatible ones.
    static func score(_ a: EventType, _ b: EventType) -> Double? {
        if a == b { return 1 }
        let fa = family(a), fb = family(b)
        if fa == .other || fb == .other { return 0.4 }
        if fa == fb { return 0.7 }
        let remote: Set<Family> = [.air, .indirect, .explosion]
        if remote.contains(fa), remote.contains(fb) { return 0.5 }
        return nil
    }

    /// Tie-break order when reports disagree: the more specific type first, `other` last.
    static func specificity(_ t: EventType) -> Int {
        switch t {
        case .droneStrike: 0
        case .missileStrike: 1
        case .airstrike: 2
        case .rocketAttack: 3
        case .shelling: 4
        case .raid: 5
        case .groundClash: 6
        case .explosion: 7
        case .other: 8
        }
    }
}
