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
}

/// Finds gazetteer names in a token list by looking up the compact key of each capitalised n-gram
/// (longest first), so the cost is a handful of hash lookups per token whatever the gazetteer size.
struct PlaceFinder: Sendable {
    let gazetteer: Gazetteer
    let cues: CueLexicon

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
                    found = PlaceMatch(range: i..<(i + n), key: key, candidates: cands, adminReading: false, locative: false, isReference: false, adHocName: nil)
                    break
                }
            }
            if var m = found {
                annotate(&m, tokens: tokens, previous: out)
                if keep(m, tokens: tokens) { out.append(m) }
                i = m.range.upperBound
                continue
            }
            i += 1
        }
        let adHoc = adHocSettlements(tokens, known: out)
        // "the village of Tell Hamdoun": the whole capitalised name, not a known place named "Tell".
        out.removeAll { m in adHoc.contains { $0.range.lowerBound == m.range.lowerBound && $0.range.count > m.range.count } }
        out.append(contentsOf: adHoc)
        // "the capital", and "Somalia's capital" after a country's name.
        for k in tokens.indices where tokens[k].keyHash == Self.capitalHash && tokens[k].key == "capital" && k > 0
            && (tokens[k - 1].key == "the" || (k >= 3 && tokens[k - 1].key == "s" && tokens[k - 2].key == "'" && out.contains { $0.range.upperBound == k - 2 && $0.candidates.contains { gazetteer.entries[Int($0)].kind == .country } }))
            && !(k + 1 < tokens.count && (tokens[k + 1].isCapitalized || tokens[k + 1].key == "city" || tokens[k + 1].key == "of")) {
            var m = PlaceMatch(range: (k - 1)..<(k + 1), key: "capital", candidates: [], adminReading: false, locative: false, isReference: false, adHocName: nil)
            m.isCapital = true
            annotate(&m, tokens: tokens, previous: out.filter { $0.range.upperBound <= k - 1 })
            out.append(m)
        }
        out.sort { $0.range.lowerBound < $1.range.lowerBound }
        return out
    }

    private static let capitalHash = HashedIndex<Int>.hash("capital")
    private static let nameParticles: KeySet = ["ez", "az", "al", "el", "ad", "as", "ar", "ash", "at", "an", "es", "ed", "de", "of", "bin", "ibn", "abu", "i", "e"]

    private func startsName(_ tokens: [Token], _ i: Int) -> Bool {
        if tokens[i].isCapitalized { return true }
        // "al-Bukamal", "el-Zor": a lowercase article joined to a capitalised name.
        if i + 1 < tokens.count, tokens[i + 1].hyphenBefore, tokens[i + 1].isCapitalized, Tokenizer.articles.contains(tokens[i]) { return true }
        return false
    }

    private func annotate(_ m: inout PlaceMatch, tokens: [Token], previous: [PlaceMatch]) {
        let end = m.range.upperBound
        if end < tokens.count, cues.match(.adminSuffix, in: tokens, at: end) != nil, namesProvince(m) { m.adminReading = true }
        // "after the strikes in Aleppo": a place in a clause about an earlier event.
        if m.range.lowerBound >= 3 {
            let window = max(0, m.range.lowerBound - 6)..<(m.range.lowerBound - 1)
            if ["in", "on", "at", "near"].contains(tokens[m.range.lowerBound - 1].key),
               window.contains(where: { ["after", "following", "since"].contains(tokens[$0].key) }) { m.isReference = true }
        }
        for len in 1...3 where m.range.lowerBound - len >= 0 {
            let s = m.range.lowerBound - len
            if let c = cues.match(.adminPrefix, in: tokens, at: s), c.end == m.range.lowerBound || (c.end + 1 == m.range.lowerBound && tokens[c.end].key == "the"), namesProvince(m) {
                m.adminReading = true
            }
            if let c = cues.match(.relative, in: tokens, at: s),
               c.end == m.range.lowerBound || (c.end + 1 == m.range.lowerBound && tokens[c.end].key == "the")
                || (c.end + 3 == m.range.lowerBound && tokens[c.end + 1].key == "'" && tokens[c.end + 2].key == "s"),
               let prev = previous.last, m.range.lowerBound - prev.range.upperBound <= 6 {
                m.isReference = true
            }
        }
        var k = m.range.lowerBound - 1
        if k >= 0, tokens[k].key == "from" { m.isReference = true }
        for len in 1...2 where m.range.lowerBound - len >= 0 {
            if let c = cues.match(.settlement, in: tokens, at: m.range.lowerBound - len), c.end == m.range.lowerBound { m.locative = true; m.namesSettlement = true }
        }
        // Walk back over modifiers ("the northern city of", "Russia-controlled") to a locative word.
        var hops = 0
        while k >= 0, hops < 8 {
            let t = tokens[k]
            if cues.match(.locative, in: tokens, at: k).map({ $0.end == k + 1 }) ?? false {
                m.locative = true
                m.strongLocative = ["in", "near", "at", "across", "into", "inside", "around", "outside"].contains(t.key)
                break
            }
            if t.hyphenBefore, k > 0 { k -= 2; hops += 1; continue }
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

    private static let placeModifiers: KeySet = ["the", "a", "city", "town", "village", "capital", "northern", "southern", "eastern", "western", "central",
        "north", "south", "east", "west", "rural", "occupied", "besieged", "border", "province", "southeastern", "southwestern", "northeastern",
        "northwestern", "coastal", "restive", "embattled", "frontline", "strategic", "key", "nearby", "neighbouring", "neighboring", "syrian", "iraqi",
        "ukrainian", "lebanese", "afghan", "somali", "yemeni", "libyan", "palestinian", "pakistani", "port", "besieged", "southern-most", "major", "main"]
    private static let voiceVerbs: KeySet = ["said", "says", "condemned", "denied", "announced", "accused", "blamed", "warned", "called", "described",
        "denounced", "claimed", "responded", "stated", "urged", "insisted", "vowed", "rejected", "welcomed", "confirmed"]

    /// Whether the name is a province's ("Deir Ezzor area" is the province, "Al Bukamal area" is
    /// the surroundings of the town).
    private func namesProvince(_ m: PlaceMatch) -> Bool {
        m.candidates.contains { id in
            let e = gazetteer.entries[Int(id)]
            if e.kind == .admin1 { return true }
            guard e.kind == .place, let a = gazetteer.admin1Name(of: e) else { return false }
            return Tokenizer.compactKey(name: a) == m.key
        }
    }

    /// Drops readings that are almost always something else: a small village's name used without
    /// a locative word, or a name glued to "-backed" / "-based".
    private func keep(_ m: PlaceMatch, tokens: [Token]) -> Bool {
        let end = m.range.upperBound
        if end < tokens.count, tokens[end].hyphenBefore, tokens[end].kind == .word { return false }
        // "Damascus condemned ...", "Kyiv has denied ...": the capital speaking for a government.
        if !m.locative, end < tokens.count {
            let next = tokens[end].key
            let after = end + 1 < tokens.count ? tokens[end + 1].key : ""
            if Self.voiceVerbs.contains(next) || (["has", "have", "had", "was", "is", "also", "did"].contains(next) && (Self.voiceVerbs.contains(after) || after == "not")) { return false }
        }
        // An acronym ("SANA", "IS") is not a place name.
        if m.range.count == 1, Self.isShortCapitals(tokens[m.range.lowerBound].text) { return false }
        if m.range.lowerBound > 0, tokens[m.range.lowerBound].hyphenBefore, tokens[m.range.lowerBound - 1].key == "pro" { return false }
        let entries = gazetteer.entries
        if m.candidates.contains(where: { entries[Int($0)].kind != .place || entries[Int($0)].population >= 20_000 }) { return true }
        if m.locative { return true }
        return m.range.count >= 2 && m.candidates.contains { entries[Int($0)].population >= 1000 }
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

    private func adHocSettlements(_ tokens: [Token], known: [PlaceMatch]) -> [PlaceMatch] {
        var out: [PlaceMatch] = []
        for c in cues.matches(.settlement, in: tokens) where c.payload.hasPrefix("village") || c.payload.hasPrefix("town") || c.payload.hasPrefix("hamlet") {
            var j = c.end
            var words: [String] = []
            while j < tokens.count, words.count < 3, tokens[j].kind == .word, tokens[j].isCapitalized { words.append(tokens[j].text); j += 1 }
            guard !words.isEmpty, !known.contains(where: { $0.range.lowerBound == c.end && $0.range.count >= words.count }) else { continue }
            out.append(PlaceMatch(range: c.end..<j, key: Tokenizer.compactKey(words.map { Tokenizer.fold($0) }), candidates: [], adminReading: false,
                                  locative: true, isReference: false, adHocName: words.joined(separator: " ")))
        }
        return out
    }

    /// Picks the reading of a match: a country name is the country; "X area" is the province;
    /// otherwise the candidate that best fits the article's countries, then population, then a
    /// main-name match. A small place in a country the article never mentions is a false friend
    /// (a person's name, a militia's name) and gives no reading.
    func resolve(_ m: PlaceMatch, focus: [String: Int]) -> Int32? {
        guard !m.candidates.isEmpty else { return nil }
        if !m.adminReading, let c = m.candidates.first(where: { gazetteer.entries[Int($0)].kind == .country }) { return c }
        var best: Int32?
        var bestScore = -Double.infinity
        for id in m.candidates {
            let e = gazetteer.entries[Int(id)]
            var s = log10(Double(e.population) + 10)
            s += Double(min(focus[e.countryCode] ?? 0, 3)) * 2
            if gazetteer.isMainName(m.key, id) { s += 1 }
            if m.adminReading { s += e.kind == .admin1 ? 6 : (e.kind == .country ? 0 : -3) }
            else if e.kind == .place { s += m.namesSettlement ? 4 : 1.5 }
            if s > bestScore { bestScore = s; best = id }
        }
        guard let b = best else { return nil }
        let e = gazetteer.entries[Int(b)]
        if e.kind == .place, !focus.isEmpty, (focus[e.countryCode] ?? 0) == 0, e.population < 1_000_000 { return nil }
        if m.adminReading, e.kind == .place {
            return gazetteer.admin1Entry(countryCode: e.countryCode, admin1Code: e.admin1Code) ?? b
        }
        return b
    }

    /// Countries an article is about: named countries and provinces, and large cities whose name is
    /// unambiguous; small places only count once their country is known.
    func focusCountries(_ matches: [[PlaceMatch]]) -> [String: Int] {
        var focus: [String: Int] = [:]
        let entries = gazetteer.entries
        for sentence in matches {
            for m in sentence {
                if let c = m.candidates.first(where: { entries[Int($0)].kind == .country }) { focus[entries[Int(c)].countryCode, default: 0] += 1; continue }
                // A town only tells the country where it is named as a location ("in Homs"), not
                // inside a person's name ("Ali Mahmud Abbas").
                guard m.locative || m.adminReading else { continue }
                if let c = Self.soleCountry(m.candidates, entries, where: { $0.kind == .admin1 || $0.population >= 500_000 }) { focus[c, default: 0] += 1; continue }
                // A name only one country has ("Al-Bukamal", "Kramatorsk") also tells the country.
                if let c = Self.soleCountry(m.candidates, entries, where: { _ in true }) { focus[c, default: 0] += 1 }
            }
        }
        return focus
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
