import IncidentModel
import Testing
@testable import IncidentExtraction

/// The perpetrator named in a sentence of its own after the incident: a blame, "was behind", "the
/// drone was American". Others attribute it, so it is alleged.
@Suite struct BlameTests {
    private func lead(_ paragraphs: [String]) -> IncidentMention? {
        Fixture.mains(Fixture.extract("Attack reported", paragraphs)).first
    }

    @Test func aBlameThroughADescriptionOfTheActor() {
        let m = lead([
            "A drone struck a market in the town of Um Kadada on Friday, killing 14 people, local officials said.",
            "Activists in the town blamed the paramilitary Rapid Support Forces, which has besieged it for months.",
        ])
        #expect(m?.perpetrator == "Rapid Support Forces")
        #expect(m?.attribution == .alleged)
    }

    @Test func anActorSaidToBeBehindTheAttack() {
        let m = lead([
            "A suicide bomber blew himself up at a bus station in Quetta on Sunday, killing 12 people.",
            "The interior minister said the banned Balochistan Liberation Army, which he said was funded by hostile foreign agencies, was behind the bombing.",
        ])
        #expect(m?.perpetrator == "Balochistan Liberation Army")
        #expect(m?.attribution == .alleged)
    }

    @Test func theWeaponSaidToBeAnActors() {
        let m = lead([
            "A drone strike hit a car in eastern Baghdad on Wednesday night, killing three members of an armed faction.",
            "A security source said the drone was \"American\".",
        ])
        #expect(m?.perpetrator == "United States")
        #expect(m?.attribution == .alleged)
    }

    @Test func aBlameBesideAThreatStillNamesTheActor() {
        let m = lead([
            "A drone strike hit a car in eastern Baghdad on Wednesday night, killing three members of an armed faction.",
            "The car burnt out completely.",
            "A faction official blamed \"the American occupation\" for the killing and vowed to respond.",
        ])
        #expect(m?.perpetrator == "United States")
        #expect(m?.attribution == .alleged)
    }

    @Test func suspicionBesideAnUnclaimedAttackIsAnAllegation() {
        let m = lead([
            "A suicide bombing at a wedding in Gwoza on Saturday killed 18 people.",
            "No group has claimed responsibility, but suspicion fell on Boko Haram.",
        ])
        #expect(m?.perpetrator == "Boko Haram")
        #expect(m?.attribution == .alleged)
    }

    @Test func aGroupSayingOneOfItsFightersDidItClaimsIt() {
        let m = lead([
            "A suicide bomber struck a mosque in the city of Kunduz on Friday, killing 40 worshippers.",
            "The Islamic State Khorasan Province said in a Telegram post that one of its fighters had carried out the bombing.",
        ])
        #expect(m?.perpetrator == "IS-K")
        #expect(m?.attribution == .claimed)
    }

    @Test func unidentifiedAircraftLaterSaidToBeAnActorsAreAlleged() {
        let m = lead([
            "Unidentified aircraft struck a militia convoy near Al-Bukamal on Monday night.",
            "Nine fighters were killed in the alleged Israeli airstrikes near Al-Bukamal, a war monitor said.",
        ])
        #expect(m?.perpetrator == "Israel")
        #expect(m?.attribution == .alleged)
    }

    @Test func beingBehindALineIsNoBlame() {
        let m = lead(["Ukrainian soldiers who were behind the front line near Bakhmut were hit by shelling on Monday, killing two men."])
        #expect(m?.perpetrator != "Ukraine")
    }

    @Test func aHeadlineLayingTheBlameOnAnActorsJets() {
        let a = Fixture.extract("Syrian jets blamed for deadly strike on Maarat al-Numan market", [
            "At least eleven people were killed on Tuesday when warplanes struck a crowded market in Maarat al-Numan, rescuers said.",
        ], reference: "2019-07-24")
        let m = Fixture.mains(a).first
        #expect(m?.perpetrator == "Syrian government")
        #expect(m?.attribution == .alleged)
    }

    @Test func anOlderIncidentsUnknownAuthorDoesNotMakeTheNewsUnidentified() {
        let a = Fixture.extract("Market bombed", [
            "Warplanes struck a market in Maarat al-Numan on Tuesday, killing eleven people, rescuers said.",
            "Residents blamed Syrian government jets for the raid.",
            "Last month, air raids by unidentified aircraft put the town's hospital out of service, a medical charity said.",
        ], reference: "2019-07-24")
        let m = Fixture.mains(a).first
        #expect(m?.perpetrator != "unknown")
        #expect(m?.attribution != .unidentified)
    }

    @Test func noClaimForALaterIncidentLeavesTheEarlierClaimStanding() {
        let a = Fixture.extract("Militants claim police station bombing", [
            "A suicide bomber drove an explosives-laden car into a police station in Bannu on Monday, killing six policemen, officials said.",
            "The Hafiz Gul Bahadur group claimed responsibility for the attack in a message to reporters.",
            "Separately, unidentified gunmen shot dead a police constable guarding a polio team in Tank district on Monday. No one claimed responsibility.",
        ], reference: "2025-09-16")
        let bannu = Fixture.main(a, at: "Bannu")
        #expect(bannu?.perpetrator == "Hafiz Gul Bahadur group")
        #expect(bannu?.attribution == .claimed)
        #expect(Fixture.main(a, at: "Tank")?.attribution == .unidentified)
    }
}
