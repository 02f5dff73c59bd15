import IncidentModel
import Testing
@testable import IncidentExtraction

/// An actor's own statement about its act ("the US military said its forces conducted", "AFRICOM
/// said it conducted", "the IDF said it struck", "Hezbollah launched ..., the group said") is a claim.
@Suite struct OwnStatementClaimTests {
    @Test(arguments: [
        ("The US military said its forces conducted an airstrike near Jilib on Tuesday, killing three al-Shabaab fighters.", "United States"),
        ("AFRICOM said it conducted an airstrike near Jamaame on Sunday that killed two militants.", "United States"),
        ("The IDF said it struck a weapons depot in Aitaroun overnight.", "Israel"),
        ("Israel's military said on Tuesday it killed a commander in a strike on a car near Nabatieh.", "Israel"),
        ("The Russian Defence Ministry said its forces had struck an ammunition depot near Kramatorsk with missiles.", "Russia"),
    ])
    func theActorsOwnVoiceClaimsIt(sentence: String, actor: String) {
        let a = Fixture.extract("Strike reported", [sentence], reference: "2024-03-06")
        let m = Fixture.mains(a).first
        #expect(m?.perpetrator == actor)
        #expect(m?.attribution == .claimed)
    }

    @Test func aTrailingGroupSaidAfterTheGroupsOwnActClaimsIt() {
        let a = Fixture.extract("Drones launched at a base", [
            "Hezbollah launched a drone attack on an army post near Metula on Wednesday, the group said in a statement.",
        ], reference: "2024-03-07")
        #expect(Fixture.mains(a).first?.perpetrator == "Hezbollah")
        #expect(Fixture.mains(a).first?.attribution == .claimed)
    }

    @Test func aMonitoringGroupThatReportsAnotherActorsStrikeClaimsNothing() {
        let a = Fixture.extract("Strikes in Idlib", [
            "Russian jets bombed a market in Ariha on Wednesday, killing five civilians, the monitoring group said.",
        ], reference: "2024-03-07")
        #expect(Fixture.mains(a).first?.perpetrator == "Russia")
        #expect(Fixture.mains(a).first?.attribution != .claimed)
    }
}

/// The acting actor's own military named as the source ("according to the Israeli military") is a
/// claim; another source named so vouches for the toll only.
@Suite struct OwnSourceClaimTests {
    @Test func theActorsOwnMilitaryAsTheSourceClaimsIt() {
        let a = Fixture.extract("Jets hit a depot", [
            "Israeli jets struck a weapons depot in Nabatieh overnight, according to the Israeli military.",
        ], reference: "2024-03-06")
        #expect(Fixture.mains(a).first?.perpetrator == "Israel")
        #expect(Fixture.mains(a).first?.attribution == .claimed)
        let b = Fixture.extract("Strike in Somalia", [
            "A US airstrike killed five militants near Jilib on Monday, according to a statement from US Africa Command.",
        ], reference: "2024-03-06")
        #expect(Fixture.mains(b).first?.attribution == .claimed)
    }

    @Test func anotherSourceClaimsNothing() {
        let a = Fixture.extract("Jets hit a depot", [
            "Israeli jets struck a weapons depot in Nabatieh overnight, according to Lebanese state media.",
        ], reference: "2024-03-06")
        #expect(Fixture.mains(a).first?.perpetrator == "Israel")
        #expect(Fixture.mains(a).first?.attribution != .claimed)
    }
}
