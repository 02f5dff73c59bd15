import IncidentModel
import Testing
@testable import IncidentExtraction

/// Session 10's second batch: what an actor's own voice says it destroyed or launched, owners that
/// are no strikers, further targets of one wave, and places named only as a cause.
@Suite struct ClaimsAndTargetListsTests {
    private func mains(_ paragraphs: [String], headline: String = "Strikes reported", reference: String = "2024-02-04") -> [IncidentMention] {
        Fixture.mains(Fixture.extract(headline, paragraphs, reference: reference))
    }

    @Test func aircraftThatDestroyedAHangarStruck_andTheSpeakerPastItsLeadersNameClaimsIt() {
        let m = mains([
            "The Libyan National Army (LNA) of Khalifa Haftar said its aircraft destroyed a hangar used by Turkish drones at Mitiga airport in Tripoli late on Monday.",
        ], reference: "2019-08-06").first
        #expect(m?.eventType == .airstrike)
        #expect(m?.perpetrator == "Libyan National Army")
        #expect(m?.attribution == .claimed)
    }

    @Test func airDefencesThatDestroyedDronesClaimNoStrike() {
        let m = mains([
            "Ukrainian drones set an oil depot ablaze near the Russian town of Klintsy overnight, the regional governor said.",
            "Russia's defence ministry said its air defences had destroyed 43 Ukrainian drones over several regions overnight.",
        ], reference: "2025-03-19").first
        #expect(m?.perpetrator != "Russia")
        #expect(m?.attribution != .claimed)
    }

    @Test func theGroupsOwnForceLaunchingAtATownAbroadClaimsAStrikeThere() {
        let m = mains([
            "The United States and Britain struck Houthi targets across Yemen late on Saturday.",
            "Houthi military spokesman Yahya Saree said in a televised statement that the group's missile force had launched ballistic missiles at the port city of Eilat early on Sunday.",
        ])
        let eilat = m.first { $0.place?.name == "Eilat" }
        #expect(eilat?.perpetrator == "Houthis")
        #expect(eilat?.attribution == .claimed)
    }

    @Test func aPlaceInTheCauseAGroupFightsForIsNoIncidentPlace() {
        let m = mains([
            "A bulk carrier was struck by a missile off the Yemeni port of Mocha on Friday, a maritime agency said.",
            "Houthi military spokesman Yahya Saree said that the group's naval forces had targeted the ship with naval missiles in support of the Palestinians in Gaza.",
        ], reference: "2024-01-26")
        #expect(m.count == 1)
        #expect(m.first?.place?.name == "Mocha")
    }

    @Test func anotherSiteOfTheWaveIsItsIncidentThere() {
        let m = mains([
            "U.S. forces struck three facilities used by Kataib Hezbollah in Iraq early Wednesday, the Pentagon said.",
            "An Iraqi security official said that two members of Kataib Hezbollah were killed in the strike on their headquarters in Jurf al-Sakhar.",
            "Another of the sites hit was near al-Qaim on the Syrian border, the official said.",
        ], headline: "US strikes militia sites in Iraq", reference: "2024-01-24")
        #expect(m.count == 2)
        let qaim = m.first { $0.place?.admin1 == "Anbar" }
        #expect(qaim?.perpetrator == "United States")
        #expect(qaim?.date?.description == "2024-01-24")
    }

    @Test func targetsEnumeratedWithPlaceNounsAreAnIncidentEach() {
        let m = mains([
            "Al-Masirah TV said the aggression had targeted the capital Sanaa, the Red Sea port city of Hodeidah and the province of Taiz late on Saturday.",
        ])
        #expect(m.count == 3)
        #expect(Set(m.compactMap { $0.place?.admin1 }).count == 3)
    }

    @Test func namesOfARegionsPartsAreNoList() {
        let m = mains([
            "Coalition warplanes carried out several raids on militia positions in the desert region of Al-Mayadeen, Sabikhan and Al-Salihiyah on Saturday.",
        ], reference: "2020-10-18")
        #expect(m.count == 1)
    }

    @Test func weaponsThatWereStruckAreNoWeaponOfTheStrike() {
        let hit = mains(["U.S. forces conducted strikes against three anti-ship cruise missiles and an unmanned surface vessel near Hodeidah on Tuesday."], reference: "2024-03-06").first
        #expect(hit != nil)
        #expect(hit?.eventType != .missileStrike)
        #expect(hit?.eventType != .explosion)
        let fired = mains(["Russian forces struck the centre of Kharkiv with three missiles on Tuesday, killing four people."], reference: "2024-03-06").first
        #expect(fired?.eventType == .missileStrike)
    }

    @Test func countedRaidsOnTwoTownsAfterAProvinceLeadAreTwoIncidentsAndNoThird() {
        let m = mains([
            "The aggression launched seven air raids overnight on Hodeidah province, a security source said.",
            "The source explained that the aggression warplanes launched five raids on the Al-Jabbana area west of Hodeidah city and two raids on the Ras Issa port area in Al-Salif district.",
        ], reference: "2024-02-26")
        #expect(m.count == 2)
        #expect(m.allSatisfy { $0.place?.admin1 == "Hodeidah" && $0.place?.name != nil })
        #expect(m.allSatisfy { $0.date?.description == "2024-02-25/2024-02-26" })
    }

    @Test func aircraftThatDestroyedALaunchSiteStruck() {
        let m = mains([
            "The same evening, the Saudi-led coalition said its aircraft destroyed a Houthi drone launch site east of Saada city.",
        ], reference: "2021-05-14").first
        #expect(m?.eventType == .airstrike)
        #expect(m?.place?.admin1 == "Saada")
    }

    @Test func securityForcesAreTheirCountrysWhereReportsNameThemSo() {
        let pk = mains(["Security forces killed six terrorists in an operation in Mir Ali in North Waziristan on Monday, the military's media wing said."], reference: "2025-02-11").first
        #expect(pk?.perpetrator == "Pakistan")
        #expect(pk?.attribution == .claimed)
        let sy = mains(["Security forces shelled the outskirts of Idlib on Monday, killing two civilians, activists said."], reference: "2025-02-11").first
        #expect(sy?.perpetrator == nil)
    }

    @Test func governmentForcesAreTheGovernmentOfTheArticlesCountry() {
        let ye = mains(["Government forces shelled Houthi positions in the Kilo 16 area east of Hodeidah on Wednesday night, killing at least 12 fighters."], reference: "2018-07-26").first
        #expect(ye?.perpetrator == "Yemeni government forces")
        let sy = mains(["Government forces shelled the town of Kafr Nabl in southern Idlib on Wednesday, killing four civilians, activists said."], reference: "2019-05-30").first
        #expect(sy?.perpetrator == "Syrian government")
    }

    @Test func aSpokesmanAnnouncingWhatHisMissileForceTargetedClaimsIt() {
        let m = mains([
            "The spokesman of the Yemeni Armed Forces, Yahya Saree, announced that the missile force targeted the city of Eilat with ballistic missiles on Tuesday.",
        ], reference: "2024-03-06").first
        #expect(m?.perpetrator == "Houthis")
        #expect(m?.attribution == .claimed)
    }
}
