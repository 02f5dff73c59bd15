import IncidentModel
import Testing
@testable import IncidentExtraction

/// A military that tells a strike without naming who carried it out: its own strike when the place
/// lies abroad (`actor-homes.tsv`), an attack on it when the place is at home.
@Suite struct MilitaryNarrationTests {
    @Test func theIsraeliMilitaryTellingAStrikeInGazaClaimsIt() {
        let a = Fixture.extract("Commander killed in Gaza strike", [
            "The Israeli military said on Tuesday that an air strike late on Monday in the town of Khan Yunis had killed a senior Hamas commander.",
        ], reference: "2023-10-17")
        let m = Fixture.mains(a).first
        #expect(m?.perpetrator == "Israel")
        #expect(m?.attribution == .claimed)
    }

    @Test func russiasDefenceMinistryTellingAStrikeInUkraineClaimsIt() {
        let a = Fixture.extract("Moscow reports strike on Kramatorsk", [
            "Russia's defence ministry said a missile strike on a building in Kramatorsk on Saturday had killed dozens of Ukrainian soldiers.",
        ], reference: "2023-01-08")
        let m = Fixture.mains(a).first
        #expect(m?.perpetrator == "Russia")
        #expect(m?.attribution == .claimed)
    }

    @Test func aMilitaryTellingAStrikeAtHomeReportsAnAttackOnItself() {
        let a = Fixture.extract("Strike on Kharkiv", [
            "Ukraine's air force said a missile strike on Kharkiv on Sunday had killed three civilians and wounded 11.",
        ], reference: "2024-05-20")
        let m = Fixture.mains(a).first
        #expect(m?.killed == 3)
        #expect(m?.perpetrator != "Ukraine")
    }

    @Test func aCivilianVoiceOrAnotherNamedAgentIsNotTheMilitarysOwnStrike() {
        let officials = Fixture.extract("Strike in Gaza", [
            "Israeli officials said that an air strike in Khan Yunis on Monday had killed a Hamas commander.",
        ], reference: "2023-10-17")
        #expect(Fixture.mains(officials).first?.attribution != .claimed)
        let named = Fixture.extract("Strike near Damascus", [
            "The Syrian army said that an Israeli air strike near Damascus on Monday had killed two soldiers.",
        ], reference: "2023-10-17")
        #expect(Fixture.mains(named).first?.perpetrator == "Israel")
    }

    @Test func aUnitNamedInTheObjectOfTheKillingIsNoPerpetrator() {
        let a = Fixture.extract("Strike kills commander", [
            "The Israeli military said an overnight strike in Beit Lahia had killed a senior commander of Islamic Jihad's rocket unit.",
        ], reference: "2014-07-24")
        let m = Fixture.mains(a).first
        #expect(m?.perpetrator == "Israel")
        let headline = Fixture.extract("Army says strike killed Islamic Jihad rocket commander", [
            "A senior commander was among six people killed in an overnight strike on a house in Beit Lahia, the Israeli military said.",
        ], reference: "2014-07-24")
        #expect(Fixture.mains(headline).first?.perpetrator != "Islamic Jihad")
    }
}
