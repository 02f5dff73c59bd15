import Foundation
import IncidentModel
import Testing
@testable import IncidentExtraction

/// What the phrase around a place name says about it: the province or country it lies in, the
/// town a district or neighbourhood belongs to, a settlement the gazetteer does not know.
@Suite struct PlacePhraseTests {
    private func place(_ paragraphs: [String], headline: String = "Attack") -> Place? {
        Fixture.mains(Fixture.extract(headline, paragraphs)).first?.place
    }

    /// "hit off Mokha": a ship struck at sea is placed at the port it was off.
    @Test func aShipStruckOffAPortIsPlacedAtThePort() {
        let p = place(["A drone boat struck a bulk carrier off Mokha on Tuesday, killing one sailor, the ship's manager said."])
        #expect(p?.name == "Mocha")
        #expect(p?.country == "Yemen")
    }

    /// A town of the same name in another province is not the one the phrase places in Hajjah.
    @Test func aProvinceNamedInThePhraseRulesOutATownOfTheNameElsewhere() {
        let p = place(["Coalition jets carried out two raids on the cattle market of al-Khamis in Mustaba district of Hajjah province on Monday, killing 20 people."])
        #expect(p?.name != "Al Khamis")
        #expect(p?.admin1 == "Hajjah")
        #expect(p?.country == "Yemen")
    }

    /// The lead says which country; a village of the same name abroad is not the place.
    @Test func aTownAbroadIsNotTheIncidentsWhenItsSentencesStateTheCountry() {
        let p = place(["Warplanes hit a busy market in Yemen's northwestern Hajjah province on Monday, killing at least 30 people.",
                       "Two bombs fell on the Monday market in the town of Mastaba at noon, witnesses said."])
        #expect(p?.country == "Yemen")
        #expect(p?.admin1 == "Hajjah")
    }

    /// "the Tal al-Sultan area of Rafah": the town, as for "the Zeitoun neighbourhood of Gaza City".
    @Test func aPartOfATownLocatesTheIncidentInThatTown() {
        let p = place(["Jets bombed a family home in the Tal al-Sultan area of Rafah overnight, killing nine people, medics said."])
        #expect(p?.name == "Rafah")
    }

    /// "the Nikopol district ..., injuring two people in Marhanets": the town within the district.
    @Test func aTownInADistrictBeatsTheDistrictNamedAfterAnother() {
        let p = place(["Russian guns shelled the Nikopol district of Dnipropetrovsk region on Tuesday, wounding two residents in Marhanets, the governor said."])
        #expect(p?.name == "Marhanets")
    }

    /// An opening "In Daraa," read as the province later in the sentence does not outrank the town.
    @Test func anOpeningNameThatIsTheProvinceDoesNotOutrankTheTown() {
        let p = place(["In Daraa, gunmen shot dead a local council member in Tafas town in the western countryside of Daraa on Sunday."])
        #expect(p?.name == "Tafas")
    }

    /// Districts and areas the gazetteer lacks, placed by a known province, district or town.
    @Test(arguments: [
        ("Border guards shelled the Shaltan district of Kunar province on Friday, killing four civilians.", "Shaltan", "Kunar"),
        ("A roadside bomb hit a police van in the Kardgap area of Mastung district on Saturday, killing two officers.", "Kardgap", "Balochistan"),
        ("A ballistic missile hit a school in al-Jubah district south of Marib city on Sunday, killing seven pupils.", "al-Jubah", "Marib"),
    ])
    func anUnknownDistrictOrAreaPlacedByAKnownOneIsAPlace(_ sentence: String, _ name: String, _ admin1: String) {
        let p = place([sentence])
        #expect(p?.name == name)
        #expect(p?.admin1 == admin1)
    }

    /// "the X area south of TOWN": the town's outskirts, located by the town as "the X area of TOWN" is;
    /// only a district is placed from a town by direction.
    @Test func anUnknownAreaPlacedByDirectionFromATownIsThatTown() {
        let p = place(["A drone hit a cement works in the Bir Ghanem area south of Zawiya on Tuesday, killing three workers."])
        #expect(p?.name == "Zawiya")
        #expect(p?.country == "Libya")
    }

    /// "southern Lebanon's X": a village after a country's possessive, where the strike happened.
    @Test func anUnknownNameAfterACountrysPossessiveIsAPlaceThere() {
        let p = place(["The army said an airstrike on a command post in southern Lebanon's Deir Qanoun al-Ras overnight killed two fighters."])
        #expect(p?.name == "Deir Qanoun al-Ras")
        #expect(p?.country == "Lebanon")
    }

    /// A name after a possessive that is a hospital's or a region's is not a settlement.
    @Test func aSiteOrRegionAfterAPossessiveIsNoSettlement() {
        let p = place(["Shells hit the emergency ward in Gaza's Al-Amal hospital on Monday, killing three patients."])
        #expect(p?.name != "Al-Amal")
    }

    /// A settlement its sentence does not place lies where the sentence before told the incident.
    @Test func anUnplacedSettlementTakesTheProvinceOfTheSentenceBefore() {
        let p = place(["Turkish intelligence killed a senior PKK member in northern Iraq's Sulaymaniyah province, security sources said on Monday.",
                       "He was killed in a drone strike near the town of Qaradagh Kon on Sunday, the sources said."])
        #expect(p?.admin1 == "Sulaymaniyah")
        #expect(p?.country == "Iraq")
    }

    /// A city in quotes, named as where something happened, in a country the article never names.
    @Test func aQuotedCityNamedAsWhereItHappenedIsRead() {
        let p = place(["The group said its drone struck a building in the heart of \"Tel Aviv\" at dawn today, killing one person."])
        #expect(p?.name == "Tel Aviv")
    }

    /// "the deadliest attack since forces ... launched an offensive on Tripoli": an earlier event's place.
    @Test func aPlaceInASinceClauseIsAnEarlierEvents() {
        let p = place(["An airstrike hit a migrant shelter in a suburb of the capital late Tuesday, killing 40 people, the deadliest attack since rival forces began an offensive on Tripoli in April.",
                       "The government blamed the rival army for the strike on the Tajoura shelter east of the capital."])
        #expect(p?.name == "Tajoura")
    }

    /// "the radar station at Mount Meron": the mountain's village is where the rockets fell.
    @Test func aMountainNamedAfterAVillageLocatesTheIncidentThere() {
        let p = place(["Hezbollah said its fighters fired a barrage of rockets at the radar station on Mount Meron on Tuesday."])
        #expect(p?.name == "Meron")
        #expect(p?.country == "Israel")
    }

    /// "hit five villages in Idlib": the province the villages lie in, not the city of Idlib.
    @Test func placesCountedInANamedRegionAreInTheProvince() {
        let p = place(["Government jets in an apparent reprisal shelled five villages in Idlib on Thursday, killing four civilians."])
        #expect(p?.name == nil)
        #expect(p?.admin1 == "Idlib")
    }
}
