import Foundation
import TestSupport
import Testing
@testable import IncidentExtraction

/// The compact gazetteer index must answer exactly as the dictionary of id arrays it replaced:
/// ids in the order they were added, each once, a main-name flag that a later main add sets, nil
/// for a key nobody added.
@Suite struct CompactNameIndexTests {
    /// The straightforward model: key → [(id, main)], ids once per key, main flags OR-ed. Keyed by
    /// UTF-8 bytes, as the index it replaced was in effect (it compared FNV-1a hashes of the bytes
    /// first): "é" and "e" + U+0301 are two keys, although Swift's `==` calls them equal.
    struct Reference {
        var table: [[UInt8]: [(id: Int32, main: Bool)]] = [:]
        mutating func add(_ key: String, id: Int32, main: Bool) {
            let k = Array(key.utf8)
            if let i = table[k]?.firstIndex(where: { $0.id == id }) {
                if main { table[k]![i].main = true }
            } else {
                table[k, default: []].append((id, main))
            }
        }
        func ids(_ key: String) -> [Int32]? { table[Array(key.utf8)]?.map(\.id) }
        func isMain(_ key: String, _ id: Int32) -> Bool { table[Array(key.utf8)]?.first { $0.id == id }?.main ?? false }
        func has(_ key: String) -> Bool { table[Array(key.utf8)] != nil }
    }

    static let keys = ["albukamal", "bukamal", "albukamal2", "deirezzor", "homs", "", "x", "ālbūkamāl", "albūkamāl", "киев", "العربية",
                       "straße", "strasse", "e\u{0301}", "é", "\u{00E9}t\u{00E9}", "e\u{0301}te\u{0301}", "😀", "a\u{0000}b", "homs ", "Homs", "1234567890123", "kharkiv", "kharkivs"]

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
            #expect(index.containsHash(CompactNameIndex.hash(key)) == reference.has(key), "\(key.debugDescription)")
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
        for (bytes, postings) in reference.table {
            let key = String(decoding: bytes, as: UTF8.self)
            #expect(index.ids(forKey: key) == postings.map(\.id))
            for p in postings { #expect(index.isMainName(key, p.id) == p.main) }
        }
        #expect(index.ids(forKey: "place7001ü0") == nil)
        #expect(Set(index.allHashes) == Set(reference.table.keys.map { CompactNameIndex.hash(String(decoding: $0, as: UTF8.self)) }))
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
