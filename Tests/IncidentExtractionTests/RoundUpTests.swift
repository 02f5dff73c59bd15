import IncidentModel
import Testing
@testable import IncidentExtraction

/// Articles that tell several incidents one after another: a summary of several towns followed by
/// each town's incident, and incidents told without a day of their own after the day's news.
@Suite struct RoundUpTests {
    @Test func aSummaryOfSeveralTownsGivesWayToEachTownsIncident() {
        let a = Fixture.extract("Strikes across Gaza", [
            "Israeli airstrikes killed at least 27 people across the Gaza Strip overnight, health officials said.",
            "In Beit Lahia, a strike on a family home killed 11 people, among them four children.",
            "In Khan Younis, a drone hit a tent in a displacement camp, killing six.",
        ], reference: "2024-06-04")
        let mains = Fixture.mains(a)
        #expect(mains.count == 2)
        let lahia = mains.first { $0.place?.name == "Beit Lahia" }
        let younis = mains.first { $0.place?.name == "Khan Younis" }
        #expect(lahia?.killed == 11)
        #expect(younis?.killed == 6)
        // The summary's actor and night belong to the towns' incidents.
        #expect(lahia?.perpetrator == "Israel")
        #expect(lahia?.date == IncidentDate(start: Fixture.day("2024-06-03"), end: Fixture.day("2024-06-04")))
        #expect(younis?.date == lahia?.date)
    }

    @Test func aCountedSummaryAndTheRoundUpOfTowns() {
        let a = Fixture.extract("Towns shelled", [
            "Government artillery shelled three villages in Idlib province on Thursday, killing nine civilians, rescuers said.",
            "In Maarat al-Numan, four people died when a shell hit a bakery.",
            "In Saraqib, a rocket struck a school, killing five.",
        ], reference: "2020-01-17")
        let mains = Fixture.mains(a)
        #expect(Set(mains.compactMap { $0.place?.name }) == ["Maarat al-Numan", "Saraqib"])
        #expect(mains.allSatisfy { $0.date == IncidentDate(day: Fixture.day("2020-01-16")) })
        #expect(!mains.contains { $0.killed == 9 })
    }

    @Test func aWaveOfRaidsToldOnThroughItsPlacesStaysOneIncident() {
        let a = Fixture.extract("Raids on militia posts", [
            "Warplanes raided several militia posts across Deir ez-Zor province on Sunday night.",
            "Six fighters died in the raids on al-Bukamal, a local source said.",
        ], reference: "2021-05-10")
        let mains = Fixture.mains(a)
        #expect(mains.count == 1)
        #expect(mains.first?.killed == 6)
    }

    @Test func anIncidentToldWithoutADayHappenedOnTheDayJustTold() {
        let a = Fixture.extract("Drone strikes in the north-east", [
            "A Turkish drone struck a car near Qamishli on Tuesday, killing two fighters.",
            "Another drone hit a checkpoint on the outskirts of Kobani, wounding three people.",
        ], reference: "2023-06-15")
        let kobani = Fixture.mains(a).first { $0.place?.admin1 == "Aleppo" }
        #expect(kobani?.date == IncidentDate(day: Fixture.day("2023-06-13")))
    }

    @Test func aReactionOrAFarLaterParagraphDoesNotTakeTheDay() {
        let a = Fixture.extract("Attack on a parade", [
            "A drone attack on a military parade in Homs on Thursday killed 40 people.",
            "Government forces in response shelled villages in Idlib, an analyst wrote, causing casualties.",
        ], reference: "2023-10-06")
        let idlib = Fixture.mains(a).first { $0.place?.admin1 == "Idlib" }
        #expect(idlib != nil)
        #expect(idlib?.date == nil)
    }

    @Test func aNearbyTownWithItsOwnTollIsAnotherIncident() {
        let a = Fixture.extract("Market strikes", [
            "Airstrikes hit a crowded market in the town of Maarat al-Numan on Monday, killing at least 30 people, rescuers said.",
            "Rescuers also reported that airstrikes killed four people in the nearby town of Saraqib later on Monday.",
        ], reference: "2019-07-23")
        let mains = Fixture.mains(a)
        #expect(mains.count == 2)
        #expect(mains.first { $0.place?.name == "Saraqib" }?.killed == 4)
        #expect(mains.first { $0.killed == 30 } != nil)
        // The same town's sentences without a toll of their own go on telling one incident.
        let one = Fixture.mains(Fixture.extract("Raids on depots", [
            "Warplanes struck arms depots near al-Bukamal on Sunday night, killing six fighters.",
            "Other airstrikes hit farmland south of al-Mayadin.",
        ], reference: "2021-01-13"))
        #expect(one.count == 1)
    }

    @Test func anOpenerOrATownOpeningTheSentenceStartsAnotherIncident() {
        let a = Fixture.extract("Strikes in Gaza", [
            "At least 25 people were killed when Israeli aircraft bombed a school in Deir al-Balah on Saturday, medics said.",
            "In Khan Younis, four people were killed when a drone hit a house in the town of Bani Suheila.",
        ], reference: "2024-07-27")
        #expect(Fixture.mains(a).count == 2)
        let b = Fixture.extract("Strikes in Yemen", [
            "Coalition warplanes struck a prison in the city of Dhamar on Sunday, killing 60 inmates.",
            "Meanwhile, artillery shelled a market in the town of Baqim, wounding two people.",
        ], reference: "2019-09-01")
        #expect(Fixture.mains(b).count == 2)
    }

    @Test func townsListedAfterAPluralAreEachATarget() {
        let a = Fixture.extract("Strikes in south Lebanon", [
            "Israeli jets struck rocket launchers in the areas of Aitaroun and Khiam on Wednesday, the army said.",
        ], reference: "2024-02-14")
        #expect(Set(Fixture.mains(a).compactMap { $0.place?.name }).count == 2)
    }

    @Test func eachTownAfterItsOwnStrikesIsATarget() {
        let a = Fixture.extract("Raids in Yemen", [
            "Warplanes carried out four raids on Sirwah district of Marib province, and two raids on Baqim district of Saada province on Sunday.",
        ], reference: "2019-09-01")
        #expect(Fixture.mains(a).count == 2)
    }

    @Test func anUnknownVillageWithNoKnownPlaceBesideItIsNotTheTownToldBefore() {
        let a = Fixture.extract("Strikes in south Lebanon", [
            "Warplanes struck a building in the city of Nabatieh on Wednesday, killing seven people.",
            "Artillery also shelled the outskirts of the village of Kfarkela, without casualties.",
        ], reference: "2024-02-14")
        let mains = Fixture.mains(a)
        #expect(mains.count == 2)
        #expect(mains.first { $0.killed == 7 }?.place?.name == "Nabatieh")
    }

    @Test func anIncidentOfAnotherKindInAnotherTownIsAnotherIncident() {
        let a = Fixture.extract("Strike on a school", [
            "An Israeli airstrike on a school in the town of Deir al-Balah killed at least 20 people on Saturday, medics said.",
            "Israeli troops battled Hamas fighters in the town of Bani Suheila on Sunday, the military said, a day after it ordered residents to leave.",
            "The offensive has killed more than 39,000 people, according to the health ministry.",
        ], reference: "2024-07-28")
        let mains = Fixture.mains(a)
        #expect(mains.count == 2)
        let clash = mains.first { $0.eventType == .groundClash }
        #expect(clash?.place?.name == "Bani Suheila")
        #expect(clash?.date == IncidentDate(day: Fixture.day("2024-07-28")))
        #expect(!mains.contains { $0.killed == 39000 })
    }

    @Test func placesInAResponseClauseBelongToTheEarlierIncident() {
        let a = Fixture.extract("Rockets and a strike", [
            "Israeli warplanes struck a building in the city of Nabatieh on Wednesday, killing ten people.",
            "In response to the massacre, Hezbollah fighters fired dozens of rockets at Kiryat Shmona, in response to the attacks on southern villages, especially the massacre of Nabatieh.",
        ], reference: "2024-02-15")
        let mains = Fixture.mains(a)
        #expect(mains.count == 2)
        #expect(mains.contains { $0.place?.name == "Kiryat Shmona" })
        // A retaliatory strike is itself the incident: its place stays its own.
        let r = Fixture.mains(Fixture.extract("Retaliation", [
            "The U.S. carried out a retaliatory drone strike in the city of Kandahar on Saturday, killing two militants.",
        ], reference: "2021-08-29")).first
        #expect(r?.place?.name == "Kandahar")
    }

    @Test func fightingAndShellingOfTownsNearbyAreTwoIncidents() {
        let a = Fixture.extract("Fighting in Idlib", [
            "Government forces fired dozens of rockets and shells on the town of Maarat al-Numan on Wednesday.",
            "On the other hand, fierce clashes broke out between government forces and rebels near Abu al-Duhur on Wednesday, leaving 18 fighters dead.",
        ], reference: "2020-01-15")
        #expect(Fixture.mains(a).count == 2)
    }

    @Test func anArticleThatGivesNoDayTellsTheDaysNews() {
        let a = Fixture.extract("Strikes in the south", [
            "Warplanes launched an airstrike in the evening on a building in the city of Nabatieh, killing seven people.",
            "In the afternoon, a drone targeted a house in the town of Khiam, killing a woman and her two children.",
        ], reference: "2024-02-14")
        let mains = Fixture.mains(a)
        #expect(mains.count == 2)
        #expect(mains.allSatisfy { $0.date == IncidentDate(day: Fixture.day("2024-02-14")) })
    }

    @Test func theDayCarriesOverQuotedParagraphs() {
        let a = Fixture.extract("Prison hit", [
            "Coalition warplanes struck a prison in the city of Dhamar on Sunday, killing 60 inmates.",
            "The health ministry spokesman told reporters that rescue teams were still searching the rubble.",
            "The head of the prisoners' committee said the prison held about 170 detainees.",
            "He called on the United Nations to condemn the attack.",
            "Meanwhile, warplanes carried out three raids on the town of Baqim.",
        ], reference: "2019-09-02")
        let baqim = Fixture.mains(a).first { $0.place?.name != "Dhamar" }
        #expect(baqim?.date == IncidentDate(day: Fixture.day("2019-09-01")))
    }
}
