import Deduplication
import IncidentModel
import Testing

@Suite("Background mentions and arrival order")
struct IncidentPolicyTests {
    typealias F = Fixtures

    @Test("a background mention stands alone only with a stated date and a place at province level or better")
    func canStandAlone() {
        #expect(IncidentMatcher.canStandAlone(F.mention(place: nil)))  // main: always
        #expect(IncidentMatcher.canStandAlone(F.mention(role: .background, date: "2021-08-27", place: F.deirEzZorProvince)))
        #expect(IncidentMatcher.canStandAlone(F.mention(role: .background, date: "2020-05", place: F.abuKamal)))
        #expect(!IncidentMatcher.canStandAlone(F.mention(role: .background, place: F.abuKamal)))
        #expect(!IncidentMatcher.canStandAlone(F.mention(role: .background, date: "2021-02-15", place: F.syria)))
        #expect(!IncidentMatcher.canStandAlone(F.mention(role: .background, date: "2021-02-15", place: nil)))
    }

    @Test("a background mention that arrives before the news it recalls is adopted when the incident appears")
    func orphanAdoptedLater() {
        var store = SimulatedStore()
        store.adoptsOrphans = true
        // The follow-up piece (published later) is dropped in first; its recalled strike is undated.
        let followUp = store.ingest([
            F.mention(date: "2020-05-12", place: F.aleppo, perpetrator: "Israel", attribution: .alleged, killed: 2),
            F.mention(role: .background, place: F.alMayadin, perpetrator: "Israel", attribution: .alleged, killed: 14),
        ], outlet: "Paper A", articleDay: "2020-05-13")
        #expect(followUp.incidentIDs[1] == nil)
        let followUpArticle = store.lastArticleID
        let news = store.ingest([F.mention(date: "2020-05-04/2020-05-05", place: F.alMayadin, perpetrator: "Israel",
                                           attribution: .alleged, killed: 14)], outlet: "Paper B", articleDay: "2020-05-05")
        #expect(news.created.count == 1)
        #expect(store.adoptions[followUpArticle] == news.incidentIDs[0])
        #expect(store.records[news.incidentIDs[0]!]!.reportCount == 2)
        #expect(store.records.count == 2)
    }

    @Test("undated reports at a busy place do not chain into one incident over weeks")
    func undatedReportsDoNotChain() {
        var store = SimulatedStore()
        let days = ["2024-07-01", "2024-07-06", "2024-07-11", "2024-07-16", "2024-07-21"]
        var ids: [Int64?] = []
        for d in days {
            ids += store.ingest([F.mention(.missileStrike, place: F.kyiv, perpetrator: "Russia", attribution: .confirmed)],
                                outlet: "Daily", articleDay: d).incidentIDs
        }
        // Articles five days apart may report one strike; three weeks apart they cannot.
        #expect(ids[0] != ids[4])
        #expect(Set(ids.compactMap { $0 }).count >= 3)
    }
}
