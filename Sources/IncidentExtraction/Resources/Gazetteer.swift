import Foundation

/// One named place the gazetteer knows: a populated place, a province (admin1) or a country.
///
/// Stored narrowly (coordinates without optionals, population in 32 bits). This is the shape the
/// rules read (`latitude: Double?`, `population: Int`); the gazetteer keeps its 55k entries packed
/// tighter still (`GazetteerEntries`) and makes one of these per lookup.
struct GazetteerEntry: Sendable {
    enum Kind: UInt8, Sendable { case place, admin1, country }
    let name: String
    let countryCode: String
    let admin1Code: String
    /// The coordinates as stored: `absent` (a NaN no parser produces) stands for "none".
    let storedLatitude: Double
    let storedLongitude: Double
    let storedPopulation: Int32
    let kind: Kind

    init(name: String, kind: Kind, countryCode: String, admin1Code: String, latitude: Double? = nil, longitude: Double? = nil, population: Int) {
        self.init(name: name, kind: kind, countryCode: countryCode, admin1Code: admin1Code, storedLatitude: latitude ?? Self.absent,
                  storedLongitude: longitude ?? Self.absent, storedPopulation: Int32(clamping: population))
    }

    init(name: String, kind: Kind, countryCode: String, admin1Code: String, storedLatitude: Double, storedLongitude: Double, storedPopulation: Int32) {
        self.name = name
        self.kind = kind
        self.countryCode = countryCode
        self.admin1Code = admin1Code
        self.storedLatitude = storedLatitude
        self.storedLongitude = storedLongitude
        self.storedPopulation = storedPopulation
    }

    var latitude: Double? { storedLatitude.bitPattern == Self.absent.bitPattern ? nil : storedLatitude }
    var longitude: Double? { storedLongitude.bitPattern == Self.absent.bitPattern ? nil : storedLongitude }
    var population: Int { Int(storedPopulation) }

    /// A NaN with a payload no parser produces, standing for "no coordinate".
    private static let absent = Double(bitPattern: 0x7FF8_0000_DEAD_BEEF)
}

/// Offline geocoder built from GeoNames (`gazetteer/*.tsv`). Names are indexed by a compact key
/// (folded letters and digits, leading Arabic article dropped) so "Al-Bukamal", "Al Bukamal" and
/// "Bukamal" meet in one hash lookup per candidate n-gram; nothing scans the gazetteer per token.
/// The index is a `CompactNameIndex` (flat buffers, no object per name): it is most of what the
/// daemon keeps in memory between bursts.
struct Gazetteer: Sendable {
    private(set) var entries = GazetteerEntries()
    private var index = CompactNameIndex()
    private(set) var admin1Names: [String: String] = [:]
    private(set) var countryNames: [String: String] = [:]
    private(set) var capitals: [String: String] = [:]
    /// Lowercased main names of provinces and countries → their ids (the only kinds looked up by
    /// exact name after loading).
    private var regionsByName: [String: [Int32]] = [:]
    /// Rules out most absent compact keys before `index` is probed (see `HashFilter`).
    private var keyFilter = HashFilter(hashes: [])
    static let maxNameTokens = 5

    init() {}

    static func load(from folders: [URL], stopwords: Set<String>) -> Gazetteer {
        var loader = GazetteerLoader(stopwords: stopwords, aliasTargets: GazetteerLoader.aliasTargets(in: folders))
        loader.displayNames = GazetteerLoader.displayNames(in: folders)
        loader.load(from: folders)
        var g = Gazetteer()
        g.entries = GazetteerEntries(loader.entries)
        g.index = CompactNameIndex(loader.names)
        g.admin1Names = loader.admin1Names
        g.countryNames = loader.countryNames
        g.capitals = loader.capitals
        g.regionsByName = loader.byName.filter { $0.value.contains { g.entries.kind(at: Int($0)) != .place } }
            .mapValues { $0.filter { g.entries.kind(at: Int($0)) != .place } }
        g.keyFilter = HashFilter(hashes: g.index.allHashes)
        return g
    }

    /// Number of distinct compact name keys.
    var nameKeyCount: Int { index.count }

    func isMainName(_ key: String, _ id: Int32) -> Bool { index.isMainName(key, id) }

    func candidates(forKey key: String) -> [Int32]? { index.ids(forKey: key) }

    /// False when no name has a compact key with this hash (`Tokenizer.compactKeyHashes`).
    func mayHaveKey(hash: UInt64) -> Bool { keyFilter.mayContain(hash) && index.containsHash(hash) }

    func admin1Name(of e: GazetteerEntry) -> String? {
        e.kind == .country ? nil : (e.kind == .admin1 ? e.name : admin1Names[e.countryCode + "." + e.admin1Code])
    }

    func countryName(of e: GazetteerEntry) -> String? { countryNames[e.countryCode] }

    /// The province entry of a place, for "X area" readings.
    func admin1Entry(countryCode: String, admin1Code: String) -> Int32? {
        guard let name = admin1Names[countryCode + "." + admin1Code] else { return nil }
        return regionsByName[name.lowercased()]?.first { entries.kind(at: Int($0)) == .admin1 && entries.countryCode(at: Int($0)) == countryCode }
    }

    /// The capital city of a country, for "the capital".
    func capital(of code: String) -> Int32? {
        guard let name = capitals[code] else { return nil }
        let key = Tokenizer.compactKey(name: name)
        return index.ids(forKey: key)?.filter { entries.kind(at: Int($0)) == .place && entries.countryCode(at: Int($0)) == code }
            .max { entries[Int($0)].population < entries[Int($1)].population }
    }

    /// The country entry for a code.
    func countryEntry(_ code: String) -> Int32? {
        guard let name = countryNames[code] else { return nil }
        return regionsByName[name.lowercased()]?.first { entries.kind(at: Int($0)) == .country }
    }
}
