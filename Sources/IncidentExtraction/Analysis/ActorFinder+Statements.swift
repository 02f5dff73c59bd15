/// How a sentence's statements bear on who acted: a speaker's own forces acting ("said its fighters
/// targeted"), a statement of losses or of a defence, an actor as what a weapon was ("the drone was
/// American"), quotations and language names that are no actor.
extension ActorFinder {
    /// "The IDF says troops operating in the camp killed a gunman", "Ukraine's military said it had
    /// hit an air base", "said its fighters targeted": the speaker's own forces (or "it") act, so
    /// the speaker's actor is the perpetrator, by its own word.
    func statesOwnAct(_ tokens: [Token], after verb: Int) -> Bool {
        let end = min(tokens.count, verb + 10)
        var subject: Int?
        for j in (verb + 1)..<end {
            let k = tokens[j].key
            if tokens[j].kind == .punctuation, k != "," { return false }
            if actors.match(tokens, at: j) != nil { return false }
            if k == "it" || k == "they" { subject = j; break }
            if (k == "its" || k == "their"), j + 1 < tokens.count { subject = j + 1; break }
            // "said that the group's missile force had launched ...": the speaker's own, told by
            // what it is.
            if k == "the", let r = cues.match(.actorReference, in: tokens, at: j + 1), r.end + 2 < tokens.count,
               tokens[r.end].key == "'", tokens[r.end + 1].key == "s" {
                subject = r.end + 2
                break
            }
            // Forces and aircraft act; "say shelling hit a market" names no actor.
            if let n = cues.match(.agentNoun, in: tokens, at: j), !Self.eventNouns.contains(tokens[n.end - 1]) || Self.aircraftWords.contains(tokens[n.end - 1]) {
                subject = n.end - 1
                break
            }
            if cues.match(.people, in: tokens, at: j) != nil { subject = j; break }
        }
        guard let from = subject else { return false }
        // "saying air defenses had shot down several small drones": a defence, not an act.
        if (from..<min(tokens.count, from + 3)).contains(where: { Self.defenceWords.contains(tokens[$0]) }) { return false }
        // "said its fighters had downed the aircraft" (not "its air defences downed 40 drones").
        let downed = cues.occurs(.shootDown, in: tokens) ? EventVerbReadings(cues: cues).shootDown(in: tokens)?.lowerBound : nil
        var k = from + 1
        while k < min(tokens.count, from + 20) {
            // "said that it had \"neutralised\" a group of terrorists": a quoted verb is its own.
            if tokens[k].kind == .punctuation, tokens[k].key != ",", !Self.quoteKeys.contains(tokens[k]) { return false }
            if Self.passive.contains(tokens[k]), k + 1 < tokens.count, tokens[k + 1].key != "carried" { return false }
            if cues.match(.agentVerb, in: tokens, at: k) != nil || k == downed { return true }
            if cues.match(.killPeople, in: tokens, at: k) != nil { return true }
            // "said its aircraft destroyed a hangar": its forces destroyed materiel or killed people.
            // Not "said its air defences had destroyed 43 drones": a defence, whose object is a weapon.
            if let v = cues.match(.agentKill, in: tokens, at: k),
               !(from..<k).contains(where: { Self.defenceWords.contains(tokens[$0]) }),
               !(v.end..<min(tokens.count, v.end + 4)).contains(where: { cues.match(.weapon, in: tokens, at: $0) != nil }),
               (v.end..<min(tokens.count, v.end + 3)).contains(where: { cues.match(.materiel, in: tokens, at: $0) != nil || cues.match(.people, in: tokens, at: $0) != nil || tokens[$0].kind == .number }) {
                return true
            }
            k += 1
        }
        return false
    }

    /// "Hezbollah launched a swarm of drones at a base near Metula, the group said in a statement": a
    /// named actor carries out the act, and a trailing ", the group said" (an `actor-reference` of
    /// class `armed-group`, after at most two describing words) refers back to it. A monitor ("the
    /// monitoring group said") never follows its own subject's act this way: no actor acts before it.
    func claimsByTrailingReference(_ tokens: [Token], candidates: [PerpetratorCandidate]) -> Bool {
        guard let actor = candidates.first(where: { !$0.viaAttribution && !$0.viaEventNoun }) else { return false }
        for comma in tokens.indices where tokens[comma].key == "," && comma > actor.position && comma + 3 < tokens.count && tokens[comma + 1].key == "the" {
            guard cues.occurs(.agentVerb, in: tokens, range: actor.position..<comma) else { continue }
            for k in (comma + 2)..<min(tokens.count, comma + 5) {
                if let r = cues.match(.actorReference, in: tokens, at: k), r.payload == "armed-group" {
                    if candidates.contains(where: { $0.position > actor.position && $0.position < k && $0.actor != actor.actor }) { return false }
                    return (r.end..<min(tokens.count, r.end + 2)).contains { cues.match(.claimVerb, in: tokens, at: $0) != nil }
                }
                // Describing words only ("the Iran-backed group", "the militant movement").
                guard tokens[k].kind == .word, tokens[k].hyphenBefore || cues.match(.actorDescriptor, in: tokens, at: k) != nil
                        || (k + 1 < tokens.count && tokens[k + 1].hyphenBefore) else { break }
            }
        }
        return false
    }

    /// "The Israeli military said that an air strike late on Wednesday in Beit Lahia had killed a
    /// commander", "Russia's defence ministry said a missile strike on Kramatorsk killed 30 soldiers":
    /// a military voice (`military-voice` words in it) tells a strike, then what it did, and names no
    /// other agent on the way. Its own strike abroad, an attack on it at home: the place decides.
    func narratesAStrike(_ tokens: [Token], voice v: PhraseMatcher<String>.Match, verb: Int) -> Bool {
        guard cues.occurs(.militaryVoice, in: tokens, range: v.start..<verb) else { return false }
        var sawStrike = false
        for k in (verb + 1)..<min(tokens.count, verb + 30) {
            let t = tokens[k]
            if t.kind == .punctuation, t.key == ";" || t.key == "\"" || t.key == "\u{201C}" { return false }
            // "said it", "said its jets": `statesOwnAct` reads those; another actor named: its act.
            if !sawStrike, t.key == "it" || t.key == "its" || t.key == "they" || t.key == "their" { return false }
            if !sawStrike, actors.match(tokens, at: k) != nil { return false }
            if !sawStrike {
                if Self.strikeNouns.contains(t) { sawStrike = true }
                continue
            }
            if Self.passive.contains(t) { return false }
            if cues.match(.agentVerb, in: tokens, at: k) != nil || cues.match(.kill, in: tokens, at: k) != nil
                || cues.match(.injure, in: tokens, at: k) != nil { return true }
        }
        return false
    }

    static let strikeNouns: KeySet = ["strike", "strikes", "airstrike", "airstrikes", "raid", "raids", "bombardment"]

    /// "said that it had destroyed a drone depot": the speaker itself did something ("it", then a past
    /// verb with no passive auxiliary).
    func saysItDid(_ tokens: [Token], after verb: Int) -> Bool {
        guard let it = ((verb + 1)..<min(tokens.count, verb + 4)).first(where: { tokens[$0].key == "it" || tokens[$0].key == "they" }) else { return false }
        for k in (it + 1)..<min(tokens.count, it + 3) {
            if Self.passive.contains(tokens[k]) { return false }
            if tokens[k].key.hasSuffix("ed"), tokens[k].kind == .word { return true }
        }
        return false
    }

    /// "The military said seven soldiers were killed in an ambush": a statement of the speaker's own
    /// losses (people, then a passive casualty verb), which claims no act.
    func reportsLosses(_ tokens: [Token], after verb: Int) -> Bool {
        let end = min(tokens.count, verb + 8)
        // Its own men ("seven soldiers were killed"), not the enemy's ("20 militants were killed").
        guard let who = ((verb + 1)..<end).first(where: { cues.match(.ownLosses, in: tokens, at: $0) != nil }) else { return false }
        let rest = (who + 1)..<min(tokens.count, who + 5)
        return rest.contains { Self.passive.contains(tokens[$0]) } && (cues.occurs(.kill, in: tokens, range: rest) || cues.occurs(.injure, in: tokens, range: rest))
    }

    static let deedWords: KeySet = ["it", "this", "killing", "killings", "bombing", "bombings", "blast", "blasts", "massacre", "ambush",
                                            "explosion", "explosions", "assassination", "shootings", "shooting", "violence"]

    static let otherSpeaker: KeySet = ["which", "who", "whom", "he", "she", "they", "officials", "sources"]

    /// "(JNIM, or GSIM in French)": a nationality word after "in", closing its phrase, names a
    /// language (or a place), not who acted.
    func isLanguage(_ m: PhraseMatcher<String>.Match, _ tokens: [Token]) -> Bool {
        m.end - m.start == 1 && m.start > 0 && tokens[m.start - 1].key == "in" && (m.end == tokens.count || tokens[m.end].kind == .punctuation)
    }

    /// Inside a quotation: an odd number of double quotation marks before `position`.
    static func isQuoted(_ position: Int, _ tokens: [Token]) -> Bool {
        var marks = 0
        for k in 0..<position where doubleQuotes.contains(tokens[k]) { marks += 1 }
        return marks % 2 == 1
    }

    /// A key set probed with the token's own hash: `isQuoted` tests every token before each actor
    /// name, and a `Set<String>` hashed each key again.
    static let doubleQuotes: KeySet = ["\"", "\u{201C}", "\u{201D}"]

    static let quoteKeys: KeySet = ["\"", "\u{201C}", "\u{201D}", "'", "\u{2018}", "\u{2019}"]

    /// "the drone was American": a weapon or strike noun, a copula, then the actor alone.
    func isPredicateOfAWeapon(_ m: PhraseMatcher<String>.Match, _ tokens: [Token]) -> Bool {
        if m.end < tokens.count, tokens[m.end].hyphenBefore { return false }
        if m.end < tokens.count, tokens[m.end].kind == .word, !["and", "or", "but", "while"].contains(tokens[m.end].key) { return false }
        var k = m.start - 1
        while k >= 0, Self.quoteKeys.contains(tokens[k].key) { k -= 1 }
        guard k >= 1, Self.passive.contains(tokens[k]) else { return false }
        return Self.eventNouns.contains(tokens[k - 1]) || Self.aircraftWords.contains(tokens[k - 1])
    }
}
