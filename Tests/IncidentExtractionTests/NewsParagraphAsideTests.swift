import IncidentModel
import Testing
@testable import IncidentExtraction

/// An older incident mentioned at the end of a news paragraph ("one of the dead had planned the
/// attack on ... in June 2022") is background, but it does not pull the next paragraph, which goes
/// on with the news, into the background, nor make it lose the news day.
@Suite struct NewsParagraphAsideTests {
    @Test func theParagraphAfterAnAsideStaysNewsOnTheNewsDay() {
        let a = Fixture.extract("Jets pound militia sites in eastern Syria", [
            "Warplanes struck a weapons depot near Al-Mayadin on Wednesday, killing four fighters, a war monitor said. One of the dead had planned the rocket attack on a US base near Al-Tanf in June 2022.",
            "Further airstrikes hit militia positions on the outskirts of Abu Kamal, the monitor added.",
        ], reference: "2024-05-16")
        #expect(a.mentions.contains { $0.role == .background && $0.place?.name == "Al-Tanf" })
        let later = a.mentions.first { $0.place?.admin1 == "Deir ez-Zor" && $0.killed == nil }
        #expect(later?.role == .main)
        #expect(later?.date == IncidentDate(day: Fixture.day("2024-05-15")))
        #expect(Fixture.mains(a).first?.killed == 4)
    }

    @Test func aParagraphThatOpensWithTheOlderIncidentStillCarriesItsSequel() {
        let a = Fixture.extract("Drone strike hits checkpoint in Marib", [
            "A drone struck an army checkpoint near Marib on Tuesday, killing two soldiers, officials said.",
            "In March 2021 a missile attack on the same checkpoint killed nine soldiers. A second missile hit the barracks nearby, wounding twelve.",
        ], reference: "2024-05-15")
        #expect(Fixture.mains(a).count == 1)
        #expect(Fixture.mains(a).first?.killed == 2)
        #expect(!Fixture.mains(a).contains { $0.killed == 9 || $0.injured == 12 })
    }
}
