import IncidentModel
import Testing
@testable import IncidentExtraction

/// Explosions with a cause outside the conflict, and trends or habits told of a place, report no
/// incident; a strike on a gas station or a bomb at a checkpoint still does.
@Suite struct AccidentAndTrendTests {
    @Test func aGasLeakToldAfterTheBlastMakesItAnAccident() {
        let a = Fixture.extract("Explosion in Zaporizhzhia flat injures two", [
            "An explosion in a flat in Zaporizhzhia on Monday evening injured two people, the emergency service said.",
            "Firefighters said a gas leak caused the blast and that there was no security dimension to the incident.",
        ], reference: "2024-12-03")
        #expect(a.mentions.isEmpty)
    }

    @Test func aCylinderTransformerOrBoilerBlastIsNoIncident() {
        let a = Fixture.extract("Blast at Aden restaurant", [
            "A gas cylinder blew up in the kitchen of a restaurant in Aden on Wednesday, killing a cook, officials said.",
            "Separately, a transformer exploded in the Mansoura district of Aden late on Tuesday, and a boiler blast damaged a bakery in Sheikh Othman.",
        ], reference: "2025-01-09")
        #expect(a.mentions.isEmpty)
    }

    /// Negative: a strike on a gas station, and a blast the police think a bomb, stay incidents.
    @Test func aDroneHittingAGasStationIsAnIncident() {
        let a = Fixture.extract("Drone hits Kherson gas station", [
            "A Russian drone hit a gas station in Kherson on Wednesday, setting it on fire and wounding three people, the regional administration said.",
        ], reference: "2024-05-15")
        #expect(Fixture.mains(a).count == 1)
    }

    @Test func aBlastPoliceTakeForABombIsAnIncidentEvenBesideAGasCylinder() {
        let a = Fixture.extract("Blast at checkpoint near Beledweyne", [
            "A blast struck a government checkpoint outside Beledweyne on Wednesday, killing two soldiers, a local officer said.",
            "Police suspect a bomb, and said a gas cylinder on a minibus nearby was also damaged.",
        ], reference: "2024-05-15")
        #expect(Fixture.mains(a).first?.killed == 2)
    }

    @Test func aRiseInAttacksOnATownIsNoIncident() {
        let a = Fixture.extract("Policeman shot dead in Tank", [
            "Gunmen opened fire on a police checkpoint in Tank on Sunday night, killing two constables, police said.",
            "Dera Ismail Khan and the neighbouring districts of Bannu and Lakki Marwat have seen a sharp rise in attacks on police this year.",
        ], reference: "2024-08-05")
        #expect(Fixture.mains(a).count == 1)
        #expect(Fixture.mains(a).first?.place?.name == "Tank")
    }

    @Test func aTownHitAgainAndAgainIsNoIncident() {
        let a = Fixture.extract("Shelling damages homes in Nikopol", [
            "Russian troops shelled Nikopol on Friday, damaging three houses, the governor said.",
            "The nearby town of Marhanets has been shelled again and again since the spring, and Pokrov has come under repeated attack.",
        ], reference: "2024-07-26")
        #expect(Fixture.mains(a).count == 1)
    }
}

extension AccidentAndTrendTests {
    @Test func attacksThatHaveIntensifiedAreNoIncident() {
        let a = Fixture.extract("Constable shot dead", [
            "A police constable was shot dead at a checkpoint on Sunday night, police said.",
            "Attacks on police have intensified in Lakki Marwat and Tank this year, officials say.",
        ], reference: "2024-08-05")
        #expect(Fixture.mains(a).allSatisfy { $0.place?.name != "Tank" && $0.place?.name != "Lakki Marwat" })
    }

    /// Negative: a toll the strike itself raised is no trend.
    @Test func aTollThatHasRisenIsNoTrend() {
        let a = Fixture.extract("Strike on Kramatorsk", [
            "A Russian missile hit a market in Kramatorsk on Monday; the number of dead from the strike has risen to nine, the governor said.",
        ], reference: "2024-08-05")
        #expect(Fixture.mains(a).first?.killed == 9)
    }
}

extension AccidentAndTrendTests {
    /// Negative: a cause in doubt leaves the blast an incident.
    @Test func aGasLeakInDoubtLeavesTheBlastAnIncident() {
        let a = Fixture.extract("Blast at Peshawar market", [
            "An explosion ripped through a crowded market in Peshawar on Friday, killing six people, police said.",
            "It was not immediately clear whether a gas cylinder had caused the blast.",
        ], reference: "2024-04-05")
        #expect(Fixture.mains(a).first?.killed == 6)
    }

    /// Negative: a gas cylinder rigged with explosives is a bomb.
    @Test func aCylinderRiggedWithExplosivesIsABomb() {
        let a = Fixture.extract("Car bomb in Kirkuk", [
            "A car bomb exploded outside a police station in Kirkuk on Friday, killing four officers.",
            "Police said the attackers had packed a gas cylinder with explosives.",
        ], reference: "2024-04-05")
        #expect(Fixture.mains(a).first?.killed == 4)
    }

    @Test func aCauseToldBetweenTheBlastAndItsInjuredStillMakesItAnAccident() {
        let a = Fixture.extract("Blast in apartment block injures two", [
            "An explosion in a third-floor flat of an apartment block in Odesa injured two people on Sunday evening.",
            "Firefighters said a gas leak caused the blast.",
            "The two injured, a woman and her son, were taken to hospital with burns.",
        ], reference: "2024-12-02")
        #expect(Fixture.mains(a).isEmpty)
    }
}
