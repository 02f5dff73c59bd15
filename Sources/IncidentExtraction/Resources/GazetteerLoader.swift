import Foundation

/// Reads `gazetteer/*.tsv` and the alias files into the parts a `Gazetteer` is made of. Rows are
/// streamed (`ConfigFile.forEachRow`), not collected: the places file is 52k rows, and holding
/// them all as `[[String]]` left megabytes of freed fragments in the heap after loading.
struct GazetteerLoader {
    let stopwords: Set<String>
    /// Lowercased canonical names the alias files point at: the only places looked up by exact
    /// name, so the only ones `byName` keeps besides provinces and countries.
    let aliasTargets: Set<String>
    private(set) var entries: [GazetteerEntry] = []
    private(set) var names = CompactNameIndex.Builder()
    private(set) var admin1Names: [String: String] = [:]
    private(set) var countryNames: [String: String] = [:]
    private(set) var capitals: [String: String] = [:]
    /// Lowercased main name → ids, for provinces, countries and alias targets.
    private(set) var byName: [String: [Int32]] = [:]

    static let aliasFiles = ["gazetteer/aliases.tsv", "user-aliases.tsv"]
    /// Names to report instead of the gazetteer's own: GeoNames writes a scholarly transliteration
    /// ("Dayr al Balah", "Tajura'") where analysts and news write the common English form ("Deir
    /// al-Balah", "Tajoura"). Format: display name TAB gazetteer name TAB country code.
    static let displayFiles = ["gazetteer/display-names.tsv", "display-names.tsv"]

    /// Gazetteer name -> (country code, display name) pairs; a later line overrides an earlier
    /// one. Keyed by the name alone so each of the 52k gazetteer rows is looked up without
    /// building a key string.
    static func displayNames(in folders: [URL]) -> [String: [(country: String, display: String)]] {
        var out: [String: [(country: String, display: String)]] = [:]
        for file in displayFiles {
            ConfigFile.forEachRow(file, in: folders) { row in
                guard row.count >= 3, !row[0].isEmpty else { return }
                out[row[1], default: []].removeAll { $0.country == row[2] }
                out[row[1], default: []].append((row[2], row[0]))
            }
        }
        return out
    }

    /// Read by `load` and dropped after it: only the renamed entries keep the display names.
    var displayNames: [String: [(country: String, display: String)]] = [:]

    /// The name an entry reports: its display name if one is set, else the gazetteer's.
    private func displayName(_ name: String, country: String) -> String {
        guard !displayNames.isEmpty, let pairs = displayNames[name] else { return name }
        return pairs.first { $0.country == country }?.display ?? name
    }

    static func aliasTargets(in folders: [URL]) -> Set<String> {
        var out: Set<String> = []
        for file in aliasFiles { ConfigFile.forEachRow(file, in: folders) { row in if row.count >= 2 { out.insert(row[1].lowercased()) } } }
        return out
    }

    mutating func load(from folders: [URL]) {
        ConfigFile.forEachRow("gazetteer/countries.tsv", in: folders) { row in
            guard row.count >= 2 else { return }
            let name = displayName(row[1], country: row[0])
            countryNames[row[0]] = name
            if row.count > 3, !row[3].isEmpty { capitals[row[0]] = row[3] }
            let id = append(GazetteerEntry(name: name, kind: .country, countryCode: row[0], admin1Code: "", population: 10_000_000))
            addName(name, id: id, main: true, stopwords: [])
            if name != row[1] { addName(row[1], id: id, main: true, stopwords: []) }
            for a in ConfigFile.list(row.count > 2 ? row[2] : nil) { addName(a, id: id, main: false, stopwords: []) }
        }
        ConfigFile.forEachRow("gazetteer/admin1.tsv", in: folders) { row in
            guard row.count >= 3 else { return }
            let name = displayName(row[2], country: row[0])
            admin1Names[row[0] + "." + row[1]] = name
            let id = append(GazetteerEntry(name: name, kind: .admin1, countryCode: row[0], admin1Code: row[1], population: 1_000_000))
            addName(name, id: id, main: true, stopwords: [])
            if name != row[2] { addName(row[2], id: id, main: true, stopwords: []) }
            for a in ConfigFile.list(row.count > 3 ? row[3] : nil) { addName(a, id: id, main: false, stopwords: stopwords) }
        }
        for file in ["gazetteer/places.tsv", "gazetteer/extra-places.tsv"] {
            ConfigFile.forEachRow(file, in: folders) { row in
                guard row.count >= 6 else { return }
                let name = displayName(row[0], country: row[1])
                let e = GazetteerEntry(name: name, kind: .place, countryCode: row[1], admin1Code: row[2],
                                       latitude: Double(row[3]), longitude: Double(row[4]), population: Int(row[5]) ?? 0)
                let id = append(e)
                addName(name, id: id, main: true, stopwords: stopwords)
                // The gazetteer's own name stays a main name: alias files and analysts name it.
                if name != row[0] { addName(row[0], id: id, main: true, stopwords: stopwords) }
                for a in ConfigFile.list(row.count > 6 ? row[6] : nil) { addName(a, id: id, main: false, stopwords: stopwords) }
            }
        }
        for file in Self.aliasFiles {
            ConfigFile.forEachRow(file, in: folders) { row in
                guard row.count >= 2 else { return }
                addAlias(row[0], canonical: row[1], country: row.count > 2 ? row[2] : "")
            }
        }
    }

    private mutating func addAlias(_ alias: String, canonical: String, country: String) {
        // The canonical name as written, else any place whose main name has the same compact
        // key: older alias files name places by their diacritic form ("Ālbū Kamāl"), which
        // places.tsv now keeps as an alternate of the ASCII main name ("Albu Kamal").
        var named = byName[canonical.lowercased()] ?? []
        if named.isEmpty {
            let key = Tokenizer.compactKey(name: canonical)
            named = (names.ids(forKey: key) ?? []).filter { names.isMainName(key, $0) }
        }
        let targets = named.filter { country.isEmpty || entries[Int($0)].countryCode == country }
        // An alias names one place: prefer the populated place, then the most populous.
        if let best = targets.max(by: { rank(Int($0)) < rank(Int($1)) }) {
            addName(alias, id: best, main: true, stopwords: [])
        }
    }

    private func rank(_ id: Int) -> Int {
        let e = entries[id]
        return (e.kind == .place ? 1 << 40 : 0) + e.population
    }

    private mutating func append(_ e: GazetteerEntry) -> Int32 {
        entries.append(e)
        let id = Int32(entries.count - 1)
        if e.kind != .place || !aliasTargets.isEmpty {
            let lower = e.name.lowercased()
            if e.kind != .place || aliasTargets.contains(lower) { byName[lower, default: []].append(id) }
        }
        return id
    }

    private mutating func addName(_ name: String, id: Int32, main: Bool, stopwords: Set<String>) {
        let key = Tokenizer.compactKey(name: name)
        if stopwords.contains(key) { return }
        guard key.unicodeScalars.count >= 3 || (key.unicodeScalars.count == 2 && key.unicodeScalars.contains { $0.properties.numericType != nil }) else { return }
        names.add(key, id: id, main: main)
    }
}
