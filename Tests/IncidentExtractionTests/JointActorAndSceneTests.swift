import IncidentModel
import Testing
@testable import IncidentExtraction

/// Session 10's families from a blind hold-out: joint perpetrators, defenders that strike nothing,
/// names that look like places but are a sea or a force, a modifier that looks like a war-wide
/// total, a turn that sets a new scene, and an actor's own voice reporting what it did.
@Suite struct JointActorAndSceneTests {
    private func mains(_ paragraphs: [String], headline: String = "Attack reported", reference: String = "2024-03-06") -> [IncidentMention] {
        Fixture.mains(Fixture.extract(headline, paragraphs, reference: reference))
    }

    @Test func twoActorsJoinedByAHyphenOrAndStrikeTogether() {
        let a = mains(["Three citizens were killed on Tuesday in raids launched by the American-British aggression on the city of Hodeidah."]).first
        #expect(a?.perpetrator == "United States and United Kingdom")
        let b = mains(["US and British warplanes struck radar sites near the port of Hodeidah late on Tuesday, killing two guards."]).first
        #expect(b?.perpetrator == "United States and United Kingdom")
    }

    @Test func aJointBlameIsAlleged_andTheBlamedCountryIsNoPlace() {
        let m = mains([
            "Al-Masirah TV said four people were killed when strikes it blamed on the United States and Britain hit a farm on the edge of Hodeidah on Tuesday.",
        ]).first
        #expect(m?.perpetrator == "United States and United Kingdom")
        #expect(m?.attribution == .alleged)
        #expect(m?.place?.country == "Yemen")
    }

    @Test func aCoalitionHoldsItsPartners() {
        let m = mains(["The US-Saudi aggression coalition warplanes struck a school building in Dhamar city on Sunday, killing nine people, the health ministry said."]).first
        #expect(m?.perpetrator == "Saudi-led coalition")
    }

    @Test func airDefencesDefendRatherThanStrike() {
        let m = mains([
            "Syrian army air defense units confronted at dawn on Friday a new Israeli aggression that targeted military positions near Masyaf, wounding three soldiers.",
        ], reference: "2023-03-17").first
        #expect(m?.perpetrator == "Israel")
    }

    @Test func aSeaAfterACountrysPossessiveIsNoTown() {
        let m = mains(["American jets struck missile launchers near Yemen's Red Sea port city of Hodeidah late on Tuesday, the military said."]).first
        #expect(m?.place?.name == "Hodeidah")
    }

    @Test func aForceNamedAfterACityIsNoPlace() {
        let m = mains([
            "The paramilitary group said that the aircraft of the Port Sudan militia dropped barrel bombs on a livestock market in Nyala on Monday, killing 12 traders.",
        ], reference: "2024-10-14").first
        #expect(m?.place?.name == "Nyala")
    }

    @Test func aWarCriminalIsNoWarWideTotal() {
        let m = mains([
            "A drone of the war criminal Khalifa Haftar bombed a field hospital in the city of Gharyan on Saturday, killing three medics and injuring four others.",
        ], reference: "2019-08-04").first
        #expect(m?.killed == 3)
        #expect(m?.injured == 4)
    }

    @Test func aTurnThatSetsANewScenePlacesWhatFollows() {
        let m = mains([
            "An air strike on a crowded market in Nyala on Monday killed at least 27 people, the Rapid Support Forces said.",
            "Meanwhile, in North Darfur, the RSF continued its shelling of El Fasher, the last major city in the region held by the army. Five people were killed on Monday when shells fell on a displacement camp, according to its committee, which blamed the RSF for the attack.",
        ], reference: "2024-10-14")
        #expect(m.count == 2)
        let fasher = m.first { $0.place?.name == "El Fasher" }
        #expect(fasher?.killed == 5)
        #expect(m.first { $0.place?.name == "Nyala" }?.killed == 27)
    }

    @Test func anActorsOwnVoiceReportingItsStrikeClaimsIt() {
        let m = mains([
            "The Russian Armed Forces delivered a strike with long-range weapons on a deployment point of Ukrainian units in the city of Zaporizhzhia on Friday morning, the Russian Defense Ministry reported.",
        ], reference: "2023-06-24").first
        #expect(m?.perpetrator == "Russia")
        #expect(m?.attribution == .claimed)
    }

    @Test func aCorrespondentsReportIsNoAllegation() {
        let m = mains([
            "Ukrainian shelling of Donetsk on Sunday killed at least 11 civilians at a market, the city's mayor said.",
            "Earlier, a correspondent reported that Ukrainian armed forces fired at least six shells at the Kirovsky district of Donetsk.",
        ], reference: "2024-01-22").first
        #expect(m?.perpetrator == "Ukraine")
        #expect(m?.attribution == .confirmed)
    }

    @Test func aCommandsOwnPressReleaseClaimsEveryStrikeItTells() {
        let a = Fixture.extract("Update: U.S. Africa Command conducts airstrikes against al-Shabaab", [
            "U.S. Africa Command | Press Release",
            "In coordination with the Federal Government of Somalia, U.S. Africa Command conducted an airstrike targeting al-Shabaab fighters in the vicinity of Jilib, Somalia, March 10, 2020.",
            "U.S. forces also conducted an airstrike near Janaale, Somalia, March 8, 2020, killing one fighter.",
        ], reference: "2020-03-11")
        let janaale = Fixture.mains(a).first { $0.place?.name == "Janaale" }
        #expect(janaale?.perpetrator == "United States")
        #expect(janaale?.attribution == .claimed)
    }
}
