import IncidentModel
import Testing
@testable import IncidentExtraction

/// "There was no immediate comment from the Israeli military": the accused's silence told before its
/// name leaves the victims' account an allegation, as "the Israeli military declined to comment" does.
@Suite struct SilenceBeforeNameTests {
    @Test func noCommentFromTheAccusedMakesItAlleged() {
        let m = Fixture.mains(Fixture.extract("House bombed in Gaza", [
            "Israeli aircraft bombed a house in Deir al-Balah on Sunday, killing eight people, Palestinian medics said. There was no immediate comment from the Israeli military.",
        ])).first
        #expect(m?.perpetrator == "Israel")
        #expect(m?.attribution == .alleged)
    }

    @Test func withoutTheSilenceTheAccountStands() {
        let m = Fixture.mains(Fixture.extract("House bombed in Gaza", [
            "Israeli aircraft bombed a house in Deir al-Balah on Sunday, killing eight people, Palestinian medics said. Rescuers searched the rubble for survivors.",
        ])).first
        #expect(m?.perpetrator == "Israel")
        #expect(m?.attribution == .confirmed)
    }
}
