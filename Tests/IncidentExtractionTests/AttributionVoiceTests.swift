import IncidentModel
import Testing
@testable import IncidentExtraction

/// Whose voice names the perpetrator: the outlet's own, a source's, the actor's, or the victim side's.
@Suite struct AttributionVoiceTests {
    private func lead(_ paragraphs: [String], headline: String = "Attack reported") -> IncidentMention? {
        Fixture.mains(Fixture.extract(headline, paragraphs)).first
    }

    /// "The attack was claimed on Monday by X": a claim in the passive names its claimant after "by".
    @Test func aClaimInThePassiveIsTheActorsOwn() {
        let m = lead([
            "Gunmen on motorbikes attacked a gendarmerie post in the town of Boni on Sunday, killing nine gendarmes, the army said.",
            "The attack was claimed on Monday by the Group for the Support of Islam and Muslims in a message on its channels.",
        ])
        #expect(m?.perpetrator == "JNIM")
        #expect(m?.attribution == .claimed)
    }

    /// "The army of Niger said ...": "the army" is the voice of no side in particular (it was Israel's).
    @Test func theArmyOfAnotherCountryIsNotIsraelsVoice() {
        let m = lead(["The army of Niger said on Tuesday evening that it had repelled a large attack carried out by dozens of gunmen against the town of Tera on Monday, killing 12 attackers."])
        #expect(m != nil)
        #expect(m?.perpetrator != "Israel")
    }

    @Test func aSourceNamedAfterTheFactVouchesForTheTollNotTheActor() {
        let m = lead(["Russian forces shelled a market in Kupiansk overnight, wounding five people, according to the regional governor."])
        #expect(m?.perpetrator == "Russia")
        #expect(m?.attribution == .confirmed)
        let q = lead(["Occupation warplanes bombed a house in the Shaboura area of Rafah at dawn, killing seven people, medical sources told the agency."])
        #expect(q?.attribution == .confirmed)
    }

    @Test func anActorInsideWhatASourceSaysIsAlleged() {
        let m = lead(["According to the defence ministry, Ukrainian forces struck an oil depot in Bryansk on Tuesday, injuring two workers."])
        #expect(m?.perpetrator == "Ukraine")
        #expect(m?.attribution == .alleged)
    }

    /// The issue's own example of an allegation: "the Israeli enemy" is the other side's account.
    @Test func anActorNamedAsTheEnemyIsAlleged() {
        let m = lead(["An Israeli enemy drone struck a car in the town of Kfar Kila this evening, killing two people."])
        #expect(m?.perpetrator == "Israel")
        #expect(m?.attribution == .alleged)
        // Bare "the enemy" in a Ukrainian official's account names no actor as such: told as fact.
        let u = lead(["The enemy shelled the centre of Nikopol on Sunday morning, wounding three people, the regional governor said."])
        #expect(u?.perpetrator == "Russia")
        #expect(u?.attribution == .confirmed)
    }

    @Test func militarySourcesHedgeWhoDidIt() {
        let m = lead(["JNIM fighters stormed an army post near Djibo on Monday, killing six soldiers, two military sources said."])
        #expect(m?.perpetrator == "JNIM")
        #expect(m?.attribution == .alleged)
    }

    @Test func theAccusedKeepingSilentLeavesAnAllegation() {
        let m = lead([
            "A Ukrainian drone hit a minibus in the village of Glotovo on Monday, killing its driver, the regional governor said on Telegram.",
            "Kyiv rarely comments on such reports.",
        ])
        #expect(m?.perpetrator == "Ukraine")
        #expect(m?.attribution == .alleged)
        let r = lead([
            "Shelling by the Rapid Support Forces hit the central market of Nyala on Sunday, killing nine traders.",
            "The RSF, which controls most of South Darfur, did not respond to a request for comment.",
        ])
        #expect(r?.perpetrator == "Rapid Support Forces")
        #expect(r?.attribution == .alleged)
    }

    @Test func denyingHarmToCiviliansIsNoDenialOfTheStrike() {
        let m = lead([
            "Haftar's warplanes bombed a warehouse in Tajoura on Tuesday night, killing 12 people.",
            "Haftar's command denied targeting civilians, saying its aircraft had hit an arms depot.",
        ])
        #expect(m?.perpetrator == "Libyan National Army")
        #expect(m?.attribution != .alleged)
    }

    @Test func aDenialBelongsToTheIncidentItFollows() {
        let a = Fixture.extract("Hospital hit, camp shelled", [
            "A drone struck the main hospital in Nyala on Friday, killing 20 patients, a doctor said.",
            "The RSF denied any role in the attack.",
            "On Saturday, RSF artillery shelled the Otash camp outside Nyala, killing four people, camp officials said.",
        ])
        let shelling = Fixture.mains(a).first { $0.eventType == .shelling }
        #expect(shelling?.perpetrator == "Rapid Support Forces")
        #expect(shelling?.attribution == .confirmed)
    }

    @Test func theVictimSidesStatementsClaimNothingForTheAttacker() {
        let r = lead([
            "Russia said on Sunday that a Ukrainian rocket attack on the city of Kursk a day earlier had killed nine people.",
            "The attack came a day after Russia launched a huge missile barrage on Kyiv, Ukraine said.",
        ])
        #expect(r?.perpetrator == "Ukraine")
        #expect(r?.attribution == .alleged)
        // Its own losses, told by the attacker's army in another context, are no claim.
        let p = lead([
            "Pakistani forces shelled the village of Dangam in Kunar on Friday night, killing four civilians, local officials said.",
            "The strikes came a day after the Pakistani military said nine soldiers were killed in an ambush in North Waziristan.",
        ])
        #expect(p?.perpetrator == "Pakistan")
        #expect(p?.attribution != .claimed)
        // A defence told right after is no claim of the strike.
        let d = lead([
            "A Russian drone hit a bakery in Kherson on Monday, wounding three people, the governor said.",
            "Russia's Defence Ministry said its air defences had destroyed 30 Ukrainian drones overnight.",
        ])
        #expect(d?.attribution == .confirmed)
    }

    @Test func aSpeakerWhoseOwnForcesActIsThePerpetrator() {
        let m = lead(["The IDF says troops operating in the Balata camp near Nablus overnight killed two gunmen during a raid."])
        #expect(m?.perpetrator == "Israel")
        #expect(m?.attribution == .claimed)
        let u = lead(["Ukraine's military said it had hit a Russian air base in Saky in Crimea on Wednesday, destroying two aircraft."])
        #expect(u?.perpetrator == "Ukraine")
        #expect(u?.attribution == .claimed)
        // "Moscow-backed authorities say shelling hit ...": neither the backer nor the shelling speaks.
        let s = lead(["Moscow-backed authorities say shelling hit a bus station in Horlivka on Sunday, killing three people."])
        #expect(s?.perpetrator != "Russia")
    }

    @Test func anOutletThatSpeaksForTheActorTellsItsOwnAccount() {
        let body = "Turkish intelligence forces struck a vehicle carrying PKK members near Makhmur in northern Iraq on Monday, killing two of them, local officials said."
        let own = Fixture.mains(Fixture.extract("Turkish strike in northern Iraq", ["Anadolu Agency", body])).first
        #expect(own?.perpetrator == "Turkey")
        #expect(own?.attribution == .claimed)
        let other = Fixture.mains(Fixture.extract("Turkish strike in northern Iraq", ["Daily Report", body])).first
        #expect(other?.attribution == .confirmed)
    }

    @Test func unnamedSourcesLeaveAnAllegationExceptInAnEnemysOutlet() {
        let w = lead(["Israeli jets struck a building in Tyre on Sunday, killing three people, two sources told Reuters."])
        #expect(w?.perpetrator == "Israel")
        #expect(w?.attribution == .alleged)
        let p = lead(["Occupation jets struck a building in Tyre on Sunday, killing three people, local sources said."])
        #expect(p?.perpetrator == "Israel")
        #expect(p?.attribution == .confirmed)
    }

    @Test func anArmyTellingTheEnemysDeadStillClaims() {
        let m = lead([
            "Israeli jets struck a compound in Khan Younis on Monday.",
            "The Israeli military said 20 militants were killed in the strike.",
        ])
        #expect(m?.perpetrator == "Israel")
        #expect(m?.attribution == .claimed)
    }
}
