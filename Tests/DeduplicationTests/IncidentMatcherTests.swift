@testable import Deduplication
import IncidentModel
import Testing

@Suite("IncidentMatcher and IncidentBlocking")
struct IncidentMatcherTests {
    typealias F = Fixtures

    @Test("the same strike from three outlets, with spelling variants, tolls and attribution wording, is one incident")
    func crossOutletMerge() {
        var store = SimulatedStore()
        let first = store.ingest([F.mention(
            date: "2021-02-25", place: F.abuKamal, perpetrator: "United States", attribution: .claimed,
            target: "Iran-backed militia facilities", killed: 1, qualifier: .atLeast)], outlet: "Wire A", articleDay: "2021-02-26")
        let second = store.ingest([F.mention(
            date: "2021-02-25", place: F.abuKamalVariant, perpetrator: "U.S.", attribution: .claimed,
            target: "Kataib Hezbollah positions", killed: 17, injured: 4)], outlet: "Regional Daily", articleDay: "2021-02-26")
        // Third outlet: no date in the text, calls it a drone strike, "American forces" alleged, toll rose.
        let third = store.ingest([F.mention(
            .droneStrike, place: F.abuKamal, perpetrator: "American", attribution: .alleged,
            killed: 22, qualifier: .atLeast)], outlet: "Evening Post", articleDay: "2021-02-27")
        #expect(first.created.count == 1)
        #expect(second.created.isEmpty && third.created.isEmpty)
        #expect(Set([first.incidentIDs[0], second.incidentIDs[0], third.incidentIDs[0]]).count == 1)
        #expect(store.records.count == 1)
        let r = store.records.values.first!
        #expect(r.reportCount == 3)
        #expect(r.outlets == ["Evening Post", "Regional Daily", "Wire A"])
        #expect(r.killedLow == 1 && r.killedBest == 22 && r.killedHigh == 22)
        #expect(r.eventType == .airstrike)
        #expect(r.date == F.date("2021-02-25"))
        #expect(r.perpetratorSupport == 3)
        #expect(r.attribution == .claimed)
    }

    @Test("two places struck the same night stay two incidents (Aleppo vs Abu Kamal, 2020-05-16)")
    func sameNightDifferentPlace() {
        let aleppo = F.report(F.mention(date: "2020-05-16", place: F.aleppo, perpetrator: "Israel", attribution: .alleged, killed: 4),
                              articleDay: "2020-05-17")
        let abuKamal = F.record(F.report(F.mention(date: "2020-05-16", place: F.abuKamal, perpetrator: "Israel",
                                                   attribution: .alleged, killed: 4), articleDay: "2020-05-17"))
        #expect(IncidentMatcher.score(aleppo, against: abuKamal) == nil)

        var store = SimulatedStore()
        store.ingest([aleppo.mention], outlet: "A", articleDay: "2020-05-17")
        store.ingest([abuKamal.asMention], outlet: "B", articleDay: "2020-05-17")
        // An article reporting both, undated, the next day: each joins its own incident.
        let both = store.ingest([
            F.mention(place: F.abuKamal, perpetrator: "Israel", attribution: .alleged),
            F.mention(place: F.aleppo, perpetrator: "Israel", attribution: .alleged),
        ], outlet: "C", articleDay: "2020-05-17")
        #expect(store.records.count == 2)
        #expect(both.created.isEmpty)
        #expect(both.incidentIDs[0] != both.incidentIDs[1])
        #expect(store.records[both.incidentIDs[0]!]!.place?.name == "Abu Kamal")
        #expect(store.records[both.incidentIDs[1]!]!.place?.name == "Aleppo")
    }

    @Test("the same place on dates far apart stays apart; an overnight day apart merges")
    func samePlaceDifferentDates() {
        let stored = F.record(F.report(F.mention(date: "2020-05-16", place: F.abuKamal, killed: 7), articleDay: "2020-05-16"))
        let weeksLater = F.report(F.mention(date: "2020-06-20", place: F.abuKamal, killed: 7), articleDay: "2020-06-20")
        let threeDays = F.report(F.mention(date: "2020-05-19", place: F.abuKamal, killed: 7), articleDay: "2020-05-19")
        let nextMorning = F.report(F.mention(date: "2020-05-17", place: F.abuKamal, killed: 7), articleDay: "2020-05-17")
        let overnight = F.report(F.mention(date: "2020-05-15/2020-05-16", place: F.abuKamal), articleDay: "2020-05-16")
        #expect(IncidentMatcher.score(weeksLater, against: stored) == nil)
        #expect(IncidentMatcher.score(threeDays, against: stored) == nil)
        #expect(IncidentMatcher.score(nextMorning, against: stored) != nil)
        #expect(IncidentMatcher.score(overnight, against: stored) != nil)
        // Blocking agrees: far dates share no key, near ones do.
        let keys = Set(IncidentBlocking.keys(for: stored))
        #expect(keys.isDisjoint(with: IncidentBlocking.queryKeys(for: weeksLater)))
        #expect(keys.isDisjoint(with: IncidentBlocking.queryKeys(for: threeDays)))
        #expect(!keys.isDisjoint(with: IncidentBlocking.queryKeys(for: nextMorning)))
    }

    @Test("daily strikes on one town do not chain: a report must lie within a day of every report of the incident")
    func dailyStrikesDoNotChain() {
        var store = SimulatedStore()
        let first = store.ingest([F.mention(.missileStrike, date: "2024-03-02", place: F.kryvyiRih, perpetrator: "Russia", killed: 4)],
                                 outlet: "A", articleDay: "2024-03-02")
        let id = first.incidentIDs[0]!
        // The overnight strike reported on either day is one incident.
        #expect(store.ingest([F.mention(.missileStrike, date: "2024-03-01", place: F.kryvyiRih, perpetrator: "Russia", killed: 4)],
                             outlet: "B", articleDay: "2024-03-02").incidentIDs == [id])
        #expect(store.ingest([F.mention(.missileStrike, date: "2024-03-02", place: F.kryvyiRih, perpetrator: "Russia", killed: 5)],
                             outlet: "C", articleDay: "2024-03-03").incidentIDs == [id])
        // The next night's strike is a day from the incident's date but two from one of its reports.
        let next = store.ingest([F.mention(.missileStrike, date: "2024-03-03", place: F.kryvyiRih, perpetrator: "Russia", killed: 2)],
                                outlet: "D", articleDay: "2024-03-04")
        #expect(next.created.count == 1)
    }

    @Test("an undated mention matches only within its article's window")
    func undatedWithinWindow() {
        let stored = F.record(F.report(F.mention(date: "2020-05-16", place: F.abuKamal, killed: 7), articleDay: "2020-05-16"))
        let inWindow = F.report(F.mention(place: F.abuKamal, killed: 9), articleDay: "2020-05-19")
        let months = F.report(F.mention(place: F.abuKamal, killed: 9), articleDay: "2020-08-01")
        let noDay = F.report(F.mention(place: F.abuKamal, killed: 9), articleDay: nil)
        #expect(IncidentMatcher.score(inWindow, against: stored) != nil)
        #expect(IncidentMatcher.score(months, against: stored) == nil)
        #expect(IncidentMatcher.score(noDay, against: stored) == nil)
        #expect(IncidentBlocking.queryKeys(for: noDay).isEmpty)
        let keys = Set(IncidentBlocking.keys(for: stored))
        #expect(!keys.isDisjoint(with: IncidentBlocking.queryKeys(for: inWindow)))
        #expect(keys.isDisjoint(with: IncidentBlocking.queryKeys(for: months)))
    }

    @Test("two undated reports from articles a few days apart meet; from different months they do not")
    func undatedBoth() {
        var store = SimulatedStore()
        let a = store.ingest([F.mention(place: F.qamishli, perpetrator: "Turkey", killed: 3)], outlet: "A", articleDay: "2022-07-23")
        let b = store.ingest([F.mention(.droneStrike, place: F.qamishli, perpetrator: "Turkey", attribution: .alleged, killed: 3)],
                             outlet: "B", articleDay: "2022-07-25")
        let c = store.ingest([F.mention(.droneStrike, place: F.qamishli, perpetrator: "Turkey", killed: 2)], outlet: "C",
                             articleDay: "2022-09-30")
        #expect(a.incidentIDs[0] == b.incidentIDs[0])
        #expect(c.created.count == 1)
        #expect(store.records.count == 2)
    }

    @Test("a province-only mention joins the named place in that province, unless two candidates compete")
    func provinceOnly() {
        let stored = F.record(F.report(F.mention(date: "2020-05-16", place: F.abuKamal), articleDay: "2020-05-16"))
        let province = F.report(F.mention(date: "2020-05-16", place: F.deirEzZorProvince), articleDay: "2020-05-17")
        #expect(IncidentMatcher.score(province, against: stored) != nil)
        #expect(IncidentMatcher.bestMatch(for: province, candidates: [1: stored]) == 1)

        let other = F.record(F.report(F.mention(date: "2020-05-16", place: F.alMayadin), articleDay: "2020-05-16"))
        #expect(IncidentMatcher.bestMatch(for: province, candidates: [1: stored, 2: other]) == nil)

        // Dnipro and Kryvyi Rih struck the same day: an oblast-level mention picks neither.
        let dnipro = F.record(F.report(F.mention(.missileStrike, date: "2024-07-08", place: F.dnipro, perpetrator: "Russia"),
                                       articleDay: "2024-07-08"))
        let kryvyi = F.record(F.report(F.mention(.missileStrike, date: "2024-07-08", place: F.kryvyiRih, perpetrator: "Russia"),
                                       articleDay: "2024-07-08"))
        let oblast = F.report(F.mention(.missileStrike, date: "2024-07-08", place: F.dniproProvince, perpetrator: "Russia"),
                              articleDay: "2024-07-08")
        #expect(IncidentMatcher.bestMatch(for: oblast, candidates: [1: dnipro, 2: kryvyi]) == nil)
        // ...and once the province incident is refined to Dnipro, Kryvyi Rih cannot join it.
        let kryvyiReport = F.report(F.mention(.missileStrike, date: "2024-07-08", place: F.kryvyiRih, perpetrator: "Russia"),
                                    articleDay: "2024-07-08")
        #expect(IncidentMatcher.score(kryvyiReport, against: dnipro) == nil)
    }

    @Test("a village 8 km from the town is nearby; a town 70 km away is not")
    func nearbyPlaces() {
        let stored = F.record(F.report(F.mention(date: "2020-05-16", place: F.abuKamal), articleDay: "2020-05-16"))
        let village = F.report(F.mention(date: "2020-05-16", place: F.hasrat), articleDay: "2020-05-16")
        let mayadin = F.report(F.mention(date: "2020-05-16", place: F.alMayadin), articleDay: "2020-05-16")
        #expect(IncidentMatcher.score(village, against: stored) != nil)
        #expect(IncidentMatcher.score(mayadin, against: stored) == nil)
        #expect(!Set(IncidentBlocking.keys(for: stored)).isDisjoint(with: IncidentBlocking.queryKeys(for: village)))
    }

    @Test("a mention at a nearby village does not take the incident that a sibling mention of the same article names")
    func siblingNamesTheIncidentsPlace() {
        // Stored: Wednesday's strike on Abu Kamal, which one outlet credited to the coalition.
        var store = SimulatedStore()
        let first = store.ingest([F.mention(date: "2021-03-03", place: F.abuKamal, perpetrator: "US-led coalition",
                                            attribution: .claimed, killed: 6)], outlet: "Wire A", articleDay: "2021-03-04")
        // A second outlet reports that strike with a rival firm attribution (so it cannot join), and
        // Thursday's shelling of Hasrat, a village 9 km away: the shelling is not Wednesday's strike.
        let second = store.ingest([
            F.mention(date: "2021-03-03", place: F.abuKamal, perpetrator: "Israel", attribution: .confirmed, killed: 7),
            F.mention(.shelling, date: "2021-03-04", place: F.hasrat, injured: 4),
        ], outlet: "Daily B", articleDay: "2021-03-04")
        #expect(second.incidentIDs[1] != first.incidentIDs[0])
        #expect(store.records[first.incidentIDs[0]!]!.reportCount == 1)
        // The same shelling report alone, with nothing in its article naming Abu Kamal, still may join
        // a nearby incident: the rule only applies when the article itself tells the two apart.
        var other = SimulatedStore()
        let stored = other.ingest([F.mention(date: "2021-03-03", place: F.abuKamal, killed: 6)], outlet: "Wire A", articleDay: "2021-03-04")
        let alone = other.ingest([F.mention(.shelling, date: "2021-03-04", place: F.hasrat, injured: 4)], outlet: "Daily B",
                                 articleDay: "2021-03-04")
        #expect(alone.incidentIDs[0] == stored.incidentIDs[0])
    }

    @Test("a ground clash is not an airstrike; rival firm claims do not merge; alleged blame does")
    func typesAndPerpetrators() {
        let stored = F.record(F.report(F.mention(date: "2020-05-16", place: F.abuKamal, perpetrator: "Israel",
                                                 attribution: .alleged), articleDay: "2020-05-16"))
        let clash = F.report(F.mention(.groundClash, date: "2020-05-16", place: F.abuKamal), articleDay: "2020-05-16")
        let missile = F.report(F.mention(.missileStrike, date: "2020-05-16", place: F.abuKamal), articleDay: "2020-05-16")
        let coalition = F.report(F.mention(date: "2020-05-16", place: F.abuKamal, perpetrator: "US-led coalition",
                                           attribution: .alleged), articleDay: "2020-05-16")
        #expect(IncidentMatcher.score(clash, against: stored) == nil)
        #expect(IncidentMatcher.score(missile, against: stored) != nil)
        #expect(IncidentMatcher.score(coalition, against: stored) != nil)

        let claimedByA = F.record(F.report(F.mention(date: "2020-05-16", place: F.abuKamal, perpetrator: "Israel",
                                                     attribution: .claimed), articleDay: "2020-05-16"))
        let claimedByB = F.report(F.mention(date: "2020-05-16", place: F.abuKamal, perpetrator: "United States",
                                            attribution: .claimed), articleDay: "2020-05-16")
        #expect(IncidentMatcher.score(claimedByB, against: claimedByA) == nil)
    }

    @Test("two incidents at one place on one night: an article naming both sends each to the right one")
    func samePlaceSameNightTwoIncidents() {
        var store = SimulatedStore()
        let first = store.ingest([
            F.mention(.missileStrike, date: "2024-07-08", place: F.kyiv, perpetrator: "Russia", attribution: .confirmed,
                      target: "children's hospital", killed: 2, injured: 16),
            F.mention(.missileStrike, date: "2024-07-08", place: F.kyiv, perpetrator: "Russia", attribution: .confirmed,
                      target: "residential buildings and an office centre", killed: 33, injured: 64),
        ], outlet: "Wire A", articleDay: "2024-07-08")
        #expect(first.created.count == 2)
        let hospital = first.incidentIDs[0]!, city = first.incidentIDs[1]!
        // Another outlet, other order, other wording, slightly different figures.
        let second = store.ingest([
            F.mention(.missileStrike, place: F.kyiv, perpetrator: "Russian forces", attribution: .confirmed,
                      target: "apartment buildings", killed: 31),
            F.mention(.missileStrike, place: F.kyiv, perpetrator: "Russia", attribution: .confirmed,
                      target: "Okhmatdyt children's hospital", killed: 2, injured: 16),
        ], outlet: "Broadcaster B", articleDay: "2024-07-09")
        #expect(second.created.isEmpty)
        #expect(second.incidentIDs == [city, hospital])
    }

    @Test("a report of only the facility strike joins the facility's incident, not the other strikes on the town that day")
    func facilityReportJoinsFacility() {
        var store = SimulatedStore()
        let first = store.ingest([
            F.mention(.missileStrike, date: "2024-07-08", place: F.kyiv, perpetrator: "Russia", target: "hospital", killed: 2, injured: 50),
            F.mention(.missileStrike, date: "2024-07-08", place: F.kyiv, perpetrator: "Russia", injured: 64),
        ], outlet: "Wire A", articleDay: "2024-07-09")
        #expect(first.created.count == 2)
        let facility = first.incidentIDs[0]!, town = first.incidentIDs[1]!
        let onlyFacility = store.ingest([
            F.mention(.missileStrike, date: "2024-07-08", place: F.kyiv, perpetrator: "Russia", target: "hospital", killed: 2, injured: 16),
        ], outlet: "Paper B", articleDay: "2024-07-08")
        #expect(onlyFacility.incidentIDs == [facility])
        // A third outlet gives the town's figure first and the facility second, undated.
        let both = store.ingest([
            F.mention(.missileStrike, place: F.kyiv, perpetrator: "Russia", killed: 7),
            F.mention(.missileStrike, place: F.kyiv, perpetrator: "Russia", target: "hospital", injured: 16),
        ], outlet: "Site C", articleDay: "2024-07-08")
        #expect(both.incidentIDs == [town, facility])
    }

    @Test("a background mention links to the incident it recalls, weeks later")
    func backgroundLinks() {
        var store = SimulatedStore()
        let strike = store.ingest([F.mention(date: "2020-05-04/2020-05-05", place: F.alMayadin, perpetrator: "Israel",
                                             attribution: .alleged, killed: 14)], outlet: "A", articleDay: "2020-05-05")
        let later = store.ingest([
            F.mention(date: "2020-05-25", place: F.aleppo, perpetrator: "Israel", attribution: .alleged),
            F.mention(role: .background, place: F.alMayadin, perpetrator: "Israel", attribution: .alleged, killed: 14),
        ], outlet: "A", articleDay: "2020-05-26")
        #expect(later.created.count == 1)
        #expect(later.incidentIDs[1] == strike.incidentIDs[0])
        #expect(later.changes.isEmpty)
    }

    @Test("a country-only mention joins only an exact same-day, same-actor, unambiguous incident")
    func countryOnly() {
        let stored = F.record(F.report(F.mention(date: "2021-02-25", place: F.abuKamal, perpetrator: "United States",
                                                 attribution: .claimed), articleDay: "2021-02-26"))
        let vague = F.report(F.mention(date: "2021-02-25", place: F.syria, perpetrator: "US", attribution: .claimed),
                             articleDay: "2021-02-26")
        let vagueUnknown = F.report(F.mention(date: "2021-02-25", place: F.syria), articleDay: "2021-02-26")
        #expect(IncidentMatcher.bestMatch(for: vague, candidates: [7: stored]) == 7)
        #expect(IncidentMatcher.score(vagueUnknown, against: stored) == nil)
        #expect(!Set(IncidentBlocking.keys(for: stored)).isDisjoint(with: IncidentBlocking.queryKeys(for: vague)))
        let second = F.record(F.report(F.mention(date: "2021-02-25", place: F.aleppo, perpetrator: "United States",
                                                 attribution: .claimed), articleDay: "2021-02-26"))
        #expect(IncidentMatcher.bestMatch(for: vague, candidates: [7: stored, 8: second]) == nil)
    }

    @Test("candidate sets stay small however many unrelated incidents are stored")
    func blockingIsSelective() {
        var store = SimulatedStore()
        let places = [F.abuKamal, F.aleppo, F.alMayadin, F.qamishli, F.kyiv, F.dnipro, F.kryvyiRih]
        var day = CalendarDay(iso: "2019-01-01")!
        for i in 0..<700 {
            let p = places[i % places.count]
            store.ingest([F.mention(.shelling, date: day.iso, place: p, killed: i % 13)], outlet: "Bulk", articleDay: day.iso)
            if i % places.count == places.count - 1 { day = day.adding(days: 3) }
        }
        #expect(store.records.count == 700)
        #expect(store.largestCandidateSet <= 3)
    }
}

@Suite("Perpetrator names")
struct PerpetratorNameTests {
    typealias F = Fixtures

    @Test("a branch and its parent organisation both claiming the attack still merge; unrelated claimants do not")
    func relatedClaimants() {
        let kabul = Place(name: "Kabul", admin1: "Kabul", country: "Afghanistan", latitude: 34.5289, longitude: 69.1725)
        let stored = F.record(F.report(F.mention(.explosion, date: "2021-08-26", place: kabul,
                                                 perpetrator: "Islamic State Khorasan (IS-K)", attribution: .claimed,
                                                 killed: 170), articleDay: "2021-08-27"))
        let parent = F.report(F.mention(.explosion, date: "2021-08-26", place: kabul, perpetrator: "Islamic State",
                                        attribution: .claimed, killed: 183), articleDay: "2021-08-28")
        let other = F.report(F.mention(.explosion, date: "2021-08-26", place: kabul, perpetrator: "Taliban",
                                       attribution: .claimed), articleDay: "2021-08-28")
        #expect(IncidentMatcher.score(parent, against: stored) != nil)
        #expect(IncidentMatcher.score(other, against: stored) == nil)
    }
}

@Suite("Weak evidence and borders")
struct WeakEvidenceTests {
    typealias F = Fixtures

    @Test("a province-level explosion and an undated airstrike in a town of that province stay apart")
    func provinceWindowNeedsSameFamily() {
        let provinceExplosion = F.record(F.report(F.mention(.explosion, date: "2021-02-24", place: F.deirEzZorProvince),
                                                  articleDay: "2021-02-25"))
        let undatedStrike = F.report(F.mention(place: F.abuKamal, perpetrator: "United States", attribution: .claimed, killed: 22),
                                     articleDay: "2021-02-26")
        #expect(IncidentMatcher.score(undatedStrike, against: provinceExplosion) == nil)
        // Same family (a strike from the air reported at province level): still joins.
        let provinceStrike = F.record(F.report(F.mention(.droneStrike, date: "2021-02-24", place: F.deirEzZorProvince),
                                               articleDay: "2021-02-25"))
        #expect(IncidentMatcher.score(undatedStrike, against: provinceStrike) != nil)
    }

    @Test("a strike geocoded to the town across the border joins when the same actor is named; fire across a border does not")
    func acrossTheBorder() {
        let alQaim = Place(name: "Al Qaim", admin1: "Al Anbar", country: "Iraq", latitude: 34.3925, longitude: 40.9895)
        let stored = F.record(F.report(F.mention(date: "2021-02-25", place: F.abuKamal, perpetrator: "United States",
                                                 attribution: .claimed, killed: 1), articleDay: "2021-02-26"))
        let sameActor = F.report(F.mention(place: alQaim, perpetrator: "United States", attribution: .claimed, killed: 19),
                                 articleDay: "2021-02-26")
        let unknownActor = F.report(F.mention(date: "2021-02-25", place: alQaim), articleDay: "2021-02-26")
        #expect(IncidentMatcher.score(sameActor, against: stored) != nil)
        #expect(!Set(IncidentBlocking.keys(for: stored)).isDisjoint(with: IncidentBlocking.queryKeys(for: sameActor)))
        #expect(IncidentMatcher.score(unknownActor, against: stored) == nil)

        let kiryatShmona = Place(name: "Kiryat Shmona", admin1: "Northern District", country: "Israel", latitude: 33.2073, longitude: 35.5702)
        let kfarKila = Place(name: "Kfar Kila", admin1: "Nabatieh", country: "Lebanon", latitude: 33.2869, longitude: 35.5561)
        let rockets = F.record(F.report(F.mention(.rocketAttack, date: "2023-11-02", place: kiryatShmona, perpetrator: "Hezbollah",
                                                  attribution: .claimed), articleDay: "2023-11-02"))
        let strike = F.report(F.mention(.droneStrike, date: "2023-11-02", place: kfarKila, perpetrator: "Israel", attribution: .alleged),
                              articleDay: "2023-11-02")
        #expect(IncidentMatcher.score(strike, against: rockets) == nil)
    }

    @Test("a joint strike and one of its partners, both firm, are the same incident; unrelated firm actors are not")
    func jointPerpetratorMatchesAPartner() {
        var store = SimulatedStore()
        let joint = store.ingest([F.mention(
            date: "2024-03-05", place: F.abuKamal, perpetrator: "United States and United Kingdom", attribution: .confirmed,
            killed: 3)], outlet: "Channel A", articleDay: "2024-03-06")
        let partner = store.ingest([F.mention(
            date: "2024-03-05", place: F.abuKamal, perpetrator: "U.S.", attribution: .claimed)], outlet: "Wire B", articleDay: "2024-03-06")
        #expect(joint.created.count == 1)
        #expect(partner.created.isEmpty)
        #expect(store.records.count == 1)
        #expect(IncidentMatcher.perpetratorScore("United States and United Kingdom", .confirmed, "Russia", .confirmed) == nil)
        #expect(IncidentMatcher.perpetratorScore("United States and United Kingdom", .confirmed, "United Kingdom", .claimed) == 0.8)
    }
}
