import TestSupport
import Testing
@testable import IncidentExtraction

/// Phrase-start bits are a shortcut: annotated tokens must get the same answers as unannotated
/// ones (all bits set, every dictionary probed), also past 64 dictionaries, where bits are shared.
@Suite struct PhraseStartBitsTests {
    static let words = ["the", "army", "said", "a", "drone", "struck", "near", "town", "on", "monday", "fighters", "attacked",
                        "post", "killing", "two", "soldiers", "rebels", "claimed", "it", "late", "night", "an", "air", "raid"]

    /// Ninety categories (more than the 64 bits), each with a few one- to three-word phrases.
    static func lexicon(_ rng: inout SplitMix64) -> (CueLexicon, [String], PhraseStarts) {
        var rows: [[String]] = []
        var names: [String] = []
        for c in 0..<90 {
            let name = "category-\(c)"
            names.append(name)
            for _ in 0..<Int.random(in: 1...3, using: &rng) {
                let phrase = (0..<Int.random(in: 1...3, using: &rng)).map { _ in words.randomElement(using: &rng)! }
                rows.append([name, phrase.joined(separator: " ")])
            }
        }
        var cues = CueLexicon(rows: rows)
        var starts = PhraseStarts()
        cues.register(in: &starts)
        return (cues, names, starts)
    }

    @Test func sharedBitsAnswerAsEveryDictionaryProbed() {
        var rng = SplitMix64(state: 11)
        let (cues, names, starts) = Self.lexicon(&rng)
        var found = 0
        for _ in 0..<200 {
            let sentence = (0..<Int.random(in: 3...14, using: &rng)).map { _ in Self.words.randomElement(using: &rng)! }.joined(separator: " ")
            let plain = Tokenizer.tokens(sentence)
            let annotated = starts.tokens(sentence)
            #expect(annotated.contains { $0.phraseStarts != .max })
            for name in names {
                #expect(cues.matches(name, in: annotated).map { [$0.start, $0.end] } == cues.matches(name, in: plain).map { [$0.start, $0.end] })
                #expect(cues.occurs(name, in: annotated) == cues.occurs(name, in: plain))
                for i in plain.indices {
                    let m = cues.match(name, in: plain, at: i)
                    if m != nil { found += 1 }
                    #expect(cues.match(name, in: annotated, at: i)?.end == m?.end, "\(name) at \(i) in \(sentence)")
                }
            }
        }
        #expect(found > 1000)
    }
}
