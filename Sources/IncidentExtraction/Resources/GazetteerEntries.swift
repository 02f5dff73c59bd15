/// The gazetteer's entries, packed: each keeps its name, coordinates, population and kind, and
/// points at its (country, admin1) pair in a table of the few thousand distinct pairs.
///
/// Why: the daemon holds some 55k entries for its whole life. As `[GazetteerEntry]` each carried
/// two code strings (16 bytes each) beside its name, 72 bytes in all and 4 MB together; packed
/// they take 48 bytes and the pairs table a few hundred kilobytes, about 1.5 MB less resident
/// memory at idle. Reading one builds the same `GazetteerEntry` the rules always read.
struct GazetteerEntries: RandomAccessCollection, Sendable {
    private struct Packed: Sendable {
        let name: String
        let latitude: Double
        let longitude: Double
        let region: UInt32
        let population: Int32
        let kind: GazetteerEntry.Kind
    }

    private struct Region: Hashable, Sendable {
        let countryCode: String
        let admin1Code: String
    }

    private let packed: [Packed]
    private let regions: [Region]

    init() {
        packed = []
        regions = []
    }

    init(_ entries: [GazetteerEntry]) {
        var numbers: [Region: UInt32] = [:]
        var regions: [Region] = []
        var packed: [Packed] = []
        packed.reserveCapacity(entries.count)
        for e in entries {
            let region = Region(countryCode: e.countryCode, admin1Code: e.admin1Code)
            let number: UInt32
            if let known = numbers[region] {
                number = known
            } else {
                number = UInt32(regions.count)
                numbers[region] = number
                regions.append(region)
            }
            packed.append(Packed(name: e.name, latitude: e.storedLatitude, longitude: e.storedLongitude, region: number,
                                 population: e.storedPopulation, kind: e.kind))
        }
        self.packed = packed
        self.regions = regions
    }

    var startIndex: Int { 0 }
    var endIndex: Int { packed.count }

    subscript(position: Int) -> GazetteerEntry {
        let p = packed[position]
        let r = regions[Int(p.region)]
        return GazetteerEntry(name: p.name, kind: p.kind, countryCode: r.countryCode, admin1Code: r.admin1Code,
                              storedLatitude: p.latitude, storedLongitude: p.longitude, storedPopulation: p.population)
    }

    /// One field of an entry without building the whole `GazetteerEntry` (which retains and
    /// releases its three strings): rules ask a reading's kind or country many times per sentence.
    func kind(at position: Int) -> GazetteerEntry.Kind { packed[position].kind }
    func countryCode(at position: Int) -> String { regions[Int(packed[position].region)].countryCode }
    func admin1Code(at position: Int) -> String { regions[Int(packed[position].region)].admin1Code }

    /// Bytes one packed entry takes in the array (for the memory figures the tests check).
    static var packedStride: Int { MemoryLayout<Packed>.stride }
}
