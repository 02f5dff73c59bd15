import IncidentModel
import Testing
@testable import IncidentExtraction

/// Killed and injured figures next to casualty words.
@Suite struct TollTests {
    let finder = Fixture.resources.tollFinder

    func figures(_ sentence: String) -> [TollFigure] { finder.find(in: Tokenizer.tokens(sentence)) }
    func killed(_ sentence: String) -> Int? { figures(sentence).first { $0.kind == .killed }?.value }
    func injured(_ sentence: String) -> Int? { figures(sentence).first { $0.kind == .injured }?.value }

    @Test func numberWordsAndDigits() {
        #expect(killed("Eleven soldiers were killed when the mortar landed.") == 11)
        #expect(killed("The blast killed 23 people at the bus station.") == 23)
        #expect(killed("Two dozen villagers died in the shelling.") == 24)
    }

    @Test func qualifiersAreKept() {
        let f = figures("At least 14 fighters were killed in the raid.").first
        #expect(f?.value == 14)
        #expect(f?.qualifier == .atLeast)
        #expect(figures("Some 30 people were wounded by shrapnel.").first?.qualifier == .about)
    }

    @Test func activeClauseWithBothTolls() {
        let s = "The missiles hit a fuel depot, killing three workers and wounding nine others."
        #expect(killed(s) == 3)
        #expect(injured(s) == 9)
    }

    /// A hostile one-line input reads as one sentence with hundreds of casualty words and numbers:
    /// each clause still gets its own figure (numbers are found by position, not scanned per word).
    @Test func everyClauseOfAVeryLongSentenceKeepsItsFigure() {
        let clause = "the rockets hit a depot, killing three workers and wounding nine others; "
        let once = figures(clause)
        let many = figures(String(repeating: clause, count: 300))
        #expect(once.map(\.value) == [3, 9])
        #expect(many.filter { $0.kind == .killed }.map(\.value) == Array(repeating: 3, count: 300))
        #expect(many.filter { $0.kind == .injured }.map(\.value) == Array(repeating: 9, count: 300))
    }

    @Test func conjoinedGroupsAreAdded() {
        #expect(killed("Officials said 12 men and 4 women died in the attack.") == 16)
    }

    @Test func victimsNamedWithoutANumber() {
        #expect(injured("Shrapnel from the shell hit the family's yard, wounding their mother.") == 1)
        #expect(killed("Gunmen on a motorbike shot dead a member of the village council near the mosque.") == 1)
        #expect(killed("The drone hit a tent in the camp, killing a man and his two sons.") == 3)
        #expect(killed("A shell landed on the house, killing a mother and her daughter and injuring four neighbours.") == 2)
        #expect(injured("A shell landed on the house, killing a mother and her daughter and injuring four neighbours.") == 4)
        #expect(killed("An airstrike on the building killed a farmer and his three children.") == 4)
        #expect(killed("The strike killed a nurse and wounded 12 others.") == 1)
    }

    @Test func partsAndUnitsAreNotTheToll() {
        #expect(injured("Six villagers, among them two children, were wounded by the cross-border shelling.") == 6)
        #expect(killed("Seven members of one family, including three children, were killed when the house collapsed.") == 7)
    }

    @Test func aCasualtyWordInsideANameIsNoToll() {
        #expect(killed("The Homs Martyrs Documentation Centre listed 27 shootings on checkpoints, among them the one in Talbiseh.") == nil)
        #expect(killed("Gunmen shot dead a driver near the Martyrs Square roundabout, the centre said.") == 1)
    }

    @Test func numberWordGroupsAreAdded() {
        #expect(killed("Four policemen and eleven civilians were killed in the blast.") == 15)
    }

    @Test func aNamedVictimWithOthers() {
        #expect(killed("The commander was killed along with two of his guards.") == 3)
    }

    @Test func revisionsAreMarked() {
        let f = figures("The death toll from the bombing rose to 31 on Sunday.").first
        #expect(f?.value == 31)
        #expect(f?.isRevision == true)
    }

    @Test func peopleMerelyPresentAreNotCounted() {
        #expect(figures("Around 300 fighters were stationed at the base when the jets arrived.").isEmpty)
        #expect(figures("About 2,000 people were sheltering in the station.").isEmpty)
    }

    @Test func totalsOverAPeriodAreNotOneIncident() {
        #expect(figures("More than 500 civilians have been killed in the province this year.").isEmpty)
    }

    @Test func agesAreNotTolls() {
        #expect(killed("A 61-year-old woman was among those killed.") != 61)
    }

    @Test func latestRevisionWinsInAMention() {
        let a = Fixture.extract("Market shelled", [
            "Shelling hit the central market in Donetsk on Sunday, killing 12 people.",
            "Local officials later said the death toll had risen to 19.",
        ], reference: "2024-01-22")
        #expect(Fixture.mains(a).first?.killed == 19)
    }

    /// A partitive right after the casualty verb ("killing five of them") is the toll itself; the next
    /// number belongs to the following clause, not to the deaths.
    @Test func partitiveObjectOfTheCasualtyVerb() {
        let s = "Gunmen ambushed a patrol of border guards near the river at dawn, killing four of them and wounding two others, police said."
        #expect(killed(s) == 4)
        #expect(injured(s) == 2)
        let t = "A roadside bomb struck the minibus carrying workers, killing at least six of those on board and injuring eleven."
        #expect(killed(t) == 6)
        #expect(figures(t).first { $0.kind == .killed }?.qualifier == .atLeast)
        #expect(injured(t) == 11)
        #expect(killed("Soldiers fired on the crowd of protesters, wounding 15 of them.") == nil)
        #expect(injured("Soldiers fired on the crowd of protesters, wounding 15 of them.") == 15)
    }

    @Test func partitiveSubjectOfTheCasualtyVerb() {
        #expect(killed("Shells hit a house where nine relatives were sheltering; three of them were killed.") == 3)
        #expect(killed("The guards returned fire and two of those later died of their wounds.") == 2)
        // A part named after the toll is not a second toll.
        #expect(killed("The raid killed 12 people, four of whom were children.") == 12)
    }

    @Test func oneVictimWithoutANumber() {
        #expect(killed("Russian troops shelled the village on Tuesday, killing a 63-year-old woman.") == 1)
        #expect(injured("The drone hit a car near the checkpoint, wounding a paramedic.") == 1)
        #expect(killed("The strike killed a total of 12 people.") == 12)
        #expect(killed("The shell killed a woman and a child.") != 1)
    }

    @Test func oneVictimBesideAnotherFigure() {
        let f = figures("Shells slammed into a market on Saturday, killing a child and wounding 10 others.")
        #expect(f.first { $0.kind == .killed }?.value == 1)
        #expect(f.first { $0.kind == .injured }?.value == 10)
    }

    @Test func compoundNumberWords() {
        #expect(killed("Forty-two soldiers were killed in the ambush near the border.") == 42)
    }

    @Test func theDayOfADateIsNotAToll() {
        #expect(killed("Artillery fire on the city on May 3 killed at least 21 people.") == 21)
        #expect(killed("Shelling on 14 February killed nine residents.") == 9)
    }

    @Test func deathTollRevisedPastANumberInTheDescription() {
        #expect(killed("The death toll from two car bombs that exploded at a busy junction on Saturday rose to 100, the president said.") == 100)
    }

    @Test func abbreviatedMonthDayIsNotAToll() {
        #expect(killed("A blast near the airport on Jan. 13 killed or wounded several people.") != 13)
    }

    @Test func anAgeBetweenCommasAfterANameIsNoToll() {
        #expect(killed("A rocket hit the base, in which Sgt. Dana Levi, 20, was killed and eight others were injured.") != 20)
        #expect(injured("A rocket hit the base, in which Sgt. Dana Levi, 20, was killed and eight others were injured.") == 8)
    }

    @Test func figuresOfTwoKindsSideBySideAreNotSummed() {
        let s = "The preliminary toll of the raid on the prison reached 88 martyrs and 40 wounded."
        #expect(killed(s) == 88)
        #expect(injured(s) == 40)
    }

    @Test func martyrdomOfNIsADeathToll() {
        #expect(killed("Warplanes struck a house in the town, leading to the martyrdom of seven citizens from one family.") == 7)
    }

    @Test func noOneHurtIsNoFigure() {
        #expect(injured("Drones struck an energy facility overnight. No one was hurt.") == nil)
        #expect(injured("No one was hurt when drones struck an energy facility overnight.") == nil)
    }

    @Test func theNumberKilledRisingToNIsTheToll() {
        #expect(killed("The number of recruits killed in yesterday's suicide bombing at the camp has risen to 20.") == 20)
    }

    @Test func anAsideBetweenTheFigureAndItsVerb() {
        #expect(killed("At least 44 people, including a local leader of the Jamiat Ulema-i-Islam-Fazl (JUI-F), were killed in the blast.") == 44)
    }

    @Test func theRestOfABreakdownIsAPartToo() {
        #expect(injured("The death toll rose to 31 civilians, including five children and three women, while dozens of others were injured.") == nil)
    }

    @Test func deathOfNAndNeutralisedN() {
        #expect(killed("The monitor documented the death of two civilians in shelling on the village.") == 2)
        #expect(killed("Intelligence forces neutralized three members of the group in a drone strike.") == 3)
        #expect(killed("Two militants were neutralised in the operation.") == 2)
        #expect(injured("Two explosions killed 84 people and wounded 284 others at a ceremony marking the death of the commander.") == 284)
    }

    @Test func peopleStillBeingTreatedAreInjured() {
        #expect(injured("About 83 people are still being treated in hospitals.") == 83)
    }
}
