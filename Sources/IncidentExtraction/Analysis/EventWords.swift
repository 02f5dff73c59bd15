import IncidentModel

/// An incident word in a sentence: its event type, or nil for a generic word ("strike", "attack").
struct EventWord: Sendable {
    var type: EventType?
    var range: Range<Int>
    /// Read from an armed actor killing its victims ("insurgents on Saturday killed 43 farmers"),
    /// not from an incident word: the kind only when no incident word of the mention names one.
    var inferred = false
    /// Told from the side fired on ("came under fire"): a clash unless the sentence names the kind
    /// of fire with another incident word ("when mortar shells hit a street").
    var firedOn = false
    /// "went off": an explosion only when an explosive is its subject ("a device planted under a car
    /// went off"), not "the alarm went off" (`EventVerbReadings`).
    var needsExplosive = false
}

/// Finds incident words (`event-types.tsv`) and decides a mention's event type: the first specific
/// word wins, generic words take the kind of weapon or actor around them, and a rocket reported
/// alongside missiles is a missile strike.
struct EventWordFinder: Sendable {
    let matcher: PhraseMatcher<String>

    func find(in tokens: [Token]) -> [EventWord] {
        // "none" phrases look like incident words but are not ("air raid sirens").
        let words = matcher.matches(tokens).filter { $0.payload != "none" }.map { m in
            switch m.payload {
            case "fired-on": EventWord(type: .groundClash, range: m.start..<m.end, firedOn: true)
            case "went-off": EventWord(type: .explosion, range: m.start..<m.end, needsExplosive: true)
            default: EventWord(type: m.payload == "generic" ? nil : EventType(rawValue: m.payload), range: m.start..<m.end)
            }
        }
        guard words.contains(where: \.firedOn), words.contains(where: { !$0.firedOn && $0.type != nil }) else { return words }
        return words.filter { !$0.firedOn }
    }

    /// The event type of a group of sentences (each with its incident words), with the headline as
    /// a fallback when the body only says "attack" or "strike".
    static func classify(_ sentences: [[EventWord]], headline: [EventWord], airActorPresent: Bool, firstSentenceHasActor: Bool = false) -> EventType {
        let inferred = sentences.lazy.flatMap { $0 }.first(where: \.inferred)?.type
        guard let kind = inferred else {
            return classifyNamed(sentences, headline: headline, airActorPresent: airActorPresent, firstSentenceHasActor: firstSentenceHasActor)
        }
        // An incident word in the mention's sentences says the kind better than the killing itself
        // ("... killed 20 people. The suicide bomber ..."); the headline may tell another incident.
        let named = sentences.map { $0.filter { !$0.inferred } }
        if named.contains(where: { $0.contains { $0.type != nil } }) {
            return classifyNamed(named, headline: [], airActorPresent: airActorPresent)
        }
        return kind
    }

    private static func classifyNamed(_ sentences: [[EventWord]], headline: [EventWord], airActorPresent: Bool, firstSentenceHasActor: Bool = false) -> EventType {
        let all = sentences.flatMap { $0 }
        var chosen: EventType? = sentences.first?.first(where: { $0.type != nil })?.type
        if chosen == nil, firstSentenceHasActor {
            // "X hit six localities": an actor's attack whose means the lead does not give.
            chosen = airActorPresent ? .airstrike : .other
        }
        if chosen == nil { chosen = all.first(where: { $0.type != nil })?.type }
        let types = Set(all.compactMap(\.type))
        if chosen == .rocketAttack, types.contains(.missileStrike) { chosen = .missileStrike }
        if chosen == .airstrike, types.contains(.droneStrike) { chosen = .droneStrike }
        // "The bombing ..." / "an explosion" told with the weapon that caused it: the weapon's strike.
        if chosen == .explosion {
            if types.contains(.droneStrike) { chosen = .droneStrike } else if types.contains(.missileStrike) { chosen = .missileStrike }
        }
        if chosen == .raid, airActorPresent { chosen = .airstrike }
        if let c = chosen { return c }
        if let h = headline.first(where: { $0.type != nil })?.type { return h }
        return airActorPresent ? .airstrike : .other
    }
}
