import IncidentModel
import Testing
@testable import IncidentExtraction

/// Army communiqués and reports from wars the first corpora did not cover (the Sahel's south, the
/// Congo, Ethiopia), and tolls stated as none a sentence after the incident.
@Suite struct CommuniquesOfNewWarsTests {
    @Test func airAssetsOfAnArmyStrikeForThatArmy() {
        let m = Fixture.mains(["Air assets of the Burkinabe armed forces struck a militant camp east of Djibo on Monday, neutralising some forty assailants, the army said."],
                              headline: "Air force hits camp near Djibo", reference: "2024-10-08")
        #expect(m.count == 1)
        #expect(m.first?.perpetrator == "Burkina Faso")
        #expect(m.first?.killed == 40)
    }

    @Test func armyUnitsThatKillFightersFoughtAClash() {
        let m = Fixture.mains(["In a separate operation, army units killed 19 members of the armed group and captured six others near Kobo town on Thursday, the commander said."],
                              headline: "Army operations in North Wollo", reference: "2025-02-08")
        #expect(m.count == 1)
        #expect(m.first?.eventType == .groundClash)
        #expect(m.first?.killed == 19)
    }

    @Test func congoWarActorsAreNamed() {
        let m = Fixture.mains([
            "M23 rebels shelled the outskirts of Sake on Wednesday, killing four civilians, local officials said.",
            "Separately, suspected ADF militants killed eleven villagers near Oicha in Beni territory overnight, the army said.",
        ], headline: "Shelling near Goma, massacre near Beni", reference: "2024-06-14")
        #expect(m.first { $0.place?.name == "Sake" }?.perpetrator == "M23")
        #expect(m.contains { $0.perpetrator == "Allied Democratic Forces" && $0.killed == 11 })
        #expect(m.allSatisfy { $0.place?.country != "Bolivia" })
    }

    @Test func noCasualtiesToldRightAfterAnIncidentTheDraftJoinsToALaterSentence() {
        let m = Fixture.mains([
            "According to the governor, Ukrainian forces also shelled the village of Novaya Tavolzhanka overnight, firing nine artillery rounds.",
            "A barn and a power line were damaged there; there were no casualties.",
            "Earlier on Friday the Russian Defence Ministry said air defences had destroyed four rockets over the region.",
        ], headline: "Shelling of border villages", reference: "2024-04-12")
        let village = m.first { $0.place?.name == "Novaya Tavolzhanka" }
        #expect(village?.killed == 0)
        #expect(village?.injured == 0)
    }

    @Test func noInjuriesReportedMeansNoOneWasHurt() {
        let m = Fixture.mains(["Several rockets fired from Lebanon fell in open areas near Metula on Friday afternoon; no injuries were reported."],
                              headline: "Rockets near Metula", reference: "2024-05-31")
        #expect(m.first?.killed == 0)
        #expect(m.first?.injured == 0)
    }
}
