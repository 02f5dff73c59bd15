import Deduplication
import Foundation
import Testing

@Suite("NearDuplicateSketch")
struct NearDuplicateSketchTests {
    static func sketch(_ text: String) -> NearDuplicateSketch {
        NearDuplicateSketch.make(normalizedText: ArticleNormalizer.normalized(text))
    }

    static let original = Fixtures.wireHeadline + "\n\n" + Fixtures.wireBody

    /// The store finds candidates by shared band key, then confirms: both must hold.
    static func isFoundAsNearDuplicate(_ a: NearDuplicateSketch, _ b: NearDuplicateSketch) -> Bool {
        !Set(a.bandKeys).isDisjoint(with: b.bandKeys) && a.isNearDuplicate(of: b)
    }

    @Test("same wire story with another headline is a near-duplicate")
    func headlineChanged() {
        let copy = "Air raids kill nine pro-Iran fighters in eastern Syria, monitor says\n\n" + Fixtures.wireBody
        let a = Self.sketch(Self.original), b = Self.sketch(copy)
        #expect(a.similarity(to: b) >= 0.85)
        #expect(Self.isFoundAsNearDuplicate(a, b))
    }

    @Test("one changed sentence (a revised toll) is still a near-duplicate")
    func sentenceChanged() {
        let copy = Self.original.replacingOccurrences(
            of: "killing at least nine fighters from groups aligned with Tehran, a monitoring group said on Sunday.",
            with: "killing at least 14 fighters, most of them Iraqi, the monitoring group said in an update on Monday.")
        #expect(copy != Self.original)
        let a = Self.sketch(Self.original), b = Self.sketch(copy)
        #expect(a.similarity(to: b) >= 0.8)
        #expect(Self.isFoundAsNearDuplicate(a, b))
    }

    @Test("boilerplate footer and byline added is a near-duplicate")
    func boilerplateAdded() {
        let copy = "By Staff Reporter | Updated 09:14\n" + Self.original + "\n\n" + Fixtures.boilerplate
        let a = Self.sketch(Self.original), b = Self.sketch(copy)
        #expect(Self.isFoundAsNearDuplicate(a, b))
    }

    @Test("headline, boilerplate and one sentence changed together is still a near-duplicate")
    func allThreeChanges() {
        let body = Fixtures.wireBody.replacingOccurrences(
            of: "A local council member said schools in the area would stay closed until Tuesday as a precaution.",
            with: "Schools across the district were ordered shut for the rest of the week.")
        let copy = "Militia depots bombed overnight\n\n" + body + "\n\n" + Fixtures.boilerplate
        #expect(Self.isFoundAsNearDuplicate(Self.sketch(Self.original), Self.sketch(copy)))
    }

    @Test("a copy cut after its third paragraph is contained in the original")
    func truncatedCopy() {
        let paragraphs = Self.original.components(separatedBy: "\n\n")
        let cut = paragraphs.prefix(4).joined(separator: "\n\n")
        let a = Self.sketch(Self.original), b = Self.sketch(cut)
        #expect(a.containment(with: b) >= NearDuplicateSketch.containmentThreshold)
        #expect(a.isNearDuplicate(of: b))
    }

    @Test("two different stories about the same region are not near-duplicates, even with shared boilerplate")
    func differentStoriesSameRegion() {
        let a = Self.sketch(Self.original + "\n\n" + Fixtures.boilerplate)
        let b = Self.sketch("Wheat harvest fails in the east\n\n" + Fixtures.otherRegionalStory + "\n\n" + Fixtures.boilerplate)
        #expect(a.similarity(to: b) < 0.3)
        #expect(!a.isNearDuplicate(of: b))
    }

    @Test("similarity is symmetric and 1 for identical text")
    func identity() {
        let a = Self.sketch(Self.original), b = Self.sketch(Self.original)
        #expect(a == b)
        #expect(a.similarity(to: b) == 1)
        #expect(a.bandKeys == b.bandKeys)
    }

    @Test("band keys are fixed values for a fixed input (stable across processes and runs)")
    func bandKeysAreDeterministic() {
        let s = NearDuplicateSketch.make(normalizedText: "the quick brown fox jumps over the lazy dog near the river bank")
        #expect(s.bandKeys.count == NearDuplicateSketch.bandCount)
        #expect(Array(s.bandKeys.prefix(3)) == Self.expectedBandKeys)
        #expect(Array(s.minima.prefix(3)) == Self.expectedMinima)
    }

    static let expectedBandKeys: [Int64] = [424_670_607_475_243_100, -173_881_445_525_475_862, -5_542_144_774_622_271_342]
    static let expectedMinima: [UInt32] = [80_016_425, 310_382_812, 407_330_052]

    @Test("encoding round-trips in 517 bytes; other versions are rejected")
    func encoding() {
        let s = Self.sketch(Self.original)
        let bytes = s.encoded
        #expect(bytes.count == 517)
        #expect(NearDuplicateSketch(encoded: bytes) == s)
        var other = bytes
        other[0] = 99
        #expect(NearDuplicateSketch(encoded: other) == nil)
        #expect(NearDuplicateSketch(encoded: bytes.dropLast()) == nil)
    }

    @Test("an empty text has no band keys and matches nothing")
    func emptyText() {
        let e = NearDuplicateSketch.make(normalizedText: "")
        #expect(e.isEmpty)
        #expect(e.bandKeys.isEmpty)
        #expect(!e.isNearDuplicate(of: e))
    }

    @Test("a 5 KB article gives one distinct key per band, the same on every run")
    func bandKeysOfALongArticle() {
        var text = ""
        while text.utf8.count < 5_000 { text += Self.original + " " }
        let normalized = ArticleNormalizer.normalized(String(text.prefix(5_000)))
        let keys = NearDuplicateSketch.make(normalizedText: normalized).bandKeys
        #expect(keys.count == NearDuplicateSketch.bandCount)
        #expect(Set(keys).count == keys.count)
        #expect(NearDuplicateSketch.make(normalizedText: normalized).bandKeys == keys)
        // Its speed is a benchmark figure (Sources/Deduplication/API.md), not a test.
    }
}

@Suite("NearDuplicateSketch figures")
struct NearDuplicateSketchFigures {
    @Test("each near-copy variant is a near-copy and the other story is not (figures printed for the threshold notes)")
    func figures() {
        let s = NearDuplicateSketchTests.sketch
        let o = s(NearDuplicateSketchTests.original)
        let variants: [(String, String)] = [
            ("headline", "Air raids kill nine pro-Iran fighters in eastern Syria, monitor says\n\n" + Fixtures.wireBody),
            ("boilerplate", "By Staff Reporter | Updated 09:14\n" + NearDuplicateSketchTests.original + "\n\n" + Fixtures.boilerplate),
            ("cut", NearDuplicateSketchTests.original.components(separatedBy: "\n\n").prefix(4).joined(separator: "\n\n")),
            ("other story", Fixtures.otherRegionalStory + "\n\n" + Fixtures.boilerplate),
        ]
        for (name, text) in variants {
            let v = s(text)
            print("sketch figure \(name): J=\(v.similarity(to: o)) containment=\(v.containment(with: o)) shingles=\(v.shingleCount)/\(o.shingleCount)")
            // The figures behind the thresholds: every near-copy variant is one, the other story is not.
            #expect(v.isNearDuplicate(of: o) == (name != "other story"), "\(name)")
        }
    }
}
