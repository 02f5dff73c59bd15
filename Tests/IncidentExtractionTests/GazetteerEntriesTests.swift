import Testing
@testable import IncidentExtraction

/// The packed entry table gives back every entry exactly as it was added, whatever its codes or
/// coordinates, and stays narrower than the entries it replaced.
@Suite struct GazetteerEntriesTests {
    static let added = [
        GazetteerEntry(name: "Syria", kind: .country, countryCode: "SY", admin1Code: "", population: 10_000_000),
        GazetteerEntry(name: "Deir ez-Zor Governorate", kind: .admin1, countryCode: "SY", admin1Code: "05", population: 1_000_000),
        GazetteerEntry(name: "Al Mayadin", kind: .place, countryCode: "SY", admin1Code: "05", latitude: 35.0198, longitude: 40.4515, population: 44_000),
        GazetteerEntry(name: "Ḩalab", kind: .place, countryCode: "SY", admin1Code: "09", latitude: 36.2012, longitude: 37.1612, population: 1_602_264),
        // A code longer than any GeoNames code, a longer name than fits a small string, no coordinates.
        GazetteerEntry(name: "A hamlet somebody added by hand", kind: .place, countryCode: "XK", admin1Code: "user-region-17",
                       population: 3),
        GazetteerEntry(name: "Kharkiv", kind: .place, countryCode: "UA", admin1Code: "07", latitude: 49.98081, longitude: 36.25272,
                       population: 1_430_885),
        GazetteerEntry(name: "Al Mayadin", kind: .place, countryCode: "SY", admin1Code: "05", latitude: -0.0, longitude: 1e-9, population: Int.max),
    ]

    @Test func everyEntryReadsBackAsAdded() {
        let packed = GazetteerEntries(Self.added)
        #expect(packed.count == Self.added.count)
        for (i, e) in Self.added.enumerated() {
            let back = packed[i]
            // The single-field readers the rules use agree with the whole entry.
            #expect(packed.kind(at: i) == e.kind)
            #expect(packed.countryCode(at: i) == e.countryCode)
            #expect(packed.admin1Code(at: i) == e.admin1Code)
            #expect(back.name == e.name)
            #expect(back.kind == e.kind)
            #expect(back.countryCode == e.countryCode)
            #expect(back.admin1Code == e.admin1Code)
            #expect(back.latitude?.bitPattern == e.latitude?.bitPattern)
            #expect(back.longitude?.bitPattern == e.longitude?.bitPattern)
            #expect(back.population == e.population)
        }
        #expect(packed[4].latitude == nil && packed[4].longitude == nil)
        #expect(packed[6].population == Int(Int32.max))
    }

    @Test func packedEntriesAreNarrowerThanTheEntriesTheyReplace() {
        #expect(GazetteerEntries.packedStride <= 48)
        #expect(GazetteerEntries.packedStride < MemoryLayout<GazetteerEntry>.stride)
    }
}
