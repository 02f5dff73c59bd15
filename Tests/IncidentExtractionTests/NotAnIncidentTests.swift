import IncidentModel
import Testing
@testable import IncidentExtraction

/// Sentences with incident words that report no incident: military exercises, overflights,
/// figures of speech and standing accusations.
@Suite struct NotAnIncidentTests {
    @Test func anExerciseIsNoIncident() {
        let a = Fixture.extract("Navy fires cruise missiles at mock targets in annual drills", [
            "The navy launched cruise missiles and attack drones at simulated enemy ships in the Gulf of Oman on Tuesday, state television reported.",
            "The missiles struck their targets at a range of 300 kilometres, the commander said.",
        ], reference: "2024-02-14")
        #expect(a.mentions.isEmpty)
    }

    @Test func aDrillHeadlineLeavesARealCasualtyFigure() {
        let a = Fixture.extract("Troops hold drills near the border", [
            "A roadside bomb killed three soldiers near Mir Ali on Tuesday, officials said.",
        ], reference: "2024-02-14")
        #expect(Fixture.mains(a).count == 1)
    }

    @Test func anOverflightIsNoAirStrike() {
        let a = Fixture.extract("Sanaa", [
            "In the capital Sanaa, the coalition's warplanes flew over the city throughout the day on Tuesday, breaking the sound barrier and frightening residents.",
        ], reference: "2016-03-15")
        #expect(a.mentions.isEmpty)
    }

    @Test func tensionsThatExplodedIntoFightingAreNoExplosion() {
        let a = Fixture.extract("War anniversary", [
            "The war began in April 2023, when tensions between the two generals exploded into open fighting in the capital, Khartoum.",
        ], reference: "2025-01-24")
        #expect(!a.mentions.contains { $0.eventType == .explosion })
    }

    @Test func aStandingAccusationIsNoIncident() {
        let a = Fixture.extract("Rights report", [
            "The rebels have been accused of shelling residential areas in Taiz and of laying landmines.",
        ], reference: "2016-03-15")
        #expect(a.mentions.isEmpty)
    }
}
