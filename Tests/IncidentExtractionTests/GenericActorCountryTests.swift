import IncidentModel
import Testing
@testable import IncidentExtraction

/// A generic name ("the coalition", "the occupation") stands for the actor of the article's country
/// when the article neither shows one of its readings acting nor names one outright.
@Suite struct GenericActorCountryTests {
    @Test func coalitionAirstrikesInYemenAreTheSaudiLedCoalitions() {
        let a = Fixture.extract("Air raids on Saada", [
            "Coalition airstrikes hit a market in Saada on Sunday, killing six people, local health officials said.",
        ], reference: "2019-03-06")
        #expect(Fixture.mains(a).first?.perpetrator == "Saudi-led coalition")
    }

    @Test func coalitionStrikesInSyriaStayTheUSLedCoalitions() {
        let a = Fixture.extract("Strikes near Raqqa", [
            "Coalition airstrikes hit an Islamic State position near Raqqa on Sunday, killing six militants, the monitor said.",
        ], reference: "2017-03-06")
        #expect(Fixture.mains(a).first?.perpetrator == "US-led coalition")
    }

    @Test func theCountryHintYieldsToAnOptionNamedOutright() {
        let g = GenericActors(rows: [["coalition", "US-led coalition|Saudi-led coalition", "Saudi-led coalition:YE"]])
        var named = ActorEvidence()
        named.namedActors = ["coalition", "US-led coalition"]
        #expect(g.resolution([named], focusCountry: "YE")["coalition"] == "US-led coalition")
        var bare = ActorEvidence()
        bare.namedActors = ["coalition"]
        #expect(g.resolution([bare], focusCountry: "YE")["coalition"] == "Saudi-led coalition")
        #expect(g.resolution([bare], focusCountry: "SY")["coalition"] == "US-led coalition")
        #expect(g.resolution([bare])["coalition"] == "US-led coalition")
    }
}
