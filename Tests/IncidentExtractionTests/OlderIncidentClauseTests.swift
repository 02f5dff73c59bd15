import IncidentModel
import Testing
@testable import IncidentExtraction

/// Clauses that recall an older incident inside a sentence telling the news, and the dates and
/// voices around them.
@Suite struct OlderIncidentClauseTests {
    @Test func theOlderIncidentsTollAfterDaysAfterIsNotTheNews() {
        let a = Fixture.extract("Jets strike across the border", [
            "Army jets struck suspected militant camps across the border early Wednesday, three days after a bomb attack on a police station killed nine officers, officials said.",
            "A local official said the strikes killed four people.",
        ], reference: "2024-05-08")
        let m = Fixture.mains(a)
        #expect(m.count == 1)
        #expect(m.first?.date?.description == "2024-05-08")
        #expect(m.first?.killed == 4)
    }

    @Test func aRetaliationForNoIncidentLeavesTheClaimNews() {
        let a = Fixture.extract("Group claims drone attack on base", [
            "An armed group claimed a drone attack on the Harir air base in Erbil on Monday, saying it was retaliation for Washington's support for Israel.",
        ], reference: "2023-11-14")
        #expect(Fixture.mains(a).count == 1)
    }

    @Test func inDecemberInAFebruaryArticleIsLastYear() {
        let a = Fixture.extract("Air strike kills villagers", [
            "An air strike killed 11 villagers near Gusau on Sunday, residents said.",
            "In December, a drone strike on a festival in Kaduna state killed at least 80 people.",
        ], reference: "2024-02-13")
        let m = Fixture.mains(a)
        #expect(m.count == 1)
        #expect(m.first?.killed == 11)
    }

    @Test func toldTheAgencyOnTuesdayIsWhenItWasSaid() {
        let a = Fixture.extract("Strike kills 9", [
            "An air strike on a village in Katsina state killed nine people, residents told Reuters on Tuesday.",
            "The air force said on Sunday it had bombed a bandit camp near the village.",
        ], reference: "2024-02-20")
        #expect(Fixture.mains(a).first?.date?.description != "2024-02-20")
    }

    @Test func attributedTheShellingToAnActorIsAlleged() {
        let a = Fixture.extract("Shells hit hospital", [
            "Shells struck a hospital in El Fasher on 4 May, killing two patients. Local activists attributed the shelling to the Rapid Support Forces.",
        ], reference: "2024-05-06")
        let m = Fixture.mains(a).first
        #expect(m?.perpetrator == "Rapid Support Forces")
        #expect(m?.attribution == .alleged)
    }

    @Test func aStrikeThirtyKilometresFromATownIsPlacedAtIt() {
        let a = Fixture.extract("Strike near Jilib", [
            "The command said it conducted an airstrike approximately 30 km north of Jilib, Somalia, on May 3, killing two militants.",
        ], reference: "2023-05-05")
        #expect(Fixture.mains(a).first?.place?.name == "Jilib")
    }

    /// Negative: a town 150 km away only tells where another place lies.
    @Test func aFarTownIsOnlyAReference() {
        let a = Fixture.extract("Shelling hits town", [
            "Shelling killed a man in Kupiansk on Friday. Kupiansk, about 120 km east of Kharkiv, has been hit many times.",
        ], reference: "2023-10-14")
        #expect(Fixture.mains(a).first?.place?.name == "Kupiansk")
    }
}

extension OlderIncidentClauseTests {
    @Test func overnightFridayIntoSaturdayIsThoseTwoDays() {
        let a = Fixture.extract("Blast at militia base", [
            "An explosion tore through a militia base near Iskandariya overnight Friday into Saturday, killing one fighter, the group said.",
        ], reference: "2024-04-22")
        #expect(Fixture.mains(a).first?.date?.description == "2024-04-19/2024-04-20")
    }

    @Test func aWeeklyDigestsTuesdayLiesInTheWeekItCovers() {
        let a = Fixture.extract("Iraq Security Weekly", [
            "Issue 212 | Monday, 22 April 2024",
            "This week's digest covers incidents reported between 15 and 21 April.",
            "Two fighters were killed on Tuesday when a drone struck their car near Sinjar, officials said.",
        ], reference: "2024-04-22")
        #expect(Fixture.mains(a).first?.date?.description == "2024-04-16")
    }

    @Test func aStatementThatItHadNotStruckClaimsNothing() {
        let a = Fixture.extract("Blast at militia base", [
            "An explosion tore through a militia depot near Iskandariya on Saturday, killing one fighter. The US military said in a statement that it had not carried out any strikes in Iraq that day.",
        ], reference: "2024-04-22")
        #expect(Fixture.mains(a).first?.attribution != .claimed)
    }

    @Test func aClaimantsReasonNamesNoPerpetrator() {
        let a = Fixture.extract("Rockets on northern town", [
            "About 20 rockets were fired from Lebanon at Kiryat Shmona on Tuesday afternoon, the army said.",
            "Hezbollah claimed responsibility for the barrage, saying its fighters had targeted the town in response to Israeli attacks on villages in southern Lebanon.",
        ], reference: "2024-10-15")
        let m = Fixture.mains(a).first
        #expect(m?.perpetrator == "Hezbollah")
        #expect(m?.attribution == .claimed)
    }
}
