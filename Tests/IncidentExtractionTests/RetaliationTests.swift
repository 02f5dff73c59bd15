import IncidentModel
import Testing
@testable import IncidentExtraction

/// The other side's answer, told in a paragraph of its own at another place ("Hamas responded by
/// firing rockets at Ashkelon"), is an incident of its own, with its own actor and toll.
@Suite struct RetaliationTests {
    @Test func aDatedAnswerInItsOwnParagraphIsSeparateNewsWithItsOwnActor() {
        let a = Fixture.extract("Jets strike Gaza after rocket fire", [
            "Israeli aircraft bombed a Hamas weapons workshop in Khan Younis early on Sunday, the army said.",
            "Hamas responded by firing a volley of rockets at Ashkelon on Sunday afternoon, wounding four people, paramedics said.",
        ], reference: "2021-06-14")
        let mains = Fixture.mains(a)
        #expect(mains.count == 2)
        let answer = Fixture.main(a, at: "Ashkelon")
        #expect(answer?.perpetrator == "Hamas")
        #expect(answer?.injured == 4)
        #expect(Fixture.main(a, at: "Khan Younis")?.injured == nil)
        #expect(Fixture.main(a, at: "Khan Younis")?.perpetrator == "Israel")
    }

    @Test func anAnswerWithAnotherWeaponStaysApart() {
        let a = Fixture.extract("Missiles hit Kharkiv", [
            "Russian missiles struck a factory in Kharkiv on Friday, killing three workers, the governor said.",
            "Ukraine retaliated with a drone attack on a fuel depot in Belgorod overnight, Russian officials said.",
        ], reference: "2024-03-02")
        #expect(Fixture.main(a, at: "Kharkiv")?.killed == 3)
        #expect(Fixture.main(a, at: "Belgorod")?.perpetrator == "Ukraine")
        #expect(Fixture.main(a, at: "Belgorod")?.killed == nil)
    }

    @Test func anUndatedAnswerInAnOlderStoryStaysBackground() {
        let a = Fixture.extract("Tensions in Iraq", [
            "A drone struck a base near Erbil on Monday, injuring two contractors, officials said.",
            "Years ago, after the assassination of a general, Iran responded by firing missiles at bases in Anbar.",
        ], reference: "2024-03-06")
        #expect(Fixture.mains(a).count == 1)
        #expect(Fixture.mains(a).first?.injured == 2)
    }
}
