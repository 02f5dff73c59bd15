import IncidentModel
import Testing
@testable import IncidentExtraction

/// Incidents told side by side (a live blog's entries, a turn to another kind of violence or
/// another country, "in another engagement", a second target in a coordinated clause) stay apart;
/// a toll update in a later entry still finds its incident.
@Suite struct AdjacentIncidentTests {
    private func main(_ a: ExtractedArticle, at town: String) -> IncidentMention? { Fixture.main(a, at: town) }

    @Test func aLiveBlogsTimeStampsSeparateItsEntries() {
        let a = Fixture.extract("Live: northern front", [
            "9:05 am",
            "The army says jets struck a weapons depot in the southern Lebanese village of Khiam overnight.",
            "10:40 am",
            "Dozens of rockets are fired from Lebanon toward Kiryat Shmona, the army says. Hezbollah claims the barrage.",
        ], reference: "2024-06-20")
        #expect(Fixture.mains(a).count == 2)
        #expect(Fixture.mains(a).contains { $0.eventType == .rocketAttack })
        #expect(Fixture.mains(a).contains { $0.eventType == .airstrike })
    }

    @Test func aTimeStampLineIsRecognised() {
        #expect(ArticleCleaner.isTimeStamp("10:47 am"))
        #expect(ArticleCleaner.isTimeStamp("13.10 BST"))
        #expect(ArticleCleaner.isTimeStamp("9:02 a.m. EST"))
        #expect(!ArticleCleaner.isTimeStamp("10:47 am Rockets hit the north"))
        #expect(!ArticleCleaner.isTimeStamp("2024"))
    }

    @Test func aTollUpdateInALaterEntryJoinsItsTownsIncident() {
        let a = Fixture.extract("Live: Golan", [
            "18:10 BST",
            "A rocket fired from Lebanon hit a playground in Majdal Shams on Saturday, killing at least eight children, Israeli officials said.",
            "19:30 BST",
            "Rescue services have raised the death toll in Majdal Shams to 11, and said 25 people were wounded.",
        ], reference: "2024-07-27")
        #expect(Fixture.mains(a).count == 1)
        #expect(Fixture.mains(a).first?.killed == 11)
        #expect(Fixture.mains(a).first?.injured == 25)
    }

    @Test func aTurnToAnotherKindOfViolenceIsAnotherIncidentWithoutAPlace() {
        let a = Fixture.extract("Saada", [
            "Coalition warplanes launched four raids on Kitaf district of Saada province on Monday, damaging farms.",
            "Meanwhile, Saudi artillery shelling targeted villages in a border district, destroying several houses.",
        ], reference: "2017-05-09")
        let mains = Fixture.mains(a)
        #expect(mains.count == 2)
        #expect(mains.contains { $0.eventType == .shelling })
        #expect(mains.contains { $0.eventType == .airstrike })
    }

    @Test func aSentenceOpeningWithAnotherCountryIsAnotherIncident() {
        let a = Fixture.extract("Operations", [
            "A senior militant was killed in a drone strike near the town of Qaladze on Sunday, security sources said.",
            "In northern Syria, Turkish commandos neutralized four YPG terrorists who opened fire on a base, the ministry said.",
        ], reference: "2024-01-22")
        #expect(Fixture.mains(a).count == 2)
        #expect(Fixture.mains(a).contains { $0.eventType == .groundClash && $0.place?.country == "Syria" })
    }

    @Test func inAnotherEngagementFightersAttackingAPostIsAnotherIncident() {
        let a = Fixture.extract("North Waziristan", [
            "Security forces conducted an intelligence based operation near Mir Ali on Friday, killing six militants, the military said.",
            "In another engagement on Saturday, khwarij attacked a check post in Razmak. Two soldiers were martyred in the exchange of fire.",
        ], reference: "2025-03-23")
        let mains = Fixture.mains(a)
        #expect(mains.count == 2)
        #expect(main(a, at: "Mir Ali")?.eventType == .raid)
        #expect(main(a, at: "Razmak")?.eventType == .groundClash)
        #expect(main(a, at: "Razmak")?.killed == 2)
    }

    @Test func aWeaponThatKillsIsTheIncidentsKind() {
        let a = Fixture.extract("Commander killed", [
            "A US drone has assassinated a militia commander and two of his guards in eastern Baghdad, officials said on Thursday.",
        ], reference: "2024-02-08")
        #expect(Fixture.mains(a).first?.eventType == .droneStrike)
        #expect(Fixture.mains(a).first?.place?.name == "Baghdad")
    }

    @Test func anotherWeaponInACoordinatedClauseHitsASecondTarget() {
        let a = Fixture.extract("Bases attacked", [
            "The group said its fighters targeted a base at Harir with drones on Thursday morning, and another drone struck a base near Al-Shaddadi.",
        ], reference: "2024-02-08")
        #expect(Fixture.mains(a).count == 2)
        #expect(Fixture.mains(a).allSatisfy { $0.date == IncidentDate(day: Fixture.day("2024-02-08")) })
    }

    @Test func aDayThatSomethingContinuedIntoIsNotTheIncidentsDay() {
        let s = SentenceAnalyzer(resources: Fixture.resources).analyse(
            [("Rescue work continued into Tuesday after the missiles struck Dnipro.", 0)], reference: Fixture.day("2024-07-09"))
        #expect(s.first?.eventDate == nil)
    }
}

/// Resistance and state media wording: "the aggression on the town of X", places "between A and
/// B", and an answer ("In response to ..., fighters targeted ...") told after the incident it answers.
@Suite struct ResistanceMediaWordingTests {
    @Test func anAggressionOnATownIsAnIncident() {
        let a = Fixture.extract("Funeral held", [
            "The movement mourned on Thursday a commander who was martyred in the Zionist aggression on the town of Jouaiya on Wednesday night.",
        ], reference: "2024-06-13")
        #expect(Fixture.mains(a).count == 1)
        #expect(Fixture.mains(a).first?.place?.name == "Jouaiya")
        #expect(Fixture.mains(a).first?.perpetrator == "Israel")
    }

    @Test func aPlaceBetweenTwoTownsLocatesTheIncident() {
        let a = Fixture.extract("Drone strike", [
            "A drone fired a missile at a car on the road between Bint Jbeil and Ainata on Tuesday, the agency said.",
        ], reference: "2024-06-12")
        #expect(Fixture.mains(a).first?.place?.name == "Bint Jbeil")
    }

    @Test func anAnswerOpeningWithItsReasonIsAnotherIncident() {
        let a = Fixture.extract("Strike and response", [
            "An Israeli strike on a house in the town of Jouaiya killed a commander and three of his comrades on Tuesday night.",
            "In response to the assassination, the group's fighters fired dozens of rockets at army bases in the Upper Galilee.",
        ], reference: "2024-06-12")
        #expect(Fixture.mains(a).count == 2)
        #expect(Fixture.mains(a).contains { $0.eventType == .rocketAttack })
    }

    @Test func anIncidentCalledAResponseIsNotAnAnswerOfItsOwn() {
        let s = SentenceAnalyzer(resources: Fixture.resources).analyse(
            [("The recent U.S.-led airstrikes are a direct response to a series of attacks on shipping.", 0)], reference: Fixture.day("2024-01-14"))
        #expect(s.first?.isReaction == true)
        #expect(s.first?.opensAsAnswer == false)
    }
}

/// The other side's act, a repelled attack and a turn to a town outside the article's country are
/// incidents of their own; a denial or an area round the town told keeps the sentence with it.
@Suite struct OtherSideTests {
    @Test func aRepelledAttackOnTheSameTownIsAnotherIncident() {
        let a = Fixture.extract("El Fasher", [
            "The militia on Friday targeted a hospital in El Fasher with a suicide drone, killing 12 patients, the ministry said.",
            "Meanwhile, the army repelled on Friday a large attack launched by the militia on El Fasher from the south.",
        ], reference: "2025-01-24")
        let mains = Fixture.mains(a)
        #expect(mains.count == 2)
        #expect(mains.contains { $0.eventType == .groundClash && $0.killed == nil })
        #expect(mains.contains { $0.eventType == .droneStrike && $0.killed == 12 })
    }

    @Test func aTurnToATownAcrossTheBorderIsAnotherIncident() {
        let a = Fixture.extract("Belgorod", [
            "The Kiev regime on Saturday launched a strike on the centre of Belgorod with multiple rocket launchers, killing 14 people.",
            "Later on Saturday, the Russian Armed Forces delivered a strike with high-precision weapons on military facilities in Kharkov.",
        ], reference: "2023-12-30")
        let mains = Fixture.mains(a)
        #expect(mains.count == 2)
        #expect(mains.contains { $0.eventType == .missileStrike && $0.place?.country == "Ukraine" })
    }

    @Test func theOtherSidesActIsAnotherIncident() {
        let a = Fixture.extract("Strike and rockets", [
            "The Israeli military said Saturday it carried out a precise strike on a command center in a school in Gaza City, after local authorities said 40 people were killed.",
            "Hours later, the al-Quds Brigades claimed it fired the rockets from Khan Younis at a kibbutz across the border.",
        ], reference: "2024-08-10")
        let mains = Fixture.mains(a)
        #expect(mains.count == 2)
        #expect(mains.contains { $0.eventType == .rocketAttack && $0.killed == nil })
        #expect(mains.contains { $0.killed == 40 })
    }

    @Test func aDenialNamingTheOtherSideTellsNoOtherIncident() {
        let a = Fixture.extract("Station strike", [
            "Two Russian missiles struck a railway station in Kramatorsk on Friday, killing at least 30 people, officials said.",
            "Russia denied carrying out a missile strike and claimed the missile was only used by the Ukrainian army.",
        ], reference: "2022-04-08")
        #expect(Fixture.mains(a).count == 1)
    }
}
