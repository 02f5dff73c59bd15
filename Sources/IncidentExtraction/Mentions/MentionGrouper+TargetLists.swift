import IncidentModel

/// Several targets told in one sentence ("struck Kyiv as well as Dnipro", "five raids on A and two
/// raids on B", "targeted the capital Sanaa, the port city of Hodeidah and the province of Taiz"),
/// each an incident of its own, and a lead that names only their province.
extension MentionGrouper {
    /// Towns a sentence lists as separate targets: two or more located towns in different provinces.
    func listedPlaces(_ s: SentenceInfo) -> [ResolvedPlace] {
        let named = namedList(s)
        if named.count >= 2 { return named }
        var out: [ResolvedPlace] = []
        for p in s.places where p.locative && !p.isReference && level(p) == 3 && isFocus(p, s) {
            if !out.contains(where: { $0.entry == p.entry }) { out.append(p) }
        }
        guard out.count >= 2 else { return [] }
        // Only an explicit enumeration of targets: "... as well as in Dnipro and Kryvyi Rih",
        // "28 in Kryvyi Rih and six in Dnipro", "raids on A and raids on B"; not towns named for
        // another reason.
        let keys = s.tokens.map(\.key)
        let asWellAs = zip(keys, keys.dropFirst()).contains { $0 == "as" && $1 == "well" }
        // (The position test first: a town that opens the sentence has no word before it.)
        let perTownFigures = out.filter { p in
            guard p.position >= 2, keys[p.position - 1] == "in" else { return false }
            return s.tokens[p.position - 2].kind != .word || ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"].contains(keys[p.position - 2])
        }.count >= 2
        // "three raids on Sirwah ..., and two raids on Baqim ...": towns each right after an incident
        // word of its own (only those towns are listed).
        var ownEvents: [Int] = []
        let evented = out.filter { p in
            guard let e = s.events.firstIndex(where: { $0.range.upperBound <= p.position && p.position - $0.range.upperBound <= 2 }),
                  !ownEvents.contains(e) else { return false }
            ownEvents.append(e)
            return true
        }
        if !asWellAs && !perTownFigures && evented.count >= 2 { out = evented }
        // "The strikes hit sites near Jurf al-Nasr, south of Baghdad, and in the Al-Qaim area": a
        // later town joined by "and" with a locative of its own.
        let joinedLocatives = out.dropFirst().contains { p in
            var k = p.position - 1
            if k >= 0, keys[k] == "the" { k -= 1 }
            return k >= 1 && Self.joinedLocativeWords.contains(keys[k]) && keys[k - 1] == "and"
        }
        guard asWellAs || perTownFigures || evented.count >= 2 || joinedLocatives else { return [] }
        for i in out.indices { for j in out.indices where j > i && !compatible(out[i], out[j]) { return out } }
        return []
    }

    private static let joinedLocativeWords: Set<String> = ["in", "near", "at", "on", "outside"]

    /// Towns a sentence names as targets one by one, near or far from each other: a list after a
    /// plural ("in the areas of Aitaroun and Kfarkela", "the villages of A, B and C"), or each after
    /// an incident word of its own ("three raids on Sirwah district ..., and two raids on Baqim").
    func namedList(_ s: SentenceInfo) -> [ResolvedPlace] {
        let towns = s.places.filter { $0.locative && !$0.isReference && level($0) >= 3 && isFocus($0, s) }
        var out: [ResolvedPlace] = []
        if let start = s.placeListStart, let first = towns.firstIndex(where: { $0.position == start }) {
            out.append(towns[first])
            var end = placeEnd(towns[first], s)
            for p in towns[(first + 1)...] {
                // Joined by "," or "and" only.
                guard p.position > end, s.tokens[end..<p.position].allSatisfy({ $0.key == "," || $0.key == "and" }) else { break }
                if !out.contains(where: { $0.key == p.key }) { out.append(p) }
                end = placeEnd(p, s)
            }
            if out.count >= 2 { return out }
        }
        // "... targeted the base at Harir ..., and another drone struck the base at al-Shaddadi".
        if let a = s.anotherClause, let before = towns.last(where: { $0.position < a }), let after = towns.first(where: { $0.position > a }),
           !sameTown(before, after) {
            return [before, after]
        }
        let targets = enumeratedTargets(s)
        if targets.count >= 2 { return targets }
        out = []
        var usedEvents = Set<Int>()
        for p in towns {
            // Right after its incident word, or past a short phrase of where after a counted one ("five raids on the
            // Al-Jabbana area west of Hodeidah city and two raids on the Ras Issa port area"), with
            // no other incident word or punctuation between.
            guard let e = s.events.lastIndex(where: { $0.range.upperBound <= p.position }),
                  p.position - s.events[e].range.upperBound <= 2
                    || (p.position - s.events[e].range.upperBound <= 8 && s.events.filter({ $0.type != nil }).count >= 2
                        && s.events[e].range.lowerBound > 0 && Self.isCount(s.tokens[s.events[e].range.lowerBound - 1])
                        && !s.tokens[s.events[e].range.upperBound..<p.position].contains(where: { $0.kind == .punctuation })),
                  !usedEvents.contains(e) else { continue }
            usedEvents.insert(e)
            if !out.contains(where: { $0.key == p.key }) { out.append(p) }
        }
        return out.count >= 2 ? out : []
    }

    /// "had targeted the capital Sanaa, the Red Sea port city of Hodeidah and the province of Taiz":
    /// places enumerated as the object of the incident word, each with its own description, joined by
    /// commas and "and" with no other incident word or clause between them, each item told with a
    /// place noun ("city", "province"). At least two towns;
    /// a province in the list is a target of its own.
    func enumeratedTargets(_ s: SentenceInfo) -> [ResolvedPlace] {
        guard let e = s.events.first else { return [] }
        let listable = s.places.filter { !$0.isReference && level($0) >= 2 && isFocus($0, s) && $0.position >= e.range.upperBound }
        guard listable.count >= 2, let first = listable.first, first.position - e.range.upperBound <= 6,
              s.tokens[e.range.upperBound..<first.position].contains(where: { Self.placeNouns.contains($0) }) else { return [] }
        var out = [first]
        var end = placeEnd(first, s)
        for p in listable.dropFirst() {
            let gap = s.tokens[end..<max(end, p.position)]
            guard p.position > end, gap.count <= 8, gap.contains(where: { $0.key == "," || $0.key == "and" }),
                  gap.allSatisfy({ $0.kind == .word || $0.key == "," }), gap.contains(where: { Self.placeNouns.contains($0) }),
                  !s.events.contains(where: { gap.indices.contains($0.range.lowerBound) }) else { break }
            if !out.contains(where: { $0.key == p.key }) { out.append(p) }
            end = placeEnd(p, s)
        }
        return out.count >= 2 && out.filter({ level($0) >= 3 }).count >= 2 ? out : []
    }

    private static let countWords: KeySet = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"]
    private static func isCount(_ t: Token) -> Bool { t.number != nil || countWords.contains(t) }

    /// Nouns that describe each item of an enumeration of targets ("the capital Sanaa, the port city
    /// of Hodeidah"): without them a list of names is more often a region's parts than targets.
    private static let placeNouns: KeySet = ["city", "town", "village", "province", "capital", "governorate", "district", "port", "camp", "suburb"]

    /// The token after a place's name (its name's words are capitalised or joined by hyphens).
    func placeEnd(_ p: ResolvedPlace, _ s: SentenceInfo) -> Int {
        var k = p.position + 1
        while k < s.tokens.count, s.tokens[k].kind == .word, s.tokens[k].isCapitalized || s.tokens[k].hyphenBefore { k += 1 }
        return k
    }


    /// "The aggression launched seven air raids overnight on Hodeidah province. ... five raids on the
    /// Al-Jabbana area west of Hodeidah city and two raids on the Ras Issa port area": a lead that
    /// names only a province, told town by town right after (drafts a list of towns in that province
    /// opened, within a day of it), is those towns' incidents, not one more. Its other sentences
    /// join the first town's; a lead with a firm toll of its own stays.
    func absorbProvinceLeads(_ drafts: [MentionDraft], _ infos: [SentenceInfo]) -> [MentionDraft] {
        var out = drafts
        var k = 0
        while k < out.count {
            let d = out[k]
            // A country lead too ("airstrikes overnight on three facilities ... in Iraq" before the
            // sentence listing where they hit).
            guard d.role == .main, let p = bestPlace(d, infos), level(p) == 2 || level(p) == 1,
                  !d.sentences.contains(where: { infos[$0].tolls.contains { !$0.isRough } }) else { k += 1; continue }
            let day = draftDate(d, infos)
            let country = codes(p)?.country
            let parts = out.indices.filter { j in
                j > k && out[j].role == .main && !out[j].placeOnly.isEmpty
                    && bestPlace(out[j], infos).map { level($0) >= 3 && (level(p) == 2 ? sameProvince($0, p) : codes($0)?.country == country) } == true
                    && (draftDate(out[j], infos).flatMap { a in day.map { a.gap(to: $0) <= 1 } } ?? true)
            }
            guard let first = parts.first else { k += 1; continue }
            let own = d.sentences.filter { !out[first].sentences.contains($0) }
            out[first].sentences = (out[first].sentences + own).sorted()
            for j in parts where out[j].inheritedDate == nil { out[j].inheritedDate = day }
            out.remove(at: k)
        }
        return out
    }
}
