import IncidentModel
import Testing
@testable import IncidentExtraction

/// An article whose incidents all read as older ones still has news: the most recent of them,
/// within a month of the reference day.
@Suite struct NewsPromotionTests {
    @Test func aFeatureAboutLastWeeksStrikeReportsItAsNews() {
        let a = Fixture.extract("The bakery on the square", [
            "HAJJAH, Yemen - The bakery on the square used to open before dawn. On June 2, a little after seven in the morning, an airstrike hit the queue outside it.",
            "Six people were killed and 11 were wounded, the local health office said.",
            "In 2018, a strike on a wedding party in the same district killed more than 20 guests.",
        ], reference: "2021-06-10")
        let m = Fixture.mains(a)
        #expect(m.count == 1)
        #expect(m.first?.date?.description == "2021-06-02")
        #expect(m.first?.killed == 6)
    }

    /// Negative: strikes of years ago stay background; the article has no news of its own.
    @Test func onlyOldStrikesStayBackground() {
        let a = Fixture.extract("Ten years on, a town remembers", [
            "On March 3, 2014, an airstrike hit the market in Kafr Nabl, killing 14 people.",
            "In April 2016, a second strike destroyed the town's hospital.",
        ], reference: "2024-03-03")
        #expect(Fixture.mains(a).isEmpty)
    }
}
