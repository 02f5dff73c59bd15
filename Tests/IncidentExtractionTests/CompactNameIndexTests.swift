import Foundation
import TestSupport
import Testing
@testable import IncidentExtraction

/// The compact gazetteer index must answer exactly as the dictionary of id arrays it replaced:
/// ids in the order they were added, each once, a main-name flag that a later main add sets, nil
/// for a key nobody added.
@Suite struct CompactNameIndexTests {
    /// The straightforward model: key → [(id, main)], ids once per key, main flags OR-ed.
    struct Reference {
        var table: [String: [(id: Int32, main: Bool)]] = [:]
        mutating func add(_ key: String, id: Int32, main: Bool) {
            if let i = table[key]?.firstIndex(where: { $0.id == id }) {
                if main { table[key]![i].main = true }
            } else {
                table[key, default: []].append((id, main))
            }
        }
        func ids(_ key: String) -> [Int32]? { table[key]?.map(\.id) }
        func isMain(_ key: String, _ id: Int32) -> Bool { table[key]?.first { $0.id == id }?.main ?? false }
    }

    static let keys = ["albukamal", "bukamal", "albukamal2", "deirezzor", "homs", "", "x", "ālbūkamāl", "albūkamāl", "киев", "العربية",
                       "straße", "strasse", "e\u{0301}", "é", "😀", "a\u{0000}b", "homs ", "Homs", "1234567890123", "kharkiv", "kharkivs"]

    @Test func lookupsMatchTheReferenceOnVariantsUnknownEmptyAndNonASCIIKeys() {
        var builder = CompactNameIndex.Builder()
        var reference = Reference()
        var rng = SplitMix64(seed: 5)
        for step in 0..<2_000 {
            let key = Self.keys[Int(rng.next() % UInt64(Self.keys.count - 4))]
            let id = Int32(rng.next() % 40)
            let main = rng.next() % 3 == 0
            builder.add(key, id: id, main: main)
            reference.add(key, id: id, main: main)
            if step % 97 == 0 { Self.expectSame(builder: builder, reference: reference) }
        }
        let index = CompactNameIndex(builder)
        Self.expectSame(builder: builder, reference: reference)
        #expect(index.count == reference.table.count)
        for key in Self.keys + ["unknown", "albukama", "albukamal3", "homs\u{0301}", "ALBUKAMAL"] {
            #expect(index.ids(forKey: key) == reference.ids(key), "\(key.debugDescription)")
            #expect(index.containsHash(CompactNameIndex.hash(key)) == (reference.table[key] != nil), "\(key.debugDescription)")
            for id in Int32(0)..<41 {
                #expect(index.isMainName(key, id) == reference.isMain(key, id), "\(key.debugDescription) \(id)")
            }
        }
    }

    @Test func manyKeysSurviveTableGrowth() {
        var builder = CompactNameIndex.Builder()
        var reference = Reference()
        for i in 0..<20_000 {
            let key = "place\(i % 7_001)ü\(i % 3)"
            builder.add(key, id: Int32(i % 911), main: i % 5 == 0)
            reference.add(key, id: Int32(i % 911), main: i % 5 == 0)
        }
        let index = CompactNameIndex(builder)
        #expect(index.count == reference.table.count)
        for (key, postings) in reference.table {
            #expect(index.ids(forKey: key) == postings.map(\.id))
            for p in postings { #expect(index.isMainName(key, p.id) == p.main) }
        }
        #expect(index.ids(forKey: "place7001ü0") == nil)
        #expect(Set(index.allHashes) == Set(reference.table.keys.map(CompactNameIndex.hash)))
    }

    @Test func emptyIndexFindsNothing() {
        let index = CompactNameIndex()
        #expect(index.count == 0)
        #expect(index.ids(forKey: "") == nil)
        #expect(index.ids(forKey: "homs") == nil)
        #expect(!index.isMainName("homs", 0))
        #expect(!index.containsHash(CompactNameIndex.hash("homs")))
    }

    private static func expectSame(builder: CompactNameIndex.Builder, reference: Reference) {
        for key in keys {
            #expect(builder.ids(forKey: key) == reference.ids(key), "\(key.debugDescription)")
            for id in Int32(0)..<40 { #expect(builder.isMainName(key, id) == reference.isMain(key, id)) }
        }
    }
}
