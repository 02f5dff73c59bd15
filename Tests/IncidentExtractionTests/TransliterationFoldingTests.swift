import IncidentModel
import Testing
@testable import IncidentExtraction

/// Names written with doubled vowels for long ones ("Mustabaa") find the gazetteer's single-vowel
/// form ("Mustaba'") without an alias per spelling, and only after the written form misses.
@Suite struct TransliterationFoldingTests {
    @Test func doubledVowelsFoldToSingleAndLongReadings() {
        #expect(TransliterationFolding.mayFold("mustabaa", last: false))
        #expect(!TransliterationFolding.mayFold("mustaba", last: false))
        #expect(TransliterationFolding.mayFold("mustaba", last: true))
        #expect(TransliterationFolding.variants(of: "mustabaa").first == "mustaba")
        #expect(TransliterationFolding.variants(of: "qaboon") == ["qabon", "qabun"])
        #expect(TransliterationFolding.variants(of: "mayadeen") == ["mayaden", "mayadin"])
        #expect(!TransliterationFolding.variants(of: "hama").contains("ham"))
    }

    @Test func aDoubledConsonantIsWrittenOnce() {
        #expect(TransliterationFolding.mayFold("jillib", last: false))
        #expect(TransliterationFolding.variants(of: "jillib").contains("jilib"))
        let a = Fixture.extract("Airstrike near Jillib", [
            "A senior al-Shabaab leader was killed in an airstrike near the town of Jillib in the Middle Jubba region of Somalia on Saturday, the government said.",
        ], reference: "2022-10-02")
        #expect(Fixture.mains(a).first?.place?.name == "Jilib")
        #expect(Fixture.mains(a).first?.place?.admin1 == "Middle Juba")
        // "middle" keeps its own doubled letter while "Jubba" folds.
        #expect(TransliterationFolding.variants(of: "middlejubba").contains("middlejuba"))
    }

    /// "the border town of Shebekine (Shebekino in Russian)": a spelling the gazetteer lacks, with
    /// the one it has in brackets.
    @Test func aKnownNameInBracketsAfterAnUnknownSpellingIsThePlace() {
        let a = Fixture.extract("Drone hits car near Shebekine", [
            "A Ukrainian drone hit a car near the border town of Shebekine (Shebekino in Russian) on Friday, killing two men, the Belgorod governor said.",
        ], reference: "2024-04-13")
        let place = Fixture.mains(a).first?.place
        #expect(place?.name == "Shebekino")
        #expect(place?.country == "Russia")
    }

    @Test func theFinalLongAIsReadWithAndWithoutItsH() {
        #expect(TransliterationFolding.variants(of: "kabkabiya") == ["kabkabiyah"])
        #expect(TransliterationFolding.variants(of: "jableh") == ["jablah", "jabla"])
        #expect(TransliterationFolding.variants(of: "saadah").contains("sadah"))
        #expect(TransliterationFolding.variants(of: "saadah").contains("sada"))
        #expect(TransliterationFolding.variants(of: "homs").isEmpty)
        let a = Fixture.extract("Warplane bombs a market", [
            "At least 20 people were killed when a warplane bombed a market in Kabkabiya in North Darfur on Sunday, activists said.",
        ], reference: "2024-03-06")
        #expect(abs((Fixture.mains(a).first?.place?.latitude ?? 0) - 13.65) < 0.01)
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

    @Test func aFoldedNameInACountryTheArticleNeverNamesIsNoPlace() {
        // "al-Jubah" folds to "Juba", South Sudan's capital: the article is about Yemen.
        let a = Fixture.extract("Missile hits a school", [
            "A ballistic missile hit a school in al-Jubah district south of Marib city on Sunday, killing seven pupils.",
        ], reference: "2024-03-06")
        #expect(Fixture.mains(a).first?.place?.country == "Yemen")
    }

    @Test func aPersonsNameWithADoubledVowelIsNoPlace() {
        let found = Fixture.resources.placeFinder.find(in: Tokenizer.tokens("Saad Kareem, a shopkeeper, told reporters that Noor had left the city."))
        #expect(found.isEmpty)
    }
}
