import IncidentModel
import Testing
@testable import IncidentExtraction

/// Casualty phrasings of wire services and state media beyond "N were killed", and the numbers
/// near casualty words that are not tolls (the `TollTests` suite, its helpers shared).
extension TollTests {
    @Test func martyrsCountedBeforeTheWord() {
        let s = "The raid on the market left five martyrs and 12 wounded, the health office said."
        #expect(killed(s) == 5)
        #expect(injured(s) == 12)
        #expect(killed("Two border guards embraced martyrdom when their post came under fire.") == 2)
    }

    @Test func deathAndInjuryOfN() {
        let s = "The shelling of the village resulted in the death of six farmers and the injury of nine others."
        #expect(killed(s) == 6)
        #expect(injured(s) == 9)
        #expect(killed("The monitor documented the death of two shepherds in the shelling.") == 2)
    }

    @Test func sidesCountedTogetherInOneClash() {
        #expect(killed("The monitor documented the death of 9 members of the army and allied militias and 5 jihadists in the fighting.") == 14)
        // Figures for two places are not one toll.
        #expect(killed("Rockets killed 9 people in the old town and 5 in the camp.") == 9)
    }

    @Test func neutralisedAndEliminatedPeopleAreKilled() {
        #expect(killed("Security forces \"neutralised\" four members of the outlawed group near the border.") == 4)
        #expect(killed("Five insurgents were eliminated in the operation, the army said.") == 5)
        #expect(killed("The army said it eliminated a senior commander in the strike.") == 1)
        // Machines are not people.
        #expect(killed("Air defence units neutralised 31 drones over the region overnight.") == nil)
    }

    @Test func bodiesOfNPeople() {
        #expect(killed("Rescue teams pulled the bodies of eleven people from the collapsed block.") == 11)
    }

    @Test func oneMorePersonAfterAFigure() {
        let s = "A mortar round hit the bus stop, killing three commuters and injuring a fourth."
        #expect(killed(s) == 3)
        #expect(injured(s) == 1)
        #expect(injured("Gunmen opened fire on the patrol, killing two policemen and wounding another.") == 1)
    }

    @Test func killingOfAPersonAsANoun() {
        #expect(killed("Local media reported the killing of a young conscript and the injury of others.") == 1)
    }

    @Test func aVictimJoinedToOthers() {
        #expect(killed("A shell struck the courtyard, killing a woman and four children.") == 5)
        #expect(killed("A shell hit the road, killing a driver and damaging two shops.") == 1)
        #expect(killed("The raid killed a senior field commander, Abu Yasser al-Tikriti, and his three bodyguards.") == 4)
    }

    @Test func nobodyIsNoToll() {
        #expect(injured("No one was hurt when the drone crashed into the warehouse.") == nil)
        #expect(killed("Nobody was killed in the attack on the fuel depot.") == nil)
        #expect(injured("It was not immediately clear whether anyone was hurt.") == nil)
    }

    @Test func oneNamedPersonWithoutANumber() {
        #expect(injured("Officials said a fisherman was badly injured by the shelling.") == 1)
        #expect(killed("The district chief was killed when the bomb went off.") == 1)
    }

    @Test func peopleStillTreatedAreInjured() {
        #expect(injured("Another 26 recruits were still receiving treatment in the military hospital.") == 26)
        #expect(injured("About 40 people are still being treated in hospitals in the city.") == 40)
    }

    @Test func aLongSubjectWithAnAside() {
        let s = "At least 27 people, including a district councillor of the ruling party (PML-N), were killed and about 90 injured when the bomb went off."
        #expect(killed(s) == 27)
        #expect(injured(s) == 90)
    }

    @Test func partsOfTheDeadAreNotTheInjured() {
        let s = "The death toll rose to 19 civilians, including four children and two women, while dozens of others were wounded."
        #expect(killed(s) == 19)
        #expect(injured(s) == nil)
    }

    @Test func aVagueAsideOfTheFigureKeepsIt() {
        #expect(injured("Fourteen people, many of them children, were wounded by the blast.") == 14)
    }

    @Test func aModifierIsNoCount() {
        #expect(injured("The missile flattened a four-storey block and paramedics carried the wounded out.") == nil)
    }

    @Test func aRunningTotalAfterTheIncident() {
        #expect(killed("A strike on the school killed 14 people, bringing the death toll since the war began to more than 38,000.") == 14)
        #expect(figures("Since the war began, more than 38,000 people have been killed in the territory.").isEmpty)
    }

    @Test func aTotalSinceADateIsNoToll() {
        #expect(figures("The ministry says more than 38,000 people have been killed since 7 October.").isEmpty)
        #expect(killed("A shell hit the shelter, killing 9 people; officials say 1,200 have been killed since 2014.") == 9)
        // Ranked against a date, the incident keeps its toll.
        #expect(killed("It was the deadliest raid since 2016, killing 23 soldiers.") == 23)
    }

    @Test func livesClaimedAreDeaths() {
        #expect(killed("The truck bomb claimed at least 31 lives, officials said.") == 31)
        #expect(killed("Quick work by the rescuers saved 31 lives.") == nil)
    }

    @Test func reportedAndFearedDead() {
        #expect(killed("At least 15 people were reported killed in the barrage.") == 15)
        #expect(killed("Seven workers are feared dead under the rubble.") == 7)
    }

    @Test func agesToldOtherwise() {
        #expect(killed("Khalil Mansour, aged 22, was killed by the drone.") == 1)
        #expect(killed("Khalil Mansour (22) was killed by the drone.") == 1)
    }

    @Test func anUnspecifiedNumberIsNoCount() {
        let f = figures("Troops and militants clashed near the town, leaving three soldiers and an unspecified number of militants dead.")
        #expect(f.first { $0.kind == .killed }?.value == 3)
        #expect(f.first { $0.kind == .killed }?.isRevision == false)
    }

    @Test func aTollThatStandsAtAFigure() {
        #expect(killed("The death toll from Friday's shelling of the central market stands at 17.") == 17)
    }

    @Test func competingCountsAreNotRevisions() {
        let f = figures("Rescuers said at least 26 people were killed, while the monitoring group put the death toll at 29.")
        #expect(f.filter { $0.kind == .killed }.map(\.value) == [26, 29])
        #expect(f.allSatisfy { !$0.isRevision })
        // A later count of the same source still revises.
        #expect(figures("Rescuers found three more bodies, and the death toll rose to 29.").contains { $0.value == 29 && $0.isRevision })
    }

    @Test func theLowestOfCompetingCountsIsTheToll() {
        let a = Fixture.extract("Market bombed", [
            "Warplanes bombed the vegetable market in Saraqeb on Monday. Rescuers said at least 26 people were killed, while the monitoring group put the death toll at 29.",
        ], reference: "2019-07-23")
        #expect(Fixture.mains(a).first?.killed == 26)
    }
}
