import IncidentModel
import Testing
@testable import IncidentExtraction

/// Who speaks for an actor: a named body of its ministry, a junta by the country it rules, and a
/// general admission beside a refusal to comment on the strike.
@Suite struct VoiceAndSilenceTests {
    @Test func aMinistrysNamedBodySpeaksForItsState() {
        let a = Fixture.extract("Warplanes strike Idlib workshop", [
            "Russian warplanes struck a workshop near Jisr al-Shughur on Tuesday, killing four civilians, rescuers said.",
            "The Russian Ministry of Defense's Center for Reconciliation of Opposing Sides said Russian aircraft had destroyed a terrorist headquarters near the town.",
        ], reference: "2023-07-05")
        let m = Fixture.mains(a).first
        #expect(m?.perpetrator == "Russia")
        #expect(m?.attribution == .claimed)
    }

    @Test func aGeneralAdmissionBesideSilenceClaimsNoStrike() {
        let a = Fixture.extract("Missiles hit area near Damascus", [
            "Syrian state media said Israeli missiles struck positions south of Damascus overnight, killing three soldiers.",
            "The Israeli military, as a rule, does not comment on specific strikes in Syria, but has acknowledged carrying out hundreds of raids there over the years.",
        ], reference: "2022-11-17")
        let m = Fixture.mains(a).first
        #expect(m?.perpetrator == "Israel")
        #expect(m?.attribution != .claimed)
    }

    @Test func aJuntaIsTheMilitaryOfTheCountryReportedOn() {
        let a = Fixture.extract("Junta jets bomb village in Sagaing", [
            "Junta jets bombed a village school in Sagaing Region, Myanmar, on Monday, killing nine people, residents said.",
        ], reference: "2023-09-12")
        #expect(Fixture.mains(a).first?.perpetrator == "Myanmar military")
    }
}
