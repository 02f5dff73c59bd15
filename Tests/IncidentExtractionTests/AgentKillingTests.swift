import IncidentModel
import Testing
@testable import IncidentExtraction

/// Incidents told without an incident word (an armed actor kills its victims, a group claims a
/// killing), and the role and boundaries of such reports: an older year, a comparison with "since",
/// a round-up's headline period, a summary's bullets and a round-up's place headings.
@Suite struct AgentKillingTests {
    private func day(_ iso: String) -> IncidentDate { IncidentDate(day: Fixture.day(iso)) }

    @Test func anArmedActorKillingItsVictimsIsAClash() {
        let a = Fixture.extract("Herders killed in Borno", [
            "Suspected jihadists on Thursday killed at least 27 herders who were grazing their cattle outside Gubio in Borno State, a local official said.",
        ], reference: "2022-06-04")
        let mains = Fixture.mains(a)
        #expect(mains.count == 1)
        #expect(mains.first?.eventType == .groundClash)
        #expect(mains.first?.killed == 27)
        #expect(mains.first?.date == day("2022-06-02"))
        #expect(mains.first?.place?.name == "Gubio")
    }

    @Test func aBracketedAcronymDoesNotHideTheActorOrTheKilling() {
        let a = Fixture.extract("Attack near Mopti", [
            "Fighters of the Group for the Support of Islam and Muslims (JNIM) massacred villagers near Mopti on Tuesday, witnesses said.",
        ], reference: "2023-07-06")
        #expect(Fixture.mains(a).first?.eventType == .groundClash)
        #expect(Fixture.mains(a).first?.perpetrator == "JNIM")
    }

    @Test func aClaimedKillingIsAnIncidentOnTheDayOfTheKillingNotOfTheClaim() {
        let a = Fixture.extract("Group claims soldiers' deaths", [
            "The militant group claimed responsibility on Wednesday for killing 19 soldiers at a checkpoint near Mopti on Monday.",
        ], reference: "2023-07-06")
        let mains = Fixture.mains(a)
        #expect(mains.count == 1)
        #expect(mains.first?.killed == 19)
        #expect(mains.first?.date == day("2023-07-03"))
    }

    @Test func destroyedMaterielIsAnIncident() {
        let a = Fixture.extract("Resistance roundup", [
            "The armed wing said its fighters destroyed two armoured vehicles east of Jabalia on Sunday.",
        ], reference: "2024-05-13")
        #expect(Fixture.mains(a).count == 1)
        #expect(Fixture.mains(a).first?.eventType == .groundClash)
    }

    @Test func victimsOfAPassiveOrAnObjectlessVerbAreNoIncident() {
        let a = Fixture.extract("Funerals held", [
            "Forty insurgents killed during the operation were buried in a mass grave, residents said.",
            "Officials said gunmen had killed, robbed or kidnapped travellers for years.",
        ], reference: "2022-06-04")
        #expect(a.mentions.isEmpty)
    }

    @Test func theKindNamedByAnIncidentWordInTheMentionWins() {
        let a = Fixture.extract("Checkpoint attack", [
            "Militants killed six policemen at a checkpoint in Damboa on Saturday.",
            "The attackers detonated a car bomb before opening fire, police said.",
        ], reference: "2022-06-06")
        #expect(Fixture.mains(a).count == 1)
        #expect(Fixture.mains(a).first?.eventType == .explosion)
    }

    @Test func anIncidentInAnEarlierYearIsBackground() {
        let a = Fixture.extract("Farmers killed", [
            "Gunmen on Saturday killed 15 farmers in their fields near Gubio, officials said.",
            "The area has seen several attacks; in 2019 gunmen killed 11 people near the town.",
        ], reference: "2022-06-06")
        #expect(Fixture.mains(a).count == 1)
        #expect(Fixture.mains(a).first?.killed == 15)
        #expect(!a.mentions.contains { $0.role == .main && $0.killed == 11 })
    }

    @Test func theDeadliestSinceIsAComparisonNotAnOlderIncident() {
        let s = SentenceAnalyzer(resources: Fixture.resources).analyse(
            [("Nine soldiers were killed on Monday near Jabalia, the deadliest day for the army since the ground operation began.", 0)],
            reference: Fixture.day("2024-05-14"))
        #expect(s.first?.isBackground == false)
    }

    @Test func aRoundUpsHeadlinePeriodKeepsItsIncidentsNews() {
        let a = Fixture.extract("Sahel weekly: May 6-12, 2024", [
            "Militants attacked an army post near Mopti on May 7, killing nine soldiers, the army said.",
        ], reference: "2024-05-14")
        #expect(Fixture.mains(a).count == 1)
        #expect(Fixture.mains(a).first?.date == day("2024-05-07"))
    }

    @Test func aSummarysBulletsOpenNoIncidentOfTheirOwn() {
        let a = Fixture.extract("Weekly monitor", [
            "Key takeaways:",
            "- Militants carried out the deadliest raid of the year in central Mali.",
            "- Army drones struck a gathering in the north.",
            "Mali. Militants attacked an army post near Mopti on Tuesday, killing nine soldiers, the army said.",
        ], reference: "2023-07-06")
        #expect(a.mentions.count == 1)
        #expect(Fixture.mains(a).first?.killed == 9)
    }

    @Test func aPlaceHeadingEndsTheIncidentBeforeIt() {
        let a = Fixture.extract("Weekly monitor", [
            "Nigeria. Gunmen on Saturday killed 15 farmers near Gubio, officials said.",
            "Mali. Drone strikes on Saturday hit a wedding party in the far north, residents said.",
        ], reference: "2023-07-06")
        #expect(Fixture.mains(a).count == 2)
        #expect(Fixture.mains(a).contains { $0.eventType == .droneStrike && $0.place?.name != "Gubio" })
    }
}

/// A daily report's incidents stay its news when a background cue follows them in the sentence.
@Suite struct UndatedReportRoleTests {
    @Test func aCueAfterAnUndatedIncidentDoesNotMakeItBackground() {
        let infos = SentenceAnalyzer(resources: Fixture.resources).analyse([
            ("On the Kafr Nabl frontline, a sniper shot dead a soldier, while regime forces responded by shelling the front.", 0),
            ("In Daraa, gunmen shot dead a former commander in Tafas town, bringing to 20 the number of people assassinated since the beginning of the month.", 1),
        ], reference: Fixture.day("2021-06-15"))
        #expect(infos.allSatisfy { !$0.isBackground })
    }

    @Test func aDatedOlderIncidentStaysBackground() {
        let infos = SentenceAnalyzer(resources: Fixture.resources).analyse([
            ("In January, a suicide bomber killed 80 policemen at a mosque in Peshawar, weeks after a similar attack.", 0),
        ], reference: Fixture.day("2023-07-31"))
        #expect(infos.first?.isBackground == true)
    }
}
