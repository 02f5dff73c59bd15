import IncidentModel
import Testing
@testable import IncidentExtraction

/// A turn to another side's violence at the same town ("Meanwhile, Russian warplanes ...") and the
/// defender that shot a drone down, who is not its sender.
@Suite struct TurnsAndDefendersTests {
    @Test func aTurnToAnotherSidesAirstrikesAtTheSameTownIsAnotherIncident() {
        let m = Fixture.mains(Fixture.extract("11 soldiers killed in ISIS ambush in Al-Sukhnah desert", [
            "Eleven members of regime forces were killed today when ISIS cells ambushed a military bus near Al-Sukhnah in the eastern countryside of Homs.",
            "Meanwhile, Russian warplanes carried out more than 20 airstrikes on positions of ISIS cells in the desert of Al-Sukhnah following the ambush.",
        ], reference: "2022-06-14"))
        #expect(m.count == 2)
        #expect(m.contains { $0.eventType == .groundClash && $0.killed == 11 && $0.perpetrator == "Islamic State" })
        #expect(m.contains { $0.eventType == .airstrike && $0.perpetrator == "Russia" && $0.killed == nil })
    }

    @Test func theOneWhoseAirDefencesShotTheDroneDownDidNotSendIt() {
        let m = Fixture.mains(Fixture.extract("Drone attack on Erbil airport foiled", [
            "The Counter-Terrorism Directorate said late on Friday that an explosives-laden drone targeting Erbil International Airport was shot down by the international coalition's air defences.",
        ], reference: "2021-12-04")).first
        #expect(m?.place?.name == "Erbil")
        #expect(m?.perpetrator != "US-led coalition")
    }
}
