import IncidentModel
import Testing
@testable import IncidentExtraction

/// What a statement, a headline or a name is about: which incident, and whether it names an actor.
@Suite struct StatementScopeTests {
    @Test func aLanguageIsNoActor() {
        let a = Fixture.extract("Market bombed in Kaya", [
            "A bomb exploded at a market in the town of Kaya on Sunday, killing nine people.",
            "The Group for the Support of Islam and Muslims (JNIM, or GSIM in French) claimed responsibility.",
        ])
        let m = Fixture.mains(a).first
        #expect(m?.perpetrator == "JNIM")
        #expect(m?.attribution == .claimed)
    }

    @Test func aFollowUpStopsWhereAnotherIncidentBegins() {
        let a = Fixture.extract("School hit in Gaza City", [
            "An airstrike hit a school in the Daraj neighbourhood of Gaza City on Saturday, killing 40 people, the civil defence said.",
            "Later on Saturday, sirens sounded in the border kibbutz of Nahal Oz.",
            "Hamas's armed wing said its fighters fired them.",
        ])
        #expect(Fixture.mains(a).first?.perpetrator != "Hamas")
    }

    @Test func theHeadlinesDoubtIsAboutTheLeadIncident() {
        let a = Fixture.extract("RSF drone blamed for hospital strike, shelling hits camp", [
            "A drone struck the main hospital in Nyala on Friday, killing 20 patients.",
            "On Saturday, RSF artillery shelled the Otash camp outside Nyala, killing four people, camp officials said.",
        ])
        let m = Fixture.mains(a)
        #expect(m.first?.attribution == .alleged)
        let shelling = m.first { $0.eventType == .shelling }
        #expect(shelling?.perpetrator == "Rapid Support Forces")
        #expect(shelling?.attribution == .confirmed)
    }
}
