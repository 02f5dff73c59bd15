import IncidentModel
import Testing
@testable import IncidentExtraction

/// A claim of responsibility told in a later paragraph, opening with "Hours later" or "Later", is made
/// after the act and belongs to it: the turn opens no other incident.
@Suite struct LaterClaimTests {
    @Test func aClaimMadeHoursLaterInItsOwnParagraphIsTheIncidents() {
        let m = Fixture.mains(Fixture.extract("Bomb hits police recruits", [
            "A bomb fixed to a motorbike exploded beside a bus of police trainees in Quetta on Sunday, killing four.",
            "Officers said the device was detonated by remote control. Doctors said 15 people were being treated.",
            "Hours later, the Balochistan Liberation Army claimed responsibility in a message to journalists.",
        ])).first
        #expect(m?.perpetrator == "Balochistan Liberation Army")
        #expect(m?.attribution == .claimed)
    }

    @Test func aLaterIncidentKeepsItsOwnClaim() {
        let ms = Fixture.mains(Fixture.extract("Two blasts in Balochistan", [
            "A bomb went off beside a police van in Quetta on Sunday, killing four officers.",
            "Later on Sunday, a blast hit a market in Turbat, wounding six. Nobody has claimed responsibility for either blast.",
        ]))
        #expect(!ms.isEmpty)
        #expect(!ms.contains { $0.attribution == .claimed })
    }
}
