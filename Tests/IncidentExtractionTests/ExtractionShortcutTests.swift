import IncidentModel
import TestSupport
import Testing
@testable import IncidentExtraction

/// Session 7's shortcuts in extraction must answer exactly as the code they replaced: the date
/// finder's prefilter, the outlet search that skips lines without a bracket, and the generic-actor
/// resolution read in place. The replaced versions are kept here as oracles (or, for the prefilter,
/// the same finder on unannotated tokens, which never skips).
@Suite struct ExtractionShortcutTests {
    static let r = Fixture.resources

    /// Sentences written for these tests, with dates in most forms the finder reads.
    static let sentences = [
        "Gunmen attacked a checkpoint on Tuesday night, the ministry said on Wednesday.",
        "The strike on 3 March 2023 destroyed two homes, officials said a day later.",
        "Rescue teams worked overnight after the blast, which happened late on Sunday.",
        "On Monday, October 19, 2020, a drone hit the depot two days ago according to residents.",
        "The clashes of 10-11 March left six dead; the army said yesterday that 4 soldiers died.",
        "A shell landed near the market last week, and another one hit the school this morning.",
        "Police said the bombing on Dec. 29 was the second since 2020-05-06 in the district.",
        "Over the weekend, raids continued into Saturday, and on the 29th of May a mine exploded.",
        "Witnesses told reporters that the attack took place on the day before the vote.",
    ]

    static let vocabulary = ["on", "the", "a", "day", "before", "after", "later", "last", "night", "week", "weekend", "monday", "Monday",
                             "Tuesday", "sunday", "March", "march", "May", "may", "Dec", ".", ",", "3", "29th", "2023", "2020-05-06", "10", "-",
                             "11", "yesterday", "today", "overnight", "two", "days", "ago", "said", "late", "early", "into", "until", "of",
                             "strike", "killed", "12/03/2024", "/", "1st", "3rd", "x2", "earlier", "this", "morning", "evening", "the"]

    static func randomSentence(_ rng: inout SplitMix64) -> String {
        (0..<Int.random(in: 1...24, using: &rng)).map { _ in vocabulary.randomElement(using: &rng)! }.joined(separator: " ")
    }

    static func same(_ a: [DateMention], _ b: [DateMention]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { x, y in
            x.range == y.range && x.date == y.date && x.isSpeechDate == y.isSpeechDate && x.isExplicit == y.isExplicit
        }
    }

    /// Annotated tokens take the prefilter; unannotated ones (every start bit set) never do.
    @Test func datePrefilterFindsWhatTheReadersFind() {
        var rng = SplitMix64(state: 23)
        var texts = Self.sentences + Self.sentences.map { $0.uppercased() } + Self.sentences.map { $0.lowercased() }
        for _ in 0..<3_000 { texts.append(Self.randomSentence(&rng)) }
        var found = 0
        for text in texts {
            let annotated = Self.r.phraseStarts.tokens(text)
            let plain = Tokenizer.tokens(text)
            for reference in [CalendarDay(iso: "2024-03-06"), nil] {
                let fast = Self.r.dateFinder.find(in: annotated, reference: reference)
                found += fast.count
                #expect(Self.same(fast, Self.r.dateFinder.find(in: plain, reference: reference)), "\(text.debugDescription)")
            }
        }
        #expect(found > 1_000)
        // The test sentences' own dates are read.
        #expect(Self.r.dateFinder.find(in: Self.r.phraseStarts.tokens(Self.sentences[1]), reference: Fixture.day("2023-03-10")).first?.isExplicit == true)
    }

    /// The outlet search before it skipped lines without "(" and cut lines by Characters.
    static func referenceOutlet(_ finder: MetadataFinder, title: String?, lines: [String]) -> String? {
        var headTokens = [[Token]?](repeating: nil, count: min(8, lines.count))
        for (li, line) in lines.prefix(8).enumerated() where !line.isEmpty {
            let toks = Tokenizer.tokens(String(line.prefix(200)))
            headTokens[li] = toks
            if let m = finder.outlets.matches(toks).first(where: { $0.start > 0 && $0.end < toks.count && toks[$0.start - 1].key == "(" && toks[$0.end].key == ")" && $0.start < 30 }) {
                return m.payload
            }
        }
        let candidates = lines.count <= 16 ? Array(lines.enumerated()) : Array(lines.enumerated().prefix(8)) + Array(lines.enumerated().suffix(8))
        for (li, line) in candidates where !line.isEmpty && line.utf8.count <= 160 {
            let toks = (li < headTokens.count ? headTokens[li] : nil) ?? Tokenizer.tokens(line)
            if let m = finder.outlets.matches(toks).first(where: { referenceNamesThePublisher($0, toks) }) { return m.payload }
        }
        return nil
    }

    static func referenceNamesThePublisher(_ m: PhraseMatcher<String>.Match, _ toks: [Token]) -> Bool {
        let words = toks[m.start..<m.end].filter { $0.kind == .word }
        let lowercaseNameWords: Set<String> = ["of", "for", "on", "and", "de", "al", "el", "the"]
        guard let first = words.first, first.isCapitalized || first.text.first?.isUppercase == true,
              words.allSatisfy({ $0.isCapitalized || $0.text.first?.isUppercase == true || lowercaseNameWords.contains($0.key) }) else { return false }
        var k = m.start - 1
        while k >= 0, toks[k].key == "the" { k -= 1 }
        let sourceWords: Set<String> = ["told", "via", "to", "citing", "cited", "quoting", "quoted", "by", "from", "with"]
        let creditWords: Set<String> = ["reporting", "writing", "editing", "additional", "compiled", "produced"]
        if k >= 0, sourceWords.contains(toks[k].key), !(k >= 1 && toks[k].key == "by" && creditWords.contains(toks[k - 1].key)) { return false }
        if k >= 1, toks[k].key == "to", toks[k - 1].key == "according" { return false }
        return true
    }

    @Test func outletSearchAnswersAsBefore() {
        let finder = Self.r.metadataFinder
        let outletNames = finder.outlets.firstKeys.prefix(40).map { $0.prefix(1).uppercased() + $0.dropFirst() }
        let pieces = ["KABUL, Afghanistan, May 2", "(", ")", " - ", "Reporting by", "according to", "told", "Photo:", "é", "Ünal", "👍🏽",
                      "a drone struck a fuel depot near the border overnight", "By staff writers", "the", ",", "\u{0301}"] + outletNames
        var rng = SplitMix64(state: 5)
        var named = 0
        for _ in 0..<1_500 {
            var lines: [String] = []
            for _ in 0..<Int.random(in: 0...24, using: &rng) {
                var line = ""
                for _ in 0..<Int.random(in: 0...30, using: &rng) { line += pieces.randomElement(using: &rng)! + (Bool.random(using: &rng) ? " " : "") }
                lines.append(line)
            }
            let expected = Self.referenceOutlet(finder, title: lines.first, lines: lines)
            if expected != nil { named += 1 }
            #expect(finder.outlet(title: lines.first, lines: lines) == expected, "\(lines)")
        }
        #expect(named > 100)
        #expect(!MetadataFinder.hasOpeningBracket("no bracket here") && MetadataFinder.hasOpeningBracket("Kunduz (Agency) -"))
    }

    /// Key sets (probed by string or by a token's key and hash) answer as `Set<String>`: the word
    /// lists this session moved from array literals into key sets keep their meaning.
    @Test func keySetsAnswerAsSets() {
        var rng = SplitMix64(state: 17)
        let letters = Array("abcdeilnorst'.-")
        var answeredYes = 0
        for _ in 0..<300 {
            let words = (0..<Int.random(in: 0...40, using: &rng)).map { _ in String((0..<Int.random(in: 1...6, using: &rng)).map { _ in letters.randomElement(using: &rng)! }) }
            let keys = KeySet(words)
            let set = Set(words)
            for _ in 0..<200 {
                let probe = Bool.random(using: &rng) && !words.isEmpty ? words.randomElement(using: &rng)!
                    : String((0..<Int.random(in: 1...6, using: &rng)).map { _ in letters.randomElement(using: &rng)! })
                if set.contains(probe) { answeredYes += 1 }
                #expect(keys.contains(probe) == set.contains(probe), "\(probe)")
                for t in Tokenizer.tokens(probe) { #expect(keys.contains(t) == set.contains(t.key), "\(t.key)") }
            }
        }
        #expect(answeredYes > 10_000)
    }

    /// The generic-actor rule as it was, over one concatenated array copied element by element.
    static func referenceResolution(_ options: [String: [String]], _ evidence: [ActorEvidence]) -> [String: String] {
        guard !options.isEmpty, evidence.contains(where: { e in e.namedActors.contains { options[$0] != nil } }) else { return [:] }
        var named = Set<String>()
        var acting: [String: Int] = [:]
        for e in evidence {
            named.formUnion(e.namedActors)
            for c in e.candidates where !c.viaAttribution { acting[c.actor, default: 0] += 1 }
        }
        var out: [String: String] = [:]
        for (generic, actors) in options where named.contains(generic) {
            let most = actors.map { acting[$0] ?? 0 }.max() ?? 0
            if most > 0, let a = actors.first(where: { (acting[$0] ?? 0) == most }) {
                out[generic] = a
            } else {
                out[generic] = actors.first(where: { named.contains($0) }) ?? actors[0]
            }
        }
        return out
    }

    @Test func genericActorsResolveAsOverOneArray() {
        let rows = [["the coalition", "US|Saudi Arabia|Turkey"], ["the militia", "RSF|Wagner"], ["the group", "ISIS|JNIM|al-Shabaab"]]
        let generic = GenericActors(rows: rows)
        let options = ["the coalition": ["US", "Saudi Arabia", "Turkey"], "the militia": ["RSF", "Wagner"], "the group": ["ISIS", "JNIM", "al-Shabaab"]]
        let names = ["the coalition", "the militia", "the group", "US", "Saudi Arabia", "Turkey", "RSF", "Wagner", "ISIS", "JNIM", "al-Shabaab", "Russia"]
        var rng = SplitMix64(state: 9)
        func evidence() -> ActorEvidence {
            var e = ActorEvidence()
            e.namedActors = (0..<Int.random(in: 0...3, using: &rng)).map { _ in names.randomElement(using: &rng)! }
            e.candidates = (0..<Int.random(in: 0...2, using: &rng)).map { _ in
                PerpetratorCandidate(actor: names.randomElement(using: &rng)!, position: 0, viaAttribution: Bool.random(using: &rng))
            }
            return e
        }
        var resolved = 0
        for _ in 0..<2_000 {
            let list = (0..<Int.random(in: 0...6, using: &rng)).map { _ in evidence() }
            let extra = Bool.random(using: &rng) ? evidence() : nil
            let expected = Self.referenceResolution(options, list + [extra].compactMap { $0 })
            if !expected.isEmpty { resolved += 1 }
            #expect(generic.resolution(list, plus: extra) == expected)
            #expect(generic.resolution(list + [extra].compactMap { $0 }) == expected)
        }
        #expect(resolved > 200)
    }
}
