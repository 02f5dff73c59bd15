/// Tolls a sentence states as none: "No one was hurt", "causing no casualties", "no injuries were
/// reported", "nobody was killed". A stated zero is a figure (0), not an unknown one: a report that
/// says nobody was hurt tells the incident's toll.
///
/// Read from `no-casualties` cues, whose third column says which toll they cover (`both`, `killed`,
/// `injured`). Not a zero: one side's own losses ("reported no injuries on their side", "suffered no
/// casualties", "no casualties among the troops"), which leave the other side's toll untold; the
/// verbs and side words that tell them are `own-loss-verb` and `own-side` cues.
struct StatedZero: OptionSet, Sendable {
    let rawValue: UInt8
    static let killed = StatedZero(rawValue: 1)
    static let injured = StatedZero(rawValue: 2)

    /// Read for the sentences of a mention that has no figure of a kind, not for every sentence.
    static func read(_ tokens: [Token], _ cues: CueLexicon) -> StatedZero {
        guard cues.occurs(.noCasualties, in: tokens) else { return [] }
        var out: StatedZero = []
        for m in cues.matches(.noCasualties, in: tokens) where !isOwnSide(m, tokens, cues) {
            switch m.payload {
            case "killed": out.insert(.killed)
            case "injured": out.insert(.injured)
            default: out.formUnion([.killed, .injured])
            }
        }
        return out
    }

    /// "suffered no casualties", "no injuries on their side", "no casualties among its soldiers".
    private static func isOwnSide(_ m: PhraseMatcher<String>.Match, _ tokens: [Token], _ cues: CueLexicon) -> Bool {
        if cues.occurs(.ownLossVerb, in: tokens, range: max(0, m.start - 2)..<m.start) { return true }
        guard m.end < tokens.count else { return false }
        switch tokens[m.end].key {
        case "among": return true
        case "on", "to", "for", "in":
            return cues.occurs(.ownSide, in: tokens, range: (m.end + 1)..<min(tokens.count, m.end + 4))
        default: return false
        }
    }
}
