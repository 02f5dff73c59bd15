import IncidentModel
import Testing
@testable import IncidentExtraction

/// A headline such as "Moscow oil refinery hit" ends on a participle with no object: the actor's name
/// only qualifies the target, so it is no perpetrator.
@Suite struct HeadlineTargetActorTests {
    @Test func anActorQualifyingTheTargetOfAnObjectlessParticipleIsNoPerpetrator() {
        let m = Fixture.mains(Fixture.extract("Moscow fuel depot hit", [
            "A drone attack started a fire at a fuel depot in the Moscow region on Sunday, local officials said.",
        ])).first
        #expect(m != nil)
        #expect(m?.perpetrator != "Russia")
    }

    @Test func anActorWithAnObjectIsStillThePerpetrator() {
        let m = Fixture.mains(Fixture.extract("Russia strikes Ukrainian airfield", [
            "Missiles hit an airfield near Starokostiantyniv overnight.",
        ])).first
        #expect(m?.perpetrator == "Russia")
    }
}
