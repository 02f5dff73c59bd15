import IncidentModel
import Testing
@testable import IncidentExtraction

/// An army's weapons named without a country ("army warplanes") are the state forces of the country
/// the report is about, and a month's figures in a monitor's report are no incident's toll.
@Suite struct ArmyAircraftAndMonthlyTotalsTests {
    @Test func armyWarplanesInASudanReportAreTheSudaneseArmy() {
        let m = Fixture.mains(["The Rapid Support Forces said on Tuesday that army warplanes struck a crowded livestock market in Mellit on Monday, killing nine people and wounding 20."],
                              headline: "Army jets hit market in North Darfur", reference: "2024-11-05")
        #expect(m.count == 1)
        #expect(m.first?.perpetrator == "Sudanese Armed Forces")
        #expect(m.first?.attribution == .alleged)
    }

    @Test func armyAircraftAreTheReportsCountrysEvenWhenANeighbourIsNamed() {
        let m = Fixture.mains([
            "Army aircraft struck a gathering of fighters near Ayorou in the Tillaberi region on Friday, the defence ministry said in a statement read on state television.",
            "The fighters had crossed the border from Mali days earlier, it said.",
        ], headline: "Niger army says it hit militants near Ayorou", reference: "2024-11-05")
        #expect(m.count == 1)
        #expect(m.first?.perpetrator == "Niger")
    }

    @Test func militaryAircraftWithAnAttributionStayTheAttributedActors() {
        let m = Fixture.mains(["Military aircraft, believed to be Israeli, struck positions of Iran-backed militias near Albukamal on Sunday night, killing six fighters, a monitor said."],
                              headline: "Strikes near the Iraqi border", reference: "2021-03-08")
        #expect(m.first?.perpetrator == "Israel")
    }

    @Test func aMonthsFiguresInAMonitorsReportAreNoIncident() {
        let m = Fixture.mains([
            "Militant attacks rose by a fifth in October, an Islamabad think tank said in its monthly report on Saturday.",
            "Security forces killed 64 militants in operations during the month, the report said, while 31 soldiers and policemen died in attacks.",
            "Regime forces killed nine civilians this month, a Syrian monitor said in a separate tally.",
        ], headline: "Monthly security report: militant violence up in the northwest", reference: "2024-11-02")
        #expect(!m.contains { $0.killed == 64 })
        #expect(!m.contains { $0.killed == 9 })
    }
}
