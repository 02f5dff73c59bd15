/// Totals over a period or over many incidents, told beside an incident, whose figures are not its
/// toll: "over the past three months", "since the offensive began", "the overall death toll from
/// Russian attacks on the city".
extension TollFinder {
    /// "Over the past three months", "in the last few weeks": a `period-past` cue, at most three
    /// count words, then a `period-unit` (where the start of the cue is). Nil when there is none.
    func totalOverAPastPeriod(_ tokens: [Token]) -> Int? {
        guard cues.occurs(.periodPast, in: tokens) else { return nil }
        for m in cues.matches(.periodPast, in: tokens) {
            var k = m.end
            while k < min(tokens.count, m.end + 4) {
                // "the deadliest attack in the past five years": a ranking, no total.
                if cues.match(.periodUnit, in: tokens, at: k) != nil { return isRanked(before: m.start, tokens) ? nil : m.start }
                guard tokens[k].kind != .punctuation else { break }
                k += 1
            }
        }
        return nil
    }

    /// "The overall death toll from Russian attacks on the city", "the total number killed in the
    /// war": an `aggregate-toll` phrase with, within eight words of the same clause, an
    /// `aggregate-of` word (a war, a campaign) or an `aggregate-plural` one told generically (not
    /// "the strikes", "Monday's attacks", a possessive: one incident's). Where the phrase starts;
    /// nil otherwise.
    func aggregateToll(_ tokens: [Token]) -> Int? {
        guard cues.occurs(.aggregateToll, in: tokens) else { return nil }
        for m in cues.matches(.aggregateToll, in: tokens) {
            var k = m.end
            while k < min(tokens.count, m.end + 8) {
                if [";", ".", ":"].contains(tokens[k].key) { break }
                if cues.match(.aggregateOf, in: tokens, at: k) != nil { return m.start }
                if cues.match(.aggregatePlural, in: tokens, at: k) != nil {
                    let before = tokens[max(m.end, k - 2)..<k]
                    if !before.contains(where: { Self.definite.contains($0) || $0.key == "'" || $0.key == "s" }) { return m.start }
                }
                k += 1
            }
        }
        return nil
    }

    private static let definite: KeySet = ["the", "this", "that", "these", "those"]

    /// A `ranking` word earlier in the clause of `start`.
    func isRanked(before start: Int, _ tokens: [Token]) -> Bool {
        var j = start - 1
        while j >= 0, !(tokens[j].kind == .punctuation && Self.sinceClauseBreaks.contains(tokens[j])) {
            if cues.match(.ranking, in: tokens, at: j) != nil { return true }
            j -= 1
        }
        return false
    }

    /// "since the offensive began", "since fighting erupted": a `period-start` cue at most five
    /// words after "since", in the same clause. The period runs from the start of a war or a
    /// campaign, so its figures are a total whatever the war is called.
    func startsAPeriod(after since: Int, _ tokens: [Token]) -> Bool {
        var k = since + 1
        while k < min(tokens.count, since + 7) {
            if tokens[k].kind == .punctuation { return false }
            if cues.match(.periodStart, in: tokens, at: k) != nil { return k > since + 1 }
            k += 1
        }
        return false
    }
}
