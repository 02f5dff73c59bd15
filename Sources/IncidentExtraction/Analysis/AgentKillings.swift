/// Incidents told with no incident word: an armed actor kills its victims or destroys materiel
/// ("Suspected insurgents on Saturday killed at least 43 farmers", "Fighters of the group (JNIM)
/// massacred civilians", "commandos neutralized five terrorists", "its fighters destroyed a tank"),
/// or a group claims the killing ("claimed responsibility on Tuesday for killing 76 farm workers").
///
/// Cues (`cues.tsv`): `armed-agent` (who acts), `agent-kill` (what they did), `materiel` (what was
/// destroyed), `claimed-killing` (after a `responsibility` cue). The verb must be active (not
/// "militants killed in an airstrike", "fighters were killed") and have its victims right after it:
/// a casualty figure, a `people` or `victim` word, or materiel. Such a killing is fought on the
/// ground, so its kind is a clash unless an incident word of the mention names another.
struct AgentKillings: Sendable {
    let cues: CueLexicon

    private static let passive: KeySet = ["were", "was", "are", "is", "been", "being", "be"]
    private static let notAnObject: KeySet = ["in", "by", "during", "when", "while", "after", "as", "or", "and"]
    /// Words between the actor and its verb that keep the clause one ("insurgents on Saturday
    /// killed", "fighters have reportedly killed").
    private static let between: KeySet = ["of", "the", "on", "from", "for", "and", "in", "have", "has", "had", "reportedly", "allegedly", "also", "late", "early",
                                          "overnight", "last", "night", "morning", "evening", "afternoon", "then", "later", "al", "el", "wal"]

    /// The killing verb as an incident word, or nil. Asked only of sentences without incident words.
    func find(in tokens: [Token], tolls: [TollFigure]) -> EventWord? {
        if cues.occurs(.responsibility, in: tokens) {
            for r in cues.matches(.responsibility, in: tokens) {
                for k in r.end..<min(tokens.count, r.end + 8) {
                    if let c = cues.match(.claimedKilling, in: tokens, at: k) { return EventWord(type: .groundClash, range: c.start..<c.end, inferred: true) }
                }
            }
        }
        guard cues.occurs(.agentKill, in: tokens) else { return nil }
        for v in cues.matches(.agentKill, in: tokens) where hasVictims(after: v.end, tokens, tolls) && hasActor(before: v.start, tokens) {
            return EventWord(type: .groundClash, range: v.start..<v.end, inferred: true)
        }
        return nil
    }

    private func hasVictims(after end: Int, _ tokens: [Token], _ tolls: [TollFigure]) -> Bool {
        guard end < tokens.count, tokens[end].kind != .punctuation, !Self.notAnObject.contains(tokens[end]) else { return false }
        let window = end..<min(tokens.count, end + 7)
        if tolls.contains(where: { window.contains($0.position) }) { return true }
        for k in window {
            if tokens[k].kind == .punctuation { break }
            if tokens[k].number != nil { return true }
            if cues.match(.people, in: tokens, at: k) != nil || cues.match(.victim, in: tokens, at: k) != nil || cues.match(.materiel, in: tokens, at: k) != nil { return true }
        }
        return false
    }

    /// An `armed-agent` noun ending right before the verb, past names, a bracketed acronym, a day
    /// and auxiliaries ("Boko Haram insurgents on Saturday", "Fighters of Jama'at ... (JNIM)").
    private func hasActor(before start: Int, _ tokens: [Token]) -> Bool {
        var k = start - 1
        while k >= 0, start - k <= 14 {
            let t = tokens[k]
            if let a = agentEnding(at: k, tokens) {
                // "43 insurgents killed": a number before the noun counts the victims.
                return !(a > 0 && tokens[a - 1].kind == .number)
            }
            if Self.passive.contains(t) { return false }
            switch t.kind {
            case .punctuation:
                guard ["(", ")", "'"].contains(t.key) else { return false }
            case .number:
                break
            case .word:
                let nameLike = t.isCapitalized || t.hyphenBefore || (k + 1 < tokens.count && tokens[k + 1].hyphenBefore)
                guard nameLike || Self.between.contains(t) else { return false }
            }
            k -= 1
        }
        return false
    }

    /// Where an `armed-agent` phrase ending at token `k` starts.
    private func agentEnding(at k: Int, _ tokens: [Token]) -> Int? {
        for len in 1...3 where k - len + 1 >= 0 {
            if let m = cues.match(.armedAgent, in: tokens, at: k - len + 1), m.end == k + 1 { return m.start }
        }
        return nil
    }
}
