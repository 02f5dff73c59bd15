import Foundation
import IncidentModel
import TestSupport
import Testing
@testable import IncidentExtraction

/// Any bytes in, no crash: random bytes, mangled article text, pathological inputs.
@Suite struct RobustnessTests {
    typealias SplitMix = SplitMix64

    static let sample = """
    Strike kills 7 in Al-Bukamal

    date 2020-05-16 Seven fighters were killed after unidentified aircraft attacked a site near Al-Bukamal on Saturday.
    The death toll rose to 9, a monitor said. "At 1:10 a.m., jets struck again," it added.
    """

    @Test func randomBytesNeverCrash() {
        var rng = SplitMix(state: 42)
        for _ in 0..<300 {
            let n = Int.random(in: 0..<600, using: &rng)
            let bytes = (0..<n).map { _ in UInt8.random(in: 0...255, using: &rng) }
            let text = String(decoding: bytes, as: UTF8.self)
            _ = Fixture.extractor.extract(text: text, fallbackReferenceDate: Fixture.day("2023-03-15"))
        }
    }

    @Test func mangledArticlesNeverCrash() {
        var rng = SplitMix(state: 7)
        let pieces = ["\u{0}", "\u{FEFF}", "-", "'s", "...", "\n\n", "., ", "Dec.", "31", "2,000", "al-", "T-4", "\u{202E}", "🙂", "ﷺ", "at least", "killed", "Monday"]
        var chars = Array(Self.sample.unicodeScalars)
        for _ in 0..<300 {
            var s = chars
            for _ in 0..<Int.random(in: 1...12, using: &rng) {
                guard !s.isEmpty else { break }
                let i = Int.random(in: 0..<s.count, using: &rng)
                switch Int.random(in: 0..<3, using: &rng) {
                case 0: s.remove(at: i)
                case 1: s.insert(contentsOf: pieces.randomElement(using: &rng)!.unicodeScalars, at: i)
                default: s.swapAt(i, Int.random(in: 0..<s.count, using: &rng))
                }
            }
            var view = String.UnicodeScalarView()
            view.append(contentsOf: s)
            _ = Fixture.extractor.extract(text: String(view), fallbackReferenceDate: nil)
            chars = s.count > 20 ? s : Array(Self.sample.unicodeScalars)
        }
    }

    @Test func pathologicalInputs() {
        for text in ["", "\n", String(repeating: "killed ", count: 5000), String(repeating: "a", count: 100_000),
                     String(repeating: "Al-", count: 3000), String(repeating: "1 ", count: 5000), String(repeating: ".", count: 10000)] {
            _ = Fixture.extractor.extract(text: text, fallbackReferenceDate: Fixture.day("2023-03-15"))
        }
    }

    @Test func missingDataDirectoryThrows() {
        #expect(throws: ExtractionResourceError.self) {
            _ = try ExtractionResources.load(from: [URL(fileURLWithPath: "/nonexistent/incidentd")])
        }
    }
}
