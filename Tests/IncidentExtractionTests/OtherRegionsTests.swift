import IncidentModel
import Testing
@testable import IncidentExtraction

/// Short articles (written for these tests) from regions and outlets the development corpus
/// covers thinly: the rules must not depend on Syria/Iraq vocabulary.
@Suite struct OtherRegionsTests {
    private func lead(_ headline: String, _ paragraphs: [String], reference: String) -> IncidentMention? {
        Fixture.mains(Fixture.extract(headline, paragraphs, reference: reference)).first
    }

    @Test func pakistaniTalibanClaimAndDawnStyleToll() {
        let m = lead("Seven soldiers martyred in Bannu suicide attack", [
            "BANNU: A suicide bomber rammed an explosives-laden vehicle into a military checkpoint in Bannu district on Sunday, killing seven soldiers, the military's media wing said.",
            "Eleven others, including two civilians, were wounded in the blast, officials said. The banned Tehreek-e-Taliban Pakistan claimed responsibility for the attack in a message to journalists.",
        ], reference: "2023-11-13")
        #expect(m?.eventType == .explosion)
        #expect(m?.date == IncidentDate(day: Fixture.day("2023-11-12")))
        #expect(m?.place?.name == "Bannu")
        #expect(m?.perpetrator == "Tehrik-i-Taliban Pakistan")
        #expect(m?.attribution == .claimed)
        #expect(m?.killed == 7)
        #expect(m?.injured == 11)
    }

    @Test func sudanRapidSupportForcesShelling() {
        let m = lead("RSF shelling kills 15 in Sudan's El Fasher", [
            "Shelling by the paramilitary Rapid Support Forces on residential areas of El Fasher, the capital of North Darfur state, killed at least 15 civilians on Saturday, a local resistance committee said.",
        ], reference: "2024-05-12")
        #expect(m?.eventType == .shelling)
        #expect(m?.place?.name == "El Fasher")
        #expect(m?.perpetrator == "Rapid Support Forces")
        #expect(m?.killed == 15)
        #expect(m?.killedQualifier == .atLeast)
    }

    @Test func shahedDronesOvernight() {
        let m = lead("Russia hits Odesa with Shahed drones overnight", [
            "Russian forces attacked Odesa with Shahed-136 drones overnight into Tuesday, damaging port infrastructure, Ukraine's Southern Operational Command said.",
            "One person was injured, the command said.",
        ], reference: "2023-07-18")
        #expect(m?.eventType == .droneStrike)
        #expect(m?.place?.name == "Odesa")
        #expect(m?.perpetrator == "Russia")
        #expect(m?.injured == 1)
    }

    @Test func maliArmyDroneStrikeClaimedByItsStatement() {
        let m = lead("Drone strike kills 13 civilians in central Mali, witnesses say", [
            "A drone strike by the Malian army killed 13 civilians, including children, at a wedding in a village near Mopti last Sunday, local elected officials and witnesses said.",
            "The Malian Armed Forces said in a statement they had targeted \"terrorists\" in the area.",
        ], reference: "2024-03-19")
        #expect(m?.eventType == .droneStrike)
        #expect(m?.perpetrator == "Mali")
        #expect(m?.attribution == .claimed)
        #expect(m?.killed == 13)
    }
}
