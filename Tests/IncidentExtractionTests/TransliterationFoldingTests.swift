import IncidentModel
import Testing
@testable import IncidentExtraction

/// Names written with doubled vowels for long ones ("Mustabaa") find the gazetteer's single-vowel
/// form ("Mustaba'") without an alias per spelling, and only after the written form misses.
@Suite struct TransliterationFoldingTests {
    @Test func doubledVowelsFoldToSingleAndLongReadings() {
        #expect(TransliterationFolding.hasDoubledVowel("mustabaa"))
        #expect(!TransliterationFolding.hasDoubledVowel("mustaba"))
        #expect(TransliterationFolding.variants(of: "mustabaa") == ["mustaba"])
        #expect(TransliterationFolding.variants(of: "qaboon") == ["qabon", "qabun"])
        #expect(TransliterationFolding.variants(of: "mayadeen") == ["mayaden", "mayadin"])
        #expect(TransliterationFolding.variants(of: "hama").isEmpty)
    }

    @Test func aDoubledVowelSpellingFindsTheGazetteersPlace() {
        let a = Fixture.extract("Air raids on Hajjah", [
            "Warplanes bombed a market in Mustabaa district of Hajjah province on Sunday, killing six people, local officials said.",
        ], reference: "2024-03-06")
        let place = Fixture.mains(a).first?.place
        #expect(place?.admin1 == "Hajjah")
        // The town's own coordinates (GeoNames' "Mustaba'"), not the province's.
        #expect(abs((place?.latitude ?? 0) - 16.2282) < 0.01)
    }

    @Test func aPersonsNameWithADoubledVowelIsNoPlace() {
        let found = Fixture.resources.placeFinder.find(in: Tokenizer.tokens("Saad Kareem, a shopkeeper, told reporters that Noor had left the city."))
        #expect(found.isEmpty)
    }
}
