import Deduplication
import IncidentModel
import Testing

@Suite("IncidentConsolidator")
struct IncidentConsolidatorTests {
    typealias F = Fixtures

    static let reports: [ReportFacts] = [
        F.report(F.mention(date: "2020-05-04/2020-05-05", place: F.deirEzZorProvince, perpetrator: "Israel",
                           attribution: .alleged, killed: 14, qualifier: .atLeast), outlet: "Paper A", id: 3, articleDay: "2020-05-05"),
        F.report(F.mention(date: "2020-05-04", place: F.alMayadin, perpetrator: "Israeli", attribution: .alleged,
                           killed: 12, qualifier: .exact), outlet: "Paper B", id: 5, articleDay: "2020-05-04"),
        F.report(F.mention(.droneStrike, place: F.alMayadin, perpetrator: "unknown", attribution: .unidentified,
                           killed: 20, qualifier: .about, injured: 6), outlet: "Paper C", id: 9, articleDay: "2020-05-06"),
        F.report(F.mention(role: .background, date: "2020-05", place: F.syria, perpetrator: "Israel", attribution: .alleged,
                           killed: 30), outlet: "Paper A", id: 11, articleDay: "2020-05-20"),
    ]

    @Test("most precise date, most specific place, UCDP-style tolls, perpetrator with support, outlets")
    func consolidatedFields() {
        let r = IncidentConsolidator.consolidate(Self.reports)
        #expect(r.date == F.date("2020-05-04"))
        #expect(r.place?.name == "Al Mayadin")
        #expect(r.killedLow == 12)
        #expect(r.killedHigh == 30)
        #expect(r.killedBest == 14)  // largest firm figure among main reports ("about 20" and the background 30 are not firm main)
        #expect(r.killedQualifier == .atLeast)
        #expect(r.injuredBest == 6)
        #expect(r.perpetrator == "Israel")
        #expect(r.perpetratorSupport == 3)
        #expect(r.attribution == .alleged)
        #expect(r.outlets == ["Paper A", "Paper B", "Paper C"])
        #expect(r.reportCount == 4)
        #expect(r.role == .main)
        #expect(r.eventType == .airstrike)
    }

    @Test("the result does not depend on the order reports arrived in")
    func orderIndependent() {
        let forward = IncidentConsolidator.consolidate(Self.reports)
        #expect(IncidentConsolidator.consolidate(Self.reports.reversed()) == forward)
        #expect(IncidentConsolidator.consolidate([Self.reports[2], Self.reports[0], Self.reports[3], Self.reports[1]]) == forward)
    }

    @Test("a record round-trips through JSON unchanged (the store keeps it as record_json)")
    func codableRoundTrip() throws {
        let r = IncidentConsolidator.consolidate(Self.reports)
        let data = try JSONEncoderCompat.encode(r)
        #expect(try JSONEncoderCompat.decode(data) == r)
    }

    @Test("a toll revision is exactly one material change")
    func tollRevision() {
        let first = F.report(F.mention(date: "2023-10-05", place: F.aleppo, killed: 9, qualifier: .atLeast), outlet: "A", id: 1,
                             articleDay: "2023-10-05")
        let revised = F.report(F.mention(date: "2023-10-05", place: F.aleppo, killed: 14, qualifier: .atLeast), outlet: "B", id: 2,
                               articleDay: "2023-10-06")
        let old = IncidentConsolidator.consolidate([first])
        let new = IncidentConsolidator.consolidate([first, revised])
        let changes = IncidentConsolidator.changes(from: old, to: new)
        #expect(changes == [.killedRaised(from: 9, to: 14)])
        #expect(changes.map(\.description) == ["killed 9 -> 14"])
        #expect(new.killedLow == 9 && new.killedHigh == 14)
    }

    @Test("another outlet repeating the same facts, or quoting an older lower toll, changes nothing")
    func unchanged() {
        let first = F.report(F.mention(date: "2023-10-05", place: F.aleppo, perpetrator: "Israel", attribution: .alleged,
                                       killed: 9), outlet: "A", id: 1, articleDay: "2023-10-05")
        let same = F.report(F.mention(date: "2023-10-05", place: F.aleppo, perpetrator: "Israeli", attribution: .alleged,
                                      killed: 9), outlet: "B", id: 2, articleDay: "2023-10-05")
        let older = F.report(F.mention(place: F.aleppo, killed: 5), outlet: "C", id: 3, articleDay: "2023-10-07")
        let old = IncidentConsolidator.consolidate([first])
        #expect(IncidentConsolidator.changes(from: old, to: IncidentConsolidator.consolidate([first, same])).isEmpty)
        #expect(IncidentConsolidator.changes(from: old, to: IncidentConsolidator.consolidate([first, same, older])).isEmpty)
        #expect(IncidentConsolidator.changes(from: old, to: old).isEmpty)
    }

    @Test("claim of responsibility, more precise place and date are reported, each once")
    func claimPlaceDate() {
        let vague = F.report(F.mention(.droneStrike, date: "2022-07", place: Place(name: nil, admin1: "Hasakah", country: "Syria"),
                                       attribution: .unidentified), outlet: "A", id: 1, articleDay: "2022-07-23")
        let precise = F.report(F.mention(.droneStrike, date: "2022-07-22", place: F.qamishli, perpetrator: "Turkey",
                                         attribution: .claimed, killed: 3), outlet: "B", id: 2, articleDay: "2022-07-23")
        let old = IncidentConsolidator.consolidate([vague])
        let new = IncidentConsolidator.consolidate([vague, precise])
        let changes = IncidentConsolidator.changes(from: old, to: new)
        #expect(changes == [
            .killedRaised(from: nil, to: 3),
            .responsibilityClaimed(by: "Turkey", confirmed: false),
            .placeRefined(from: "Hasakah, Syria", to: "Qamishli, Hasakah, Syria"),
            .dateRefined(from: "2022-07-01/2022-07-31", to: "2022-07-22"),
        ])
        #expect(changes[1].description == "responsibility claimed by Turkey")
    }

    @Test("an alleged perpetrator named where none was is 'perpetrator identified'")
    func perpetratorIdentified() {
        let a = F.report(F.mention(date: "2020-05-16", place: F.abuKamal, attribution: .unidentified), id: 1, articleDay: "2020-05-16")
        let b = F.report(F.mention(date: "2020-05-16", place: F.abuKamal, perpetrator: "Israel", attribution: .alleged), id: 2,
                         articleDay: "2020-05-17")
        let changes = IncidentConsolidator.changes(from: IncidentConsolidator.consolidate([a]), to: IncidentConsolidator.consolidate([a, b]))
        #expect(changes == [.perpetratorIdentified(from: nil, to: "Israel")])
        #expect(changes[0].description == "perpetrator identified: Israel")
    }

    @Test("a firm claim outweighs two allegations against another actor")
    func claimOutweighsAllegations() {
        let r = IncidentConsolidator.consolidate([
            F.report(F.mention(date: "2020-05-16", perpetrator: "Israel", attribution: .alleged), id: 1),
            F.report(F.mention(date: "2020-05-16", perpetrator: "Israel", attribution: .alleged), id: 2),
            F.report(F.mention(date: "2020-05-16", perpetrator: "US-led coalition", attribution: .claimed), id: 3),
        ])
        #expect(r.perpetrator == "US-led coalition")
        #expect(r.perpetratorSupport == 1)
        #expect(r.attribution == .claimed)
    }
}
