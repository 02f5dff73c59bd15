import IncidentModel

/// Incidents told with no incident word of a named kind: an armed actor or a weapon kills its
/// victims or destroys materiel ("Suspected insurgents on Saturday killed at least 43 farmers",
/// "Fighters of the group (JNIM) massacred civilians", "commandos neutralized five terrorists", "A
/// US drone has assassinated a commander"), an irregular armed actor attacks ("khwarij attacked a
/// check post"), or a group claims a killing ("claimed responsibility on Tuesday for killing 76").
///
/// Cues (`cues.tsv`): `armed-agent` (irregular fighters, who kill or attack), `forces-agent`
/// (regular forces, who kill), `weapon` (its kind is the incident's), `agent-kill` and
/// `agent-attack` (what they did), `materiel` (what was destroyed), `claimed-killing` (after a
/// `responsibility` cue). The verb must be active ("militants killed in an airstrike" and "fighters
/// were killed" are victims) and have its object right after it; a killing needs its victims there
/// (a casualty figure, a `people` or `victim` word, or materiel). A killing or an attack by fighters
/// is fought on the ground, so its kind is a clash unless an incident word of the mention names
/// another. Forces that repel an attack (`repel` verb, a `repelled` noun within a few words
/// after it: "repelled on Friday a large attack") fought one too.
struct AgentKillings: Sendable {
    let cues: CueLexicon

    private static let passive: KeySet = ["were", "was", "are", "is", "been", "being", "be"]
    private static let notAnObject: KeySet = ["in", "by", "during", "when", "while", "after", "as", "or", "and"]
    /// Words between the actor and its verb that keep the clause one ("insurgents on Saturday
    /// killed", "fighters have reportedly killed", "Fighters of the Group for the Support of ...").
    private static let between: KeySet = ["of", "the", "on", "from", "for", "and", "in", "have", "has", "had", "reportedly", "allegedly", "also",
                                          "late", "early", "overnight", "last", "night", "morning", "evening", "afternoon", "then", "later", "al", "el", "wal",
                                          // "gunmen on motorcycles attacked", "fighters in pickup trucks stormed"
                                          "motorcycles", "motorbikes", "pickups", "pickup", "trucks", "vehicles", "horseback", "foot", "armed", "heavily"]

    /// Who did it, as the subject before the verb.
    private enum Subject { case fighters, forces, weapon(EventType) }

    /// The verb as an incident word, or nil. Asked only of sentences without an incident word of a
    /// named kind.
    func find(in tokens: [Token], tolls: [TollFigure]) -> EventWord? {
        if cues.occurs(.responsibility, in: tokens) {
            for r in cues.matches(.responsibility, in: tokens) {
                for k in r.end..<min(tokens.count, r.end + 8) {
                    if let c = cues.match(.claimedKilling, in: tokens, at: k) { return EventWord(type: .groundClash, range: c.start..<c.end, inferred: true) }
                }
            }
        }
        if cues.occurs(.agentKill, in: tokens) {
            for v in cues.matches(.agentKill, in: tokens) where hasVictims(after: v.end, tokens, tolls) {
                switch subject(before: v.start, tokens) {
                case .fighters?, .forces?: return EventWord(type: .groundClash, range: v.start..<v.end, inferred: true)
                case .weapon(let kind)?: return EventWord(type: kind, range: v.start..<v.end, inferred: true)
                case nil: continue
                }
            }
        }
        // "repelled on Friday a large attack launched by the militia": fighting off an attack.
        if cues.occurs(.repel, in: tokens) {
            for v in cues.matches(.repel, in: tokens) {
                var k = v.end
                while k < min(tokens.count, v.end + 6), tokens[k].kind != .punctuation {
                    if cues.match(.repelled, in: tokens, at: k) != nil { return EventWord(type: .groundClash, range: v.start..<v.end, inferred: true) }
                    k += 1
                }
            }
        }
        if cues.occurs(.agentAttack, in: tokens) {
            for v in cues.matches(.agentAttack, in: tokens) where hasObject(after: v.end, tokens) {
                if case .fighters? = subject(before: v.start, tokens) { return EventWord(type: .groundClash, range: v.start..<v.end, inferred: true) }
            }
        }
        return nil
    }

    private func hasObject(after end: Int, _ tokens: [Token]) -> Bool {
        end < tokens.count && tokens[end].kind != .punctuation && !Self.notAnObject.contains(tokens[end])
    }

    private func hasVictims(after end: Int, _ tokens: [Token], _ tolls: [TollFigure]) -> Bool {
        guard hasObject(after: end, tokens) else { return false }
        let window = end..<min(tokens.count, end + 7)
        if tolls.contains(where: { window.contains($0.position) }) { return true }
        for k in window {
            if tokens[k].kind == .punctuation { break }
            if tokens[k].number != nil { return true }
            if cues.match(.people, in: tokens, at: k) != nil || cues.match(.victim, in: tokens, at: k) != nil || cues.match(.materiel, in: tokens, at: k) != nil { return true }
        }
        return false
    }

    /// The subject ending right before the verb, past names, a bracketed acronym, a day and
    /// auxiliaries ("Boko Haram insurgents on Saturday", "Fighters of Jama'at ... (JNIM)", "A US drone has").
    private func subject(before start: Int, _ tokens: [Token]) -> Subject? {
        var k = start - 1
        while k >= 0, start - k <= 14 {
            let t = tokens[k]
            if let s = subject(endingAt: k, tokens) {
                // "43 insurgents killed": a number before the noun counts the victims.
                return s.start > 0 && tokens[s.start - 1].kind == .number ? nil : s.subject
            }
            if Self.passive.contains(t) { return nil }
            switch t.kind {
            case .punctuation:
                guard ["(", ")", "'"].contains(t.key) else { return nil }
            case .number:
                break
            case .word:
                let nameLike = t.isCapitalized || t.hyphenBefore || (k + 1 < tokens.count && tokens[k + 1].hyphenBefore)
                guard nameLike || Self.between.contains(t) else { return nil }
            }
            k -= 1
        }
        return nil
    }

    /// A subject phrase ending at token `k` (a phrase of up to three words) and where it starts.
    private func subject(endingAt k: Int, _ tokens: [Token]) -> (subject: Subject, start: Int)? {
        for len in 1...3 where k - len + 1 >= 0 {
            let at = k - len + 1
            if let m = cues.match(.armedAgent, in: tokens, at: at), m.end == k + 1 { return (.fighters, m.start) }
            if let m = cues.match(.forcesAgent, in: tokens, at: at), m.end == k + 1 { return (.forces, m.start) }
            if let m = cues.match(.weapon, in: tokens, at: at), m.end == k + 1, let kind = EventType(rawValue: m.payload) { return (.weapon(kind), m.start) }
        }
        return nil
    }
}
