import IncidentModel
import Testing
@testable import IncidentExtraction

/// An analyst's judgement ("analysts say the region remains volatile") names the setting of an
/// opinion, not where the incident happened.
@Suite struct AssessmentSentenceTests {
    @Test func anAnalystsViewGivesNoPlaceToAnUnplacedIncident() {
        let a = Fixture.extract("Bomb kills soldiers", [
            "A roadside bomb killed five soldiers on a patrol on Monday, the army said.",
            "Security analysts said the attack showed that militants around Tillaberi remain capable of hitting the army despite months of operations.",
        ], reference: "2024-03-06")
        let m = Fixture.mains(a).first
        #expect(m?.killed == 5)
        #expect(m?.place?.name != "Tillaberi")
    }

    @Test func anAnalystsViewDoesNotDisplaceTheTownOfTheIncident() {
        let a = Fixture.extract("Shelling kills two", [
            "Shelling killed two farmers in the village of Kafr Nabl on Sunday, rescuers said.",
            "Observers say the situation in Idlib province remains volatile, and analysts expect further escalation around Saraqib.",
        ], reference: "2024-03-06")
        #expect(Fixture.mains(a).count == 1)
        #expect(Fixture.mains(a).first?.place?.name == "Kafr Nabl")
    }

    @Test func anAnalystWhoReportsAnIncidentStillPlacesIt() {
        let a = Fixture.extract("Shelling in Idlib", [
            "An analyst said government artillery shelled Saraqib on Monday, killing three civilians.",
        ], reference: "2024-03-06")
        #expect(Fixture.mains(a).first?.place?.name == "Saraqib")
    }

    @Test func aSecurityBriefsOutlookGivesNoCountryToAStrikeAtSea() {
        let a = Fixture.extract("Maritime security update", [
            "A Maltese-flagged tanker was struck by a missile in the Gulf of Aden on Monday, injuring two sailors, the ship's manager said.",
            "Our assessment for the Gulf of Aden is unchanged: ships with any link to Israel or the United States should expect to be targeted.",
        ], reference: "2024-03-06")
        let m = Fixture.mains(a).first
        #expect(m?.injured == 2)
        #expect(m?.place?.country != "Israel")
        #expect(m?.place?.country != "United States")
    }
}
