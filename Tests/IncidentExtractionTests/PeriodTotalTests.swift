import IncidentModel
import Testing
@testable import IncidentExtraction

/// Totals over a war or a campaign ("since the offensive began", "over the same period") told
/// beside an incident give it no toll, and never replace the incident's own stated zero.
@Suite struct PeriodTotalTests {
    let finder = Fixture.resources.tollFinder

    func figures(_ sentence: String) -> [TollFigure] { finder.find(in: Tokenizer.tokens(sentence)) }

    @Test func aTotalSinceACampaignBeganIsNoToll() {
        #expect(figures("The ministry says more than 900 people have been killed since the offensive began.").isEmpty)
        #expect(figures("Some 3,000 fighters have died since the fighting erupted in the spring.").isEmpty)
        #expect(figures("The number of martyrs since the aggression started has reached 41,000.").isEmpty)
    }

    @Test func theSamePeriodIsATotal() {
        #expect(figures("Forty soldiers and five civilians have been killed over the same period.").isEmpty)
        #expect(figures("During that period 212 people were wounded in the province.").isEmpty)
    }

    /// Negative: a "since" clause that only times the incident keeps its toll.
    @Test func aSinceClauseWithoutAPeriodStartKeepsTheToll() {
        #expect(figures("Two people were killed when the shelling resumed shortly after dawn.").first?.value == 2)
        #expect(figures("Gunmen killed four guards at the mine, the first attack there since the truce began.").first?.value == 4)
    }

    @Test func aTotalAfterAStatedZeroLeavesTheZero() {
        let a = Fixture.extract("Missiles hit industrial area of Kramatorsk", [
            "Russian forces fired two missiles at an industrial area of Kramatorsk on Monday night, damaging a warehouse, the regional governor said.",
            "The salvo caused no casualties, paramedics said.",
            "More than 900 civilians have been killed in the region since the full-scale invasion began. Forty rescuers and five medics have been killed over the same period.",
        ], reference: "2024-09-10")
        let m = Fixture.mains(a)
        #expect(m.count == 1)
        #expect(m.first?.killed == 0)
        #expect(m.first?.injured == 0)
    }

    @Test func aTotalAfterAnIncidentWithoutATollGivesItNone() {
        let a = Fixture.extract("Drone hits car near Tyre", [
            "An Israeli drone struck a car on the coastal road near Tyre on Monday, the civil defence said.",
            "The health ministry says more than 2,400 people have been killed since the offensive began. Forty soldiers and five paramedics have been killed over the same period.",
        ], reference: "2024-10-21")
        #expect(Fixture.mains(a).first?.killed == nil)
    }
}

extension PeriodTotalTests {
    @Test func aTotalOverAPastPeriodIsNoToll() {
        #expect(figures("Over the past three months, Russian strikes have killed 212 civilians in the region.").isEmpty)
        #expect(figures("In the last few weeks 40 fighters were wounded along the front.").isEmpty)
    }

    /// Negative: a ranking over a period keeps the incident's toll.
    @Test func theDeadliestInThePastYearsKeepsTheToll() {
        #expect(figures("The bombing killed 19 people, the deadliest attack in the city in the past five years.").first?.value == 19)
    }
}

extension AccidentAndTrendTests {
    @Test func aMethaneBlastOrATankerCollisionIsNoIncident() {
        #expect(Fixture.extract("Coal mine blast", ["A methane explosion at a coal mine near Quetta on Friday killed 12 miners, officials said."], reference: "2024-04-05").mentions.isEmpty)
        #expect(Fixture.extract("Tanker blast", ["A fuel tanker exploded after a collision with a truck near Zaria on Friday, killing nine people, officials said."], reference: "2024-04-05").mentions.isEmpty)
    }
}

extension PeriodTotalTests {
    @Test func anOverallTollFromManyAttacksIsNoToll() {
        #expect(figures("The overall death toll from Russian attacks on the city has reached 300, he added.").isEmpty)
        #expect(figures("The total number of people killed in the war has reached 1,500.").isEmpty)
    }

    /// Negative: the overall toll of one strike is that strike's revised toll.
    @Test func theOverallTollOfTheStrikeIsItsToll() {
        #expect(figures("The overall death toll from the strikes on Monday rose to 12.").first?.value == 12)
        #expect(figures("The overall death toll from Sunday's attacks has reached nine.").first?.value == 9)
    }

    @Test func anOverallTollFromAttacksDoesNotReplaceTheIncidents() {
        let a = Fixture.extract("Missile hits Kharkiv shop", [
            "A Russian missile hit a shop in Kharkiv on Monday, killing two people, the governor said.",
            "The overall death toll from Russian attacks on the city has reached 300, he added.",
        ], reference: "2024-04-30")
        #expect(Fixture.mains(a).first?.killed == 2)
    }
}

extension PeriodTotalTests {
    @Test func killedInTheRegionSinceThenIsATotal() {
        #expect(figures("Officials say more than 1,000 civilians have been killed in the region since then.").isEmpty)
    }

    /// Negative: a toll revised "since then" is the incident's.
    @Test func aTollRevisedSinceThenIsTheIncidents() {
        #expect(figures("Since then the death toll has risen to 25.").first?.value == 25)
    }
}

extension PeriodTotalTests {
    @Test func diedBetweenTwoDatedEndsIsATotal() {
        #expect(figures("Monitors estimate that more than 60,000 people died in violence between January 2016 and late 2018.").isEmpty)
    }

    /// Negative: a range of people is still a toll.
    @Test func betweenTwoCountsIsNoPeriod() {
        #expect(!figures("Between 10 and 15 people were killed in the blast on Monday.").isEmpty)
    }
}
