import IncidentModel
import Testing
@testable import IncidentExtraction

/// A head count with a part set off in an aside ("Nine villagers, among them a woman and three
/// children, were killed"): the toll is the head count, not a figure inside the aside.
extension TollTests {
    @Test func aFigureInsideAnAmongThemAsideIsAPart() {
        #expect(killed("Nine villagers, among them a woman and three children, were killed when gunmen stormed the hamlet.") == 9)
        #expect(injured("Eleven people, among them four women, were wounded in the shelling, the mayor said.") == 11)
    }

    @Test func aFigureRightAfterIncludingInAnAsideIsAPart() {
        #expect(killed("Seven people, including two children, died when the van hit the mine.") == 7)
        #expect(injured("Five pupils, including a girl of nine and two of her classmates, were hurt by the blast.") == 5)
    }

    /// Negative: an aside that opens the sentence ends before the figure, which is the toll.
    @Test func aFigureAfterAnOpeningIncludingAsideIsTheToll() {
        #expect(injured("Including the driver, four people were hurt when the bus was shelled.") == 4)
        #expect(injured("Four others, including the driver, were wounded, a police official said.") == 4)
    }
}

/// Those still in hospital are the injured when the incident gives no other injured figure.
extension TollTests {
    @Test func peopleStillInHospitalAreInjured() {
        #expect(injured("Twelve people were still being treated in hospital on Saturday.") == 12)
        #expect(injured("Fourteen others remain under treatment at the district hospital.") == 14)
        #expect(injured("9 were hospitalised with shrapnel wounds, the administration said.") == 9)
        #expect(injured("Three of the passengers remain in hospital, a doctor said.") == 3)
    }

    @Test func theHospitalFigureIsTheInjuredWhenNoneOtherIsTold() {
        let a = Fixture.extract("Car bomb near Kirkuk market", [
            "A car bomb exploded near a market in Kirkuk on Friday evening, killing three people, police said.",
            "Twelve people were still being treated in hospital on Saturday, the health directorate said.",
        ], reference: "2024-04-06")
        #expect(Fixture.mains(a).first?.injured == 12)
    }

    /// Negative: a wounded figure the incident states beats the count still in hospital.
    @Test func aStatedWoundedFigureBeatsTheHospitalCount() {
        let a = Fixture.extract("Bomb at Quetta police post", [
            "Seven people were still being treated in hospital after a bomb went off at a police post in Quetta on Sunday.",
            "The blast killed four policemen and wounded 20 people, officials said.",
        ], reference: "2024-11-04")
        #expect(Fixture.mains(a).first?.injured == 20)
    }
}

/// "killing the driver": one victim named by role with "the".
extension TollTests {
    @Test func aVictimNamedByRoleWithTheIsOne() {
        #expect(killed("A drone struck a bus in the city centre on Friday, killing the driver, officials said.") == 1)
        #expect(injured("Gunmen opened fire on the checkpoint, wounding the guard.") == 1)
        // Negative: a plural, or a noun that goes on, is no single victim.
        #expect(killed("The strike hit the convoy, killing the drivers, officials said.") == nil)
        #expect(killed("The shell hit the house, killing the driver's two sons.") == 2)
    }
}

extension TollTests {
    @Test func peopleInHospitalOrTreatedAtTheSceneAreInjured() {
        #expect(injured("Five others are in hospital, a police official said.") == 5)
        #expect(injured("Two people were treated at the scene for shock.") == 2)
        // Negative: those who died in hospital are no injured figure.
        #expect(injured("Three of the wounded died in hospital overnight.") == nil)
    }
}

extension TollTests {
    @Test func anAsideSetOffByDashesIsAPartToo() {
        #expect(killed("Six people - among them a woman and three children - were killed in the strike.") == 6)
        #expect(killed("Nine villagers, three of them children, were killed when the shell landed.") == 9)
        #expect(killed("Nine villagers, including a woman and her three children, were killed overnight.") == 9)
    }
}
