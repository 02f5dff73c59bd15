import IncidentModel
import Testing
@testable import IncidentExtraction

/// "No one was hurt", "causing no casualties": a toll stated as none is zero, not unknown; one side's
/// own losses ("no injuries on their side") and unknown tolls ("no immediate reports of casualties")
/// are not.
@Suite struct StatedZeroTollTests {
    @Test func noOneWasHurtInTheNextSentenceIsZeroOfBoth() {
        let a = Fixture.extract("Rocket lands near Ashkelon", [
            "A rocket fired from Gaza fell in an open field near Ashkelon on Thursday afternoon, police said. No one was hurt.",
        ], reference: "2023-05-12")
        let m = Fixture.mains(a).first
        #expect(m?.killed == 0)
        #expect(m?.injured == 0)
    }

    @Test func causingNoCasualtiesInTheIncidentsSentence() {
        let a = Fixture.extract("Drone attack on Erbil", [
            "Two drones attacked a base near Erbil airport overnight, causing no casualties, the regional security council said.",
        ], reference: "2024-01-10")
        #expect(Fixture.mains(a).first?.killed == 0)
        #expect(Fixture.mains(a).first?.injured == 0)
    }

    @Test func noInjuriesLeavesTheDeathTollAsTold() {
        let a = Fixture.extract("Strike on Kharkiv", [
            "A missile hit a warehouse in Kharkiv on Monday, killing a night guard, the governor said. The strike caused no injuries among the neighbours, he added.",
        ], reference: "2024-02-07")
        // A figure beats a zero; "among" names a group, so no zero for the wounded either.
        #expect(Fixture.mains(a).first?.killed == 1)
        #expect(Fixture.mains(a).first?.injured == nil)
    }

    @Test func oneSidesOwnLossesAndUnknownTollsAreNoZero() {
        let a = Fixture.extract("Raid in Nablus", [
            "Troops raided the old city of Nablus on Tuesday and exchanged fire with gunmen, the army said, reporting no injuries on its side.",
            "There were no immediate reports of casualties among the residents.",
        ], reference: "2023-02-23")
        #expect(Fixture.mains(a).first?.injured == nil)
        #expect(Fixture.mains(a).first?.killed == nil)
    }

    @Test func theCueSaysWhichToll() {
        let r = Fixture.resources
        #expect(StatedZero.read(Tokenizer.tokens("Nobody was killed in the blast."), r.cues) == .killed)
        #expect(StatedZero.read(Tokenizer.tokens("No one was wounded, the mayor said."), r.cues) == .injured)
        #expect(StatedZero.read(Tokenizer.tokens("The shelling caused no casualties."), r.cues) == [.killed, .injured])
        #expect(StatedZero.read(Tokenizer.tokens("The army said it suffered no casualties."), r.cues).isEmpty)
    }
}
