import IncidentModel
import Testing
@testable import IncidentExtraction

/// Weekly digests and protection updates: the week their headline states ("week of 12-18 May"),
/// items that open with a bullet, a town and a day, and a follow-up strike of another kind on the
/// next day at the same town.
@Suite struct DigestItemsTests {
    @Test func aWeekWrittenWithAJoinedDashIsTheDigestsWindow() {
        let a = Fixture.extract("Sahel Watch: week of 12-18 May 2025", [
            "RSF shelling hit a displacement camp on the northern edge of El Fasher on Tuesday 13 May, killing 12 civilians, according to local volunteers.",
            "An airstrike on a livestock market in Nyala on Thursday 15 May killed at least 20 people, according to the local administration.",
        ], reference: "2025-05-19")
        let m = Fixture.mains(a)
        #expect(m.count == 2)
        #expect(m.contains { $0.place?.name == "Nyala" && $0.date?.description == "2025-05-15" })
    }

    @Test func aFollowUpStrikeOfAnotherKindOnTheNextDayIsAnotherIncident() {
        let a = Fixture.extract("Sahel Watch: week of 12-18 May 2025", [
            "Fighters of ISWAP overran a military base in Marte on Monday 12 May, killing at least five soldiers, military sources said.",
            "The Nigerian Air Force said follow-up air strikes on Tuesday near Marte killed \"scores\" of ISWAP fighters.",
        ], reference: "2025-05-19")
        let m = Fixture.mains(a)
        #expect(m.count == 2)
        #expect(m.contains { $0.eventType == .airstrike && $0.date?.description == "2025-05-13" && $0.perpetrator == "Nigeria" })
        #expect(m.contains { $0.eventType == .groundClash && $0.killed == 5 })
    }

    @Test func aBulletItemWithItsOwnTownAndDayIsItsOwnIncident() {
        let a = Fixture.extract("Darfur Protection Update | 8-14 June 2024", [
            "Prepared by the Darfur Protection Monitoring Network",
            "Fighting around El Fasher intensified this week. Aerial bombardment was again reported in South Darfur.",
            "Artillery shells fired by the Rapid Support Forces landed near the main market of El Fasher, killing nine civilians.",
            "The RSF denied targeting civilians.",
            "• Nyala, 9 June: Residents accused the Sudanese Armed Forces of an airstrike near the bus station that killed seven people.",
        ], reference: "2024-06-14")
        let m = Fixture.mains(a)
        let nyala = m.first { $0.place?.name == "Nyala" }
        #expect(nyala?.date?.description == "2024-06-09")
        #expect(nyala?.killed == 7)
        #expect(m.contains { $0.place?.name == "El Fasher" && $0.killed == 9 })
    }

    /// A weekly newsletter that states no dates covers the seven days to its issue: its "Saturday"
    /// is last Saturday and its items of the week are news. A night's span in an item
    /// ("the night of 27-28 December") is no window.
    @Test func aWeeklyNewsletterCoversTheSevenDaysToItsIssue() {
        let a = Fixture.extract("The Week in Syria: cells hit the SDF, mystery strikes on the border", [
            "Syria Weekly newsletter | Issue 214 | Friday 29 December 2023",
            "Welcome back to our round-up of the week's security developments.",
            "- On Sunday (24 December), ISIS gunmen on motorcycles attacked an SDF checkpoint on the outskirts of Hajin, killing four SDF fighters.",
            "- Unidentified aircraft struck a convoy of trucks shortly after it crossed from Iraq near Abu Kamal on the night of 27-28 December.",
            "- A Turkish drone hit a car in Qamishli on Saturday, wounding two members of the Asayish.",
        ], reference: "2023-12-29")
        let m = Fixture.mains(a)
        let hajin = m.first { $0.place?.name == "Hajin" }
        #expect(hajin?.date?.description == "2023-12-24")
        #expect(hajin?.eventType == .groundClash)
        #expect(m.first { $0.place?.name == "Qamishli" }?.date?.description == "2023-12-23")
        #expect(m.first { $0.eventType == .airstrike }?.place?.name == "Albu Kamal")
    }

    /// "hit sites near A, south of Baghdad, and in the B area": two targets, and the lead that
    /// names only their country is theirs.
    @Test func townsJoinedWithTheirOwnLocativesAreTargetsOfTheirOwn() {
        let a = Fixture.extract("US strikes militia sites in Iraq", [
            "The U.S. military conducted airstrikes overnight on three facilities used by Kataib Hezbollah in Iraq, the Pentagon said on Tuesday.",
            "The strikes hit sites near Jurf al-Nasr, south of Baghdad in Babil province, and in the Al-Qaim area on the Syrian border.",
        ], reference: "2023-12-26")
        let m = Fixture.mains(a)
        #expect(m.count == 2)
        #expect(Set(m.compactMap { $0.place?.admin1 }) == ["Babil", "Anbar"])
    }

    /// A numbered item whose heading line gives only its town and day: the sentences after it tell
    /// that item's incident, not the next item's.
    @Test func aNumberedItemsHeadingPlacesTheIncidentItsParagraphTells() {
        let a = Fixture.extract("Somalia security update", [
            "Covering 27 October - 2 November 2022 | Distribution: NGO partners only",
            "1. Mogadishu \u{2013} 29 Oct, approx. 14:00 hrs. Two car bombs detonated in quick succession near the Ministry of Education. Government figures put the toll at 121 killed and more than 300 injured. Al-Shabaab claimed the attack the same evening.",
            "2. Afgooye \u{2013} 1 Nov. An IED struck an army vehicle at the western exit of Afgooye town. Two soldiers were injured.",
        ], reference: "2022-11-02")
        let m = Fixture.mains(a)
        let mogadishu = m.first { $0.place?.name == "Mogadishu" }
        #expect(mogadishu?.killed == 121)
        #expect(mogadishu?.date?.description == "2022-10-29")
        #expect(m.first { $0.place?.name == "Afgoye" }?.killed == nil)
        #expect(m.first { $0.place?.name == "Afgoye" }?.injured == 2)
    }
}
