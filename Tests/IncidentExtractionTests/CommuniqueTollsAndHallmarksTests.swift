import IncidentModel
import Testing
@testable import IncidentExtraction

/// Tolls as communiques and live blogs give them ("four (4) soldiers killed and nine (9) wounded",
/// "The toll has risen." before the new figure, "were sent to hell"), suspicion read from "the
/// hallmarks of" a group, and the Sahel's armies named by their armed forces.
@Suite struct CommuniqueTollsAndHallmarksTests {
    private func mains(_ paragraphs: [String], headline: String = "Attack reported", reference: String = "2022-02-11") -> [IncidentMention] {
        Fixture.mains(Fixture.extract(headline, paragraphs, reference: reference))
    }

    @Test func aBareParticipleAfterCountedPeopleReadsBack() {
        let m = mains([
            "An improvised explosive device struck an army patrol near Torodi on Thursday morning.",
            "The provisional toll is as follows: four (4) soldiers killed and nine (9) wounded, evacuated to Niamey.",
        ], headline: "Patrol attacked near Torodi").first
        #expect(m?.killed == 4)
        #expect(m?.injured == 9)
    }

    @Test func aStrikeCountedBeforeItsVerbIsNoToll() {
        let m = mains(["Two Israeli strikes killed five people in the town of Khan Younis on Monday, medics said."],
                      headline: "Strikes on Khan Younis", reference: "2024-05-14").first
        #expect(m?.killed == 5)
    }

    @Test func theFigureAfterAnAnnouncedRiseIsTheRevisedToll() {
        let m = mains([
            "10:42 - A car packed with explosives went off at a checkpoint at the southern entrance of Beledweyne.",
            "11:30 - Hospital staff say at least nine people have died.",
            "12:15 - The toll has risen.",
            "The regional governor says at least 13 people were killed and 20 injured in the car bomb.",
        ], headline: "LIVE: Car bomb in Beledweyne", reference: "2024-05-18").first
        #expect(m?.killed == 13)
    }

    @Test func theHallmarksOfAGroupAllegeIt() {
        let m = mains([
            "Two suicide bombers blew themselves up at a market in Gwoza town on Saturday, killing 18 people.",
            "No group has claimed responsibility, but the attacks bore the hallmarks of Boko Haram.",
        ], headline: "Suicide bombings in Gwoza", reference: "2024-06-30").first
        #expect(m?.perpetrator == "Boko Haram")
        #expect(m?.attribution == .alleged)
    }

    @Test func anArmyReportingItsOwnDroneStrikeClaimsIt() {
        let m = mains(["The Nigerien armed forces said in a communique on Saturday that a drone strike on a militant camp near Tera had killed around twenty fighters."],
                      headline: "Niger army reports drone strike", reference: "2023-09-24").first
        #expect(m?.perpetrator == "Niger")
        #expect(m?.attribution == .claimed)
    }

    @Test func militantsSentToHellAreKilled() {
        let m = mains(["Security forces conducted an operation in Mir Ali on Sunday night, and after an intense exchange of fire eight (8) khwarij were sent to hell, the ISPR said."],
                      headline: "Operation in Mir Ali", reference: "2025-04-28").first
        #expect(m?.killed == 8)
    }

    @Test func aGroupClaimingTheAttackClaimsIt() {
        let m = mains([
            "Several mortar shells were fired on Wednesday morning at the Halane area near the airport of Mogadishu, injuring three people, a police officer said.",
            "Al-Shabaab was claiming the attack through its radio station.",
        ], headline: "US drone strike near Jilib; mortars hit Mogadishu", reference: "2023-03-15").first { $0.place?.name == "Mogadishu" }
        #expect(m?.perpetrator == "al-Shabaab")
        #expect(m?.attribution == .claimed)
    }

    @Test func theUnityGovernmentsDefenceMinistryClaimsItsDronesStrikes() {
        let m = mains(["The Ministry of Defence of the Government of National Unity said its drones carried out precise strikes at dawn on Tuesday on boats and warehouses in Zawiya."],
                      headline: "Drones hit hideouts in Zawiya", reference: "2025-05-21").first
        #expect(m?.perpetrator == "Government of National Unity")
        #expect(m?.attribution == .claimed)
    }
}
