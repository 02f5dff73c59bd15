import IncidentModel
import Testing
@testable import IncidentExtraction

/// Maritime security briefs: numbered items, ships struck by sea drones or projectiles at a
/// distance from a port, and missiles that fell in the water.
@Suite struct SeaAttackAndNumberedItemTests {
    @Test func aNumberedItemsNumberIsNoSentence() {
        let s = Fixture.resources.splitter.split("2. At 0940 local time on 3 May, a tanker reported an explosion close to its bow.")
        #expect(s.count == 1)
        #expect(s.first?.hasPrefix("2. At 0940") == true)
    }

    /// Negative: a sentence that ends in a year still ends there.
    @Test func aSentenceEndingInAYearStillEnds() {
        let s = Fixture.resources.splitter.split("The port has been closed since 2019. Ships now anchor offshore.")
        #expect(s.count == 2)
    }

    @Test func aShipStruckByAnUncrewedSurfaceVesselIsARemoteExplosive() {
        let a = Fixture.extract("Weekly maritime brief", [
            "1. Cargo ship hit south of Mokha",
            "On 14 May the Panama-flagged cargo ship Silver Heron was struck on its starboard side by an uncrewed surface vessel about 20 nautical miles south of Mokha, Yemen. The Houthis claimed the attack the next day.",
        ], reference: "2024-05-17")
        let m = Fixture.mains(a)
        #expect(m.count == 1)
        #expect(m.first?.eventType == .explosion)
        #expect(m.first?.date?.description == "2024-05-14")
        #expect(m.first?.perpetrator == "Houthis")
    }

    @Test func aShipStruckByAProjectileIsAMissileStrike() {
        let a = Fixture.extract("Maritime advisory", [
            "At about 0600 local time on 2 June, a bulk carrier reported being struck by a projectile west of Hodeidah while sailing north. A fire broke out on deck.",
        ], reference: "2024-06-03")
        #expect(Fixture.mains(a).first?.eventType == .missileStrike)
    }

    @Test func aMissileThatLandedInTheWaterIsAMissileStrike() {
        let a = Fixture.extract("Container ship reports near miss", [
            "A container ship reported on Friday that a missile had landed in the water near the vessel off Aden. No damage was reported.",
        ], reference: "2024-03-09")
        #expect(Fixture.mains(a).first?.eventType == .missileStrike)
    }

    /// Negative: a ship struck by a wave, or a price hit by a shock, is no attack.
    @Test func aShipStruckByAWaveIsNoAttack() {
        let a = Fixture.extract("Ferry damaged in storm", [
            "The ferry was struck on its bow by a large wave off Crete on Sunday, injuring two passengers, the coast guard said.",
        ], reference: "2024-01-08")
        #expect(Fixture.mains(a).allSatisfy { $0.eventType != .explosion && $0.eventType != .missileStrike && $0.eventType != .droneStrike })
    }
}
