import IncidentModel
import Testing
@testable import IncidentExtraction

/// A town the gazetteer does not know, introduced with a nationality ("the southern Lebanese town
/// of X"), lies in that country, and a word inside its name that happens to be a town elsewhere
/// ("Selm" in Germany) does not place it.
@Suite struct UnknownTownCountryTests {
    @Test func aNationalityBeforeTheSettlementWordGivesTheCountry() {
        let a = Fixture.extract("Strike on a car", [
            "A drone strike on a car in the southern Lebanese town of Majdal Selm killed two men on Tuesday, security sources said.",
        ], reference: "2024-03-06")
        let place = Fixture.mains(a).first?.place
        #expect(place?.name == "Majdal Selm")
        #expect(place?.country == "Lebanon")
    }

    @Test func aKnownNameInsideAnUnknownTownsNameIsNoPlace() {
        let found = Fixture.resources.placeFinder.find(in: Tokenizer.tokens("Shells fell on the village of Majdal Selm on Monday."))
        #expect(found.count == 1)
        #expect(found.first?.adHocName == "Majdal Selm")
    }

    @Test func aNamedNeighbourInTheSameCountryStillAnchorsTheTown() {
        let a = Fixture.extract("Shelling near Tyre", [
            "Shelling hit the southern Lebanese village of Wadi Jilo near Tyre on Monday, wounding three people.",
        ], reference: "2024-03-06")
        let place = Fixture.mains(a).first?.place
        #expect(place?.country == "Lebanon")
        #expect(place?.admin1 != nil)
    }
}
