import IncidentModel

/// One casualty figure in a sentence.
struct TollFigure: Sendable {
    enum Kind: Sendable { case killed, injured }
    var kind: Kind
    var value: Int
    var qualifier: TollQualifier
    /// A figure that replaces earlier ones ("rose to 25", "put the death toll at 19", "later").
    var isRevision: Bool
    /// "more than two dozen", "dozens": a rough figure, used only when no firmer one exists.
    var isRough: Bool
    /// Inferred from a singular subject ("the commander was killed"): one death, weakest evidence.
    var isSingular: Bool
    /// Counted as bodies found, not deaths reported.
    var isBodies: Bool
    var position: Int
    /// Counts those still in hospital ("Twelve people were still being treated"): the injured only
    /// when the incident gives no other injured figure.
    var isTreated = false
}

/// Reads killed and injured figures next to casualty words: "Seven militants were killed",
/// "killing two people and wounding seven others", "45 adults and 5 children died", "left nine
/// dead", "the death toll rose to 25", "killed along with three other people". Numbers of people
/// merely present ("400 fighters", "4,000 people were at the station") have no casualty word and
/// are never read; totals over a period (`cumulative` cues) are skipped.
struct TollFinder: Sendable {
    let numbers: PhraseMatcher<Int>
    let cues: CueLexicon
    /// Month names (`calendar.tsv`): the day of a date ("on May 3", "13 January") is not a toll.
    var months: Set<String> {
        didSet { monthKeys = KeySet(months) }
    }
    /// `months` probed with the tokens' own key hashes (asked beside every number).
    private var monthKeys: KeySet

    init(numbers: PhraseMatcher<Int>, cues: CueLexicon, months: Set<String> = []) {
        self.numbers = numbers
        self.cues = cues
        self.months = months
        monthKeys = KeySet(months)
    }

    private struct NumberSpan { var start: Int; var end: Int; var value: Int; var rough: Bool }

    /// A sentence's number spans in token order, found by binary search on position: spans never
    /// overlap, so starts and ends both increase. A hostile one-line "sentence" can hold thousands
    /// of numbers and casualty words, and scanning every span per casualty word was quadratic.
    private struct NumberSpans {
        let spans: [NumberSpan]
        var isEmpty: Bool { spans.isEmpty }

        /// Index of the first span starting at or after `position` (`spans.count` if none).
        func firstIndex(startingAtOrAfter position: Int) -> Int {
            var lo = 0, hi = spans.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if spans[mid].start < position { lo = mid + 1 } else { hi = mid }
            }
            return lo
        }

        /// Index just past the last span ending at or before `position` (0 if none).
        func endIndex(endingAtOrBefore position: Int) -> Int {
            var lo = 0, hi = spans.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if spans[mid].end <= position { lo = mid + 1 } else { hi = mid }
            }
            return lo
        }

        /// The first span starting at or after `position` (`first(where: { $0.start >= position })`).
        func first(startingAtOrAfter position: Int) -> NumberSpan? {
            let i = firstIndex(startingAtOrAfter: position)
            return i < spans.count ? spans[i] : nil
        }

        /// The last span ending at or before `position` (`last(where: { $0.end <= position })`).
        func last(endingAtOrBefore position: Int) -> NumberSpan? {
            let i = endIndex(endingAtOrBefore: position)
            return i > 0 ? spans[i - 1] : nil
        }

        /// The span starting exactly at `position`.
        func span(startingAt position: Int) -> NumberSpan? {
            first(startingAtOrAfter: position).flatMap { $0.start == position ? $0 : nil }
        }

        /// The span ending exactly at `position`.
        func span(endingAt position: Int) -> NumberSpan? {
            last(endingAtOrBefore: position).flatMap { $0.end == position ? $0 : nil }
        }
    }

    /// A total over a period ("in the last 24 hours", "this year"): a `cumulative` cue, unless the
    /// period only ranks the incident told ("one of the deadliest attacks in the country this year":
    /// a `ranking` word shortly before it in the same clause).
    func statesTotal(_ tokens: [Token]) -> Bool {
        guard cues.occurs(.cumulative, in: tokens) else { return false }
        let totals = cumulativeMarks(tokens)
        if totals.isEmpty { return false }
        let ranks = cues.matches(.ranking, in: tokens)
        if ranks.isEmpty { return true }
        return totals.contains { c in
            !ranks.contains { r in
                r.end <= c.start && c.start - r.end <= 8 && !tokens[r.end..<c.start].contains { [",", ";", "."].contains($0.key) }
            }
        }
    }

    /// The `cumulative` cues that are no modifier of the next word ("the war" of a total, not of
    /// "the war criminal Haftar" or "the war monitor said": `cumulative-compound`).
    func cumulativeMarks(_ tokens: [Token]) -> [PhraseMatcher<String>.Match] {
        cues.matches(.cumulative, in: tokens).filter { c in
            c.end >= tokens.count || cues.match(.cumulativeCompound, in: tokens, at: c.end) == nil
        }
    }

    /// A `revision` cue that is not part of a time phrase: "later" in "Hours later, helicopters
    /// dropped barrel bombs ..." (a `same-time` cue) tells the next incident, not a revised figure.
    private func hasRevisionCue(_ tokens: [Token]) -> Bool {
        guard cues.occurs(.revision, in: tokens) else { return false }
        let times = cues.matches(.sameTime, in: tokens)
        if times.isEmpty { return true }
        return cues.matches(.revision, in: tokens).contains { r in !times.contains { $0.start <= r.start && r.end <= $0.end } }
    }

    /// `statesTotal`: `statesTotal(tokens)` when the caller has it already (the sentence analyzer
    /// keeps it for the sentence), so the cue scan is not made twice.
    func find(in tokens: [Token], statesTotal knownTotal: Bool? = nil) -> [TollFigure] {
        // A total over a period drops the sentence's figures, except those told before a clause that
        // adds the incident to the total ("..., killing 12, bringing the toll since October to 40,000").
        var end = tokens.count
        let since = totalSinceADate(tokens) ?? totalOverAPastPeriod(tokens) ?? aggregateToll(tokens)
        if since != nil || (knownTotal ?? statesTotal(tokens)) {
            var markers = cumulativeMarks(tokens).map(\.start)
            if let since { markers.append(since) }
            guard let clause = totalClauseStart(tokens, totalsAt: markers) else { return [] }
            end = clause
        }
        let nums = NumberSpans(spans: numberSpans(tokens))
        if nums.isEmpty && !cues.occurs(.victimVerb, in: tokens) { return [] }
        let isRevisionSentence = hasRevisionCue(tokens)
        // "Earlier reports had put the death toll at 43": a figure the article's own replaces.
        let superseded = !isRevisionSentence && cues.occurs(.superseded, in: tokens)
        var out: [TollFigure] = []
        var statementOnly = Set<Int>()
        var used = Set<Int>()
        // The revision cues, found once for the sentence when a "death toll" first asks for them.
        var revisions: [PhraseMatcher<String>.Match]?
        for kind in [TollFigure.Kind.killed, .injured] {
            let killsPeople = kind == .killed ? cues.matches(.killPeople, in: tokens) : []
            let treated = kind == .injured ? cues.matches(.treated, in: tokens) : []
            for cue in cues.matches(kind == .killed ? .kill : .injure, in: tokens) + killsPeople + treated where cue.start < end {
                // Inside a proper name ("the Daraa Martyrs Documentation Office", "Al-Aqsa Martyrs
                // Brigades"): capitalised between capitalised words, not a casualty word.
                if isInsideName(cue, tokens) { continue }
                let word = cue.payload
                let onlyPeople = killsPeople.contains { $0.start == cue.start }
                if let victims = namedVictims(after: cue, tokens: tokens) {
                    // "killing a 63-year-old woman", "killing a child and wounding 10 others": one
                    // victim, told without a number (a number further on is another figure);
                    // "killing a father and his three children": four.
                    out.append(TollFigure(kind: kind, value: victims, qualifier: .exact, isRevision: false, isRough: false,
                                          isSingular: victims == 1, isBodies: false, position: cue.start))
                } else if let found = figure(for: cue, word: word, tokens: tokens, nums: nums, used: used, revisions: &revisions),
                          found.end <= end, !onlyPeople || countsPeople(found, tokens) {
                    used.insert(found.start)
                    let q = qualifier(tokens, before: found.start)
                    let tollStatement = word == "death toll" || countsNumberOf(cue, tokens)
                    if tollStatement && !isRevisionSentence { statementOnly.insert(out.count) }
                    out.append(TollFigure(kind: kind, value: found.value, qualifier: q, isRevision: isRevisionSentence || (tollStatement && !superseded),
                                          isRough: found.rough, isSingular: false, isBodies: word == "bodies", position: cue.start,
                                          isTreated: treated.contains { $0.start == cue.start }))
                } else if singularSubject(of: cue, word: word, kind: kind, tokens: tokens) {
                    out.append(TollFigure(kind: kind, value: 1, qualifier: .exact, isRevision: false, isRough: false,
                                          isSingular: true, isBodies: false, position: cue.start))
                }
            }
        }
        // "The civil defence said 38 were killed, while the monitor put the death toll at 39": a toll
        // set against another firm figure of its kind is a competing count, not a revision of it.
        for k in statementOnly {
            let other = out.first { f in
                f.kind == out[k].kind && !f.isRough && !f.isSingular && f.position != out[k].position
                    && tokens[min(f.position, out[k].position)..<max(f.position, out[k].position)].contains { Self.contrasts.contains($0) }
            }
            if other != nil { out[k].isRevision = false }
        }
        return out
    }

    private static let lifeTakingVerbs: KeySet = ["claimed", "claiming", "claims", "claim", "took", "taking", "takes", "cost", "costing", "costs"]
    private static let contrasts: KeySet = ["while", "whereas", "but", "although", "though"]

    /// "A citizen was injured", "the commander was killed": one victim, told by a singular subject
    /// (not "No one was hurt", "nobody was killed").
    private func singularSubject(of cue: PhraseMatcher<String>.Match, word: String, kind: TollFigure.Kind, tokens: [Token]) -> Bool {
        guard Self.singularVerbs.contains(word), cue.start >= 2 else { return false }
        let prev = tokens[cue.start - 1].key
        // "was killed", "has been killed", "was reportedly killed", "was seriously injured".
        let adverb = prev.hasSuffix("ly") && tokens[cue.start - 2].key == "was"
        guard prev == "was" || (prev == "been" && kind == .killed) || adverb else { return false }
        return !tokens[max(0, cue.start - 6)..<cue.start].contains { Self.negativeSubjects.contains($0) }
    }

    private static let singularVerbs: KeySet = ["killed", "injured", "wounded", "hurt", "martyred"]
    private static let negativeSubjects: KeySet = ["no", "nobody", "none", "noone", "not", "neither", "anyone", "anybody", "whether"]

    /// Where a clause adding the incident to a running total starts: a `total-clause` participle
    /// right after a comma, or a semicolon, with every total (`markers`) after it. Nil when there is none.
    private func totalClauseStart(_ tokens: [Token], totalsAt markers: [Int]) -> Int? {
        guard let first = markers.min() else { return nil }
        // "...; the ministry says 40,000 have been killed since 7 October": a clause of its own.
        if let semicolon = tokens[..<first].lastIndex(where: { $0.key == ";" }) { return semicolon }
        for m in cues.matches(.totalClause, in: tokens) where m.start > 0 && tokens[m.start - 1].key == "," {
            // Every total must lie after it: "Since October, ..." opens a total.
            return first > m.start ? m.start - 1 : nil
        }
        return nil
    }

    /// Whether the figure counts people: a `people` or `victim` noun right after it, past a few
    /// names and modifiers ("three members", "two PKK terrorists", "four senior al-Shabaab
    /// commanders"), or before it in a passive subject ("six militants were eliminated").
    private func countsPeople(_ n: NumberSpan, _ tokens: [Token]) -> Bool {
        var k = n.end
        while k < min(tokens.count, n.end + 4) {
            if cues.match(.people, in: tokens, at: k) != nil || cues.match(.victim, in: tokens, at: k) != nil { return true }
            if tokens[k].kind == .punctuation && tokens[k].key != "'" && tokens[k].key != "\"" { return false }
            k += 1
        }
        return false
    }

    /// A verb of killing or wounding (`victim-verb`) followed by "a"/"an" or a possessive and a
    /// `victim` noun within a few words ("killing a 63-year-old woman", "wounding their mother"):
    /// one person; with a relative or companion joined to it ("a woman and her daughter", "a
    /// father and his three children"), those too. Nil when no such phrase follows.
    private func namedVictims(after cue: PhraseMatcher<String>.Match, tokens: [Token]) -> Int? {
        guard let v = cues.match(.victimVerb, in: tokens, at: cue.start), v.end == cue.end, cue.end < tokens.count else { return nil }
        // "the killing of a female soldier": the verb used as a noun.
        var det = cue.end
        if tokens[det].key == "of", cue.start > 0, tokens[cue.start - 1].key == "the", det + 1 < tokens.count { det += 1 }
        // "killing the driver", "wounding the guard,": one person named by role, only when the noun
        // closes the phrase (not "the driver's two sons", "the guards", "the driver of the van and four others").
        if tokens[det].key == "the", det + 1 < tokens.count, let v = cues.match(.victim, in: tokens, at: det + 1) {
            let next = v.end < tokens.count ? tokens[v.end] : nil
            guard next.map({ $0.kind == .punctuation && $0.key != "'" }) ?? true else { return nil }
            return 1
        }
        if tokens[det].isCapitalized, let one = namedPersonWithRole(at: det, tokens: tokens) { return one }
        guard Self.determiners.contains(tokens[det]) else { return nil }
        // "killing two and wounding another": one more person.
        if tokens[det].key == "another" {
            guard det + 1 < tokens.count else { return 1 }
            let next = tokens[det + 1]
            return next.kind == .punctuation || next.key == "and" || cues.match(.victim, in: tokens, at: det + 1) != nil ? 1 : nil
        }
        var k = det + 1
        while k < min(tokens.count, det + 6) {
            if tokens[k].kind == .punctuation && tokens[k].key != "'" { return nil }
            // "wounding his two sons": a figure, read as such ("a 63-year-old woman" is an age).
            if tokens[k].kind == .number || numbers.match(tokens, at: k) != nil, !(k + 1 < tokens.count && tokens[k + 1].hyphenBefore) { return nil }
            if let m = cues.match(.victim, in: tokens, at: k) {
                // "a senior leader, Abu Karim al-Halabi, and his two sons": past the name.
                let after = appositiveEnd(from: m.end, tokens: tokens)
                guard after + 1 < tokens.count, ["and", "along"].contains(tokens[after].key) else { return 1 }
                let next = after + 1
                // "a child and wounding ten others": one, and another figure.
                if cues.match(.kill, in: tokens, at: next) != nil || cues.match(.injure, in: tokens, at: next) != nil { return 1 }
                // "a woman and three children": four.
                if let n = numbers.match(tokens, at: next) { return n.end < tokens.count && tokens[n.end].kind == .word ? 1 + n.payload : nil }
                if let n = tokens[next].number { return next + 1 < tokens.count && tokens[next + 1].kind == .word ? 1 + n : nil }
                // "a female soldier and the injury of others", "a man and damaging two houses": one.
                guard Self.determiners.contains(tokens[next]) else { return 1 }
                guard next + 1 < tokens.count else { return nil }
                if let n = numbers.match(tokens, at: next + 1) { return n.end < tokens.count && tokens[n.end].kind == .word ? 1 + n.payload : nil }
                if let n = tokens[next + 1].number, next + 2 < tokens.count, tokens[next + 2].kind == .word { return 1 + n }
                for j in (next + 1)..<min(tokens.count, next + 4) where cues.match(.victim, in: tokens, at: j) != nil { return 2 }
                return nil
            }
            k += 1
        }
        return nil
    }

    private static let determiners: KeySet = ["a", "an", "his", "her", "their", "another"]

    /// "killing Abu Abd al-Rahman al-Makki, a senior leader of Hurras al-Din,": a person named and
    /// then described by a `victim` noun is one person. Not a list ("killing X, a commander; Y, a
    /// leader; and Z") nor a name joined to others ("X and his two sons").
    private func namedPersonWithRole(at start: Int, tokens: [Token]) -> Int? {
        // The name: capitalised words and name particles up to the comma.
        var k = start
        while k < min(tokens.count, start + 8), tokens[k].kind == .word, tokens[k].isCapitalized || tokens[k].hyphenBefore || Self.nameParticles.contains(tokens[k]) { k += 1 }
        guard k > start, k + 2 < tokens.count, tokens[k].key == ",", Self.roleDeterminers.contains(tokens[k + 1]) else { return nil }
        for j in (k + 2)..<min(tokens.count, k + 6) {
            if tokens[j].kind == .punctuation { return nil }
            if let v = cues.match(.victim, in: tokens, at: j) {
                // The description runs to the clause's end; a ";" or "and" after another name is a list.
                var e = v.end
                while e < tokens.count, tokens[e].key != ",", tokens[e].key != ";", tokens[e].key != "." { e += 1 }
                if e < tokens.count, tokens[e].key == ";" { return nil }
                return 1
            }
        }
        return nil
    }

    private static let roleDeterminers: KeySet = ["a", "an", "the"]
    private static let nameParticles: KeySet = ["al", "el", "bin", "ibn", "abu", "abd", "ad", "ar", "as", "ash", "az", "ul", "ud", "din"]

    /// After ", Name Name," right after a noun (an appositive naming the person), the index past
    /// the closing comma; `from` itself otherwise.
    private func appositiveEnd(from: Int, tokens: [Token]) -> Int {
        guard from < tokens.count, tokens[from].key == "," else { return from }
        var k = from + 1, capitals = 0
        while k < min(tokens.count, from + 12) {
            let t = tokens[k]
            if t.key == "," { return capitals > 0 ? k + 1 : from }
            if t.kind == .word { if t.isCapitalized { capitals += 1 } else if !t.hyphenBefore && capitals == 0 && !["al", "el", "bin", "ibn", "abu"].contains(t.key) { return from } }
            else if t.key != "'" && t.key != "-" { return from }
            k += 1
        }
        return from
    }

    /// The day of a date: a number right after or before a capitalised month name.
    private func isDayOfMonth(_ tokens: [Token], _ i: Int) -> Bool {
        (i > 0 && tokens[i - 1].isCapitalized && monthKeys.contains(tokens[i - 1]))
            || (i > 1 && tokens[i - 1].key == "." && tokens[i - 2].isCapitalized && monthKeys.contains(tokens[i - 2]))
            || (i + 1 < tokens.count && tokens[i + 1].isCapitalized && monthKeys.contains(tokens[i + 1]))
    }

    private func qualifier(_ tokens: [Token], before start: Int) -> TollQualifier {
        for len in 1...3 where start - len >= 0 {
            if let m = cues.match(.atLeast, in: tokens, at: start - len), m.end == start { return .atLeast }
            if let m = cues.match(.about, in: tokens, at: start - len), m.end == start { return .about }
        }
        return .exact
    }

    private func numberSpans(_ tokens: [Token]) -> [NumberSpan] {
        var out: [NumberSpan] = []
        var i = 0
        while i < tokens.count {
            // The token's fields read in place (a `let` of it copied its two strings for every token).
            if tokens[i].kind == .number, let v = tokens[i].number {
                let next = i + 1 < tokens.count ? tokens[i + 1] : nil
                // "20-year-old", and "Omer Benjo, 20, was killed": a number between commas after a name.
                let isAge = next.map { $0.hyphenBefore && ($0.key == "year" || $0.key == "years") } ?? false
                    || (i >= 2 && next?.key == "," && tokens[i - 1].key == "," && tokens[i - 2].kind == .word && tokens[i - 2].isCapitalized && v < 120)
                    || isStatedAge(tokens, i, v)
                let isYear = tokens[i].text.utf8.count == 4 && (1900...2100).contains(v)  // digits only: bytes are Characters
                let isMeasure = next.map { Self.measureWords.contains($0) } ?? false
                // "12:30": both numbers of a time of day.
                let isTime = next?.key == ":" || (i >= 2 && tokens[i - 1].key == ":" && tokens[i - 2].kind == .number)
                if isDayOfMonth(tokens, i) { i += 1; continue }
                if !isAge && !isYear && !isMeasure && !isTime && !isModifier(tokens, i + 1) { out.append(NumberSpan(start: i, end: i + 1, value: v, rough: false)) }
                i += 1
                continue
            }
            if let m = numbers.match(tokens, at: i) {
                let text = tokens[m.start..<m.end].map(\.key)
                // "No one was hurt": nobody, not one person.
                let isNobody = i > 0 && tokens[i - 1].key == "no" && m.payload == 1
                // "eleven (11) terrorists": the figure repeated in digits, in brackets, is one figure.
                var end = m.end
                if end + 2 < tokens.count, tokens[end].key == "(", tokens[end + 1].number == m.payload, tokens[end + 2].key == ")" { end += 3 }
                if !isNobody && !isModifier(tokens, end) {
                    out.append(NumberSpan(start: i, end: end, value: m.payload, rough: text.contains("dozen")))
                }
                i = end
                continue
            }
            i += 1
        }
        return out
    }

    /// Units after a number that make it a measure, not a count of people (a key set: the array
    /// literal was built for every number).
    private static let measureWords: KeySet = ["km", "kilometres", "kilometers", "miles", "percent", "%", "pm", "am", "a.m", "p.m", "million",
        "square", "mm", "metres", "meters", "days", "hours", "minutes", "years", "months", "weeks", "times"]

    /// "Omar Haddad, aged 19,", "Omar Haddad (19) was killed": a person's age.
    private func isStatedAge(_ tokens: [Token], _ i: Int, _ v: Int) -> Bool {
        guard v < 120, i >= 1 else { return false }
        if tokens[i - 1].key == "aged" { return true }
        return i >= 2 && tokens[i - 1].key == "(" && i + 1 < tokens.count && tokens[i + 1].key == ")"
            && tokens[i - 2].kind == .word && tokens[i - 2].isCapitalized
    }

    /// A total since a day, month or year ("killed since 7 October", "since 2014"), unless a
    /// `ranking` word before it in its clause only ranks the incident ("the deadliest since 2014").
    /// "since 2014", and "between January 2016 and late 2018" (a period's two ends).
    private static let sinceKey: KeySet = ["since", "between"]
    private static let thenKey: KeySet = ["then"]
    static let sinceClauseBreaks: KeySet = [",", ";", ":", "(", "-"]

    private static func isYear(_ u: Token) -> Bool {
        u.kind == .number && u.text.utf8.count == 4 && (1900...2100).contains(u.number ?? 0)
    }

    private func totalSinceADate(_ tokens: [Token]) -> Int? {
        for k in tokens.indices where Self.sinceKey.contains(tokens[k]) {
            let date = tokens[(k + 1)..<min(tokens.count, k + 4)].contains { u in
                (u.isCapitalized && monthKeys.contains(u)) || (u.kind == .number && u.text.utf8.count == 4 && (1900...2100).contains(u.number ?? 0))
            }
            // "have been killed in the region since then": a total, unless the figure revises the
            // incident's own ("since then the toll has risen to 25").
            let sinceThen = k + 1 < tokens.count && Self.thenKey.contains(tokens[k + 1]) && !cues.occurs(.revision, in: tokens)
            if tokens[k].key == "between" {
                // Both ends dated, the second with its year: not "between 10 and 15 people".
                guard date, let and = ((k + 2)..<min(tokens.count, k + 6)).first(where: { tokens[$0].key == "and" }),
                      tokens[(and + 1)..<min(tokens.count, and + 4)].contains(where: Self.isYear) else { continue }
            } else {
                guard date || sinceThen || startsAPeriod(after: k, tokens) else { continue }
            }
            var j = k - 1
            var ranked = false
            while j >= 0, !(tokens[j].kind == .punctuation && Self.sinceClauseBreaks.contains(tokens[j])) {
                if cues.match(.ranking, in: tokens, at: j) != nil { ranked = true; break }
                j -= 1
            }
            if !ranked { return k }
        }
        return nil
    }

    /// A word joined by a hyphen right after a number makes it a modifier, not a count of people: "a
    /// three-storey building", "a 155-mm shell", "a two-day offensive" (ages are read apart).
    private func isModifier(_ tokens: [Token], _ next: Int) -> Bool {
        guard next < tokens.count, tokens[next].hyphenBefore, tokens[next].kind == .word else { return false }
        return numbers.match(tokens, at: next) == nil
    }

    private static let casualtyWords: KeySet = ["killed", "injured", "wounded", "dead", "died"]
    private static let passiveMarkers: KeySet = ["were", "was", "been", "be", "are", "is", "being", "reportedly", "confirmed", "people", "others", "more", "persons", "individuals",
                                                 "reported", "feared", "believed", "presumed"]
    private static let forwardOnly: KeySet = ["killing", "kills", "kill", "wounding", "injuring", "claimed the lives of", "claiming the lives of", "lives of", "death toll", "injuries to", "injuries for", "injures",
                                              "death of", "martyrdom of", "injury of", "injuries of", "neutralizing", "neutralising", "eliminating"]
    private static let backwardOnly: KeySet = ["dead", "died", "die", "deaths", "lost their lives", "martyred", "bodies", "fatalities", "perished", "hospitalized", "hospitalised", "hurt", "slain", "people dead", "wounds",
                                               "martyrs", "embraced martyrdom", "attained martyrdom", "embraced shahadat", "receiving treatment", "being treated", "treated for injuries",
                                               "treated for wounds", "treated in hospital", "sustained wounds"]

    private func figure(for cue: PhraseMatcher<String>.Match, word: String, tokens: [Token], nums: NumberSpans, used: Set<Int>,
                        revisions: inout [PhraseMatcher<String>.Match]?) -> NumberSpan? {
        var forward = Self.forwardOnly.contains(word)
        var backward = Self.backwardOnly.contains(word)
        // "the deaths of six civilians", "recovered the bodies of seven people": the figure follows.
        if word == "deaths" || word == "bodies", cue.end < tokens.count, tokens[cue.end].key == "of" { forward = true; backward = false }
        // "The death toll from two car bombs ... rose to 100": the figure after the revision verb,
        // not a number inside the description of the incident.
        // "The number of people wounded in the attack has risen to six": likewise.
        if word == "death toll" || countsNumberOf(cue, tokens), let r = firstRevision(atOrAfter: cue.end, tokens: tokens, revisions: &revisions) {
            var k = nums.firstIndex(startingAtOrAfter: r.end)
            while k < nums.spans.count, nums.spans[k].start - r.end <= 3 {
                if !used.contains(nums.spans[k].start) { return nums.spans[k] }
                k += 1
            }
        }
        // "The blast claimed 25 lives", "the shelling cost nine lives" (not "saved 25 lives").
        if word == "lives" {
            // "claimed 24 precious lives": one adjective may stand between.
            guard let n = nearestBefore(cue.start, tokens: tokens, nums: nums, used: used),
                  n.end == cue.start || (n.end + 1 == cue.start && tokens[n.end].kind == .word && !tokens[n.end].isCapitalized),
                  tokens[max(0, n.start - 4)..<n.start].contains(where: { Self.lifeTakingVerbs.contains($0) }) else { return nil }
            return n
        }
        // "X was killed along with at least three other people" counts X too.
        if cue.end + 1 < tokens.count, tokens[cue.end].key == "along", tokens[cue.end + 1].key == "with",
           var n = nearestAfter(cue.end, tokens: tokens, nums: nums, used: used) {
            n.value += 1
            return n
        }
        if !forward && !backward {
            let prev = cue.start > 0 ? tokens[cue.start - 1] : nil
            // "five killed", "Five Killed": a number word is a number too.
            let passive = prev.map { Self.passiveMarkers.contains($0) || ($0.kind == .number && !isDayOfMonth(tokens, cue.start - 1)) } ?? false
                || nums.span(endingAt: cue.start) != nil || countedPeopleJustBefore(cue.start, tokens: tokens, nums: nums)
            if passive { backward = true } else { forward = true; backward = true }
        }
        // "killing five of them", "wounding at least two of those aboard": a partitive right after
        // the casualty verb is its object, so it is the toll (and no later number is).
        if forward, let n = partitiveObject(after: cue.end, tokens: tokens, nums: nums, used: used) {
            return n
        }
        // "three of them were killed", "two of those died": the part is the casualty figure.
        if backward, let n = partitiveSubject(before: cue.start, tokens: tokens, nums: nums, used: used) {
            return n
        }
        if forward, var n = nearestAfter(cue.end, tokens: tokens, nums: nums, used: used) {
            n.value += conjoined(after: n, tokens: tokens, nums: nums)
            return n
        }
        if backward, var n = nearestBefore(cue.start, tokens: tokens, nums: nums, used: used) {
            n.value += conjoined(before: n, tokens: tokens, nums: nums)
            // "Three other operatives were killed alongside him": the one told before, too.
            if cue.end + 1 < tokens.count, ["alongside", "with"].contains(tokens[cue.end].key), Self.singularPronouns.contains(tokens[cue.end + 1]) { n.value += 1 }
            return n
        }
        return nil
    }

    /// "four (4) soldiers killed and nine (9) wounded", "Two civilians killed, five hurt": a figure
    /// and the people it counts right before a bare participle, as communiques and headlines give
    /// tolls. The participle reads back to them, not forward to the next figure.
    private func countedPeopleJustBefore(_ start: Int, tokens: [Token], nums: NumberSpans) -> Bool {
        guard start >= 2, let n = nums.last(endingAtOrBefore: start - 1), start - n.end <= 3, start > n.end else { return false }
        return (n.end..<start).allSatisfy { cues.match(.people, in: tokens, at: $0) != nil || cues.match(.victim, in: tokens, at: $0) != nil
            || (tokens[$0].kind == .word && $0 < start - 1) }
            && (cues.match(.people, in: tokens, at: start - 1) != nil || cues.match(.victim, in: tokens, at: start - 1) != nil)
    }

    /// The first revision cue starting at or after `position` (`cues.matches(.revision, ...)` is
    /// computed once per sentence; matches are in token order).
    private func firstRevision(atOrAfter position: Int, tokens: [Token], revisions: inout [PhraseMatcher<String>.Match]?) -> PhraseMatcher<String>.Match? {
        if revisions == nil { revisions = cues.matches(.revision, in: tokens) }
        let all = revisions!
        var lo = 0, hi = all.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if all[mid].start < position { lo = mid + 1 } else { hi = mid }
        }
        return lo < all.count ? all[lo] : nil
    }

    /// "the number of (people) killed", "the number of civilians wounded": a count named before its value.
    /// Not "an unspecified number of militants dead": only the number ("the number of") is a count.
    private func countsNumberOf(_ cue: PhraseMatcher<String>.Match, _ tokens: [Token]) -> Bool {
        for k in max(0, cue.start - 4)..<cue.start where tokens[k].key == "number" {
            if k + 1 < cue.start, tokens[k + 1].key == "of", k > 0, tokens[k - 1].key == "the" { return true }
        }
        return false
    }

    private static let partitiveHeads: KeySet = ["them", "those", "these"]
    private static let partitiveFillers: KeySet = ["all", "only", "just"]

    /// A number directly after `from` (only a toll qualifier or "all" between) followed by "of them/those".
    private func partitiveObject(after from: Int, tokens: [Token], nums: NumberSpans, used: Set<Int>) -> NumberSpan? {
        guard let n = nums.first(startingAtOrAfter: from), !used.contains(n.start), isPartitive(n, tokens: tokens) else { return nil }
        var k = from
        while k < n.start {
            if let m = cues.match(.atLeast, in: tokens, at: k) ?? cues.match(.about, in: tokens, at: k), m.end <= n.start { k = m.end; continue }
            if Self.partitiveFillers.contains(tokens[k]) { k += 1; continue }
            return nil
        }
        return n
    }

    /// "N of them/those" followed by passive words only ("were", "have been", "later") up to `from`.
    private func partitiveSubject(before from: Int, tokens: [Token], nums: NumberSpans, used: Set<Int>) -> NumberSpan? {
        guard let n = nums.last(endingAtOrBefore: from), !used.contains(n.start), let length = partitiveLength(n, tokens: tokens),
              n.end + length <= from else { return nil }
        let between = tokens[(n.end + length)..<from]
        guard between.count <= 3, between.allSatisfy({ ["were", "was", "been", "have", "had", "later", "reportedly", "also", "subsequently"].contains($0.key) }) else { return nil }
        return n
    }

    private func isPartitive(_ n: NumberSpan, tokens: [Token]) -> Bool { partitiveLength(n, tokens: tokens) != nil }

    /// The words of "of them" (2) or "of the attackers" (3) after a number: a part of a group of
    /// people ("nine of the attackers", "two of the gunmen"), not a rank ("one of the deadliest").
    private func partitiveLength(_ n: NumberSpan, tokens: [Token]) -> Int? {
        guard n.end + 1 < tokens.count, tokens[n.end].key == "of" else { return nil }
        if Self.partitiveHeads.contains(tokens[n.end + 1]) { return 2 }
        guard tokens[n.end + 1].key == "the", n.end + 2 < tokens.count else { return nil }
        let noun = tokens[n.end + 2]
        guard noun.kind == .word, !Self.casualtyWords.contains(noun), !noun.key.hasSuffix("est"), !noun.key.hasSuffix("ss") else { return nil }
        return noun.key.hasSuffix("s") || noun.key.hasSuffix("men") || noun.key == "people" || noun.key == "children" ? 3 : nil
    }

    private func nearestAfter(_ from: Int, tokens: [Token], nums: NumberSpans, used: Set<Int>) -> NumberSpan? {
        let limit = min(tokens.count, from + 7)
        for n in nums.spans[nums.firstIndex(startingAtOrAfter: from)...] {
            if n.start >= limit { break }  // later spans start later still
            if used.contains(n.start) { continue }
            if tokens[from..<n.start].contains(where: { [";", ":", "."].contains($0.key) }) { return nil }
            if countsSpeakers(n, tokens) { continue }
            // "one of the highest", "four of whom": a rank or a part, not a toll.
            if n.end + 1 < tokens.count, tokens[n.end].key == "of", ["the", "whom", "them"].contains(tokens[n.end + 1].key) { continue }
            return n
        }
        return nil
    }

    private func nearestBefore(_ from: Int, tokens: [Token], nums: NumberSpans, used: Set<Int>) -> NumberSpan? {
        let lower = subjectWindowStart(before: from, tokens: tokens)
        for n in nums.spans[..<nums.endIndex(endingAtOrBefore: from)].reversed() {
            if n.start < lower { break }  // earlier spans start earlier still
            if used.contains(n.start) { continue }
            if tokens[n.end..<from].contains(where: { [";", ":", "."].contains($0.key) }) { return nil }
            if countsSpeakers(n, tokens) { continue }
            if tokens[n.end..<from].contains(where: { Self.casualtyWords.contains($0) }) { return nil }
            // "... while dozens of others were injured": the subject counts vaguely, so no figure
            // before it is theirs (but "12 people, many of them children, were wounded").
            if (n.end..<from).contains(where: { isVagueSubject(tokens, $0) }) { return nil }
            // "31 civilians, including five children and three women": parts joined to a part.
            if isConjoinedPart(n, tokens, nums) { continue }
            // "including six children", "one of the dead": a part, not the toll.
            // "including six children", "six civilians, among them two children", "nine members of
            // one family": a part or a unit, not the toll.
            if isPart(n, tokens) { continue }
            // "Nine villagers, among them a woman and three children, were killed": a figure inside
            // an aside a `part-of` cue opens, closed before the casualty word, counts a part.
            if isInsidePartAside(n, tokens, closedBefore: from) { continue }
            if n.value == 1, n.start > 0, tokens[n.start - 1].key == "of" { continue }
            // "Nine villagers, three of them children, were killed": a part in an aside.
            if n.start > 0, Self.asideMarks.contains(tokens[n.start - 1]), n.end + 1 < tokens.count, tokens[n.end].key == "of",
               ["them", "whom"].contains(tokens[n.end + 1].key), tokens[n.end..<from].contains(where: { Self.asideMarks.contains($0) }) { continue }
            if n.end + 1 < tokens.count, tokens[n.end].key == "of", ["the", "them", "whom", "those"].contains(tokens[n.end + 1].key) { return nil }
            return n
        }
        return nil
    }

    /// "..., said one resident", "One resident said ...", "two witnesses told AFP": the figure counts
    /// who speaks, not victims. A noun right after the figure, then a `speech` cue; or "one" right
    /// after a `speech` cue with the noun closing the clause ("said 12 people were killed" is a toll).
    private func countsSpeakers(_ n: NumberSpan, _ tokens: [Token]) -> Bool {
        let noun = n.end
        guard noun < tokens.count, tokens[noun].kind == .word, !tokens[noun].isCapitalized || noun == 0 else { return false }
        if noun + 1 < tokens.count, cues.match(.speech, in: tokens, at: noun + 1) != nil { return true }
        // Only "one": "officials said 12 civilians, including ..., were killed" is a toll.
        guard n.value == 1, n.start > 0, cues.match(.speech, in: tokens, at: n.start - 1)?.end == n.start else { return false }
        return noun + 1 == tokens.count || tokens[noun + 1].kind == .punctuation || tokens[noun + 1].key == "who"
    }

    private func isInsideName(_ cue: PhraseMatcher<String>.Match, _ tokens: [Token]) -> Bool {
        guard cue.start >= 2, cue.end < tokens.count, tokens[cue.start].isCapitalized else { return false }
        let before = tokens[cue.start - 1], after = tokens[cue.end]
        return before.kind == .word && before.isCapitalized && after.kind == .word && after.isCapitalized
    }

    /// Where the subject of a casualty word may start: 15 tokens back, not counting an aside in
    /// brackets or set off by commas after a `part-of` cue ("At least 44 people, including a local
    /// leader of the party (JUI-F), were killed").
    private func subjectWindowStart(before from: Int, tokens: [Token]) -> Int {
        var k = from - 1, counted = 0
        while k >= 0 && counted < 15 {
            if tokens[k].key == ")", let open = tokens[max(0, k - 12)..<k].lastIndex(where: { $0.key == "(" }) {
                k = open - 1
                continue
            }
            // Also an apposition that describes them (", a 67-year-old man and his wife,").
            if tokens[k].key == ",", let comma = tokens[max(0, k - 16)..<k].lastIndex(where: { $0.key == "," }),
               cues.match(.partOf, in: tokens, at: comma + 1) != nil
                || (comma + 1 < k && Self.appositionOpeners.contains(tokens[comma + 1]) && !tokens[(comma + 1)..<k].contains(where: { Self.casualtyWords.contains($0) })) {
                k = comma - 1
                continue
            }
            counted += 1
            k -= 1
        }
        return max(0, k + 1)
    }

    /// A vague count ("dozens", "several") that is not a part of the figure before it ("many of them").
    private func isVagueSubject(_ tokens: [Token], _ k: Int) -> Bool {
        guard let m = cues.match("vague", in: tokens, at: k) else { return false }
        return !(m.end + 1 < tokens.count && tokens[m.end].key == "of" && Self.partitiveHeads.contains(tokens[m.end + 1]))
    }

    /// A number joined by "and" to a part ("including five children and three women"): a part too.
    private func isConjoinedPart(_ n: NumberSpan, _ tokens: [Token], _ nums: NumberSpans) -> Bool {
        guard n.start >= 2, tokens[n.start - 1].key == "and" else { return false }
        var k = n.start - 2
        while k >= max(0, n.start - 5) {
            if let m = nums.span(endingAt: k + 1) { return isPart(m, tokens) }
            if tokens[k].kind != .word { return false }
            k -= 1
        }
        return false
    }

    /// Inside a comma aside that a `part-of` cue opens (", among them a woman and three children,"),
    /// with the aside's closing comma before `end`. Not a figure after the aside ("Including the
    /// driver, four people were hurt": the comma before "four" is the aside's end, not its start).
    /// Dashes and brackets set an aside off too ("Six people - among them a woman and three children - died").
    private func isInsidePartAside(_ n: NumberSpan, _ tokens: [Token], closedBefore end: Int) -> Bool {
        guard tokens[n.end..<end].contains(where: { Self.asideMarks.contains($0) }) else { return false }
        var k = n.start - 1
        while k >= max(0, n.start - 12) {
            if tokens[k].kind == .punctuation {
                guard Self.asideMarks.contains(tokens[k]) else { return false }
                return cues.match(.partOf, in: tokens, at: k + 1) != nil
            }
            k -= 1
        }
        return false
    }

    private static let appositionOpeners: KeySet = ["a", "an", "both", "all", "mostly", "mainly", "most"]
    private static let asideMarks: KeySet = [",", "-", "\u{2013}", "\u{2014}", "(", ")"]

    /// Right after a `part-of` cue ("including", "among them").
    private func isPart(_ n: NumberSpan, _ tokens: [Token]) -> Bool {
        for len in 1...2 where n.start - len >= 0 {
            if let m = cues.match(.partOf, in: tokens, at: n.start - len), m.end == n.start { return true }
        }
        return false
    }

    /// "some 170 Afghans and 13 U.S. troops" -> 13 added to 170; "11 members of the regime forces
    /// and allied militias and 7 jihadists" -> 7 added to 11 (a longer group, but never across a
    /// place: "11 in the town and 7 in the camp" are figures of two places).
    private func conjoined(after n: NumberSpan, tokens: [Token], nums: NumberSpans) -> Int {
        var k = n.end
        var hops = 0
        var placed = false
        while k < tokens.count, hops < 12, tokens[k].kind == .word || tokens[k].hyphenBefore {
            // "88 martyrs and 40 wounded": a figure of another kind follows.
            if isCasualtyCue(tokens, k) { return 0 }
            if tokens[k].key == "and" {
                if let m = nums.span(startingAt: k + 1), hops < 4 || !placed { return m.rough ? 0 : m.value }
                // "killing five children and a woman": one more victim.
                if hops < 3, k + 2 < tokens.count, tokens[k + 1].key == "a" || tokens[k + 1].key == "an",
                   let v = cues.match(.victim, in: tokens, at: k + 2), v.end == tokens.count || tokens[v.end].kind == .punctuation || tokens[v.end].key == "and" { return 1 }
                if hops < 4 { return 0 }
            }
            if nums.span(startingAt: k) != nil { return 0 }
            if Self.placePrepositions.contains(tokens[k]) { placed = true }
            k += 1; hops += 1
        }
        return 0
    }

    private static let placePrepositions: KeySet = ["in", "near", "at", "outside", "inside", "around", "across"]
    private static let singularPronouns: KeySet = ["him", "her"]

    private func isCasualtyCue(_ tokens: [Token], _ k: Int) -> Bool {
        cues.match(.kill, in: tokens, at: k) != nil || cues.match(.injure, in: tokens, at: k) != nil
    }

    /// "45 adults and 5 children died": 45 added to 5.
    private func conjoined(before n: NumberSpan, tokens: [Token], nums: NumberSpans) -> Int {
        guard n.start >= 2, tokens[n.start - 1].key == "and" else { return 0 }
        var k = n.start - 2
        var hops = 0
        while k >= 0, hops < 3, tokens[k].kind == .word {
            // "Five soldiers and thirteen civilians": a number word is a word token too.
            if hops >= 1, nums.span(endingAt: k + 1) != nil { break }
            if Self.casualtyWords.contains(tokens[k]) || Self.passiveMarkers.contains(tokens[k]) || isCasualtyCue(tokens, k) { return 0 }
            k -= 1; hops += 1
        }
        guard k >= 0, hops >= 1, let m = nums.span(endingAt: k + 1), !m.rough else { return 0 }
        return m.value
    }
}
