import Foundation
import IncidentModel

/// A place name found in a sentence, before the article-level choice of which reading it has.
struct PlaceMatch: Sendable {
    var range: Range<Int>
    var key: String
    var candidates: [Int32]
    /// Followed by "area", "province", "countryside" or preceded by "province of": the province.
    var adminReading: Bool
    /// Introduced by a locative word ("in", "near", "village of").
    var locative: Bool
    /// "east of X" after another place: X only locates the first one.
    var isReference: Bool
    /// Introduced by "in", "near", "across" (not merely "of"): where something happened.
    var strongLocative: Bool = false
    /// A settlement the gazetteer does not know ("the village of Shorek"), located by the nearest
    /// known place in the sentence.
    var adHocName: String?
    /// "the capital": the capital of the country the article is about.
    var isCapital: Bool = false
    /// Introduced by "city of", "town of" (a `settlement` cue): the town, not a province of that name.
    var namesSettlement: Bool = false
    /// A country named in the same phrase ("the Gara region of northern Iraq", "Kunyo Barrow,
    /// Somalia", "Iraq's Sinjar"): the place lies there, whatever else shares its name.
    var statedCountry: String?
    /// Provinces (country code "." admin1 code) named in the same phrase: "al-Khamis in Mustaba
    /// district of Hajjah province". The place lies in one of them, whatever else shares its name.
    var statedRegions: [String]?
    /// "the Nikopol district", "in Razih district": the district named after a town, a wider area
    /// than the town itself.
    var namesDistrict: Bool = false
    /// An unknown settlement named after a possessive place ("southern Lebanon's Jouaiya"): that
    /// place, not the next one, locates it.
    var anchorBefore: Bool = false
    /// Found only with its doubled vowels folded ("Mustabaa" as "Mustaba'"): kept only where a
    /// locative introduces it, since a person's name folds too ("Noor" as "Nur").
    var folded: Bool = false
    /// Followed by a facility's capitalised noun ("Madina Hospital", "Aleppo University"): the name
    /// of a building that may lie anywhere; kept only in a country the article is about.
    var namesFacility: Bool = false
}

/// Finds gazetteer names in a token list by looking up the compact key of each capitalised n-gram
/// (longest first), so the cost is a handful of hash lookups per token whatever the gazetteer size.
struct PlaceFinder: Sendable {
    /// A distance from a town within which an incident told only by it happened near it.
    static let nearKilometres = 50.0

    let gazetteer: Gazetteer
    let cues: CueLexicon
    /// Known outlets (`outlets.tsv`): a place name that starts one ("told Garowe Online", "the Kyiv
    /// Independent reported") names the publisher, not where anything happened.
    var outlets = PhraseMatcher<String>()
    /// Nationality adjectives (`demonyms.tsv`, token key -> country code): "the southern Lebanese
    /// town of X" places an unknown town in Lebanon.
    var demonyms: [String: String] = [:]

    func find(in tokens: [Token]) -> [PlaceMatch] {
        var out: [PlaceMatch] = []
        var hashes: [UInt64] = []
        hashes.reserveCapacity(Gazetteer.maxNameTokens)
        var i = 0
        while i < tokens.count {
            guard tokens[i].kind != .punctuation, startsName(tokens, i) else { i += 1; continue }
            var found: PlaceMatch?
            // A name runs over no punctuation and no lowercase word other than a particle.
            let maxN = min(Gazetteer.maxNameTokens, tokens.count - i)
            var usable = 1
            while usable < maxN {
                let k = i + usable
                if tokens[k].kind == .punctuation
                    || (!tokens[k].hyphenBefore && tokens[k].kind == .word && !tokens[k].isCapitalized && !Self.nameParticles.contains(tokens[k])) { break }
                usable += 1
            }
            if maxN >= 1 {
                Tokenizer.compactKeyHashes(tokens, from: i, count: usable, into: &hashes)
                for n in stride(from: usable, through: 1, by: -1) {
                    let slice = tokens[i..<(i + n)]
                    guard let last = slice.last, last.isCapitalized || last.kind == .number || n == 1 else { continue }
                    // Most candidate n-grams name nothing: a hash miss rules them out before the key is built.
                    guard gazetteer.mayHaveKey(hash: hashes[n - 1]) else { continue }
                    let key = Tokenizer.compactKey(slice.map(\.key))
                    guard let cands = gazetteer.candidates(forKey: key) else { continue }
                    // "At Dikwa, troops ...": a sentence's opening preposition, read like the article
                    // of "At Tall" (the key drops it either way, so the name is the same).
                    let opensWithAt = n >= 2 && i == 0 && tokens[0].key == "at" && !tokens[1].hyphenBefore
                    found = PlaceMatch(range: (opensWithAt ? 1 : i)..<(i + n), key: key, candidates: cands, adminReading: false, locative: false, isReference: false, adHocName: nil)
                    break
                }
            }
            // A folded name is kept only where a locative introduces it: only such names are folded
            // ("in Mustabaa", "near northern Kabkabiya"), which spares most misses the work.
            // Also "in the Middle Jubba region" and "near the town of Jillib".
            if found == nil, maxN >= 1, i > 0,
               cues.match(.locative, in: tokens, at: i - 1)?.end == i
                || (i > 1 && (Self.compass.contains(tokens[i - 1]) || tokens[i - 1].key == "the") && cues.match(.locative, in: tokens, at: i - 2)?.end == i - 1)
                || (max(0, i - 3)..<i).contains(where: { cues.match(.settlement, in: tokens, at: $0)?.end == i }) {
                found = foldedMatch(tokens, at: i, usable: usable)
            }
            if var m = found {
                // A folded name may yet be dropped (`SentenceAnalyzer`): the names after it are read
                // as they would be without it ("al-Jubah district south of Marib": Marib places it).
                annotate(&m, tokens: tokens, previous: out.last?.folded == true ? out.filter { !$0.folded } : out)
                // "on Lenin Street", "Baghdad Street": a street's name, never where it lies.
                // "the Hanadi tower": a tower's name even in lowercase (class `building`).
                let facility = m.range.upperBound < tokens.count
                    ? cues.match(.facilityName, in: tokens, at: m.range.upperBound).flatMap { f in
                        tokens[m.range.upperBound].isCapitalized || f.payload == "building" ? f : nil } : nil
                m.namesFacility = facility != nil
                if keep(m, tokens: tokens), facility?.payload != "street" { out.append(m) }
                i = m.range.upperBound
                continue
            }
            i += 1
        }
        // A name found only by folding its spelling leaves the phrase to the unknown-settlement
        // readings too ("in al-Jubah district south of Marib" may be no "Juba"): the article's
        // countries decide between them (`SentenceAnalyzer`).
        let hasFolded = out.contains(where: \.folded)
        let adHoc = adHocSettlements(tokens, known: hasFolded ? out.filter { !$0.folded } : out)
        // "the village of Tell Hamdoun": the whole capitalised name, not a known place named "Tell";
        // "the town of Majdal Selm": nor one named like a word inside it ("Selm").
        out.removeAll { m in !m.folded && adHoc.contains { $0.range.lowerBound <= m.range.lowerBound && m.range.upperBound <= $0.range.upperBound && $0.range.count > m.range.count } }
        out.append(contentsOf: adHoc)
        markBracketedNames(&out, tokens)
        // "the capital", and "Somalia's capital" after a country's name.
        for k in tokens.indices where tokens[k].keyHash == Self.capitalHash && tokens[k].key == "capital" && k > 0
            && (tokens[k - 1].key == "the" || (k >= 3 && tokens[k - 1].key == "s" && tokens[k - 2].key == "'" && out.contains { $0.range.upperBound == k - 2 && $0.candidates.contains { gazetteer.entries.kind(at: Int($0)) == .country } }))
            && !(k + 1 < tokens.count && (tokens[k + 1].isCapitalized || tokens[k + 1].key == "city" || tokens[k + 1].key == "of")) {
            var m = PlaceMatch(range: (k - 1)..<(k + 1), key: "capital", candidates: [], adminReading: false, locative: false, isReference: false, adHocName: nil)
            m.isCapital = true
            annotate(&m, tokens: tokens, previous: out.filter { $0.range.upperBound <= k - 1 })
            out.append(m)
        }
        out.sort { $0.range.lowerBound < $1.range.lowerBound }
        // "in al-Jubah district south of Marib city": the town only places the district.
        for k in out.indices.dropLast() where out[k].adHocName != nil {
            let e = out[k].range.upperBound
            if e < tokens.count, Self.areaWords.contains(tokens[e]), let c = cues.match(.relative, in: tokens, at: e + 1), c.end == out[k + 1].range.lowerBound {
                out[k + 1].isReference = true
            }
        }
        // "about 4 km north of Afgooye on the Mogadishu road": a road named after the town it leads
        // to only locates, when the sentence names another place.
        for k in out.indices where out[k].range.upperBound < tokens.count && Self.roadWords.contains(tokens[out[k].range.upperBound])
            && !tokens[out[k].range.upperBound].isCapitalized && out.indices.contains(where: { $0 != k && !out[$0].isReference && !Self.roadWords.contains(tokens[min(tokens.count - 1, out[$0].range.upperBound)]) }) {
            out[k].isReference = true
        }
        // "in the provincial capital Quetta, shortly before a train was due to depart for
        // Rawalpindi": a destination only, when the sentence names another place below a country
        // ("a strike hit bombers heading for the Kabul airport" keeps Kabul).
        for k in out.indices where Self.follows(.destination, out[k], tokens: tokens, cues)
            && out.indices.contains(where: { $0 != k && !out[$0].isReference && countryCode(of: out[$0]) == nil }) {
            out[k].isReference = true
        }
        // "A medic at a hospital in the provincial capital Hajjah said ...": where the wounded were
        // treated.
        for k in out.indices where Self.follows(.careSite, out[k], tokens: tokens, cues) { out[k].isReference = true }
        markStatedCountries(&out, tokens)
        markStatedRegions(&out, tokens)
        markTownParts(&out, tokens)
        markCircumstanceClauses(&out, tokens)
        // "central Gaza's Deir el-Balah", "Ukraine's Kharkiv": the possessive place only locates
        // the one after it.
        for k in out.indices.dropLast() {
            let end = out[k].range.upperBound
            if end + 2 == out[k + 1].range.lowerBound, tokens[end].key == "'", tokens[end + 1].key == "s" { out[k].isReference = true }
        }
        return out
    }

    /// "in Mustabaa", "in Kabkabiya": a name the gazetteer misses as written, read with its doubled
    /// vowels folded and its final "-a"/"-ah"/"-eh" in the other forms (`TransliterationFolding`).
    /// Only names with a doubled vowel or such an ending pay for it.
    private func foldedMatch(_ tokens: [Token], at i: Int, usable: Int) -> PlaceMatch? {
        // One pass over the words first: most names the gazetteer misses have nothing to fold.
        var doubledFrom = usable
        for k in i..<(i + usable) where tokens[k].kind == .word && TransliterationFolding.mayFold(tokens[k].key, last: false) { doubledFrom = k - i; break }
        for n in stride(from: usable, through: 1, by: -1) {
            let last = tokens[i + n - 1]
            guard last.isCapitalized || n == 1, last.kind == .word,
                  doubledFrom < n || TransliterationFolding.mayFold(last.key, last: true) else { continue }
            let slice = tokens[i..<(i + n)]
            let key = Tokenizer.compactKey(slice.map(\.key))
            for v in TransliterationFolding.variants(of: key) {
                if let cands = gazetteer.candidates(forKey: v) {
                    var m = PlaceMatch(range: i..<(i + n), key: v, candidates: cands, adminReading: false, locative: false, isReference: false, adHocName: nil)
                    m.folded = true
                    return m
                }
            }
        }
        return nil
    }

    /// "An Israeli strike on a school in central Gaza killed 30, as Israel pressed on with its
    /// offensive in the southern city of Khan Younis": a place in a trailing "as"/"amid" clause
    /// tells the circumstances, when the main clause has a place of its own.
    private func markCircumstanceClauses(_ out: inout [PlaceMatch], _ tokens: [Token]) {
        guard out.count >= 2 else { return }
        for i in out.indices where !out[i].isReference {
            var c = out[i].range.lowerBound
            while c > 0, !Self.circumstanceBreaks.contains(tokens[c - 1]) { c -= 1 }
            guard c > 0, c + 1 < tokens.count else { continue }
            let opener = tokens[c].key
            guard opener == "amid" || (opener == "as" && !Self.notCircumstanceAs.contains(tokens[c + 1])) else { continue }
            if out.contains(where: { $0.range.upperBound <= c && $0.locative && !$0.isReference }) { out[i].isReference = true }
        }
    }

    // Key sets, not array literals: the walk back to a clause's start tests every token before a place.
    private static let circumstanceBreaks: KeySet = [",", ";", "\u{2014}"]
    private static let notCircumstanceAs: KeySet = ["well", "a", "an", "part", "many", "much", "far", "soon", "long", "of"]

    private static let compass: KeySet = ["northern", "southern", "eastern", "western", "central", "north", "south", "east", "west",
        "northeastern", "northwestern", "southeastern", "southwestern", "northeast", "northwest", "southeast", "southwest", "far"]

    /// The country of a match that is only a country, if any.
    private func countryCode(of m: PlaceMatch) -> String? {
        guard let id = m.candidates.first(where: { gazetteer.entries.kind(at: Int($0)) == .country }) else { return nil }
        return gazetteer.entries.countryCode(at: Int(id))
    }

    /// Ties a place to a country named in its own phrase: "X (region|area|province) of (northern)
    /// Iraq", "X in (southern) Lebanon", "X, Somalia", "Iraq's X".
    private func markStatedCountries(_ out: inout [PlaceMatch], _ tokens: [Token]) {
        for i in out.indices where countryCode(of: out[i]) == nil && !out[i].candidates.isEmpty {
            let start = out[i].range.lowerBound
            if i > 0, start >= 3, out[i - 1].range.upperBound == start - 2, tokens[start - 2].key == "'", tokens[start - 1].key == "s",
               let c = countryCode(of: out[i - 1]) {
                out[i].statedCountry = c
                continue
            }
            guard i + 1 < out.count else { continue }
            var k = out[i].range.upperBound
            if k < tokens.count, let c = cues.match(.adminSuffix, in: tokens, at: k) { k = c.end }
            guard k < tokens.count, ["of", "in", ","].contains(tokens[k].key) else { continue }
            k += 1
            while k < tokens.count, Self.compass.contains(tokens[k]) { k += 1 }
            if out[i + 1].range.lowerBound == k, let c = countryCode(of: out[i + 1]) { out[i].statedCountry = c }
        }
    }

    /// Ties a place to the province its own phrase names: "X in (the) Y province", "X district of
    /// Y province", "X in Y district of Z province" (the chain names one province for all). Not
    /// after a comma: "in Aleppo, Idlib province and Hama" is a list.
    private func markStatedRegions(_ out: inout [PlaceMatch], _ tokens: [Token]) {
        let entries = gazetteer.entries
        for i in out.indices where out[i].statedRegions == nil && !out[i].adminReading && countryCode(of: out[i]) == nil
            && out[i].candidates.contains(where: { entries.kind(at: Int($0)) == .place }) {
            var chain = [i]
            var j = i
            var regions: [String] = []
            while j + 1 < out.count, chain.count <= 2 {
                var k = out[j].range.upperBound
                if k < tokens.count, let c = cues.match(.adminSuffix, in: tokens, at: k) { k = c.end }
                guard k < tokens.count, tokens[k].key == "in" || tokens[k].key == "of" else { break }
                k += 1
                while k < tokens.count, tokens[k].key == "the" || Self.compass.contains(tokens[k]) { k += 1 }
                guard out[j + 1].range.lowerBound == k else { break }
                if out[j + 1].adminReading {
                    let ids = out[j + 1].candidates
                    let admin = ids.filter { entries.kind(at: Int($0)) == .admin1 }
                    for id in admin.isEmpty ? ids : admin {
                        let e = entries[Int(id)]
                        guard e.kind != .country else { continue }
                        regions.append(e.countryCode + "." + e.admin1Code)
                    }
                    break
                }
                // Only a district may stand between the place and its province.
                guard out[j + 1].namesDistrict else { break }
                j += 1
                chain.append(j)
            }
            guard !regions.isEmpty else { continue }
            for c in chain { out[c].statedRegions = regions }
        }
    }

    /// "the Tal al-Sultan area of Rafah", "the Zeitoun neighbourhood of Gaza City" (`town-part`
    /// cues): the part only locates the incident in the town after it, which is its place. A
    /// province or district after it ("the Kardgap area of Mastung district") leaves the part as
    /// the more specific place.
    private func markTownParts(_ out: inout [PlaceMatch], _ tokens: [Token]) {
        let entries = gazetteer.entries
        for k in out.indices.dropLast() where !out[k].adminReading {
            let town = out[k + 1]
            guard let c = cues.match(.townPart, in: tokens, at: out[k].range.upperBound), c.end == town.range.lowerBound,
                  !town.adminReading, !town.namesDistrict, town.adHocName == nil,
                  town.candidates.contains(where: { entries.kind(at: Int($0)) == .place }), countryCode(of: town) == nil else { continue }
            if town.range.upperBound < tokens.count, cues.match(.adminSuffix, in: tokens, at: town.range.upperBound) != nil { continue }
            out[k].isReference = true
        }
    }

    private static let capitalHash = HashedIndex<Int>.hash("capital")
    private static let nameParticles: KeySet = ["ez", "az", "al", "el", "ad", "as", "ar", "ash", "at", "an", "es", "ed", "de", "of", "bin", "ibn", "abu", "i", "e"]

    private func startsName(_ tokens: [Token], _ i: Int) -> Bool {
        if tokens[i].isCapitalized { return true }
        // "al-Bukamal", "el-Zor": a lowercase article joined to a capitalised name.
        if i + 1 < tokens.count, tokens[i + 1].hyphenBefore, tokens[i + 1].isCapitalized, Tokenizer.articles.contains(tokens[i]) { return true }
        return false
    }

    /// A match that can be a town (not only a country or province named before: "At the request of
    /// the Federal Government of Somalia, ... 35 km northeast of Jilib").
    private func namesASettlement(_ m: PlaceMatch) -> Bool {
        !m.candidates.isEmpty && m.candidates.allSatisfy { gazetteer.entries.kind(at: Int($0)) == .place }
    }

    private func annotate(_ m: inout PlaceMatch, tokens: [Token], previous: [PlaceMatch]) {
        let end = m.range.upperBound
        if end < tokens.count, cues.match(.adminSuffix, in: tokens, at: end) != nil, namesProvince(m) { m.adminReading = true }
        // "hit six different localities in Idlib", "villages across Kharkiv": the region the
        // places lie in (`place-plural` cues before "in"), where a province has the name.
        if m.range.lowerBound >= 2, Self.regionOpeners.contains(tokens[m.range.lowerBound - 1]),
           cues.match(.placePlural, in: tokens, at: m.range.lowerBound - 2)?.end == m.range.lowerBound - 1, namesProvince(m) {
            m.adminReading = true
        }
        // "Idlib city", "Tafas town": the town, not the province of that name.
        if end < tokens.count, tokens[end].key == "city" || tokens[end].key == "town" { m.namesSettlement = true }
        // "• Nyala, 9 June: ...", "Daraa: An explosive device ...": a place that labels a list
        // item or a paragraph is where its incident happened.
        // Also after an item number ("1. Mogadishu - 29 Oct, approx. 14:00 hrs.").
        let labelStart = m.range.lowerBound == 0 || (m.range.lowerBound == 1 && tokens[0].kind == .punctuation)
            || (m.range.lowerBound == 2 && tokens[0].kind == .number && (tokens[1].key == "." || tokens[1].key == ")"))
        if !m.locative, labelStart, end < tokens.count,
           tokens[end].key == ":" || (Self.labelSeparators.contains(tokens[end].key) && tokens[(end + 1)..<min(tokens.count, end + 6)].contains { $0.key == ":" || $0.kind == .number }) {
            m.locative = true
        }
        // "Bilopillia community:", "Bilopillia, Krasnopillia and Esman communities came under fire":
        // a name a settlement noun follows, alone or in a list before the plural, is a place named
        // as such.
        if !m.locative, end < tokens.count {
            var k = end
            var listed = false
            while k < tokens.count, k - end <= 12,
                  tokens[k].key == "," || tokens[k].key == "and" || (tokens[k].kind == .word && (tokens[k].isCapitalized || tokens[k].hyphenBefore)) {
                if tokens[k].key == "," || tokens[k].key == "and" { listed = true }
                k += 1
            }
            if k < tokens.count, k == end ? Self.settlementNouns.contains(tokens[k]) : (listed && Self.settlementPlurals.contains(tokens[k])) { m.locative = true }
        }
        if end < tokens.count, !m.adminReading, tokens[end].key == "district" { m.namesDistrict = true }
        // "after the strikes in Aleppo": a place in a clause about an earlier event.
        if m.range.lowerBound >= 3 {
            let window = max(0, m.range.lowerBound - 6)..<(m.range.lowerBound - 1)
            // Not "shortly after it crossed from Iraq near Abu Kamal": a clause about the target itself.
            if Self.earlierClausePlaceWords.contains(tokens[m.range.lowerBound - 1]),
               window.contains(where: { Self.earlierClauseOpeners.contains(tokens[$0]) && !($0 + 1 < tokens.count && Self.targetPronouns.contains(tokens[$0 + 1])) }) { m.isReference = true }
        }
        // "The airstrikes came hours after Pakistan's special envoy, Mohammad Sadiq, arrived in
        // Kabul": a place in the clause that dates the news by an earlier event.
        if !m.isReference, m.range.lowerBound >= 3, Self.earlierClausePlaceWords.contains(tokens[m.range.lowerBound - 1]) {
            var k = m.range.lowerBound - 2
            while k >= 1, m.range.lowerBound - k <= 20, !Self.clauseEnds.contains(tokens[k]) {
                if tokens[k].key == "after", (max(0, k - 4)..<k).contains(where: { Self.comeWords.contains(tokens[$0]) }) { m.isReference = true; break }
                k -= 1
            }
        }
        // "the deadliest attack since forces loyal to a rival government launched an offensive on
        // Tripoli": a place in a "since" clause tells an earlier event.
        if !m.isReference, m.range.lowerBound >= 2, Self.sinceClausePlaceWords.contains(tokens[m.range.lowerBound - 1]) {
            var k = m.range.lowerBound - 2
            while k >= 0, m.range.lowerBound - k <= 15, tokens[k].kind != .punctuation {
                if tokens[k].key == "since" { m.isReference = true; break }
                k -= 1
            }
        }
        for len in 1...6 where m.range.lowerBound - len >= 0 {
            let s = m.range.lowerBound - len
            if let c = cues.match(.adminPrefix, in: tokens, at: s), c.end == m.range.lowerBound || (c.end + 1 == m.range.lowerBound && tokens[c.end].key == "the"), namesProvince(m) {
                m.adminReading = true
            }
            if let c = cues.match(.relative, in: tokens, at: s),
               c.end == m.range.lowerBound || (c.end + 1 == m.range.lowerBound && tokens[c.end].key == "the")
                || (c.end + 3 == m.range.lowerBound && tokens[c.end + 1].key == "'" && tokens[c.end + 2].key == "s")
                // "south of the regional capital Maiduguri"
                || (c.end < m.range.lowerBound && m.range.lowerBound - c.end <= 4 && tokens[c.end..<m.range.lowerBound].allSatisfy { Self.placeModifiers.contains($0) }) {
                // "the city, which lies about 150 km north of Kyiv": a distance makes the place a
                // reference point even when the located place is not named in the sentence. A short
                // one with no place before it locates the incident near the town ("a strike
                // approximately 35 km northeast of Jilib").
                // Only a place named as one counts before it: not "Federal" in "the Federal Government
                // of Somalia".
                let placed = previous.filter { p in
                    p.locative && namesASettlement(p) && !(p.range.upperBound < tokens.count && tokens[p.range.upperBound].isCapitalized)
                }
                let distance = SentenceAnalyzer.statedKilometres(tokens[max(0, c.start - 6)..<c.start]).map { $0 > Self.nearKilometres || !placed.isEmpty } ?? false
                if distance || placed.last.map({ m.range.lowerBound - $0.range.upperBound <= 6 }) == true { m.isReference = true }
            }
        }
        // "in central Gaza", "across southern Lebanon": a compass word before a name that is also a
        // province's or a country's names the region, not the town of that name.
        // Only where the region goes by another main name ("Gaza" for the Gaza Strip): "central Tel
        // Aviv", whose district is named "Tel Aviv" too, is the city's centre.
        // "central Kharkiv" is the city's centre too: an oblast named after its city is a region
        // only to the north, south, east or west.
        if m.range.lowerBound > 0, Self.compass.contains(tokens[m.range.lowerBound - 1]), !tokens[m.range.lowerBound].hyphenBefore {
            let central = tokens[m.range.lowerBound - 1].key == "central"
            if m.candidates.contains(where: { id in
                let e = gazetteer.entries[Int(id)]
                return e.kind != .place && !gazetteer.isMainName(m.key, id) && !(central && e.name.hasSuffix(" Oblast"))
            }) { m.adminReading = true }
        }
        var k = m.range.lowerBound - 1
        if k >= 0, tokens[k].key == "from" { m.isReference = true }
        // "Beryslav was shelled", "Nikopol came under fire": the subject of a passive incident verb
        // is where it happened.
        if Self.isPassiveTarget(m, tokens: tokens, cues) { m.locative = true }
        for len in 1...2 where m.range.lowerBound - len >= 0 {
            if let c = cues.match(.settlement, in: tokens, at: m.range.lowerBound - len), c.end == m.range.lowerBound { m.locative = true; m.namesSettlement = true }
        }
        // Walk back over modifiers ("the northern city of", "Russia-controlled") to a locative word.
        var hops = 0
        while k >= 0, hops < 8 {
            let t = tokens[k]
            if cues.match(.locative, in: tokens, at: k).map({ $0.end == k + 1 }) ?? false {
                m.locative = true
                m.strongLocative = Self.strongLocatives.contains(t)
                    // "in the southern part of Idlib province", "on the outskirts of Dhamar"
                    || (t.key == "of" && k > 0 && Self.placeParts.contains(tokens[k - 1]))
                break
            }
            if t.hyphenBefore, k > 0 { k -= 2; hops += 1; continue }
            // 'in the heart of "Tel Aviv"': a name in quotes.
            if t.kind == .punctuation, Self.quoteMarks.contains(t.key), k == m.range.lowerBound - 1 { k -= 1; hops += 1; continue }
            // "in Syria's Homs province": a possessive country before the name.
            if t.key == "s", k >= 2, tokens[k - 1].key == "'" { k -= 3; hops += 1; continue }
            // "struck Kharkiv on Monday, as well as Odesa": the enumeration shares the locative.
            if t.key == "as", k >= 2, tokens[k - 1].key == "well", tokens[k - 2].key == "as",
               let prev = previous.last, prev.locative, k - prev.range.upperBound <= 8 { m.locative = true; break }
            // "in Dnipro, Kryvyi Rih and Kramatorsk": later items of a list share the locative.
            if (t.key == "," || t.key == "and"), let prev = previous.last, prev.range.upperBound == k || (k > 0 && prev.range.upperBound == k - 1 && tokens[k - 1].key == ","), prev.locative { m.locative = true; break }
            if Self.placeModifiers.contains(t) { k -= 1; hops += 1; continue }
            break
        }
    }

    // Word lists of `annotate` as key sets probed with the token's hash: an array literal there was
    // built, searched with string compares and freed for every place found.
    private static let regionOpeners: KeySet = ["in", "across", "throughout"]
    private static let earlierClausePlaceWords: KeySet = ["in", "on", "at", "near"]
    private static let earlierClauseOpeners: KeySet = ["after", "following", "since"]
    private static let labelSeparators: Set<String> = [",", "-", "\u{2013}", "\u{2014}"]
    private static let targetPronouns: KeySet = ["it", "they"]
    private static let settlementNouns: KeySet = ["community", "hromada", "village", "town", "settlement"]
    private static let settlementPlurals: KeySet = ["communities", "hromadas", "villages", "towns", "settlements"]
    private static let comeWords: KeySet = ["came", "comes", "come", "coming"]
    private static let clauseEnds: KeySet = [".", ";", ":", "!", "?"]
    private static let sinceClausePlaceWords: KeySet = ["in", "on", "at", "near", "against"]
    private static let strongLocatives: KeySet = ["in", "near", "at", "across", "into", "inside", "around", "outside"]
    private static let placeParts: KeySet = ["part", "parts", "outskirts", "countryside", "edge", "heart", "centre", "center"]

    /// "a train due to depart for the garrison city of Rawalpindi", "a convoy bound for Aden"
    /// (`destination` cues), "at a hospital in the provincial capital Hajjah" (`care-site`): where
    /// someone was going or was treated, not where the incident happened. Up to four words ("the
    /// garrison city of") may stand between the cue and the name, within the clause.
    private static func follows(_ cue: Cue, _ m: PlaceMatch, tokens: [Token], _ cues: CueLexicon) -> Bool {
        let start = m.range.lowerBound
        for s in stride(from: start - 1, through: max(0, start - 8), by: -1) {
            if tokens[s].kind == .punctuation { return false }
            if let c = cues.match(cue, in: tokens, at: s), c.end <= start, start - c.end <= 4 { return true }
        }
        return false
    }

    private static func isPassiveTarget(_ m: PlaceMatch, tokens: [Token], _ cues: CueLexicon) -> Bool {
        var k = m.range.upperBound
        guard k + 1 < tokens.count else { return false }
        if tokens[k].key == "came", tokens[k + 1].key == "under" { return true }
        guard tokens[k].key == "was" || tokens[k].key == "were" || tokens[k].key == "has" || tokens[k].key == "had" else { return false }
        k += 1
        if tokens[k].key == "been" || tokens[k].key == "again" || tokens[k].key == "also" { k += 1 }
        // A verb among the `locative` cues ("shelled", "hit", "struck"), not a preposition.
        guard k < tokens.count, tokens[k].key.hasSuffix("ed") || tokens[k].key == "hit" || tokens[k].key == "struck" else { return false }
        return cues.match(.locative, in: tokens, at: k)?.end == k + 1
    }

    private static let quoteMarks: Set<String> = ["\"", "\u{201C}", "\u{201D}", "'", "\u{2018}", "\u{2019}"]
    private static let placeModifiers: KeySet = ["the", "a", "city", "town", "village", "capital", "northern", "southern", "eastern", "western", "central",
        "north", "south", "east", "west", "rural", "occupied", "besieged", "border", "province", "southeastern", "southwestern", "northeastern",
        "northwestern", "coastal", "restive", "embattled", "frontline", "strategic", "key", "nearby", "neighbouring", "neighboring", "syrian", "iraqi",
        "ukrainian", "lebanese", "afghan", "somali", "yemeni", "libyan", "palestinian", "pakistani", "port", "besieged", "southern-most", "major", "main", "mount",
        "provincial", "regional", "garrison", "historic", "old"]
    private static let voiceVerbs: KeySet = ["said", "says", "condemned", "denied", "announced", "accused", "blamed", "warned", "called", "described",
        "denounced", "claimed", "responded", "stated", "urged", "insisted", "vowed", "rejected", "welcomed", "confirmed"]

    /// Whether the name is a province's ("Deir Ezzor area" is the province, "Al Bukamal area" is
    /// the surroundings of the town).
    private func namesProvince(_ m: PlaceMatch) -> Bool {
        m.candidates.contains { id in
            let e = gazetteer.entries[Int(id)]
            if e.kind == .admin1 { return true }
            guard e.kind == .place, let a = gazetteer.admin1Name(of: e) else { return false }
            let province = Tokenizer.compactKey(name: a)
            // "the Vinnytsia region": the town's province is "Vinnytsia Oblast".
            return province == m.key || (province.hasPrefix(m.key) && Self.provinceWords.contains(String(province.dropFirst(m.key.count))))
        }
    }

    private static let provinceWords: Set<String> = ["oblast", "province", "governorate", "region", "krai", "state", "district"]

    /// Drops readings that are almost always something else: a small village's name used without
    /// a locative word, or a name glued to "-backed" / "-based".
    private func keep(_ m: PlaceMatch, tokens: [Token]) -> Bool {
        let end = m.range.upperBound
        if end < tokens.count, tokens[end].hyphenBefore, tokens[end].kind == .word { return false }
        if namesWater(m, tokens) { return false }
        if m.folded && !m.locative { return false }
        // "Damascus condemned ...", "Kyiv has denied ...": the capital speaking for a government.
        if !m.locative, end < tokens.count {
            let next = tokens[end].key
            let after = end + 1 < tokens.count ? tokens[end + 1].key : ""
            if Self.voiceVerbs.contains(next) || (["has", "have", "had", "was", "is", "also", "did"].contains(next) && (Self.voiceVerbs.contains(after) || after == "not")) { return false }
        }
        // An acronym ("SANA", "IS") is not a place name.
        if m.range.count == 1, Self.isShortCapitals(tokens[m.range.lowerBound].text) { return false }
        if namesAUnit(m, tokens) || isPartOfAPersonsName(m, tokens) || isHeadOfALongerName(m, tokens) || namesAnOutlet(m, tokens) { return false }
        if m.range.lowerBound > 0, tokens[m.range.lowerBound].hyphenBefore, tokens[m.range.lowerBound - 1].key == "pro" { return false }
        let entries = gazetteer.entries
        if m.candidates.contains(where: { entries.kind(at: Int($0)) != .place || entries[Int($0)].population >= 20_000 }) { return true }
        if m.locative { return true }
        return m.range.count >= 2 && m.candidates.contains { entries[Int($0)].population >= 1000 }
    }

    /// Also "the Port Sudan militia": a force named after the seat it answers to.
    private static let unitWords: KeySet = ["group", "grouping", "brigade", "battalion", "regiment", "division", "corps", "detachment", "squadron",
                                            "militia", "militias"]
    private static let unitModifiers: KeySet = ["operational", "tactical", "strategic", "mechanized", "mechanised", "motorized", "motorised",
        "assault", "separate", "territorial", "defence", "defense", "border", "guards", "special", "forces", "-"]

    /// "the Seversk operational-tactical group", "the Kharkiv grouping of forces", "the Gaza
    /// Division": a military formation named after a place, not where anything happened.
    private func namesAUnit(_ m: PlaceMatch, _ tokens: [Token]) -> Bool {
        var k = m.range.upperBound
        var hops = 0
        while k < tokens.count, hops < 4 {
            if Self.unitWords.contains(tokens[k]) { return true }
            guard Self.unitModifiers.contains(tokens[k]) else { return false }
            k += 1
            hops += 1
        }
        return false
    }

    /// "told Garowe Online", "the Kyiv Independent reported", "Kabul Now said": a place name that
    /// starts a longer outlet name (`outlets.tsv`), or, outside a locative phrase, is followed by a
    /// capitalised `media-word` ("Online", "Times", "Now"), names a publisher.
    private func namesAnOutlet(_ m: PlaceMatch, _ tokens: [Token]) -> Bool {
        let start = m.range.lowerBound, end = m.range.upperBound
        if let o = outlets.match(tokens, at: start), o.end > end { return true }
        if start > 0, tokens[start - 1].key == "the", let o = outlets.match(tokens, at: start - 1), o.end > end { return true }
        guard !m.locative, end < tokens.count, tokens[end].isCapitalized || tokens[end].kind == .number else { return false }
        return cues.match(.mediaWord, in: tokens, at: end) != nil
    }

    private static let personTitles: KeySet = ["president", "secretary", "minister", "general", "gen", "lt", "col", "colonel", "commander",
        "spokesman", "spokeswoman", "spokesperson", "mr", "mrs", "ms", "dr", "sheikh", "king", "prince", "emir", "envoy", "ambassador",
        "senator", "chief", "admiral", "major", "captain", "sgt", "sergeant", "lieutenant", "brigadier", "prime"]

    /// "Defense Secretary Lloyd Austin", "President Vladimir Putin", "the secretary, Lloyd Austin,":
    /// a name right after a capitalised word that is neither a place word nor a place, or right
    /// after a title, is a person's. Only for names no locative introduces ("in Austin" is a place).
    private func isPartOfAPersonsName(_ m: PlaceMatch, _ tokens: [Token]) -> Bool {
        guard !m.locative, m.range.lowerBound > 0 else { return false }
        let prev = tokens[m.range.lowerBound - 1]
        guard prev.kind == .word, !tokens[m.range.lowerBound].hyphenBefore else { return false }
        if Self.personTitles.contains(prev) { return true }
        guard prev.isCapitalized, !Self.isShortCapitals(prev.text), !Self.placeModifiers.contains(prev), !Self.compass.contains(prev) else { return false }
        // The word before is itself a place ("Aleppo Idlib road"), or a country's adjective
        // ("Syrian", "Russian"): not a first name.
        if gazetteer.mayHaveKey(hash: prev.keyHash), gazetteer.candidates(forKey: Tokenizer.compactKey([prev.key])) != nil { return false }
        if prev.key.hasSuffix("an") || prev.key.hasSuffix("ian") || prev.key.hasSuffix("i") || prev.key.hasSuffix("ese") || prev.key.hasSuffix("ish") { return false }
        return true
    }

    /// "Tal Khatra", "Kafr Sajna": a short generic head word ("Tal", hill; "Kafr", village) that
    /// the gazetteer knows as a place of its own, followed by another capitalised word, is the
    /// start of a longer name, not that place.
    private func isHeadOfALongerName(_ m: PlaceMatch, _ tokens: [Token]) -> Bool {
        guard m.range.count == 1, tokens[m.range.lowerBound].text.count <= 4 else { return false }
        var k = m.range.upperBound
        // "Abu al-Duhur": an article joined to the next capitalised word continues the name.
        if k + 1 < tokens.count, Tokenizer.articles.contains(tokens[k]), tokens[k + 1].hyphenBefore { k += 1 }
        guard k < tokens.count, tokens[k].kind == .word, tokens[k].isCapitalized, k > m.range.upperBound || !tokens[k].hyphenBefore,
              cues.match(.adminSuffix, in: tokens, at: k) == nil, cues.match(.site, in: tokens, at: k) == nil else { return false }
        // Even a word the gazetteer knows elsewhere ("Khatra" in India): two place names are not
        // written side by side without a comma.
        return true
    }

    /// A sea, gulf or river rather than the town of that name: "the Gulf of Aden", "the Sea of
    /// Azov", "the Dnipro River", "the Red Sea", "on the Euphrates" (`water-of`, `water` and
    /// `water-name` cues).
    private func namesWater(_ m: PlaceMatch, _ tokens: [Token]) -> Bool {
        let start = m.range.lowerBound, end = m.range.upperBound
        for len in 2...3 where start - len >= 0 {
            if cues.match(.waterOf, in: tokens, at: start - len)?.end == start { return true }
        }
        if end < tokens.count, cues.match(.water, in: tokens, at: end) != nil, !(end + 1 < tokens.count && cues.match(.adminSuffix, in: tokens, at: end + 1) != nil) { return true }
        if cues.match(.water, in: tokens, at: end - 1)?.end == end { return true }
        if start > 0, tokens[start - 1].key == "the", cues.match(.waterName, in: tokens, at: start)?.end == end { return true }
        return false
    }

    /// At most five Characters, all uppercase; ASCII words (no CR LF inside a token) answered from
    /// their bytes, where a Character is a byte and uppercase means A-Z.
    private static func isShortCapitals(_ text: String) -> Bool {
        let ascii = text.utf8.withContiguousStorageIfAvailable { b -> Bool? in
            guard b.allSatisfy({ $0 < 0x80 }) else { return nil }
            return b.count <= 5 && b.allSatisfy { $0 >= 65 && $0 <= 90 }
        }
        if let ascii, let answer = ascii { return answer }
        return text.count <= 5 && text.allSatisfy { $0.isUppercase }
    }

    /// "the border town of Shebekine (Shebekino in Russian)", "Al-Bukamal (Abu Kamal)": a known
    /// name in brackets right after a settlement's name is that settlement, told where the name
    /// before it is.
    private func markBracketedNames(_ out: inout [PlaceMatch], _ tokens: [Token]) {
        for k in out.indices where !out[k].locative && !out[k].candidates.isEmpty {
            let s = out[k].range.lowerBound
            guard s >= 3, tokens[s - 1].key == "(", tokens[s - 2].isCapitalized else { continue }
            var b = s - 2
            while b > 0, tokens[b - 1].kind == .word, tokens[b - 1].isCapitalized || tokens[b].hyphenBefore { b -= 1 }
            guard b > 0, (max(0, b - 3)..<b).contains(where: { cues.match(.settlement, in: tokens, at: $0)?.end == b })
                    || cues.match(.locative, in: tokens, at: b - 1)?.end == b,
                  !out.contains(where: { $0.range.overlaps(b..<(s - 1)) && !$0.candidates.isEmpty }) else { continue }
            out[k].locative = true
            out[k].namesSettlement = true
        }
    }

    private func adHocSettlements(_ tokens: [Token], known: [PlaceMatch]) -> [PlaceMatch] {
        var out: [PlaceMatch] = []
        for c in cues.matches(.settlement, in: tokens) where c.payload.hasPrefix("village") || c.payload.hasPrefix("town") || c.payload.hasPrefix("hamlet") {
            var j = c.end
            var words: [String] = []
            while j < tokens.count, words.count < 3, tokens[j].kind == .word, tokens[j].isCapitalized { words.append(tokens[j].text); j += 1 }
            guard !words.isEmpty, !known.contains(where: { $0.range.lowerBound == c.end && $0.range.count >= words.count }) else { continue }
            // "the border town of Shebekine (Shebekino in Russian)": the name in brackets is the
            // gazetteer's; it is read there (`markBracketedNames`).
            if j + 1 < tokens.count, tokens[j].key == "(", known.contains(where: { $0.range.lowerBound == j + 1 && !$0.candidates.isEmpty }) { continue }
            var m = PlaceMatch(range: c.end..<j, key: Tokenizer.compactKey(words.map { Tokenizer.fold($0) }), candidates: [], adminReading: false,
                               locative: true, isReference: false, adHocName: words.joined(separator: " "))
            m.statedCountry = demonymBefore(c.start, tokens)
            out.append(m)
        }
        // "an airstrike near Kunyo Barrow, Somalia": a name the gazetteer does not know, written as
        // a town followed by its country, is a settlement in that country.
        for country in known where countryCode(of: country) != nil {
            let comma = country.range.lowerBound - 1
            guard comma >= 2, tokens[comma].key == "," else { continue }
            var j = comma
            while j > 0, comma - j < 3, tokens[j - 1].kind == .word, tokens[j - 1].isCapitalized, !tokens[j - 1].hyphenBefore { j -= 1 }
            guard j < comma, j > 0, ["in", "near", "outside", "at"].contains(tokens[j - 1].key),
                  !known.contains(where: { $0.range.overlaps(j..<comma) }), !out.contains(where: { $0.range.overlaps(j..<comma) }) else { continue }
            let words = tokens[j..<comma].map(\.text)
            out.append(PlaceMatch(range: j..<comma, key: Tokenizer.compactKey(words.map { Tokenizer.fold($0) }), candidates: [], adminReading: false,
                                  locative: true, isReference: false, adHocName: words.joined(separator: " ")))
        }
        out.append(contentsOf: namedAreas(tokens, known: known, found: out))
        return out
    }

    private static let areaWords: KeySet = ["area", "district"]
    private static let roadWords: KeySet = ["road", "highway", "motorway", "corridor"]

    /// "the southern Lebanese town of", "a Syrian village of": the country of a nationality
    /// adjective right before a settlement word (past a compass word and an article).
    private func demonymBefore(_ start: Int, _ tokens: [Token]) -> String? {
        guard !demonyms.isEmpty else { return nil }
        var k = start - 1
        while k >= 0, start - k <= 3 {
            if let c = demonyms[tokens[k].key] { return c }
            guard Self.compass.contains(tokens[k]) || tokens[k].key == "the" || tokens[k].key == "a" || tokens[k].hyphenBefore else { return nil }
            k -= 1
        }
        return nil
    }

    /// Names the gazetteer does not know, told as places by the phrase around them:
    /// "the Shaltan district of Kunar province", "the Kardgap area of Mastung district" (an area or
    /// district of a known province or district), "in al-Jubah district south of Marib city" (a
    /// district placed from a known town; "the X area south of TOWN" is the town's outskirts, TOWN),
    /// "in southern Lebanon's Jouaiya" (a name after a country's or province's possessive, where
    /// something happened). Not "the Tal al-Sultan area of Rafah" (a known name) nor "the Metina
    /// region" (a region, not a settlement).
    private func namedAreas(_ tokens: [Token], known: [PlaceMatch], found: [PlaceMatch]) -> [PlaceMatch] {
        var out: [PlaceMatch] = []
        func taken(_ r: Range<Int>) -> Bool { known.contains { $0.range.overlaps(r) } || found.contains { $0.range.overlaps(r) } || out.contains { $0.range.overlaps(r) } }
        func add(_ r: Range<Int>, anchorBefore: Bool) {
            guard !r.isEmpty, !taken(r) else { return }
            var name = ""
            for k in r { name += (k == r.lowerBound ? "" : (tokens[k].hyphenBefore ? "-" : " ")) + tokens[k].text }
            var m = PlaceMatch(range: r, key: Tokenizer.compactKey(tokens[r].map(\.key)), candidates: [], adminReading: false,
                               locative: true, isReference: false, adHocName: name)
            m.anchorBefore = anchorBefore
            out.append(m)
        }
        for k in known where !k.candidates.isEmpty && !k.isReference {
            let s = k.range.lowerBound
            let e = k.range.upperBound
            if countryCode(of: k) != nil || k.adminReading, e + 2 < tokens.count, tokens[e].key == "'", tokens[e + 1].key == "s" {
                // "in southern Lebanon's Jouaiya": a possessive place where something happened.
                guard k.locative else { continue }
                let end = nameEnd(tokens, from: e + 2)
                // Not "Yemen's Red Sea port city": a sea or river named after the possessive.
                guard end > e + 2, end - (e + 2) <= 4, !namesSomethingElse(tokens, at: end),
                      cues.match(.water, in: tokens, at: end - 1)?.end != end else { continue }
                add((e + 2)..<end, anchorBefore: true)
                continue
            }
            // The word "area" or "district" before the known place: "... district of Kunar province",
            // "... district south of Marib city".
            var head: Int?
            let provinceLike = k.adminReading || k.namesDistrict
                || (k.range.upperBound < tokens.count && cues.match(.adminSuffix, in: tokens, at: k.range.upperBound) != nil)
            if provinceLike, s >= 2, tokens[s - 1].key == "of" || tokens[s - 1].key == "in", Self.areaWords.contains(tokens[s - 2]) { head = s - 2 }
            for len in 2...3 where head == nil && s - len - 1 >= 0 {
                // Only a district is placed from a town this way: "the X area south of Tripoli" is a part
                // of the town's outskirts, located by the town as "the X area of Tripoli" is.
                if cues.match(.relative, in: tokens, at: s - len)?.end == s, tokens[s - len - 1].key == "district" { head = s - len - 1 }
            }
            guard let h = head else { continue }
            var j = h
            while j > 0, h - j < 4 {
                let t = tokens[j - 1]
                if t.kind == .word, t.isCapitalized { j -= 1; continue }
                if j < h, tokens[j].hyphenBefore, Tokenizer.articles.contains(t), t.key != "the" { j -= 1; continue }
                break
            }
            guard j < h, j > 0, tokens[j - 1].key == "the" || cues.match(.locative, in: tokens, at: j - 1)?.end == j else { continue }
            add(j..<h, anchorBefore: false)
        }
        return out
    }

    /// Where a name of capitalised words (or an article joined to one: "al-Raqw") starting at `i` ends.
    private func nameEnd(_ tokens: [Token], from i: Int) -> Int {
        var j = i
        while j < tokens.count, tokens[j].kind == .word {
            if tokens[j].isCapitalized || (j + 1 < tokens.count && tokens[j + 1].hyphenBefore && Tokenizer.articles.contains(tokens[j]) && tokens[j].key != "the") {
                j += 1
                continue
            }
            break
        }
        return j
    }

    /// A name followed by a site, area or water word ("Gaza's Al-Shifa hospital", "Iraq's
    /// Kurdistan region") or by another capitalised word names that, not a settlement.
    private func namesSomethingElse(_ tokens: [Token], at end: Int) -> Bool {
        guard end < tokens.count else { return false }
        if tokens[end].kind == .word, tokens[end].isCapitalized { return true }
        return cues.match(.site, in: tokens, at: end) != nil || cues.match(.adminSuffix, in: tokens, at: end) != nil
            || cues.match(.water, in: tokens, at: end) != nil || Self.unitWords.contains(tokens[end])
    }

    /// Picks the reading of a match: a country name is the country; "X area" is the province;
    /// otherwise the candidate that best fits the article's countries, then population, then a
    /// main-name match. A small place in a country the article never mentions is a false friend
    /// (a person's name, a militia's name) and gives no reading.
    func resolve(_ m: PlaceMatch, focus: [String: Int], regions: [String: Int] = [:]) -> Int32? {
        guard !m.candidates.isEmpty else { return nil }
        if !m.adminReading, let c = m.candidates.first(where: { gazetteer.entries.kind(at: Int($0)) == .country }) { return c }
        var best: Int32?
        var bestScore = -Double.infinity
        var bestInFocus: Int32?
        var bestInFocusScore = -Double.infinity
        for id in m.candidates {
            let e = gazetteer.entries[Int(id)]
            // "the Gara region of northern Iraq": a place of that name elsewhere is another place.
            if let stated = m.statedCountry, e.countryCode != stated { continue }
            // "the market of al-Khamis in Mustaba district of Hajjah province": a town of that name
            // in another province is another place.
            if let regions = m.statedRegions, e.kind == .place, !regions.contains(e.countryCode + "." + e.admin1Code) { continue }
            // GeoNames gives no population for many towns (0): at least the 500 its list starts at.
            var s = log10(Double(max(e.population, 500)) + 10)
            // The country's count looked up once (a String-keyed dictionary hashes it with SipHash).
            let inFocus = focus[e.countryCode] ?? 0
            s += Double(min(inFocus, 3)) * 2
            // "the town of Ariha south of Idlib city": a town in a province the article names.
            // Weaker than a main-name match: the province of other towns in a list is a hint only.
            if e.kind == .place, !regions.isEmpty { s += Double(min(regions[e.countryCode + "." + e.admin1Code] ?? 0, 2)) * 0.4 }
            if gazetteer.isMainName(m.key, id) { s += 1 }
            if m.adminReading { s += e.kind == .admin1 ? 6 : (e.kind == .country ? 0 : -3) }
            else if e.kind == .place { s += m.namesSettlement ? 4 : 1.5 }
            if s > bestScore { bestScore = s; best = id }
            if inFocus > 0, s > bestInFocusScore { bestInFocusScore = s; bestInFocus = id }
        }
        guard var b = best else { return nil }
        var e = gazetteer.entries[Int(b)]
        if e.kind == .place, !focus.isEmpty, (focus[e.countryCode] ?? 0) == 0 {
            // A town abroad shares its name with one in the countries the article is about
            // ("Ariha" is also Jericho's Arabic name): the article's own town.
            // A city named as where something happened ("in the heart of Tel Aviv") is that city.
            // Named as a town ("near the town of Sinjar") it is no person's name: the likeliest town.
            if let f = bestInFocus { b = f; e = gazetteer.entries[Int(f)] }
            else if e.population < (m.strongLocative ? 100_000 : 1_000_000), !(m.namesSettlement && m.locative && e.population >= 10_000) { return nil }
        }
        if m.adminReading, e.kind == .place {
            return gazetteer.admin1Entry(countryCode: e.countryCode, admin1Code: e.admin1Code) ?? b
        }
        return b
    }

    /// Provinces an article names ("Idlib", "Sa'dah province") and the provinces of towns it names
    /// whose name only one place has: a homonym in one of them is the article's.
    func focusRegions(_ matches: [[PlaceMatch]]) -> [String: Int] {
        var regions: [String: Int] = [:]
        let entries = gazetteer.entries
        for sentence in matches {
            for m in sentence where m.locative || m.adminReading {
                if m.candidates.count == 1 || m.candidates.allSatisfy({ entries.kind(at: Int($0)) != .country }) {
                    // A list, not a set, of the few keys seen (a name has a handful of readings), and
                    // the entries' fields read in place: a set and a whole entry per reading were
                    // most of this count's cost.
                    var seen: [String] = []
                    for id in m.candidates {
                        guard entries.kind(at: Int(id)) == .admin1 || m.candidates.count == 1 else { continue }
                        let key = entries.countryCode(at: Int(id)) + "." + entries.admin1Code(at: Int(id))
                        if !seen.contains(key) {
                            seen.append(key)
                            regions[key, default: 0] += 1
                        }
                    }
                }
            }
        }
        return regions
    }

    /// Countries an article is about: named countries and provinces, and large cities whose name is
    /// unambiguous; small places only count once their country is known.
    func focusCountries(_ matches: [[PlaceMatch]]) -> [String: Int] {
        var focus: [String: Int] = [:]
        var uniqueTowns: [(code: String, id: Int32)] = []
        let entries = gazetteer.entries
        for sentence in matches {
            for m in sentence {
                if let c = m.candidates.first(where: { entries.kind(at: Int($0)) == .country }) { focus[entries.countryCode(at: Int(c)), default: 0] += 1; continue }
                // A town only tells the country where it is named as a location ("in Homs"), not
                // inside a person's name ("Ali Mahmud Abbas").
                guard m.locative || m.adminReading else { continue }
                if let c = Self.soleCountry(m.candidates, entries, where: { $0.kind == .admin1 || $0.population >= 500_000 }) {
                    // "in Beni": a province's name that a city of its own elsewhere also has (El Beni
                    // in Bolivia, Beni in the Congo) tells no country.
                    if m.candidates.contains(where: { let e = entries[Int($0)]; return e.kind == .place && e.population >= 100_000 && e.countryCode != c }) { continue }
                    focus[c, default: 0] += 1
                    continue
                }
                // A name only one country has ("Al-Bukamal", "Kramatorsk") also tells the country.
                if let c = Self.soleCountry(m.candidates, entries, where: { _ in true }), let id = m.candidates.first { uniqueTowns.append((c, id)) }
            }
        }
        // ... unless that country lies far from every country the article names outright: "south
        // of Abu" in an article about Idlib is not Abu in India, "the Gara region" of an article
        // about Iraq not El Gara in Morocco.
        let named = focus
        for t in uniqueTowns where named.isEmpty || named[t.code] != nil || isNear(t.id, toAnyOf: named.keys) { focus[t.code, default: 0] += 1 }
        return focus
    }

    /// Whether a place lies within 2,500 km of the capital of one of the countries.
    private func isNear(_ id: Int32, toAnyOf countries: Dictionary<String, Int>.Keys) -> Bool {
        let e = gazetteer.entries[Int(id)]
        guard let la = e.latitude, let lo = e.longitude else { return true }
        let here = Place(name: nil, admin1: nil, country: nil, latitude: la, longitude: lo)
        for code in countries {
            guard let c = gazetteer.capital(of: code), let cla = gazetteer.entries[Int(c)].latitude, let clo = gazetteer.entries[Int(c)].longitude else { return true }
            if (here.distanceKilometres(to: Place(name: nil, admin1: nil, country: nil, latitude: cla, longitude: clo)) ?? 0) <= 2_500 { return true }
        }
        return false
    }
}

extension PlaceFinder {
    /// The one country code shared by every candidate that passes `filter`; nil when none passes or
    /// they differ. Walks the ids instead of collecting entries and a Set per match.
    static func soleCountry(_ ids: [Int32], _ entries: GazetteerEntries, where filter: (GazetteerEntry) -> Bool) -> String? {
        var code: String?
        for id in ids {
            let e = entries[Int(id)]
            guard filter(e) else { continue }
            if let c = code { if c != e.countryCode { return nil } } else { code = e.countryCode }
        }
        return code
    }
}

/// The country an article is most about, ties broken by code so runs are reproducible.
enum FocusCountries {
    static func top(_ focus: [String: Int]) -> String? {
        focus.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
    }
}
