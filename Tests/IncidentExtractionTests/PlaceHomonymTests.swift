import Foundation
import IncidentModel
import Testing
@testable import IncidentExtraction

/// Names several places share, and words that only look like places: the reading must be the
/// place the article is about, or none.
@Suite struct PlaceHomonymTests {
    private func place(_ paragraphs: [String]) -> Place? {
        Fixture.mains(Fixture.extract("Attack", paragraphs)).first?.place
    }

    /// "Ariha" is a town in Idlib and Jericho's Arabic name: the article is about Syria.
    @Test func aTownInTheArticlesCountryBeatsALargerNamesakeAbroad() {
        let p = place(["Government jets carried out several raids on the town of Ariha south of Idlib city on Tuesday, killing four civilians."])
        #expect(p?.name == "Ariha")
        #expect(p?.admin1 == "Idlib")
        #expect(p?.country == "Syria")
    }

    /// A country named in the same phrase settles which place a name is.
    @Test func aCountryNamedInThePhraseRulesOutNamesakesElsewhere() {
        let p = place(["Turkish jets bombed PKK shelters in the Gara region of northern Iraq on Tuesday, killing two militants, the ministry said."])
        #expect(p?.country == "Iraq")
        #expect(p?.name == nil)
    }

    /// A small town far from every country the article names is a false friend.
    @Test func aSmallTownFarFromTheArticlesCountriesIsNotRead() {
        let p = place(["Drones struck PKK hideouts in Gara on Tuesday, killing two militants, officials in Ankara said."])
        #expect(p?.country != "Morocco")
    }

    /// "Lloyd Austin" is the US defence secretary, not Austin, Texas.
    @Test(arguments: ["The US defence secretary, Lloyd Austin, said on Sunday that American jets had struck militia depots, killing five fighters.",
                      "Defense Secretary Lloyd Austin said on Sunday that American jets had struck militia depots, killing five fighters."])
    func aNameInsideAPersonsNameIsNotAPlace(_ sentence: String) {
        #expect(place([sentence])?.name != "Austin")
        #expect(place([sentence])?.country != "United States")
    }

    /// A formation named after a town ("the Seversk operational-tactical group") is no place.
    @Test func aMilitaryUnitNamedAfterATownIsNotWhereItHappened() {
        let p = place(["A spokesman for the Seversk operational-tactical group said on Monday that shelling had killed two soldiers."])
        #expect(p?.name != "Seversk")
        #expect(p?.country != "Russia")
    }

    /// "Tal" (hill) heading "Tal Khatra" is not the town At Tall near Damascus.
    @Test func aGenericHeadWordOfALongerNameIsNotATown() {
        let p = place(["Heavy clashes on the fronts of Tal Khatra south of Abu al-Duhur in the Idlib countryside killed 12 fighters on Wednesday."])
        #expect(p?.admin1 == "Idlib")
        #expect(p?.name == "Abu al-Duhur")
    }

    /// "near Kunyo Barrow, Somalia": a town the gazetteer lacks, followed by its country.
    @Test func anUnknownTownFollowedByItsCountryIsASettlementThere() {
        let p = place(["The command said it carried out an airstrike near Kunyo Barrow, Somalia, on Sunday, killing one militant."])
        #expect(p?.name == "Kunyo Barrow")
        #expect(p?.country == "Somalia")
    }

    /// Border villages GeoNames' populated places lack are in the hand-made extra places.
    @Test(arguments: [("Aitaroun", "Nabatieh", "Lebanon"), ("Aita al-Shaab", "Nabatieh", "Lebanon"), ("Al-Mawasi", "Gaza Strip", "Palestinian Territory")])
    func frequentlyStruckVillagesAreKnown(_ name: String, _ admin1: String, _ country: String) {
        let p = place(["Jets struck a house in \(name) on Wednesday, killing three people."])
        #expect(p?.name == name)
        #expect(p?.admin1 == admin1)
        #expect(p?.country == country)
        #expect(p?.latitude != nil)
    }
}
