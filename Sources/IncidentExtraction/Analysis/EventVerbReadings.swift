import IncidentModel

/// Readings of incident verbs that the phrase dictionary alone cannot settle, because the verb's
/// meaning depends on the words around it:
///
/// - "went off" is an explosion only with an explosive as its subject (`explosive` cues: "a device
///   planted under a parked car went off"; not "the alarm went off");
/// - a generic verb whose agent is a weapon takes the weapon's kind ("a tanker was hit by a drone",
///   "the vessel was struck by two missiles": a drone strike, a missile strike), and one whose
///   object is a mine is an explosion ("a patrol vehicle struck a mine");
/// - a launch verb with a weapon after it ("fired about 30 rockets", "launched two ballistic
///   missiles") is an incident of the weapon's kind;
/// - coming under fire with an actor or a degree between ("came under heavy Israeli fire") is a
///   clash told from the side fired on, as the dictionary's `fired-on` phrases;
/// - shooting down an aircraft (`shoot-down` + `aircraft` cues: "militants shot down a military
///   helicopter", "downed an army plane") is a clash, while shooting down drones or missiles is
///   the air defence answering another attack and stays what the dictionary says;
/// - an incident word told of an accident (`accident` cues: "a gas cylinder blew up during the
///   fire", "a boiler exploded") or of a subject of no armed violence (`nonviolent-subject` cues:
///   "merger talks blew up", "shares were hit", "an earthquake struck", "a speeding truck hit a
///   minibus") reports nothing.
struct EventVerbReadings: Sendable {
    let cues: CueLexicon

    /// Punctuation that ends the clause a subject is looked for in (the words that do are
    /// `clause-break` cues).
    private static let clausePunctuation: KeySet = [",", ";", ":", "."]

    /// A punctuation mark or a `clause-break` word ("and", "when", "after") at `i`.
    private func breaksClause(_ tokens: [Token], at i: Int) -> Bool {
        Self.clausePunctuation.contains(tokens[i]) || cues.match(.clauseBreak, in: tokens, at: i) != nil
    }

    func apply(_ events: [EventWord], in tokens: [Token]) -> [EventWord] {
        var out = events
        for launched in launchedWeapons(in: tokens) where !out.contains(where: { $0.range.overlaps(launched.range) }) {
            out.append(launched)
            out.sort { $0.range.lowerBound < $1.range.lowerBound }
        }
        out.removeAll { $0.needsExplosive && !hasExplosiveSubject(before: $0.range.lowerBound, in: tokens) }
        if !out.contains(where: \.firedOn), let fired = cameUnderFire(in: tokens), !out.contains(where: { $0.range.overlaps(fired) }) {
            out.append(EventWord(type: .groundClash, range: fired, firedOn: true))
            out.sort { $0.range.lowerBound < $1.range.lowerBound }
        }
        out.removeAll { $0.firedOn && isCriticism(after: $0.range.upperBound, in: tokens) }
        if out.contains(where: \.firedOn), out.contains(where: { !$0.firedOn && $0.type != nil }) { out.removeAll(where: \.firedOn) }
        if let down = shootDown(in: tokens) {
            out.removeAll { $0.range.overlaps(down) }
            out.append(EventWord(type: .groundClash, range: down))
            out.sort { $0.range.lowerBound < $1.range.lowerBound }
        }
        if out.count >= 2 {
            // "... against three cruise missiles and one unmanned surface vessel": the list goes on.
            var struck: [Range<Int>] = []
            for e in out where isStruckWeapon(e, among: out, in: tokens)
                || struck.last.map({ $0.upperBound <= e.range.lowerBound && e.range.lowerBound - $0.upperBound <= 3
                    && tokens[$0.upperBound..<e.range.lowerBound].contains { $0.key == "and" } && e.type != nil }) == true {
                struck.append(e.range)
            }
            if !struck.isEmpty { out.removeAll { e in struck.contains(e.range) } }
        }
        guard !out.isEmpty else { return out }
        // Whether a word's agent is a weapon ("hit by a drone"): then its subject is the target.
        var byWeapon = Set<Int>()
        for k in out.indices where out[k].type == nil {
            if let kind = weaponAgent(after: out[k].range.upperBound, in: tokens) {
                out[k].type = kind
                byWeapon.insert(k)
            } else if strikesAnExplosive(after: out[k].range.upperBound, in: tokens) {
                out[k].type = .explosion
            }
        }
        if isAccident(tokens, events: out) {
            out.removeAll()
        }
        let all = out
        return all.indices.filter { byWeapon.contains($0) || !hasNonviolentSubject(of: $0, in: tokens, events: all) }.map { all[$0] }
    }

    /// "conducted strikes against three anti-ship cruise missiles", "struck Houthi missiles near
    /// Hodeidah": a weapon named as the target of a generic strike word before it in its clause (its
    /// object, or after "against"/"on"/"targeting"; not "with" or "by" it) is what was hit, not the
    /// incident's weapon.
    func isStruckWeapon(_ e: EventWord, among events: [EventWord], in tokens: [Token]) -> Bool {
        guard e.type != nil, e.range.lowerBound > 0,
              (max(0, e.range.lowerBound - 1)..<e.range.upperBound).contains(where: { cues.match(.weapon, in: tokens, at: $0)?.end == e.range.upperBound }) else { return false }
        return isStruckTarget(e.range, among: events, in: tokens)
    }

    /// Words at `range` stand as the target of a generic strike word before them in the clause.
    func isStruckTarget(_ range: Range<Int>, among events: [EventWord], in tokens: [Token]) -> Bool {
        guard let g = events.last(where: { $0.type == nil && $0.range.upperBound <= range.lowerBound }) else { return false }
        let between = g.range.upperBound..<range.lowerBound
        // "hit three cruise missiles and an unmanned surface vessel": "and" after a weapon goes on
        // with the list of targets, not a new clause.
        func listGoesOn(_ k: Int) -> Bool {
            tokens[k].key == "and" && (between.lowerBound..<k).contains { cues.match(.weapon, in: tokens, at: $0)?.end == k }
        }
        guard between.count <= 12, !between.contains(where: { (tokens[$0].kind == .punctuation || breaksClause(tokens, at: $0)) && !listGoesOn($0) || Self.instrumentWords.contains(tokens[$0]) }) else { return false }
        if let first = between.first, Self.targetMarkers.contains(tokens[first]) { return true }
        return Self.strikeVerbs.contains(tokens[g.range.upperBound - 1])
    }

    private static let instrumentWords: KeySet = ["with", "by", "using", "from"]
    private static let targetMarkers: KeySet = ["against", "on", "targeting"]
    private static let strikeVerbs: KeySet = ["struck", "strikes", "hit", "hits", "targeted", "destroyed", "attacked", "bombed"]

    /// "hit by a drone", "struck by two Russian missiles": the weapon right after "by" (at most
    /// three words between, inside the clause). A short phrase of where or when may come between
    /// the verb and "by" ("was struck on its port quarter by an uncrewed surface vessel", "hit
    /// early on Monday by a drone").
    func weaponAgent(after end: Int, in tokens: [Token]) -> EventType? {
        var by = end
        while by < tokens.count, by <= end + 5, tokens[by].key != "by" {
            if tokens[by].kind == .punctuation || (by > end && cues.match(.clauseBreak, in: tokens, at: by) != nil) { return nil }
            by += 1
        }
        guard by < tokens.count, tokens[by].key == "by" else { return nil }
        // Only a phrase that opens with a preposition or a time word (`agent-gap` cues: "on", "overnight").
        if by > end, cues.match(.agentGap, in: tokens, at: end) == nil { return nil }
        let end = by
        var i = end + 1
        while i < tokens.count, i <= end + 4, tokens[i].kind != .punctuation {
            if let w = cues.match(.weapon, in: tokens, at: i), let kind = EventType(rawValue: w.payload) { return kind }
            i += 1
        }
        return nil
    }

    /// "fired about 30 rockets toward Kiryat Shmona", "launched a barrage of 40 missiles": a
    /// `launch-verb` and a weapon within five words after it in its clause (a count, a qualifier, a
    /// kind between), an incident of the weapon's kind.
    func launchedWeapons(in tokens: [Token]) -> [EventWord] {
        guard cues.occurs(.launchVerb, in: tokens) else { return [] }
        var out: [EventWord] = []
        for v in cues.matches(.launchVerb, in: tokens) {
            var i = v.end
            while i < tokens.count, i <= v.end + 5, !breaksClause(tokens, at: i) {
                if let w = cues.match(.weapon, in: tokens, at: i), let kind = EventType(rawValue: w.payload) {
                    out.append(EventWord(type: kind, range: v.start..<w.end))
                    break
                }
                i += 1
            }
        }
        return out
    }

    /// "struck a mine", "hit an IED": an explosive of class `struck` right after the verb (an article
    /// between at most; not "attacked a gold mine").
    func strikesAnExplosive(after end: Int, in tokens: [Token]) -> Bool {
        var i = end
        if i < tokens.count, ["a", "an", "the"].contains(tokens[i].key) { i += 1 }
        return i < tokens.count && cues.match(.explosive, in: tokens, at: i)?.payload == "struck"
    }

    /// "came under Israeli fire", "came under heavy Russian gunfire": a `come-under` phrase and a
    /// `fire-noun` within three words after it (the dictionary's `fired-on` phrases have none between).
    func cameUnderFire(in tokens: [Token]) -> Range<Int>? {
        guard cues.occurs(.comeUnder, in: tokens) else { return nil }
        for c in cues.matches(.comeUnder, in: tokens) {
            var i = c.end
            while i < tokens.count, i <= c.end + 3, tokens[i].kind != .punctuation {
                if let f = cues.match(.fireNoun, in: tokens, at: i) { return c.start..<f.end }
                i += 1
            }
        }
        return nil
    }

    /// Criticism, not gunfire: a `fire-criticism` cue within four words after "came under fire", in
    /// its clause ("came under heavy fire on Monday for his handling of ..."; not "for 20 minutes").
    func isCriticism(after end: Int, in tokens: [Token]) -> Bool {
        var i = end
        while i < tokens.count, i <= end + 4, tokens[i].kind != .punctuation {
            if let c = cues.match(.fireCriticism, in: tokens, at: i) { return !(c.end < tokens.count && tokens[c.end].kind == .number) }
            i += 1
        }
        return false
    }

    /// The range from a shoot-down verb to the aircraft it downed, within five words.
    func shootDown(in tokens: [Token]) -> Range<Int>? {
        for v in cues.matches(.shootDown, in: tokens) {
            var i = v.end
            while i < tokens.count, i <= v.end + 5, tokens[i].kind != .punctuation {
                // Not the second half of a compound ("brought down by anti-aircraft fire").
                if !tokens[i].hyphenBefore, let a = cues.match(.aircraft, in: tokens, at: i) { return v.start..<a.end }
                i += 1
            }
        }
        return nil
    }

    /// A sentence about an accident whose only incident words are ones an accident also has
    /// (explosions, clashes): no weapon and no incident word of another kind in it.
    func isAccident(_ tokens: [Token], events: [EventWord]) -> Bool {
        guard events.allSatisfy({ $0.type == .explosion || $0.type == .groundClash }), cues.occurs(.accident, in: tokens) else { return false }
        return !cues.occurs(.weapon, in: tokens)
    }

    /// An explosive ("device", "explosives", "mine") before "went off" in its clause.
    func hasExplosiveSubject(before start: Int, in tokens: [Token]) -> Bool {
        var i = start - 1
        while i >= 0, i >= start - 10 {
            if breaksClause(tokens, at: i) { return false }
            if cues.match(.explosive, in: tokens, at: i) != nil { return true }
            i -= 1
        }
        return false
    }

    /// A subject of no armed violence ("talks", "shares", "an earthquake"; a vehicle only for a
    /// generic word) before the word in its own clause, with no weapon, target or other incident
    /// word in between.
    func hasNonviolentSubject(of index: Int, in tokens: [Token], events: [EventWord]) -> Bool {
        let word = events[index]
        let start = word.range.lowerBound
        // The incident words just before this one (the list is in text order; a phrase is a few
        // words long): scanning the whole list per word was quadratic in a sentence of thousands.
        var j = index
        while j > 0, events[j - 1].range.lowerBound >= start - 24 { j -= 1 }
        let before = events[j..<index]
        var i = start - 1
        while i >= 0, i >= start - 8 {
            if breaksClause(tokens, at: i) { return false }
            if before.contains(where: { $0.range.contains(i) }) { return false }
            if cues.match(.weapon, in: tokens, at: i) != nil || cues.match(.materiel, in: tokens, at: i) != nil { return false }
            // A vehicle drives into things ("a truck hit a minibus"); one that "was targeted" was attacked.
            if let m = cues.match(.nonviolentSubject, in: tokens, at: i) {
                return m.payload != "generic" || (word.type == nil && !(start > 0 && ActorFinder.passive.contains(tokens[start - 1])))
            }
            i -= 1
        }
        return false
    }
}
