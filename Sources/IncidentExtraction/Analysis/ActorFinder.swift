/// An actor the sentence presents as the one who carried out an incident.
struct PerpetratorCandidate: Sendable {
    var actor: String
    var position: Int
    /// Named through an attribution phrase ("believed to be affiliated with X", "blamed on X").
    var viaAttribution: Bool
    /// Named as the adjective of a weapon or event noun ("a Ukrainian strike").
    var viaEventNoun: Bool = false
    /// The subject is the actor's own announcing command (`self-reporting` cue: "CENTCOM forces
    /// conducted", "The IDF struck"): outlets narrate such operations from the command's own
    /// statements, and press releases are written this way, so the actor has admitted it.
    var selfReported: Bool = false
    /// Where the second partner of a joint perpetrator is named ("the United States and Britain").
    var partnerPosition: Int?
}

/// What one sentence says about who did it.
struct ActorEvidence: Sendable {
    var candidates: [PerpetratorCandidate] = []
    /// Actors whose own voice in this sentence says something about the incident (claims).
    var claimingActors: Set<String> = []
    /// Claimants whose statement tells an act ("said it struck", "said its fighters targeted"), not
    /// only a loss or a defence ("said its air defences destroyed 50 drones").
    var actingClaimants: Set<String> = []
    /// Military voices telling a strike that names no agent ("The Israeli military said that an air
    /// strike in Beit Lahia had killed a commander"): whose strike it was depends on where it fell
    /// (`MentionFieldReader.narratedAbroad`).
    var narratingVoices: [String] = []
    /// Where actor names stand: a place word inside a longer name ("Islamic State Khorasan") is no place.
    var nameRanges: [Range<Int>] = []
    /// Every actor or voice named, in whatever role: which coalition "the coalition" is.
    var namedActors: [String] = []
    /// "The Iran-backed group said in a statement that it had targeted ...": the actor of the
    /// incident told just before, speaking through a description of itself, claims it.
    var claimsByReference = false
    /// Actors that deny in this sentence.
    var denyingActors: Set<String> = []
    /// Actors named right before a `responsibility` cue ("TTP claimed responsibility for the
    /// bombing"): the perpetrator by its own claim, even with no agent verb in the sentence.
    var responsibleActors: [String] = []
    /// Actors that deny having carried it out at all ("Moscow denied involvement"), not merely a
    /// detail of it: such a denial anywhere in the article makes the attribution alleged.
    var disowningActors: Set<String> = []
    /// A hedge on who did it ("alleged", "suspected", "blamed", "security sources").
    var hasHedge = false
    /// Where the first source phrase ("according to", "sources told") starts. An actor after it is
    /// inside what the source says; one before it is the outlet's own statement, the source then
    /// vouching for the toll ("Russian forces hit Kharkiv overnight, according to the governor").
    var sourceHedgeStart: Int?
    /// Unnamed sources vouch for the account ("two sources told Reuters", "a local source said").
    var citesUnnamedSources = false
    /// Actors (or their voices) that do not comment or confirm ("Kyiv rarely comments on such
    /// reports", "The RSF did not respond"): what others say of them stays an allegation.
    var silentActors: Set<String> = []
    /// Actors named through an epithet ("the Israeli enemy", "occupation aircraft", "the aggressor
    /// Haftar's militias"): the outlet speaks for the other side and tells their attacks as fact.
    var epithetActors: Set<String> = []
    /// Actors the outlet names as its side's enemy ("the Israeli enemy", "the Saudi enemy's
    /// artillery"): the other side's account of who attacked, an allegation however plainly told.
    var enemyNamedActors: Set<String> = []
    /// Actors named as the perpetrator inside what someone else says ("Denis Pushilin said a
    /// Ukrainian strike hit the market", "the SDF announced that a Turkish drone targeted"): others
    /// attribute it to them, unless the speaker is the actor's own voice.
    var reportedByOthers: Set<String> = []
    var saysUnidentified = false
    /// Air actors (jets, warplanes, aircraft) are present: a generic "strike" is then an airstrike.
    var mentionsAircraft = false
}

/// Reads perpetrators from actor names (`actors.tsv`) by their role in the sentence: an actor
/// adjective before a weapon or event noun ("Israeli airstrike", "Turkish drone"), an actor with
/// an agent noun and an agent verb ("Russian troops launched"), a subject with an agent verb ("the
/// US carried out"), or an attribution phrase ("blamed on Ukraine", "by Russia"). Actors glued to
/// "-backed" or "pro-" are the supported side, never the perpetrator.
struct ActorFinder: Sendable {
    let actors: PhraseMatcher<String>
    let voices: PhraseMatcher<String>
    let cues: CueLexicon

    static let eventNouns: KeySet = ["strike", "strikes", "airstrike", "airstrikes", "drone", "drones", "missile", "missiles", "rocket", "rockets",
                                                  "shelling", "raid", "raids", "attack", "attacks", "barrage", "targeting", "bombardment", "aggression",
                                                  "operation", "warplanes", "jets", "aircraft", "planes", "artillery", "air", "aerial", "military"]
    private static let passiveFollowers: KeySet = ["in", "by", "during", "when", "while"]
    static let passive: KeySet = ["were", "was", "are", "is", "been", "being"]
    static let aircraftWords: KeySet = ["aircraft", "warplanes", "warplane", "jets", "planes", "plane", "iaf", "air"]

    func analyse(_ tokens: [Token]) -> ActorEvidence {
        var ev = ActorEvidence()
        ev.hasHedge = cues.occurs(.hedge, in: tokens)
        ev.saysUnidentified = cues.occurs(.unidentified, in: tokens)
        ev.mentionsAircraft = tokens.indices.contains { Self.aircraftWords.contains(tokens[$0]) }
        let matches = actors.matches(tokens)
        let voiceMatches = voices.matches(tokens)
        // Sources and blames bear on named actors only: most sentences name none.
        if !matches.isEmpty || !voiceMatches.isEmpty {
            ev.sourceHedgeStart = cues.matches(.sourceHedge, in: tokens).first?.start
            ev.citesUnnamedSources = cues.occurs(.anonymousSource, in: tokens)
        }
        for m in matches where m.end - m.start >= 2 { ev.nameRanges.append(m.start..<m.end) }
        // "was behind the attack", not "were behind the front line".
        let behind = matches.isEmpty ? [] : cues.matches(.behind, in: tokens).filter { b in
            (b.end..<min(tokens.count, b.end + 3)).contains { Self.eventNouns.contains(tokens[$0]) || Self.deedWords.contains(tokens[$0]) }
        }.map(\.start)
        for m in matches {
            if isSupportedSide(m, tokens) || isLanguage(m, tokens) { continue }
            if let c = candidate(m, tokens, allMatches: matches, behind: behind) { ev.candidates.append(c) }
        }
        joinPartners(&ev.candidates, matches, tokens)
        // The outlet's own words, not a quotation ("a war crime added to the record of the occupation").
        // The cue first: the quotation test counts marks over the sentence up to the name.
        for m in matches where !isSupportedSide(m, tokens) {
            let before = max(0, m.start - 2)..<m.end
            if cues.occurs(.epithet, in: tokens, range: before), !Self.isQuoted(m.start, tokens) { ev.epithetActors.insert(m.payload) }
            // A name before "enemy", in the match ("Israeli enemy") or just after it.
            let namedEnemy = (m.end < tokens.count && tokens[m.end].key == "enemy")
                || (m.end - m.start >= 2 && tokens[m.end - 1].key == "enemy" && tokens[m.start].key != "the" && tokens[m.start].key != "an")
            if namedEnemy, !Self.isQuoted(m.start, tokens) { ev.enemyNamedActors.insert(m.payload) }
        }
        for m in matches where !isSupportedSide(m, tokens) { ev.namedActors.append(m.payload) }
        for v in voiceMatches { ev.namedActors.append(v.payload) }
        for c in ev.candidates where !c.viaAttribution {
            if let v = reportingVerb(before: c.position, tokens),
               !voiceMatches.contains(where: { $0.payload == c.actor && $0.end <= v && v - $0.end <= 4 }) {
                ev.reportedByOthers.insert(c.actor)
            }
        }
        for v in voiceMatches where !isSupportedSide(v, tokens) {
            // "A US official, speaking on condition of anonymity, said ...": the verb past an aside
            // naming no actor, when none follows the voice at once ("IS-K, said in a post that one of
            // its fighters, whom ..." has its verb before the comma).
            var verb = firstCue(.claimVerb, tokens, in: v.end..<min(tokens.count, v.end + 4))
                ?? firstCue(.reportVerb, tokens, in: v.end..<min(tokens.count, v.end + 2))
            // "The Nigerian Air Force (NAF), in a statement on Monday by its spokesperson, Edward
            // Gabkwet, said ...": past the name's abbreviation, an aside of several commas.
            var open = v.end
            if open + 2 < tokens.count, tokens[open].key == "(", tokens[open + 2].key == ")" { open += 3 }
            // "The Russian Ministry of Defense's Center for Reconciliation of Opposing Sides said":
            // a named body of the voice, in capitals, then the verb.
            if verb == nil, open + 2 < tokens.count, tokens[open].key == "'", tokens[open + 1].key == "s" {
                var j = open + 2
                while j < min(tokens.count, open + 12), tokens[j].kind == .word,
                      tokens[j].isCapitalized || (j > open + 2 && Self.nameJoiners.contains(tokens[j])) { j += 1 }
                if j > open + 2, tokens[j - 1].isCapitalized { verb = firstCue(.claimVerb, tokens, in: j..<min(tokens.count, j + 2)) }
            }
            // "The self-styled Libyan National Army (LNA) of Khalifa Haftar said ...": past a leader's name.
            if verb == nil, open + 2 < tokens.count, tokens[open].key == "of", tokens[open + 1].isCapitalized {
                var j = open + 1
                while j < min(tokens.count, open + 6), tokens[j].kind == .word, tokens[j].isCapitalized { j += 1 }
                // A leader's name may name the actor again ("of Khalifa Haftar"), never another one.
                if !matches.contains(where: { $0.start > open && $0.start < j && $0.payload != v.payload }) {
                    verb = firstCue(.claimVerb, tokens, in: j..<min(tokens.count, j + 2))
                }
            }
            if verb == nil, open + 1 < tokens.count, tokens[open].key == "," {
                var k = open + 2
                while verb == nil, k < min(tokens.count, open + 24), !Self.asideEnds.contains(tokens[k]) {
                    if tokens[k].key == ",", !actors.occurs(in: tokens, range: open..<k) {
                        verb = firstCue(.claimVerb, tokens, in: (k + 1)..<min(tokens.count, k + 5))
                    }
                    k += 1
                }
            }
            if let verb,
               // "the BLA, which he said was behind it": someone else speaks of the actor.
               !(v.end..<verb).contains(where: { Self.otherSpeaker.contains(tokens[$0]) }) {
                let after = (verb + 1)..<min(tokens.count, verb + 7)
                // "said in a statement that it had not carried out any strikes": a refusal past the
                // statement's words.
                let deniesIt = refusesPastStatement(tokens, after: verb)
                if deniesIt { ev.denyingActors.insert(v.payload) }
                let refused = deniesIt || cues.occurs(.claimNegation, in: tokens, range: after)
                if !refused, !reportsLosses(tokens, after: verb) {
                    ev.claimingActors.insert(v.payload)
                    if cues.occurs(.agentVerb, in: tokens, range: (verb + 1)..<min(tokens.count, verb + 14)) || saysItDid(tokens, after: verb) { ev.actingClaimants.insert(v.payload) }
                    if narratesAStrike(tokens, voice: v, verb: verb) { ev.narratingVoices.append(v.payload) }
                    if !ev.candidates.contains(where: { $0.actor == v.payload }), statesOwnAct(tokens, after: verb) {
                        let c = PerpetratorCandidate(actor: v.payload, position: v.start, viaAttribution: false)
                        ev.candidates.insert(c, at: ev.candidates.firstIndex(where: { $0.position > v.start }) ?? ev.candidates.count)
                    }
                }
            }
        }
        // "Israeli jets struck a depot in Nabatieh, according to the Israeli military", "..., according
        // to a statement from US Africa Command": the acting actor's own voice as the source is its claim.
        if let hedge = ev.sourceHedgeStart {
            for v in voiceMatches where v.start > hedge && v.start - hedge <= 7 && !isSupportedSide(v, tokens)
                && ev.candidates.contains(where: { $0.actor == v.payload && !$0.viaAttribution && $0.position < hedge }) {
                ev.claimingActors.insert(v.payload)
            }
        }
        // Both lists in turn (not concatenated: that copied every match into a new array).
        for m in [matches, voiceMatches].joined() {
            // A plain loop: a lazy map's stored closure captured (copied) the whole finder per name.
            var denial: PhraseMatcher<String>.Match?
            for k in m.end..<min(tokens.count, m.end + 4) {
                if let d = cues.match(.deny, in: tokens, at: k) { denial = d; break }
            }
            if let d = denial,
               !anyCue(.detailDenial, tokens, in: d.end..<min(tokens.count, d.end + 2)) {
                ev.denyingActors.insert(m.payload)
            }
            // "The RSF, which has been at war with the army since 2023, did not respond": past an aside.
            var after = m.end
            if after < tokens.count, tokens[after].key == ",", let close = ((after + 1)..<min(tokens.count, after + 20)).first(where: { tokens[$0].key == "," }) { after = close + 1 }
            if anyCue(.noComment, tokens, in: after..<min(tokens.count, after + 5)) { ev.silentActors.insert(m.payload) }
            // "There was no immediate comment from the Israeli military": the silence told before the name.
            var s = m.start
            while s > 0, Self.articles.contains(tokens[s - 1]) { s -= 1 }
            if (max(0, s - 6)..<s).contains(where: { cues.match(.noCommentFrom, in: tokens, at: $0)?.end == s }) { ev.silentActors.insert(m.payload) }
            if anyCue(.denyInvolvement, tokens, in: m.end..<min(tokens.count, m.end + 4)) { ev.disowningActors.insert(m.payload) }
        }
        ev.claimsByReference = claimsByReference(tokens, actorMatches: matches) || claimsByTrailingReference(tokens, candidates: ev.candidates)
        for r in cues.matches(.responsibility, in: tokens) {
            // "Al-Shabaab, the al-Qaeda-linked group, claimed ...": the affiliation is no claimant.
            if let m = matches.last(where: { $0.end <= r.start && r.start - $0.end <= 10 && !isSupportedSide($0, tokens) && !isLanguage($0, tokens) }) {
                ev.claimingActors.insert(m.payload)
                ev.responsibleActors.append(m.payload)
            }
        }
        // "The attack was claimed on Monday by the Group for the Support of Islam and Muslims": the
        // claimant is the actor right after "by" (a day or an aside may come between).
        for r in cues.matches(.responsibilityPassive, in: tokens) {
            guard let by = (r.end..<min(tokens.count, r.end + 5)).first(where: { tokens[$0].key == "by" }),
                  let m = matches.first(where: { $0.start > by && $0.start <= by + 2 && !isSupportedSide($0, tokens) }) else { continue }
            ev.claimingActors.insert(m.payload)
            ev.responsibleActors.append(m.payload)
        }
        return ev
    }

    /// A clause opening with a description of an armed actor ("The Iran-backed group", "The
    /// militant group", "the military") that says "it" carried out the act: "The group said in a
    /// statement that it had targeted soldiers", "..., and the military said it struck the site". A
    /// victim's statement ("The group said its commander was killed") has no agent verb after "it";
    /// a description naming another actor ("the Syrian army said it shot down ...") speaks for that one.
    private func claimsByReference(_ tokens: [Token], actorMatches: [PhraseMatcher<String>.Match]) -> Bool {
        guard tokens.count > 4 else { return false }
        for start in tokens.indices where tokens[start].keyHash == Self.theHash && tokens[start].key == "the" && (start == 0 || Self.clauseOpeners.contains(tokens[start - 1])) {
            for k in (start + 1)..<min(tokens.count, start + 6) {
                guard let r = cues.match(.actorReference, in: tokens, at: k) else { continue }
                if actorMatches.contains(where: { $0.start > start && $0.start < k && !isSupportedSide($0, tokens) }) { break }
                guard let v = firstCue(.claimVerb, tokens, in: r.end..<min(tokens.count, r.end + 3)) else { break }
                for j in (v + 1)..<min(tokens.count, v + 10) where tokens[j].key == "it" || tokens[j].key == "its" {
                    if anyCue(.agentVerb, tokens, in: (j + 1)..<min(tokens.count, j + 4)) { return true }
                }
                break
            }
        }
        return false
    }

    /// The hash of "the", compared before the key: most tokens are not "the", and an unequal String
    /// compare is a call.
    private static let theHash = HashedIndex<Int>.hash("the")
    /// Whether a `cue` phrase starts at an index in `range`; a method rather than a closure over
    /// `cues` (each such closure copied the whole finder, its dictionaries retained and released).
    func anyCue(_ cue: Cue, _ tokens: [Token], in range: Range<Int>) -> Bool { firstCue(cue, tokens, in: range) != nil }

    /// The first index in `range` where a `cue` phrase starts.
    func firstCue(_ cue: Cue, _ tokens: [Token], in range: Range<Int>) -> Int? {
        for k in range where cues.match(cue, in: tokens, at: k) != nil { return k }
        return nil
    }

    private static let clauseOpeners: KeySet = [",", ";", ":", "and", "but", "while", "\u{201C}", "\""]

    /// A verb of saying before `position` in the same sentence ("said", "announced that", "claimed
    /// on April 17 that a man was killed when"), whose object is the clause naming the actor.
    private func reportingVerb(before position: Int, _ tokens: [Token]) -> Int? {
        var k = position - 1
        while k >= 0, position - k <= 16 {
            if tokens[k].kind == .punctuation, tokens[k].key != "," { return nil }
            // "..., the ministry said, after repeated Russian attacks": the statement ended before.
            if let v = cues.match(.claimVerb, in: tokens, at: k), v.end <= position, !Self.nounClaimCues.contains(tokens[k]) {
                return tokens[v.end].kind == .punctuation ? nil : k
            }
            k -= 1
        }
        return nil
    }

    private static let nounClaimCues: KeySet = ["spokesman", "spokesperson", "statement"]

    private func isSupportedSide(_ m: PhraseMatcher<String>.Match, _ tokens: [Token]) -> Bool {
        if m.end < tokens.count, tokens[m.end].hyphenBefore, cues.match(.backed, in: tokens, at: m.end) != nil { return true }
        if m.end + 1 < tokens.count, cues.match(.backed, in: tokens, at: m.end) != nil, tokens[m.end].key == "backed" { return true }
        if m.start > 0, tokens[m.start].hyphenBefore, cues.match(.pro, in: tokens, at: m.start - 1) != nil { return true }
        return false
    }

    // Word lists of `candidate` as key sets (probed with the token's hash): it runs per actor name.
    private static let beforeNameWords: KeySet = ["the", "a", "an", "styled", "self", "so", "called"]
    private static let articles: KeySet = ["the", "a", "an"]
    private static let blameWords: KeySet = ["blamed", "blame", "blaming"]
    /// "said in a statement that it had not ...": "in a statement" or "on Telegram" then "that it
    /// had not", within twelve words.
    private func refusesPastStatement(_ tokens: [Token], after verb: Int) -> Bool {
        let end = min(tokens.count, verb + 12)
        guard let that = ((verb + 1)..<end).first(where: { tokens[$0].key == "that" }) else { return false }
        return cues.occurs(.claimNegation, in: tokens, range: (that + 1)..<min(end, that + 5))
    }

    /// Small words inside a body's name ("Center for Reconciliation of Opposing Sides").
    private static let nameJoiners: KeySet = ["of", "for", "the", "and", "on"]
    /// Marks that end an aside between a voice and its verb: the sentence went on.
    private static let asideEnds: KeySet = [".", ";", ":", "?", "!"]
    private static let attributeWords: KeySet = ["attributed", "attributing", "attributes", "ascribed"]
    private static let nounModifiers: KeySet = ["special", "occupation", "security", "military", "armed", "air", "navy"]
    private static let possessionParticiples: KeySet = ["used", "operated", "controlled", "held", "owned", "run", "manned", "occupied",
                                                        "guarded", "besieged", "captured", "seized", "retaken", "recaptured", "funded", "trained"]
    /// "said its fighters", "saying that they": a statement of the speaker's own act follows.
    private func saysItsOwn(_ tokens: [Token], after j: Int) -> Bool {
        var k = j + 1
        if k < tokens.count, tokens[k].key == "that" { k += 1 }
        return k < tokens.count && Self.ownWords.contains(tokens[k])
    }

    private static let ownWords: KeySet = ["it", "its", "they", "their"]
    private static let speakingWords: KeySet = ["saying", "said", "says", "told", "telling", "stated", "announced"]
    static let defenceWords: KeySet = ["defense", "defence", "defenses", "defences"]
    private static let targetWords: KeySet = ["on", "against", "at", "targeting", "targeted", "of", "hit", "struck", "toward", "towards"]

    private func candidate(_ m: PhraseMatcher<String>.Match, _ tokens: [Token], allMatches: [PhraseMatcher<String>.Match], behind: [Int]) -> PerpetratorCandidate? {
        // Attribution phrase right before: "blamed on X", "by the X", "believed to be X".
        var s = m.start
        // "blamed the attack on the self-styled Libyan National Army": articles and scare words.
        while s > 0, Self.beforeNameWords.contains(tokens[s - 1]) { s -= 1 }
        // "blamed the paramilitary Rapid Support Forces", "blamed \"the American occupation\"": a
        // description or a quotation mark between the blame and the name.
        var a = s
        while a > 0, Self.quoteKeys.contains(tokens[a - 1]) || Self.articles.contains(tokens[a - 1])
                || cues.match(.actorDescriptor, in: tokens, at: a - 1)?.end == a { a -= 1 }
        // s, then a when it lies before s (a never lies after it): no Set built and sorted per name.
        for start in a < s ? [s, a] : [s] {
            for len in 1...6 where start - len >= 0 {
                if let c = cues.match(.attributedTo, in: tokens, at: start - len), c.end == start,
                   // "a hangar used by Turkish drones", "a town held by Russian forces": whose the
                   // thing is, not who struck it.
                   !(c.payload == "by" && c.start > 0 && Self.possessionParticiples.contains(tokens[c.start - 1])),
                   // "was shot down by the international coalition's air defences": the defender.
                   !(c.payload == "by" && c.start > 0 && cues.match(.shootDown, in: tokens, at: max(0, c.start - 2)) != nil) {
                    return PerpetratorCandidate(actor: m.payload, position: m.start, viaAttribution: c.payload != "by")
                }
            }
        }
        // "A security source said the drone was \"American\"", "said the warplanes were Russian": the
        // actor as what the weapon was (not "Russian-made").
        if isPredicateOfAWeapon(m, tokens) { return PerpetratorCandidate(actor: m.payload, position: m.start, viaAttribution: true) }
        // "the proscribed BLA, which he said was behind the cowardly attack"
        if let b = behind.first(where: { $0 >= m.end && $0 - m.end <= 16 }),
           !allMatches.contains(where: { $0.start >= m.end && $0.start < b }) {
            return PerpetratorCandidate(actor: m.payload, position: m.start, viaAttribution: true)
        }
        // "blamed the deaths on X", "attributed the shelling to X"
        if s >= 2, tokens[s - 1].key == "on", (max(0, s - 6)..<(s - 1)).contains(where: { Self.blameWords.contains(tokens[$0]) }) {
            return PerpetratorCandidate(actor: m.payload, position: m.start, viaAttribution: true)
        }
        if s >= 2, tokens[s - 1].key == "to", (max(0, s - 6)..<(s - 1)).contains(where: { Self.attributeWords.contains(tokens[$0]) }) {
            return PerpetratorCandidate(actor: m.payload, position: m.start, viaAttribution: true)
        }
        // "Russian jets blamed for deadly raid", "Israel accused of strike on aid convoy": the actor
        // a blame is laid on (`blamed-for`), with or without its forces named.
        let blameAt = cues.match(.agentNoun, in: tokens, at: m.end)?.end ?? m.end
        if cues.match(.blamedFor, in: tokens, at: blameAt) != nil || cues.match(.blamedFor, in: tokens, at: m.end) != nil {
            return PerpetratorCandidate(actor: m.payload, position: m.start, viaAttribution: true)
        }
        // "Syrian army air defense units confronted ...", "Russian air defences shot down ...": the
        // side that defends, never the one that struck.
        // Also through a possessive: "shot down by the international coalition's air defences".
        let afterName = m.end + 1 < tokens.count && tokens[m.end].key == "'" && tokens[m.end + 1].key == "s" ? m.end + 2 : m.end
        if afterName + 1 < tokens.count, tokens[afterName].key == "air", Self.defenceWords.contains(tokens[afterName + 1]) { return nil }
        // Actor adjective before a weapon or event noun, possibly through one modifier.
        var k = m.end
        if k < tokens.count, Self.nounModifiers.contains(tokens[k]), k + 1 < tokens.count,
           Self.eventNouns.contains(tokens[k + 1]) || cues.match(.agentNoun, in: tokens, at: k + 1) != nil { k += 1 }
        let lastKey = tokens[m.end - 1].key
        // Not a speaker ("..., the British military said", "the British military's maritime agency
        // said"): an actor's forces telling what they saw, not what they did. Nor a unit named in the
        // object of the act (`isInObject`).
        if k < tokens.count, Self.eventNouns.contains(tokens[k]), !followedByPassive(tokens, k + 1), !isSpeaker(after: k + 1, tokens), !isInObject(s, tokens) {
            return PerpetratorCandidate(actor: m.payload, position: m.start, viaAttribution: false, viaEventNoun: true)
        }
        // "came under Israeli fire", "came under heavy Russian fire": whose fire it was.
        if m.end < tokens.count, cues.match(.fireNoun, in: tokens, at: m.end) != nil,
           (max(0, m.start - 4)..<m.start).contains(where: { j in cues.match(.comeUnder, in: tokens, at: j).map { m.start - $0.end <= 1 } ?? false }) {
            return PerpetratorCandidate(actor: m.payload, position: m.start, viaAttribution: false)
        }
        // "a strike on a Syrian military academy": the actor is the target.
        // "Fighters of JNIM stormed ...": the group the fighters belong to acts (the subject follows).
        let membersOf = s >= 2 && tokens[s - 1].key == "of"
            && (cues.match(.people, in: tokens, at: s - 2) != nil || cues.match(.agentNoun, in: tokens, at: s - 2) != nil)
        if s > 0, !membersOf, Self.targetWords.contains(tokens[s - 1]) { return nil }
        // Actor (with an agent noun) as the subject of an agent verb.
        let agentish = k < tokens.count && cues.match(.agentNoun, in: tokens, at: k) != nil
        let verbStart = agentish ? (cues.match(.agentNoun, in: tokens, at: k)?.end ?? k) : (cues.match(.agentNoun, in: tokens, at: m.end - 1) != nil || Self.eventNouns.contains(lastKey) ? m.end : m.end)
        // Where the subject ends (past an aside or a bracketed acronym).
        var subjectEnd = verbStart
        var j = verbStart
        var hops = 0
        while j < tokens.count, hops < 9 {
            let t = tokens[j]
            // "U.S. Africa Command, in coordination with the Somali government, conducted ...": an
            // aside between commas right after the subject.
            if t.key == ",", j == subjectEnd, let close = ((j + 2)..<min(tokens.count, j + 16)).first(where: { tokens[$0].key == "," }) {
                j = close + 1
                continue
            }
            // "U.S. Central Command (CENTCOM) forces conducted ...": an acronym or aside in brackets.
            if t.key == "(", j == subjectEnd, let close = ((j + 1)..<min(tokens.count, j + 12)).first(where: { tokens[$0].key == ")" }) {
                j = close + 1
                if j < tokens.count, let n = cues.match(.agentNoun, in: tokens, at: j) { j = n.end }
                subjectEnd = j
                continue
            }
            // "Fighters of Jama'at ... (JNIM) massacred ...": the acronym in brackets after the name.
            if t.key == ")", j == subjectEnd, m.start > 0, tokens[m.start - 1].key == "(" {
                j += 1
                subjectEnd = j
                continue
            }
            if t.kind == .punctuation && t.key != "'" { break }
            if Self.passive.contains(t) { break }
            // "Iranian officials saying air defenses had shot down drones": the subject speaks of a
            // defence, which strikes no one. (Breaking at every verb of saying cost two unread
            // hold-outs more than it gained: "X said it/its ..." and similar go on.)
            if Self.speakingWords.contains(t), !saysItsOwn(tokens, after: j),
               ((j + 1)..<min(tokens.count, j + 4)).contains(where: { Self.defenceWords.contains(tokens[$0]) }) { break }
            // "Russian forces continued their shelling of the region", "stepped up its attacks":
            // the subject's own incident noun.
            // Not inside what someone says ("Residents say the RSF has intensified its bombardment").
            if j > verbStart, Self.ownWords.contains(t), j + 1 < tokens.count, Self.eventNouns.contains(tokens[j + 1]), tokens[j + 1].key != "military",
               !(j + 2 < tokens.count && Self.defenceWords.contains(tokens[j + 2])), reportingVerb(before: m.start, tokens) == nil {
                return PerpetratorCandidate(actor: m.payload, position: m.start, viaAttribution: false)
            }
            if let v = cues.match(.agentVerb, in: tokens, at: j) {
                // "Two Russian troops killed in a Ukrainian drone strike": a participle with no
                // auxiliary (headlines, ledes) followed by "in"/"by": the actor is the victim.
                if v.end < tokens.count, Self.passiveFollowers.contains(tokens[v.end]), tokens[v.end - 1].key.hasSuffix("ed") { return nil }
                // "Moscow oil refinery hit", "Israeli base attacked": a headline's participle with no
                // object closes a noun phrase the actor only qualifies; the actor is the target.
                if j > verbStart, v.end == tokens.count || tokens[v.end].kind == .punctuation { return nil }
                var c = PerpetratorCandidate(actor: m.payload, position: m.start, viaAttribution: false)
                c.selfReported = cues.occurs(.selfReporting, in: tokens, range: m.start..<subjectEnd)
                return c
            }
            if allMatches.contains(where: { $0.start == j }) { break }
            j += 1
            hops += 1
        }
        return nil
    }

    /// "American-British aggression", "US and British warplanes", "blamed on the United States and
    /// Britain": two actors joined by "and" or a hyphen, the second a candidate, act together; the
    /// perpetrator names both ("United States and United Kingdom").
    private func joinPartners(_ candidates: inout [PerpetratorCandidate], _ matches: [PhraseMatcher<String>.Match], _ tokens: [Token]) {
        guard matches.count >= 2, !candidates.isEmpty else { return }
        for i in candidates.indices {
            let c = candidates[i]
            guard let second = matches.first(where: { $0.start == c.position }), second.payload == c.actor,
                  let first = matches.last(where: { $0.end <= second.start }), first.payload != second.payload,
                  // "the US-Saudi aggression coalition": a coalition already holds its partners.
                  !second.payload.contains("coalition"), !first.payload.contains("coalition"),
                  !isSupportedSide(first, tokens),
                  first.end == second.start ? tokens[second.start].hyphenBefore
                      : first.end + 1 == second.start && Self.partnerJoiners.contains(tokens[first.end]) else { continue }
            // "blamed on the United States and Britain": the blame before the first partner holds both.
            let firstBlamed = candidates.contains { $0.position == first.start && $0.actor == first.payload && $0.viaAttribution }
            candidates[i].actor = first.payload + " and " + second.payload
            candidates[i].position = first.start
            candidates[i].partnerPosition = second.start
            candidates[i].viaAttribution = c.viaAttribution || firstBlamed
        }
        // The first partner read on its own as well ("US and British warplanes": "US" before
        // "and") is the same candidate.
        let joint = candidates.filter { $0.actor.contains(" and ") }
        guard !joint.isEmpty else { return }
        candidates.removeAll { c in
            !c.actor.contains(" and ") && joint.contains { $0.position == c.position && $0.actor.hasPrefix(c.actor + " and ") }
        }
    }

    private static let partnerJoiners: KeySet = ["and", "&", "/"]

    /// A verb or noun of saying, or a possessive, right after a name's noun.
    private func isSpeaker(after i: Int, _ tokens: [Token]) -> Bool {
        guard i < tokens.count else { return false }
        if Self.quoteKeys.contains(tokens[i]), i + 1 < tokens.count, tokens[i + 1].key == "s" { return true }
        return cues.match(.claimVerb, in: tokens, at: i) != nil
    }

    /// "had killed a commander of Islamic Jihad's rocket unit", "struck a depot of Hezbollah
    /// rockets", "killed Islamic Jihad rocket commander": a unit or stock named in the object of the
    /// act (`s`: where the name's phrase starts) is no actor of it.
    private func isInObject(_ s: Int, _ tokens: [Token]) -> Bool {
        guard s >= 1 else { return false }
        if cues.match(.kill, in: tokens, at: s - 1)?.end == s || cues.match(.agentVerb, in: tokens, at: s - 1)?.end == s { return true }
        return tokens[s - 1].key == "of" && (cues.occurs(.agentVerb, in: tokens, range: 0..<(s - 1)) || cues.occurs(.kill, in: tokens, range: 0..<(s - 1)))
    }

    private func followedByPassive(_ tokens: [Token], _ i: Int) -> Bool {
        i < tokens.count && Self.passive.contains(tokens[i]) && i + 1 < tokens.count && tokens[i + 1].key != "carried"
    }
}
