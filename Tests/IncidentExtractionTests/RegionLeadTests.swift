import Foundation
import IncidentModel
import Testing
@testable import IncidentExtraction

/// Leads that name only a region ("in central Gaza", "in southwest Yemen") and tell the town in a
/// later sentence about the same strike.
@Suite struct RegionLeadTests {
    private func place(_ paragraphs: [String]) -> Place? {
        Fixture.mains(Fixture.extract("Strike", paragraphs)).first?.place
    }

    @Test func aCompassWordBeforeARegionsNameIsTheRegionNotTheTown() {
        let p = place(["An airstrike on a shelter for displaced families in central Gaza killed at least 25 people on Saturday, medics in the Gaza Strip said."])
        #expect(p?.name == nil)
        #expect(p?.admin1 == "Gaza Strip")
    }

    @Test(arguments: [("A drone launched from Yemen struck an apartment block in central Tel Aviv early on Friday, killing one man.", "Tel Aviv"),
                      ("A glide bomb hit a residential street in central Kharkiv on Monday, killing two people, officials said.", "Kharkiv")])
    func aCitysCentreIsTheCity(_ sentence: String, _ city: String) {
        #expect(place([sentence])?.name == city)
    }

    @Test func northOfARegionNamedAfterItsCityIsTheRegion() {
        let p = place(["Russian troops shelled villages in northern Kharkiv on Monday, killing two people, officials said."])
        #expect(p?.name == nil)
        #expect(p?.admin1 == "Kharkiv Oblast")
    }

    @Test func theTownInTheNextSentenceLocatesARegionLead() {
        let p = place(["An airstrike on a shelter for displaced families in central Gaza killed at least 25 people on Saturday, medics said.",
                       "The strike hit a girls' school in the town of Deir el-Balah, where thousands had taken refuge."])
        #expect(p?.name == "Deir al-Balah")
        #expect(p?.admin1 == "Gaza Strip")
    }

    @Test func aTownInAnAsClauseIsTheCircumstanceNotTheIncident() {
        let p = place(["An airstrike on a shelter for displaced families in central Gaza killed at least 25 people on Saturday, as troops pressed on with their assault on the southern city of Khan Younis.",
                       "The strike hit a girls' school in the town of Deir el-Balah, where thousands had taken refuge."])
        #expect(p?.name == "Deir al-Balah")
    }

    @Test func aRegionLeadThatSumsUpTheYearStillTakesTheTownOfTheNextSentence() {
        let m = Fixture.mains(Fixture.extract("Prison strike", [
            "The death toll from coalition air strikes on a prison in southwest Yemen has risen to more than 100, making it the deadliest raid this year, the Red Cross said on Monday.",
            "The strikes hit a former college compound on the outskirts of Dhamar city on Sunday, where about 170 detainees were held."]))
        #expect(m.first?.place?.name == "Dhamar")
        #expect(m.first?.place?.country == "Yemen")
    }

    @Test func anUnlocatedVillageDoesNotOutrankTheKnownTownOfTheLead() {
        let p = place(["Airstrikes hit a detention centre in the city of Dhamar early on Sunday, killing at least 60 inmates.",
                       "The strikes also wrecked houses in the village of Bayt Sharaf, residents said."])
        #expect(p?.name == "Dhamar")
    }

    /// "the Vinnytsia region" is the oblast (named "Vinnytsia Oblast"), not the city of Vinnytsia.
    @Test func theXRegionIsTheProvinceEvenWhenItsNameHasOblast() {
        let p = place(["Overnight, Russian drones struck power facilities in the Vinnytsia region, starting a fire, the governor said."])
        #expect(p?.name == nil)
        #expect(p?.admin1 == "Vinnytsia Oblast")
    }

    /// A place a distance is measured from is a reference point, even when the place it locates
    /// is only "the city".
    @Test func aPlaceADistanceIsMeasuredFromIsNotWhereItHappened() {
        let p = place(["Three missiles hit the centre of the city, which lies about 150 km north of Kyiv, on Wednesday morning, killing eight people."])
        #expect(p?.name != "Kyiv")
    }

    /// "in the southern part of Idlib province" makes the bare "Idlib" of another sentence the
    /// province, so the town of the incident wins.
    @Test func aProvinceToldAsAPartOfMakesItsBareNameTheProvince() {
        let p = place(["Jets struck the main market in the town of Maaret al-Numan in the southern part of Idlib province on Monday, killing 38 people.",
                       "The strike on the market in Idlib was the deadliest this month, activists said."])
        #expect(p?.name == "Maarat al-Numan")
        #expect(p?.admin1 == "Idlib")
    }
}
