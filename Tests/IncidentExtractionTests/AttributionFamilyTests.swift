import IncidentModel
import Testing
@testable import IncidentExtraction

/// The attribution families, each on sentences of our own: an actor that admits the act claims it;
/// others attributing it allege it; a text that says nobody knows leaves it unidentified; the one
/// who denies it is the one suspected; a force that only reports what it saw is no perpetrator.
@Suite struct AttributionFamilyTests {
    private func lead(_ paragraphs: [String], reference: String = "2024-12-04") -> IncidentMention? {
        Fixture.mains(Fixture.extract("Report", paragraphs, reference: reference)).first
    }

    @Test func anArmyAdmittingItsDroneStruckClaimsIt() {
        for verb in ["acknowledged that", "admitted that", "confirmed that"] {
            let m = lead(["The Nigerian Army \(verb) one of its drones mistakenly struck a group of villagers near Rann on Monday, killing at least 11 people."])
            #expect(m?.perpetrator == "Nigeria", "\(verb)")
            #expect(m?.attribution == .claimed, "\(verb)")
        }
    }

    @Test func aMilitarySayingItHadMistakenlyHitClaimsIt() {
        let m = lead([
            "An airstrike killed 11 villagers near Rann on Monday.",
            "The Nigerian Air Force said it had mistakenly hit the villagers while targeting insurgents, and ordered an inquiry.",
        ])
        #expect(m?.perpetrator == "Nigeria")
        #expect(m?.attribution == .claimed)
    }

    @Test func admittingResponsibilityClaimsIt() {
        for phrase in ["admitted responsibility", "acknowledged responsibility", "accepted responsibility"] {
            let m = lead(["A drone strike killed 11 villagers near Rann on Monday.", "The Nigerian military \(phrase) and apologised to the families."])
            #expect(m?.perpetrator == "Nigeria", "\(phrase)")
            #expect(m?.attribution == .claimed, "\(phrase)")
        }
    }

    @Test func hedgedNamesAreAlleged() {
        for sentence in [
            "An alleged Israeli strike hit a car near Tyre on Monday, killing two people.",
            "A strike believed to be Israeli hit a car near Tyre on Monday, killing two people.",
            "A drone strike, likely carried out by Israel, hit a car near Tyre on Monday, killing two people.",
            "A drone struck a car near Tyre on Monday, killing two people, in what appeared to be an Israeli attack.",
        ] {
            let m = lead([sentence], reference: "2024-05-14")
            #expect(m?.perpetrator == "Israel", "\(sentence)")
            #expect(m?.attribution == .alleged, "\(sentence)")
        }
    }

    @Test func blamingAnActorForTheAttackAllegesIt() {
        let m = lead([
            "A tanker was hit by a drone west of Hodeidah on Wednesday, starting a small fire, a maritime security agency said.",
            "A U.S. defense official blamed the Houthis for the attack.",
        ], reference: "2024-08-21")
        #expect(m?.perpetrator == "Houthis")
        #expect(m?.attribution == .alleged)
        #expect(m?.eventType == .droneStrike)
    }

    @Test func aForceReportingWhatItSawIsNoPerpetrator() {
        let m = lead(["A tanker was hit by a drone west of Hodeidah on Wednesday, the British military said."], reference: "2024-08-21")
        #expect(m?.perpetrator != "United Kingdom")
    }

    @Test func unknownAttackersAreUnidentified() {
        for paragraphs in [
            ["Unidentified aircraft struck a convoy near Albu Kamal on Monday, killing eight fighters."],
            ["A drone strike hit a car near Albu Kamal on Monday, killing eight fighters.", "It was not clear who carried out the strike."],
        ] {
            let m = lead(paragraphs, reference: "2024-05-14")
            #expect(m?.attribution == .unidentified, "\(paragraphs)")
        }
    }

    @Test func theOneDenyingIsTheOneSuspected() {
        let m = lead(["A drone strike hit a car near Tyre on Monday, killing two people.", "Israel denied any involvement."], reference: "2024-05-14")
        #expect(m?.perpetrator == "Israel")
        #expect(m?.attribution == .alleged)
    }

    @Test func aStatedUnknownOutweighsADenial() {
        let m = lead([
            "A drone strike hit a car near Tyre on Monday, killing two people.",
            "It was not clear who carried out the strike, and Israel denied any involvement.",
        ], reference: "2024-05-14")
        #expect(m?.attribution == .unidentified)
    }

    @Test func anOutletsOtherEpithetsTellTheActAsFact() {
        let m = lead(["The Israeli enemy's drone struck a car in Tyre on Monday, killing two people."], reference: "2024-05-14")
        #expect(m?.perpetrator == "Israel")
        #expect(m?.attribution == .alleged)
        let o = lead(["Occupation warplanes struck a house in Khan Younis at dawn on Monday, killing four people."], reference: "2024-05-14")
        #expect(o?.perpetrator == "Israel")
        #expect(o?.attribution == .confirmed)
    }
}
