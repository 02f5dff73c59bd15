import IncidentModel
import Testing
@testable import IncidentExtraction

/// Incident verbs told in other words than an incident noun: devices that went off, aircraft shot
/// down, ships hit by a weapon, positions that came under fire, posts stormed, things blown up.
@Suite struct IncidentVerbTests {
    @Test func aDeviceThatWentOffOrDetonatedIsABombing() {
        for verb in ["went off", "detonated", "exploded", "blew up"] {
            let a = Fixture.extract("Blast in Kirkuk", [
                "A roadside device \(verb) beside an army truck on the edge of Kirkuk on Monday, wounding four soldiers, police said.",
            ], reference: "2024-05-14")
            #expect(Fixture.mains(a).first?.eventType == .explosion, "\(verb)")
            #expect(Fixture.mains(a).first?.injured == 4, "\(verb)")
        }
    }

    @Test func anExplosiveThatWentOffFarFromItsVerbIsABombing() {
        let a = Fixture.extract("Mosque blast", [
            "A device hidden under a parked motorcycle went off outside a mosque in Quetta on Friday, killing two worshippers.",
        ], reference: "2024-05-10")
        #expect(Fixture.mains(a).first?.eventType == .explosion)
        #expect(Fixture.mains(a).first?.killed == 2)
    }

    @Test func anAlarmThatWentOffIsNoBombing() {
        let a = Fixture.extract("Hotel evacuated", [
            "The fire alarm went off at a hotel in Mogadishu on Friday evening, and 200 guests were evacuated, the manager said.",
        ], reference: "2024-05-10")
        #expect(a.mentions.isEmpty)
    }

    @Test func aPipelineThatWasBlownUpIsABombing() {
        let a = Fixture.extract("Pipeline attack", [
            "A gas pipeline was blown up near Kirkuk on Thursday night, cutting supplies to two power stations, officials said.",
        ], reference: "2024-05-17")
        #expect(Fixture.mains(a).first?.eventType == .explosion)
    }

    @Test func shootingDownAnAircraftIsAClash() {
        for aircraft in ["a military helicopter", "an air force plane", "a Nigerian Air Force jet"] {
            let a = Fixture.extract("Aircraft lost", [
                "Insurgents shot down \(aircraft) near Rann in Borno state on Saturday, killing its two crew members, security sources said.",
            ], reference: "2024-06-16")
            let m = Fixture.mains(a).first
            #expect(m?.eventType == .groundClash, "\(aircraft)")
            #expect(m?.killed == 2, "\(aircraft)")
        }
    }

    @Test func aGroupSayingItsFightersDownedTheAircraftClaimsIt() {
        let a = Fixture.extract("Helicopter downed", [
            "Militants shot down an army helicopter near Rann on Saturday, killing its two pilots.",
            "Boko Haram said in a video that its fighters had downed the aircraft with a heavy machine gun.",
        ], reference: "2024-06-16")
        #expect(Fixture.mains(a).first?.perpetrator == "Boko Haram")
        #expect(Fixture.mains(a).first?.attribution == .claimed)
    }

    @Test func shootingDownDronesLeavesTheDroneAttack() {
        let a = Fixture.extract("Drone attack on Odesa", [
            "Russian drones struck port buildings in Odesa overnight, injuring two people; air defence units shot down 12 drones over the region, the governor said.",
        ], reference: "2024-03-02")
        #expect(Fixture.mains(a).first?.eventType == .droneStrike)
    }

    @Test func aShipHitByAWeaponTakesTheWeaponsKind() {
        let cases: [(String, EventType)] = [
            ("was hit by a drone", .droneStrike), ("was struck by two missiles", .missileStrike),
            ("was targeted by an unmanned drone", .droneStrike), ("was hit by a ballistic missile", .missileStrike),
        ]
        for (phrase, kind) in cases {
            let a = Fixture.extract("Ship attacked", [
                "A Liberian-flagged container ship \(phrase) off the port of Mocha on Sunday, starting a fire on board, a maritime security agency said.",
            ], reference: "2024-02-18")
            #expect(Fixture.mains(a).first?.eventType == kind, "\(phrase)")
            #expect(Fixture.mains(a).first?.place?.name == "Mocha", "\(phrase)")
        }
    }

    @Test func aVehicleThatStruckAMineHitABomb() {
        for phrase in ["struck a mine", "hit a landmine", "hit an IED"] {
            let a = Fixture.extract("Soldiers killed", [
                "An army patrol vehicle \(phrase) near Menaka on Sunday, killing three soldiers, a military source said.",
            ], reference: "2024-05-13")
            #expect(Fixture.mains(a).first?.eventType == .explosion, "\(phrase)")
        }
    }

    @Test func anAttackOnAGoldMineIsNoBombing() {
        let a = Fixture.extract("Mine attacked", [
            "Gunmen attacked a gold mine near Gao on Monday, killing six workers, local officials said.",
        ], reference: "2024-05-14")
        #expect(Fixture.mains(a).first?.eventType != .explosion)
    }

    @Test func aTruckHitByADroneIsADroneStrike() {
        let a = Fixture.extract("Truck hit", [
            "A fuel truck was hit by a Russian drone near Kramatorsk on Monday, killing its driver and another man, the regional governor said.",
        ], reference: "2024-05-14")
        #expect(Fixture.mains(a).first?.eventType == .droneStrike)
        #expect(Fixture.mains(a).first?.perpetrator == "Russia")
    }

    @Test func aCarThatWasTargetedWasAttacked() {
        let a = Fixture.extract("Car targeted", [
            "A car was targeted on the coastal road near Tyre on Monday, killing two men, the state news agency reported.",
        ], reference: "2024-05-14")
        #expect(Fixture.mains(a).count == 1)
        #expect(Fixture.mains(a).first?.killed == 2)
    }

    @Test func gunmenWhoFiredOnABusFoughtAClash() {
        for verb in ["fired on", "fired at"] {
            let a = Fixture.extract("Bus attacked", [
                "Gunmen \(verb) a passenger bus near Parachinar on Saturday, killing eight passengers and wounding five, police said.",
            ], reference: "2024-10-13")
            #expect(Fixture.mains(a).first?.eventType == .groundClash, "\(verb)")
            #expect(Fixture.mains(a).first?.killed == 8, "\(verb)")
        }
    }

    @Test func dronesThatSetADepotAblazeStruckIt() {
        let a = Fixture.extract("Depot on fire", [
            "Drones set a fuel depot ablaze near Klintsy overnight, the regional governor said on Wednesday.",
        ], reference: "2025-03-19")
        #expect(Fixture.mains(a).first?.eventType == .droneStrike)
    }

    @Test func aShipHitOffAPortIsPlacedAtThePort() {
        let a = Fixture.extract("Ship hit", [
            "A missile hit a bulk carrier off Mocha on Monday, damaging its bridge, a maritime security firm said.",
        ], reference: "2024-05-14")
        #expect(Fixture.mains(a).first?.place?.name == "Mocha")
        #expect(Fixture.mains(a).first?.eventType == .missileStrike)
    }

    @Test func aConvoyThatCameUnderFireIsAClash() {
        let a = Fixture.extract("Convoy attacked", [
            "A police convoy came under fire near Bannu on Wednesday, killing one officer and wounding two, officials said.",
        ], reference: "2025-03-05")
        let m = Fixture.mains(a).first
        #expect(m?.eventType == .groundClash)
        #expect(m?.killed == 1)
        #expect(m?.place?.name == "Bannu")
    }

    @Test func fireOfAnActorIsAClash() {
        for phrase in ["came under Israeli fire", "came under heavy Israeli fire"] {
            let a = Fixture.extract("Convoy hit", [
                "An aid convoy \(phrase) near Khan Yunis on Monday, wounding two drivers, the agency said.",
            ], reference: "2024-05-14")
            #expect(Fixture.mains(a).first?.eventType == .groundClash, "\(phrase)")
            #expect(Fixture.mains(a).first?.injured == 2, "\(phrase)")
            #expect(Fixture.mains(a).first?.perpetrator == "Israel", "\(phrase)")
        }
    }

    @Test func theOnesFiringAreTheAgent() {
        let a = Fixture.extract("Tanks attacked", [
            "Israeli tanks came under fire from Hamas fighters near Khan Yunis on Monday, the group's armed wing said.",
        ], reference: "2024-05-14")
        #expect(Fixture.mains(a).first?.perpetrator == "Hamas")
    }

    @Test func fireOfANamedKindTellsTheKind() {
        let a = Fixture.extract("Shelling", [
            "Nikopol came under fire again on Friday, when artillery shells hit a row of houses and wounded three residents, the governor said.",
        ], reference: "2024-05-17")
        #expect(Fixture.mains(a).first?.eventType == .shelling)
    }

    @Test func gunmenWhoStormedACheckpointFoughtAClash() {
        let a = Fixture.extract("Checkpoint attack", [
            "Gunmen stormed a police checkpoint near Turbat late on Friday, killing three policemen, officials said.",
        ], reference: "2024-11-09")
        let kind = Fixture.mains(a).first?.eventType
        #expect(kind == .groundClash || kind == .raid)
        #expect(Fixture.mains(a).first?.killed == 3)
    }
}

/// The same verbs told of talks, markets, songs, criticism and accidents: no incident.
@Suite struct FigurativeIncidentVerbTests {
    @Test func talksThatBlewUpAreNoExplosion() {
        let a = Fixture.extract("Talks collapse", [
            "Coalition talks between the two largest parties blew up on Tuesday night after a dispute over the finance ministry.",
        ], reference: "2025-01-15")
        #expect(a.mentions.isEmpty)
    }

    @Test func sharesThatWereHitAreNoAttack() {
        let a = Fixture.extract("Markets", [
            "Shares of airlines were hit hardest on Monday as oil prices jumped, while the index lost two percent.",
        ], reference: "2025-01-13")
        #expect(a.mentions.isEmpty)
    }

    @Test func aCampaignThatBlewUpInTheirFaceIsNoBomb() {
        let a = Fixture.extract("Election", [
            "Opposition leaders said on Sunday that the ruling party's campaign had blown up in its face after the recordings leaked.",
        ], reference: "2025-05-05")
        #expect(a.mentions.isEmpty)
    }

    @Test func aHitSongIsNoAttack() {
        let a = Fixture.extract("Charts", [
            "The singer's hit song was streamed 40 million times in its first week, her label said on Friday.",
        ], reference: "2025-01-17")
        #expect(a.mentions.isEmpty)
    }

    @Test func criticismIsNoFire() {
        let a = Fixture.extract("Minister criticised", [
            "The defence minister came under fire over his remarks about conscription on Sunday, with two parties calling for his resignation.",
            "The mayor of Kyiv came under heavy fire on Monday for his handling of the power cuts.",
            "The price rise came under fire from consumer groups on Tuesday, who said it would raise fuel bills.",
            "Investor sentiment in Kyiv took a hit on Tuesday after the central bank raised rates.",
            "The deal came under fire from shareholders who said it undervalued the company.",
        ], reference: "2025-02-02")
        #expect(a.mentions.isEmpty)
    }

    @Test func aFactoryFireIsNoIncident() {
        let a = Fixture.extract("Factory fire kills three", [
            "Three workers were killed when a fire broke out at a textile factory in Erbil on Tuesday, the civil defence said.",
            "Firefighters battled the blaze for six hours, and a gas cylinder exploded inside the building, injuring a firefighter.",
        ], reference: "2024-10-22")
        #expect(a.mentions.isEmpty)
    }

    @Test func natureAndTrafficAreNoAttack() {
        for sentence in [
            "An earthquake struck eastern Afghanistan near Jalalabad on Sunday, killing 800 people, officials said.",
            "Lightning struck a house near Gao on Sunday, killing three children.",
            "A speeding truck hit a minibus near Quetta on Sunday, killing nine passengers, police said.",
        ] {
            let a = Fixture.extract("News", [sentence], reference: "2024-05-13")
            #expect(a.mentions.isEmpty, "\(sentence)")
        }
    }

    @Test func aCarThatExplodedIsStillABomb() {
        let a = Fixture.extract("Blast", ["A car exploded near a checkpoint in Kirkuk on Sunday, killing two policemen."], reference: "2024-05-13")
        #expect(Fixture.mains(a).first?.eventType == .explosion)
    }

    @Test func joyAndTransformersAreNoExplosion() {
        for sentence in [
            "The fans exploded with joy in Mogadishu on Sunday as the national team scored twice.",
            "A power transformer exploded in Erbil on Sunday, cutting electricity to thousands of homes.",
        ] {
            let a = Fixture.extract("News", [sentence], reference: "2024-05-13")
            #expect(a.mentions.isEmpty, "\(sentence)")
        }
    }

    @Test func aFireAfterAStrikeStaysTheStrike() {
        let a = Fixture.extract("Drone attack", [
            "A Russian drone struck a warehouse in Kharkiv on Tuesday night, and firefighters battled the blaze until morning, injuring no one, the mayor said.",
        ], reference: "2024-10-22")
        #expect(Fixture.mains(a).first?.eventType == .droneStrike)
    }
}
