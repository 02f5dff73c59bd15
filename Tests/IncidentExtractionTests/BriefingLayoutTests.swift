import IncidentModel
import Testing
@testable import IncidentExtraction

/// Security briefings and channel round-ups: numbered and bulleted items under place headings, a
/// covered period under the headline, and launch verbs with counts.
@Suite struct BriefingLayoutTests {
    @Test func aHeadingsPlaceLocatesItsItemAndTheCoveredWeekIsNews() {
        let a = Fixture.extract("HORN OF AFRICA WEEKLY SECURITY NOTE", [
            "Issue 12 | Issued 22 March 2024 | Covering 15 - 21 March",
            "1) SOMALIA - Mogadishu. On 16 March, a car bomb exploded at a checkpoint near the port road, killing four soldiers. Al-Shabaab claimed the attack.",
            "2) KENYA - Lamu county. On 18 March, an explosive device hit a police truck near Mpeketoni, injuring three officers.",
        ], reference: "2024-03-22")
        let m = Fixture.mains(a)
        #expect(m.count == 2)
        let mogadishu = m.first { $0.killed == 4 }
        #expect(mogadishu?.place?.name == "Mogadishu")
        #expect(mogadishu?.date?.description == "2024-03-16")
        #expect(mogadishu?.perpetrator == "al-Shabaab")
    }

    /// Negative: without a covered period, a strike told five days before publication is an older one.
    @Test func withoutACoveredPeriodAnOlderDayIsBackground() {
        let a = Fixture.extract("Car bomb in Mogadishu; police raid in Baidoa", [
            "Police raided a house in Baidoa on Thursday, arresting six suspects after a gunfight that killed two officers.",
            "On 16 March, a car bomb exploded at a checkpoint in Mogadishu, killing four soldiers.",
        ], reference: "2024-03-22")
        #expect(a.mentions.first { $0.killed == 4 }?.role == .background)
    }

    @Test func channelBulletsSeparateTheirTowns() {
        let a = Fixture.extract("MORNING ROUNDUP FROM THE FRONT", [
            "\u{1F538} DONETSK. Overnight kamikaze drones hit an ammunition depot near the railway station in Kramatorsk, causing a large fire.",
            "\u{1F538} BELGOROD REGION. Governor: this morning in Shebekino a drone dropped an explosive device on a car; the driver died.",
        ], reference: "2023-10-20")
        let towns = Set(Fixture.mains(a).compactMap { $0.place?.name })
        #expect(towns.contains("Kramatorsk"))
        #expect(towns.contains("Shebekino"))
    }

    @Test func firedThirtyRocketsIsARocketAttackAtTheTownAimedAt() {
        let a = Fixture.extract("Rockets fired at northern town", [
            "Later on Tuesday, militants fired about 30 rockets toward Kiryat Shmona, the army said. No injuries were reported.",
        ], reference: "2024-03-12")
        let m = Fixture.mains(a).first
        #expect(m?.eventType == .rocketAttack)
        #expect(m?.place?.name == "Kiryat Shmona")
    }

    /// Negative: a dismissed official is not a launched weapon.
    @Test func firingAnOfficialIsNoIncident() {
        let a = Fixture.extract("Minister dismissed", [
            "The president fired the defence minister on Monday after a row over the missile budget.",
        ], reference: "2024-03-12")
        #expect(Fixture.mains(a).allSatisfy { $0.eventType != .missileStrike })
    }

    @Test func aClaimPastAnAbbreviationAndAnAside() {
        let a = Fixture.extract("Air force says it struck bandit camp", [
            "The Nigerian Air Force (NAF), in a statement on Monday by its spokesman, Edward Gabkwet, said its aircraft had on Sunday bombed a bandit camp near Maru.",
        ], reference: "2024-02-19")
        let m = Fixture.mains(a).first
        #expect(m?.perpetrator == "Nigeria")
        #expect(m?.attribution == .claimed)
    }

    @Test func aPromiseOfReviewAfterAndThatLeavesTheClaim() {
        let a = Fixture.extract("Coalition strike on market", [
            "An air strike hit a market near Saada on Tuesday, killing seven people. A spokesman of the Saudi-led coalition said the next day that its aircraft had struck a missile launch site and that the incident would be reviewed.",
        ], reference: "2019-03-14")
        let m = Fixture.mains(a).first
        #expect(m?.perpetrator == "Saudi-led coalition")
        #expect(m?.attribution == .claimed)
    }
}

extension BriefingLayoutTests {
    @Test func aLiveBlogEntrysIncidentHappenedOnTheBlogsDayWithTheTollToldBeforeIt() {
        let a = Fixture.extract("War live: rockets on Ashkelon", [
            "Live blog | Sunday 14 January 2024",
            "11:05 GMT",
            "Sirens sounded in Ashkelon. Paramedics said a 30-year-old woman was lightly injured by shrapnel in Ashkelon. The armed wing of Hamas said on Telegram it fired a barrage of rockets at Ashkelon.",
            "09:40 GMT",
            "Good morning and welcome to our live coverage.",
        ], reference: "2024-01-14")
        let m = Fixture.mains(a).first { $0.place?.name == "Ashkelon" }
        #expect(m?.date?.description == "2024-01-14")
        #expect(m?.injured == 1)
    }
}

extension BriefingLayoutTests {
    @Test func aStreetNamedAfterSomeoneIsNoPlaceAndABulletedHeadingLocates() {
        let a = Fixture.extract("Border digest", [
            "\u{25AA}\u{FE0F} Shebekino. The governor reports that a drone hit a car on Lenin Street this morning, killing the driver.",
            "\u{25AA}\u{FE0F} Tetkino. The acting governor says artillery shelled the village of Tyotkino on Wednesday evening, injuring two civilians.",
        ], reference: "2025-01-16")
        let m = Fixture.mains(a)
        #expect(m.count == 2)
        #expect(m.contains { $0.place?.name == "Shebekino" && $0.eventType == .droneStrike })
        #expect(!m.contains { $0.place?.country == "Azerbaijan" })
    }

    @Test func aHospitalNamedAfterAForeignCityIsNoPlace() {
        let a = Fixture.extract("Blast at Mogadishu beach", [
            "MOGADISHU - A car bomb exploded outside a restaurant in Mogadishu on Friday evening, killing six people, police said.",
            "\"The blast threw us to the ground,\" said a survivor speaking from Madina Hospital.",
        ], reference: "2024-08-03")
        #expect(Fixture.mains(a).first?.place?.name == "Mogadishu")
    }
}
