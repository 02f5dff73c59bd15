import IncidentModel
import Testing
@testable import IncidentExtraction

/// Who a figure counts (victims, not speakers), victims told beside a figure, and figures an
/// article replaces (the `TollTests` suite, its helpers shared).
extension TollTests {
    /// "said one resident", "One witness said": the number counts who speaks.
    @Test func aFigureThatCountsSpeakersIsNoToll() {
        #expect(injured("\"We ran back to carry out the wounded,\" said one resident.") == nil)
        #expect(injured("One shopkeeper said by phone that he drove his wounded brother to the clinic.") == nil)
        // A toll after a speech verb stays one.
        #expect(killed("Officials said 12 civilians, including three children, were killed.") == 12)
    }

    /// "claimed 24 precious lives": an adjective between the figure and "lives".
    @Test func livesClaimedWithAnAdjective() {
        #expect(killed("The bombing at the bus depot claimed 17 innocent lives and left 30 injured.") == 17)
    }

    /// "Three other fighters were killed alongside him": the one told before, too.
    @Test func killedAlongsideSomeoneCountsThatPersonToo() {
        #expect(killed("Two other militia members were killed alongside him, the army said.") == 3)
    }

    /// "killing four children and a woman": the one victim joined to the figure.
    @Test func aVictimJoinedToTheFigureIsCounted() {
        #expect(killed("Jets struck the village, killing four children and a woman, a local official said.") == 5)
    }

    /// "a police officer was martyred": one death.
    @Test func aSingularSubjectMartyredIsOneDeath() {
        #expect(killed("A border guard was martyred and two were injured when the mine went off.") == 1)
    }

    /// "Earlier reports had put the death toll at 43": an older figure, not a revision.
    @Test func anEarlierReportsTollIsNoRevision() {
        let f = figures("Earlier reports had put the death toll at 43.")
        #expect(f.first?.value == 43)
        #expect(f.first?.isRevision == false)
        #expect(figures("The death toll was put at 51 on Monday.").first?.isRevision == true)
    }

    /// A lead that gives the toll without an incident word, before the sentence that tells the strike.
    @Test func aLeadsTollWithoutAnIncidentWordIsTheFirstIncidents() {
        let a = Fixture.extract("Drone strike in Sinjar", [
            "Turkish intelligence \"neutralized\" four members of the PKK in northern Iraq's Sinjar region, security sources said on Wednesday.",
            "The intelligence agency carried out a drone strike on Tuesday on a car carrying the militants in Sinjar, the sources said.",
        ])
        let m = Fixture.mains(a)
        #expect(m.count == 1)
        #expect(m.first?.killed == 4)
        #expect(m.first?.date?.description == "2023-03-14")
    }

    /// Two sides' dead in one clash, the first side named at length ("the army and the allied militias").
    @Test func sidesCountedTogetherPastALongFirstSide() {
        #expect(killed("The monitor documented the death of 6 members of the government forces and the allied tribal militiamen and 4 jihadists in the fighting.") == 10)
    }
}
