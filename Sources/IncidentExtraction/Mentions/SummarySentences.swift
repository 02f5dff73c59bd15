/// A sentence that sums up several incidents before telling them one by one ("Strikes hit three
/// towns in Idlib overnight, killing 14. In Ariha, ... In Sarmin, ...") is not one incident: each
/// town's incident is told apart from it, and the summary itself is not reported (its toll is the
/// sum of theirs). The towns' incidents take the summary's kind, actor and day when their own
/// sentences leave them out.
extension MentionGrouper {
    /// Main incident sentences placed no more precisely than a region, followed within three
    /// paragraphs by incidents in towns of that region, that either count the places struck ("three
    /// towns", "across the Gaza Strip") or are followed by a round-up: two or more different towns
    /// each opening a sentence of its own ("In Jabalia, ...", "In the town of Sarmin, ..."). A wave
    /// of raids on a region told on through its places ("The raids in al-Bukamal killed five") is
    /// one incident.
    func summarySentences(_ infos: [SentenceInfo]) -> Set<Int> {
        var out = Set<Int>()
        // Each incident sentence's town, read once.
        var town = [ResolvedPlace?](repeating: nil, count: infos.count)
        var regional: [Int] = []
        // The sentences are read by index: a `for` over them, or a `let` of one, copied the whole
        // SentenceInfo (every array it holds retained and released).
        for k in infos.indices where !infos[k].events.isEmpty && !infos[k].isBackground && !infos[k].isIrrealis {
            let p = primaryPlace(infos[k])
            if let p, level(p) >= 3 { town[infos[k].index] = p } else { regional.append(infos[k].index) }
        }
        for i in regional where i + 1 < infos.count {
            let (index, paragraph) = (infos[i].index, infos[i].paragraph)
            let own = primaryPlace(infos[i])
            var towns: [ResolvedPlace] = []
            var roundUp: [ResolvedPlace] = []
            for j in (index + 1)..<infos.count {
                if infos[j].paragraph - paragraph > 3 { break }
                guard let q = town[infos[j].index] else { continue }
                if let p = own, !compatible(p, q) { continue }
                let opens = opensWithPlace(infos[j], q)
                if opens || tellsOneIncident(infos[j]), !towns.contains(where: { sameTown($0, q) }) { towns.append(q) }
                if opens, !roundUp.contains(where: { sameTown($0, q) }) { roundUp.append(q) }
            }
            if roundUp.count >= 2 || (infos[i].namesSeveralPlaces && !towns.isEmpty) { out.insert(index) }
        }
        return out
    }

    /// Whether a town's sentence tells an incident of its own after a summary: it opens with the
    /// town ("In Jabalia, ...") or introduces one strike ("a strike on a family home", "another
    /// Israeli strike"), not the summary's strikes again ("the airstrikes in al-Bukamal").
    func tellsOwnIncident(_ s: SentenceInfo, at p: ResolvedPlace) -> Bool {
        opensWithPlace(s, p) || tellsOneIncident(s)
    }

    private func tellsOneIncident(_ s: SentenceInfo) -> Bool {
        s.events.contains { e in
            var k = e.range.lowerBound - 1
            while k >= 0, e.range.lowerBound - k <= 3 {
                let t = s.tokens[k]
                if Self.indefinites.contains(t) { return true }
                if t.kind != .word || Self.definites.contains(t) { return false }
                k -= 1
            }
            return false
        }
    }

    private static let indefinites: KeySet = ["a", "an", "another", "one"]
    private static let definites: KeySet = ["the", "these", "those", "this", "that", "said", "its", "their", "other"]

    /// "In Jabalia, ...", "In the northern town of Sarmin, ...": the place opens the sentence.
    private func opensWithPlace(_ s: SentenceInfo, _ p: ResolvedPlace) -> Bool {
        guard let first = s.tokens.first, first.key == "in" || first.key == "near" || first.key == "at" else { return false }
        return p.position <= 6 && !s.tokens[1..<p.position].contains { $0.kind == .punctuation }
    }

    /// The summary sentence a town's incident is told after, when `d` is the summary's own draft
    /// (placed no more precisely than a region) or another town's incident told after it.
    func summaryOf(_ d: MentionDraft, town: ResolvedPlace, summaries: Set<Int>, _ infos: [SentenceInfo]) -> Int? {
        let place = bestPlace(d, infos)
        if let first = d.sentences.first, summaries.contains(first), !(place.map { level($0) >= 3 } ?? false) { return first }
        if let c = d.companion.first, d.companion.count == 1, summaries.contains(c), let p = place, level(p) >= 3, !sameTown(p, town) { return c }
        return nil
    }
}
