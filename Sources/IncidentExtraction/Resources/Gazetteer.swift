import Foundation

/// One named place the gazetteer knows: a populated place, a province (admin1) or a country.
struct GazetteerEntry: Sendable {
    enum Kind: UInt8, Sendable { case place, admin1, country }
    var name: String
    var kind: Kind
    var countryCode: String
    var admin1Code: String
    var latitude: Double?
    var longitude: Double?
    var population: Int
}

/// Offline geocoder built from GeoNames (`gazetteer/*.tsv`). Names are indexed by a compact key
/// (folded letters and digits, leading Arabic article dropped) so "Al-Bukamal", "Al Bukamal" and
/// "Bukamal" meet in one hash lookup per candidate n-gram; nothing scans the gazetteer per token.
struct Gazetteer: Sendable {
    private(set) var entries: [GazetteerEntry] = []
    private(set) var index = HashedIndex<[Int32]>()
    /// Entry ids whose main name (not an alternate) has this key: a main-name match ranks higher.
    private(set) var mainNameKeys: Set<Int64> = []
    private(set) var admin1Names: [String: String] = [:]
    private(set) var countryNames: [String: String] = [:]
    private(set) var capitals: [String: String] = [:]
    private var byName: [String: [Int32]] = [:]
    /// Rules out most absent compact keys before `index` is probed (see `HashFilter`).
    private var keyFilter = HashFilter(hashes: [])
    static let maxNameTokens = 5

    init() {}

    static func load(from folders: [URL], stopwords: Set<String>) -> Gazetteer {
        var g = Gazetteer()
        for row in ConfigFile.rows("gazetteer/countries.tsv", in: folders) where row.count >= 2 {
            g.countryNames[row[0]] = row[1]
            if row.count > 3, !row[3].isEmpty { g.capitals[row[0]] = row[3] }
            let id = g.append(GazetteerEntry(name: row[1], kind: .country, countryCode: row[0], admin1Code: "", population: 10_000_000))
            g.addName(row[1], id: id, main: true, stopwords: [])
            for a in ConfigFile.list(row.count > 2 ? row[2] : nil) { g.addName(a, id: id, main: false, stopwords: []) }
        }
        for row in ConfigFile.rows("gazetteer/admin1.tsv", in: folders) where row.count >= 3 {
            g.admin1Names[row[0] + "." + row[1]] = row[2]
            let id = g.append(GazetteerEntry(name: row[2], kind: .admin1, countryCode: row[0], admin1Code: row[1], population: 1_000_000))
            g.addName(row[2], id: id, main: true, stopwords: [])
            for a in ConfigFile.list(row.count > 3 ? row[3] : nil) { g.addName(a, id: id, main: false, stopwords: stopwords) }
        }
        for file in ["gazetteer/places.tsv", "gazetteer/extra-places.tsv"] {
            for row in ConfigFile.rows(file, in: folders) where row.count >= 6 {
                let e = GazetteerEntry(name: row[0], kind: .place, countryCode: row[1], admin1Code: row[2],
                                       latitude: Double(row[3]), longitude: Double(row[4]), population: Int(row[5]) ?? 0)
                let id = g.append(e)
                g.addName(row[0], id: id, main: true, stopwords: stopwords)
                for a in ConfigFile.list(row.count > 6 ? row[6] : nil) { g.addName(a, id: id, main: false, stopwords: stopwords) }
            }
        }
        for file in ["gazetteer/aliases.tsv", "user-aliases.tsv"] {
            for row in ConfigFile.rows(file, in: folders) where row.count >= 2 {
                let country = row.count > 2 ? row[2] : ""
                // The canonical name as written, else any place whose main name has the same compact
                // key: older alias files name places by their diacritic form ("Ālbū Kamāl"), which
                // places.tsv now keeps as an alternate of the ASCII main name ("Albu Kamal").
                var named = g.byName[row[1].lowercased()] ?? []
                if named.isEmpty {
                    let key = Tokenizer.compactKey(name: row[1])
                    named = (g.index.lookup(key) ?? []).filter { g.isMainName(key, $0) }
                }
                let targets = named.filter {
                    country.isEmpty || g.entries[Int($0)].countryCode == country
                }
                // An alias names one place: prefer the populated place, then the most populous.
                if let best = targets.max(by: { g.rank(Int($0)) < g.rank(Int($1)) }) {
                    g.addName(row[0], id: best, main: true, stopwords: [])
                }
            }
        }
        g.keyFilter = HashFilter(hashes: g.index.allHashes)
        return g
    }

    private func rank(_ id: Int) -> Int {
        let e = entries[id]
        return (e.kind == .place ? 1 << 40 : 0) + e.population
    }

    private mutating func append(_ e: GazetteerEntry) -> Int32 {
        entries.append(e)
        let id = Int32(entries.count - 1)
        byName[e.name.lowercased(), default: []].append(id)
        return id
    }

    private mutating func addName(_ name: String, id: Int32, main: Bool, stopwords: Set<String>) {
        let key = Tokenizer.compactKey(name: name)
        if stopwords.contains(key) { return }
        guard key.unicodeScalars.count >= 3 || (key.unicodeScalars.count == 2 && key.unicodeScalars.contains { $0.properties.numericType != nil }) else { return }
        index.upsert(key, initial: []) { ids in if !ids.contains(id) { ids.append(id) } }
        if main { mainNameKeys.insert(Self.pair(key, id)) }
    }

    private static func pair(_ key: String, _ id: Int32) -> Int64 {
        Int64(truncatingIfNeeded: key.hashValue) &* 31 &+ Int64(id)
    }

    func isMainName(_ key: String, _ id: Int32) -> Bool { mainNameKeys.contains(Self.pair(key, id)) }

    func candidates(forKey key: String) -> [Int32]? { index.lookup(key) }

    /// False when no name has a compact key with this hash (`Tokenizer.compactKeyHashes`).
    func mayHaveKey(hash: UInt64) -> Bool { keyFilter.mayContain(hash) && index.containsHash(hash) }

    func admin1Name(of e: GazetteerEntry) -> String? {
        e.kind == .country ? nil : (e.kind == .admin1 ? e.name : admin1Names[e.countryCode + "." + e.admin1Code])
    }

    func countryName(of e: GazetteerEntry) -> String? { countryNames[e.countryCode] }

    /// The province entry of a place, for "X area" readings.
    func admin1Entry(countryCode: String, admin1Code: String) -> Int32? {
        guard let name = admin1Names[countryCode + "." + admin1Code] else { return nil }
        return byName[name.lowercased()]?.first { entries[Int($0)].kind == .admin1 && entries[Int($0)].countryCode == countryCode }
    }

    /// The capital city of a country, for "the capital".
    func capital(of code: String) -> Int32? {
        guard let name = capitals[code] else { return nil }
        let key = Tokenizer.compactKey(name: name)
        return index.lookup(key)?.filter { entries[Int($0)].kind == .place && entries[Int($0)].countryCode == code }
            .max { entries[Int($0)].population < entries[Int($1)].population }
    }

    /// The country entry for a code.
    func countryEntry(_ code: String) -> Int32? {
        guard let name = countryNames[code] else { return nil }
        return byName[name.lowercased()]?.first { entries[Int($0)].kind == .country }
    }
}
