import IncidentModel
import Testing
@testable import IncidentExtraction

/// "X struck Y" with no word for the means: a strike from the air, a drone's where the article
/// tells drone strikes more than air strikes. Other unnamed attacks ("hit six localities") stay other.
@Suite struct UnnamedMeansStrikeTests {
    @Test func aStateStrikeWithNoMeansNamedIsAnAirstrike() {
        let m = Fixture.mains(["The United States struck Houthi radar sites near the port city of Hodeidah late on Tuesday, the U.S. military said, killing three militants."],
                              headline: "US hits Houthi radars", reference: "2024-03-06")
        #expect(m.count == 1)
        #expect(m.first?.eventType == .airstrike)
    }

    @Test func inADroneStoryTheUnnamedStrikeIsADrones() {
        let m = Fixture.mains([
            "Ukrainian forces struck a minibus carrying farm workers near Shebekino on Tuesday, killing two people and wounding five, the regional governor said.",
            "Drone attacks on border villages have become daily, and another drone strike damaged a power line in Maslova Pristan overnight.",
        ], headline: "Drone attacks on Belgorod border villages", reference: "2024-08-14")
        let shebekino = m.first { $0.place?.name == "Shebekino" }
        #expect(shebekino?.eventType == .droneStrike)
    }

    @Test func anAttackWithNoMeansNamedStaysOther() {
        let m = Fixture.mains(["Government forces hit six villages in the south of the province on Sunday in an apparent response, causing civilian casualties, activists said."],
                              headline: "Villages hit after attack", reference: "2020-02-10")
        #expect(m.allSatisfy { $0.eventType != .airstrike })
    }
}
