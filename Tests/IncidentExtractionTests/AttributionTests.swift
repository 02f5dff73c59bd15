import IncidentModel
import Testing
@testable import IncidentExtraction

/// Perpetrator and how firmly it is known.
@Suite struct AttributionTests {
    private func lead(_ paragraphs: [String], headline: String = "Strike reported") -> IncidentMention? {
        Fixture.mains(Fixture.extract(headline, paragraphs)).first
    }

    @Test func allegedActor() {
        let m = lead(["Alleged Israeli airstrikes hit a weapons depot near Homs on Monday, killing five fighters."])
        #expect(m?.perpetrator == "Israel")
        #expect(m?.attribution == .alleged)
    }

    @Test func unidentifiedAircraft() {
        let m = lead(["Unidentified aircraft bombed a militia convoy near Al-Bukamal on Monday, killing six fighters."])
        #expect(m?.perpetrator == "unknown")
        #expect(m?.attribution == .unidentified)
    }

    @Test func unidentifiedButBelievedToBeAnActor() {
        let m = lead(["Unidentified warplanes, believed to be affiliated with the US-led coalition, struck trucks in Al-Mayadeen on Monday."])
        #expect(m?.perpetrator == "US-led coalition")
        #expect(m?.attribution == .alleged)
    }

    @Test func actorsOwnVoiceIsAClaim() {
        let m = lead([
            "A US drone strike hit a vehicle in Kabul on Sunday, killing two militants.",
            "The Pentagon said the strike had removed an imminent threat.",
        ])
        #expect(m?.perpetrator == "United States")
        #expect(m?.attribution == .claimed)
    }

    @Test func narratedAsFactIsConfirmed() {
        let m = lead(["Russian troops launched a missile strike on a bus depot in Kharkiv on Monday, killing seven people."])
        #expect(m?.perpetrator == "Russia")
        #expect(m?.attribution == .confirmed)
    }

    @Test func denialMakesItAlleged() {
        let m = lead([
            "Ukrainian shelling hit a bakery in Donetsk on Monday, killing eight people, local officials said.",
            "Kyiv denied carrying out the shelling.",
        ])
        #expect(m?.perpetrator == "Ukraine")
        #expect(m?.attribution == .alleged)
    }

    @Test func supportedSideIsNeverThePerpetrator() {
        let m = lead(["Nine Iran-backed fighters were killed after unknown drones targeted their post near Al-Bukamal on Monday."])
        #expect(m?.perpetrator != "Iran")
    }

    @Test func victimsNationalityInAHeadlineParticipleIsNotThePerpetrator() {
        let m = lead(["Three Russian soldiers killed in Ukrainian drone strike near Belgorod on Tuesday, the regional governor said."])
        #expect(m?.perpetrator == "Ukraine")
    }

    @Test func theActorClaimsThroughADescriptionOfItself() {
        let m = lead([
            "Hezbollah fired about 20 rockets at the town of Metula on Wednesday evening, wounding three people.",
            "The Iran-backed group said in a statement that it had targeted an army position in the town.",
        ])
        #expect(m?.perpetrator == "Hezbollah")
        #expect(m?.attribution == .claimed)
        let v = lead([
            "Israeli jets struck a house in Nabatieh on Wednesday, killing four people.",
            "The militant group said its local commander was among the dead.",
        ])
        #expect(v?.attribution == .confirmed)
    }

    @Test func targetOfTheStrikeIsNotThePerpetrator() {
        let m = lead(["A drone attack on a Syrian military academy in Homs killed at least 40 cadets on Monday."])
        #expect(m?.perpetrator != "Syrian government")
    }

    @Test func groupClaimingResponsibilityIsThePerpetrator() {
        let m = lead([
            "A suicide bomber rammed a car packed with explosives into an army post in Bannu on Sunday, killing six soldiers.",
            "The outlawed Tehreek-e-Taliban Pakistan claimed responsibility for the bombing.",
        ], headline: "Six soldiers die in suicide blast")
        #expect(m?.perpetrator == "Tehrik-i-Taliban Pakistan")
        #expect(m?.attribution == .claimed)
    }

    @Test func unknownPerpetratorToldInASentenceOfItsOwn() {
        let m = lead([
            "Three rockets landed inside the Ain al-Asad air base in Anbar province on Wednesday evening, security officials said.",
            "It was not immediately clear who launched them.",
        ], headline: "Rockets target air base")
        #expect(m?.perpetrator == "unknown")
        #expect(m?.attribution == .unidentified)
    }

    @Test func denialOfInvolvementElsewhereMakesItAlleged() {
        let m = lead([
            "Russian warplanes bombed a market in the town of Maarat al-Numan on Monday, killing 16 civilians, rescuers said.",
            "Moscow denied involvement, saying its aircraft had not flown over the area.",
        ], headline: "Market bombed in Idlib")
        #expect(m?.perpetrator == "Russia")
        #expect(m?.attribution == .alleged)
    }

    @Test func denialOfADetailIsNotADenialOfTheIncident() {
        let m = lead([
            "Israeli forces raided the Balata camp near Nablus on Thursday, killing two gunmen, Palestinian officials said.",
            "The Israeli army denied its troops fired at an ambulance.",
        ], headline: "Two killed in Nablus raid")
        #expect(m?.perpetrator == "Israel")
        #expect(m?.attribution != .alleged)
    }

    @Test func blameThroughAScareWord() {
        let m = lead([
            "A drone strike on a town hall meeting in the southern Libyan town of Murzuq on Sunday killed 42 people, the council said.",
            "The council blamed the attack on the self-styled Libyan National Army.",
        ], headline: "Drone strike kills 42")
        #expect(m?.perpetrator == "Libyan National Army")
    }

    @Test func aCommandsOwnPressReleaseIsAClaim() {
        let m = lead([
            "U.S. Africa Command, in coordination with the Federal Government of Somalia, conducted an airstrike against al-Shabaab fighters near Jamaame on Tuesday.",
            "The command's initial assessment is that the airstrike killed four militants and that no civilians were harmed.",
        ], headline: "Airstrike against al-Shabaab")
        #expect(m?.perpetrator == "United States")
        #expect(m?.attribution == .claimed)
        let c = lead(["On March 13, CENTCOM forces conducted a strike on a Houthi missile launcher near Hodeidah that was prepared to fire."], headline: "CENTCOM strikes launcher")
        #expect(c?.perpetrator == "United States")
        #expect(c?.attribution == .claimed)
    }

    @Test func theIDFAsTheOneWhoStruckIsItsOwnAccount() {
        let m = lead(["The IDF struck a Hezbollah rocket launcher near the village of Khiam overnight, wounding two people."], headline: "Strike in south Lebanon")
        #expect(m?.perpetrator == "Israel")
        #expect(m?.attribution == .claimed)
        // Forces named by an outlet as a fact, not by the command's name, stay confirmed.
        let f = lead(["Israeli troops raided a house in Qalqilya on Monday, killing one man."], headline: "Man killed in raid")
        #expect(f?.attribution == .confirmed)
    }

    @Test func theMilitarySayingItStruckIsAClaim() {
        let m = lead([
            "Israeli aircraft hit a building in Tyre on Sunday, killing two people.",
            "Lebanese media reported heavy damage, and the military said it targeted a Hezbollah commander.",
        ], headline: "Two killed in Tyre")
        #expect(m?.perpetrator == "Israel")
        #expect(m?.attribution == .claimed)
        // Another party's army speaking for itself claims nothing for the perpetrator.
        let s = lead([
            "Israeli missiles struck an air base near Homs on Thursday night, killing three soldiers.",
            "The Syrian army said it shot down most of the missiles.",
        ], headline: "Strike near Homs")
        #expect(s?.attribution != .claimed)
    }

    @Test func anActorNamedInsideSomeoneElsesStatementIsAlleged() {
        let m = lead(["The regional governor said a Russian missile hit an apartment block in Dnipro on Friday, killing six people."], headline: "Missile hits Dnipro")
        #expect(m?.perpetrator == "Russia")
        #expect(m?.attribution == .alleged)
        // The actor's own voice saying it is a claim.
        let c = lead(["US officials said an American drone strike hit a car in Kabul on Sunday, killing one militant."], headline: "Drone strike in Kabul")
        #expect(c?.attribution == .claimed)
        // A source named after the fact it gives leaves the fact as told.
        let t = lead(["Russian missiles hit an apartment block in Dnipro on Friday, killing six people, the governor said."], headline: "Missile hits Dnipro")
        #expect(t?.attribution == .confirmed)
    }

    @Test func theCoalitionIsTheOneTheArticleNames() {
        let m = lead([
            "Airstrikes by the Saudi-led coalition hit a prison in the city of Dhamar on Sunday, killing at least 50 inmates.",
            "The coalition said in a statement that it had destroyed a drone depot at the site.",
        ], headline: "Prison hit in Yemen")
        #expect(m?.perpetrator == "Saudi-led coalition")
        #expect(m?.attribution == .claimed)
        let s = lead(["Coalition warplanes struck an oil field near Al-Mayadin on Monday, killing four fighters."], headline: "Oil field hit")
        #expect(s?.perpetrator == "US-led coalition")
    }

    @Test func whoFiredItIsReadFromTheSentenceRightAfter() {
        let m = lead([
            "A rocket hit a playground in the town of Metula on Saturday, killing three children.",
            "Police said the rocket was fired by Hezbollah, which denied any role.",
        ], headline: "Children killed")
        #expect(m?.perpetrator == "Hezbollah")
        #expect(m?.attribution == .alleged)
    }

    @Test func anAffiliationInAnAsideIsNotTheClaimant() {
        let m = lead([
            "A suicide bomber blew himself up at an army training camp in Mogadishu on Tuesday, killing 15 recruits.",
            "Al-Shabaab, the al-Qaeda-linked militant group, claimed responsibility for the attack.",
        ], headline: "Recruits killed")
        #expect(m?.perpetrator == "al-Shabaab")
        #expect(m?.attribution == .claimed)
    }

    @Test func aCommandNamedWithItsAcronymInBracketsStillActs() {
        let m = lead(["On March 14, U.S. Central Command (CENTCOM) forces conducted a raid in al-Bab, Syria, killing a senior leader of the Islamic State and his two sons."], headline: "Raid in Syria")
        #expect(m?.perpetrator == "United States")
        #expect(m?.attribution == .claimed)
    }

    @Test func aClaimByTheVictimSideIsAnAllegation() {
        let m = lead(["The regional governor claimed on Tuesday that a man was killed and two were injured when Ukrainian forces shelled the town of Shebekino."], headline: "Shelling in Belgorod region")
        #expect(m?.perpetrator == "Ukraine")
        #expect(m?.attribution == .alleged)
        // A statement that ends before the actor is named attributes nothing.
        let t = lead(["A drone hit a substation in Kharkiv on Tuesday, injuring two workers, the ministry said, after repeated Russian attacks on the grid."], headline: "Substation hit")
        #expect(t?.attribution != .alleged)
    }

    @Test func theOccupationIsTheOccupierTheArticleNames() {
        let m = lead(["Occupation aircraft bombed a house in Khan Younis on Saturday, killing three people, medics said."], headline: "Three killed in Khan Younis")
        #expect(m?.perpetrator == "Israel")
        let r = lead([
            "Occupation forces shelled the village of Bilozerka on Saturday, wounding two residents.",
            "Russian troops have held the east bank of the river since last year.",
        ], headline: "Shelling near Kherson")
        #expect(r?.perpetrator == "Russia")
    }

    @Test func theIslamicResistanceInALebanonStoryIsHezbollah() {
        let m = lead([
            "The Islamic Resistance fired a barrage of rockets at an army base in Safed on Wednesday, killing one soldier.",
            "Hezbollah said the attack answered an Israeli strike on Nabatieh.",
        ], headline: "Rockets hit Safed")
        #expect(m?.perpetrator == "Hezbollah")
    }

    @Test func aDenialKeepsTheAccusedAndTheIncident() {
        let a = Fixture.extract("Rocket hits football pitch", [
            "A rocket fired from Lebanon hit a football pitch in Majdal Shams on Saturday, killing 12 children, the Israeli military said.",
            "The military blamed Hezbollah for the attack. Hezbollah denied any involvement.",
        ])
        let m = Fixture.mains(a).first
        #expect(Fixture.mains(a).count == 1)
        #expect(m?.perpetrator == "Hezbollah")
        #expect(m?.attribution == .alleged)
    }

    @Test func aPossessiveVoiceSpeaksForItsActor() {
        let m = lead([
            "Russian missiles struck the city of Kharkiv on Sunday, injuring 28 people, regional officials said.",
            "Russia's defence ministry said it had struck command centres in the city.",
        ], headline: "Missiles hit Kharkiv")
        #expect(m?.perpetrator == "Russia")
        #expect(m?.attribution == .claimed)
    }

    @Test func aVoiceSpeakingOfSomethingElseClaimsNothing() {
        let a = Fixture.extract("Shelling near the border", [
            "The regional governor said Ukrainian forces shelled the town of Shebekino on Wednesday, killing one man.",
            "Parliament in Kyiv passed a new mobilisation law on the same day.",
            "The law lowers the age at which men can be called up.",
            "Ukraine's Air Force spokesman said a shortage of interceptors was forcing hard choices.",
        ])
        let m = Fixture.mains(a).first { $0.perpetrator == "Ukraine" }
        #expect(m?.attribution == .alleged)
    }
}
