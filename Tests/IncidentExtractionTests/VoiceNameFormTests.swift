import IncidentModel
import Testing
@testable import IncidentExtraction

/// The forms news gives an actor's own voice: "Russia's Ministry of Defence" as well as "the Russian
/// Defence Ministry", and a group's full name after "the" ("The Islamic Resistance in Iraq said"),
/// which must not stop at its shorter sibling and leave the country as the claimant.
@Suite struct VoiceNameFormTests {
    private func lead(_ paragraphs: [String], headline: String = "Attack reported") -> IncidentMention? {
        Fixture.mains(Fixture.extract(headline, paragraphs)).first
    }

    @Test func aMinistryOfDefenceInThePossessiveIsTheActorsVoice() {
        let m = lead(["Russian forces hit a Ukrainian air base near Starokostiantyniv overnight, Russia's Ministry of Defence said in its morning briefing."])
        #expect(m?.perpetrator == "Russia")
        #expect(m?.attribution == .claimed)
        let u = lead(["Ukrainian drones struck a fuel depot near Bryansk overnight, Ukraine's Ministry of Defence said on Tuesday."])
        #expect(u?.perpetrator == "Ukraine")
        #expect(u?.attribution == .claimed)
    }

    @Test func aGroupsFullNameAfterTheIsNotItsCountry() {
        let m = lead([
            "Several rockets landed inside a base housing American troops in western Iraq on Sunday, causing no casualties.",
            "The Islamic Resistance in Iraq said it was behind the attack.",
        ])
        #expect(m?.perpetrator == "Islamic Resistance in Iraq")
        #expect(m?.attribution == .claimed)
    }
}

/// A state named as the speaker ("Iran said its Revolutionary Guards struck ...") speaks for itself.
@Suite struct CountryAsSpeakerTests {
    @Test func aCountrySayingItsForcesStruckClaimsIt() {
        let m = Fixture.mains(Fixture.extract("Missiles fired at camps in Iraq", [
            "Iran said its Revolutionary Guards fired missiles at the camps of Kurdish armed groups near Koya on Sunday.",
        ])).first
        #expect(m?.perpetrator == "Iran")
        #expect(m?.attribution == .claimed)
    }

    @Test func aCountryReportingItsDefencesClaimsNoneOfTheEnemysStrike() {
        let m = Fixture.mains(Fixture.extract("Drones hit Kharkiv", [
            "Russian drones hit Kharkiv overnight, killing two people. Russia said its air defences downed 40 Ukrainian drones over its territory.",
        ])).first
        #expect(m?.perpetrator == "Russia")
        #expect(m?.attribution == .confirmed)
    }
}

/// Ukraine's security service carries out long-range drone strikes: named as the actor, it is Ukraine.
@Suite struct SecurityServiceActorTests {
    @Test func theSBUBehindAStrikeIsUkraine() {
        let m = Fixture.mains(Fixture.extract("Fuel depot on fire", [
            "A drone attack started a blaze at a fuel depot near Ryazan on Sunday, regional officials said.",
            "A source in Ukraine's security service told journalists that the SBU was behind the attack.",
        ])).first
        #expect(m?.perpetrator == "Ukraine")
        #expect(m?.attribution == .alleged)
    }

    @Test func theSBUSayingItsDronesHitClaimsIt() {
        let m = Fixture.mains(Fixture.extract("Fuel depot on fire", [
            "A drone attack started a blaze at a fuel depot near Ryazan on Sunday, regional officials said.",
            "The SBU said its drones had hit the depot.",
        ])).first
        #expect(m?.perpetrator == "Ukraine")
        #expect(m?.attribution == .claimed)
    }
}

/// "A US official, speaking on condition of anonymity, said ...": the actor's voice still speaks past
/// an aside between it and its verb.
@Suite struct VoiceAsideTests {
    @Test func anOfficialSpeakingPastAnAsideClaimsHisSidesStrike() {
        let m = Fixture.mains(Fixture.extract("Militia commander killed", [
            "A US official, speaking on condition of anonymity, said American forces had carried out the strike near Al-Qaim on Sunday that killed a militia commander.",
        ])).first
        #expect(m?.perpetrator == "United States")
        #expect(m?.attribution == .claimed)
    }

    @Test func anAsideNamingAnotherActorIsNotSkipped() {
        let m = Fixture.mains(Fixture.extract("Militia commander killed", [
            "A drone strike near Al-Qaim on Sunday killed a militia commander. A US official, asked about claims by Iraqi officials, said Israeli aircraft had carried out the strike.",
        ])).first
        #expect(m?.attribution != .claimed)
    }

    @Test func aVoiceWhoseVerbComesFirstKeepsItsClaimPastALaterAside() {
        // The comma after the name opens no aside here: "said" follows it, and the aside-like
        // stretch after the verb ("..., whom it named as ...,") must not hide that verb.
        let m = Fixture.mains(Fixture.extract("Suicide bomber hits mosque in Kunduz", [
            "A suicide bomber blew himself up inside a crowded mosque in Kunduz on Friday, killing at least 30 worshippers, officials said.",
            "The regional branch of the Islamic State group, IS-K, said in an online statement that one of its members, whom it named as a local recruit, had carried out the bombing.",
        ], reference: "2021-10-09")).first
        #expect(m?.perpetrator == "IS-K")
        #expect(m?.attribution == .claimed)
    }
}

/// Pakistani reports cite the ISPR as "the military's media wing": the military's own voice.
@Suite struct MediaWingVoiceTests {
    @Test func theMilitarysMediaWingClaimsItsForcesRaid() {
        let m = Fixture.mains(Fixture.extract("Militants killed in raid", [
            "Pakistani security forces killed eight militants during a raid in North Waziristan on Sunday, the military's media wing said.",
        ])).first
        #expect(m?.perpetrator == "Pakistan")
        #expect(m?.attribution == .claimed)
    }
}

/// A state's own broadcaster or news agency ("Iranian state TV", "Russian state news agency RIA")
/// telling its forces' strike is that state's claim; telling the enemy's strike, it is no claim of it.
@Suite struct StateMediaVoiceTests {
    @Test func stateTelevisionTellingItsForcesStrikeClaimsIt() {
        let m = Fixture.mains(Fixture.extract("Missiles fired at bases", [
            "Iranian state TV said the Revolutionary Guards launched missiles at bases of armed Kurdish groups near Sulaimaniya on Sunday.",
        ])).first
        #expect(m?.perpetrator == "Iran")
        #expect(m?.attribution == .claimed)
        let r = Fixture.mains(Fixture.extract("Command post hit", [
            "Russian state news agency RIA said Russian troops struck a Ukrainian command post near Kupiansk on Sunday.",
        ])).first
        #expect(r?.perpetrator == "Russia")
        #expect(r?.attribution == .claimed)
    }

    @Test func stateMediaTellingTheEnemysStrikeIsNoClaimOfIt() {
        let m = Fixture.mains(Fixture.extract("Oil depot ablaze", [
            "Ukrainian drones hit an oil depot in Bryansk overnight, Russian state media said.",
        ])).first
        #expect(m?.perpetrator == "Ukraine")
        #expect(m?.attribution != .claimed)
    }

    @Test func aPossessiveOfTheGroupSpeaksForIt() {
        let a = Fixture.extract("Rockets hit Sderot", [
            "A barrage of rockets fired from Gaza hit Sderot on Thursday morning, damaging a school and several cars.",
            "Hamas's armed wing said in a statement that it had fired the rockets at the town.",
        ], reference: "2014-07-24")
        let m = Fixture.mains(a).first
        #expect(m?.perpetrator == "Hamas")
        #expect(m?.attribution == .claimed)
    }
}
