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

/// The kind of an incident read from the clause that tells it.
@Suite struct EventKindTests {
    @Test func aCommandsOwnStrikeIsAnAirStrike() {
        let a = Fixture.extract("Commander killed", [
            "U.S. Central Command forces conducted a unilateral strike in Baghdad on Wednesday, killing a militia commander.",
        ], reference: "2024-02-08")
        #expect(Fixture.mains(a).first?.eventType == .airstrike)
    }

    @Test func eachListedTownTakesTheKindToldBeforeIt() {
        let a = Fixture.extract("Gaza", [
            "Israeli warplanes bombed a school in Gaza City at dawn today, killing 40 people.",
            "In Khan Younis, occupation artillery shelled the eastern towns of Bani Suheila and Abasan al-Kabira, while drones fired at residents in Khuza'a.",
        ], reference: "2024-08-10")
        let suheila = Fixture.mains(a).first { $0.place?.name == "Bani Suheila" }
        #expect(suheila?.eventType == .shelling)
    }

    @Test func aClashWithArrestsIsARaid() {
        let a = Fixture.extract("Tulkarem", [
            "Troops operating overnight in the Nur Shams camp near Tulkarem killed a gunman who opened fire on them and arrested four wanted suspects, the army said.",
        ], reference: "2024-06-12")
        #expect(Fixture.mains(a).first?.eventType == .raid)
    }
}

/// An answer's kind is told outside the clause naming what it answers.
@Suite struct AnswerKindTests {
    @Test func theAnswersKindIsNotTheIncidentItAnswers() {
        let a = Fixture.extract("Strikes in Lebanon", [
            "In response to the rocket fire toward the city of Safed earlier today, fighter jets struck a military compound in the area of Nabatieh, the army said.",
        ], reference: "2024-02-14")
        #expect(Fixture.mains(a).first?.eventType == .airstrike)
    }
}
