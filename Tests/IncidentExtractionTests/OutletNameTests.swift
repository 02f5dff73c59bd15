import IncidentModel
import Testing
@testable import IncidentExtraction

/// A publisher named after a city ("Garowe Online", "Kabul Now", "the Kyiv Independent") is a
/// source, not where the incident happened.
@Suite struct OutletNameTests {
    @Test func aListedOutletNamesNoPlace() {
        let a = Fixture.extract("Blast hits a base in Somalia", [
            "A roadside bomb struck a convoy near Beledweyne on Sunday, killing four soldiers, a commander told Garowe Online.",
        ], reference: "2023-08-08")
        #expect(Fixture.mains(a).first?.place?.name == "Beledweyne")
    }

    @Test func anOutletAloneGivesNoPlaceFromItsName() {
        let a = Fixture.extract("Explosion in Afghanistan", [
            "An explosion at a mosque in Pul-e-Khumri killed seven worshippers during Friday prayers, Kabul Now reported.",
        ], reference: "2023-08-08")
        #expect(Fixture.mains(a).first?.place?.name != "Kabul")
    }

    @Test func aMediaWordAfterAPlaceNamesAPublisherButALocativeKeepsThePlace() {
        let finder = Fixture.resources.placeFinder
        let told = finder.find(in: Tokenizer.tokens("The militia's spokesman told the Herat Times that the clash lasted hours."))
        #expect(!told.contains { $0.key.contains("herat") })
        let inTown = finder.find(in: Tokenizer.tokens("Fighting in Herat on Monday killed six."))
        #expect(inTown.contains { $0.key.contains("herat") })
    }
}
