import IncidentModel
import Testing
@testable import IncidentExtraction

/// Places a sentence names that are not where the incident happened (a destination, the hospital
/// the wounded were taken to, the clause that dates the news by an earlier event, a neighbourhood's
/// town), and "the regime" read by the country the report is about.
@Suite struct ReferencePlacesAndRegimeTests {
    private func mains(_ paragraphs: [String], headline: String = "Attack reported", reference: String = "2024-11-10") -> [IncidentMention] {
        Fixture.mains(Fixture.extract(headline, paragraphs, reference: reference))
    }

    @Test func aTrainsDestinationIsNotThePlaceOfTheBlast() {
        let m = mains([
            "Saturday's blast tore through passengers waiting on a platform in the provincial capital Quetta, shortly before a train was due to depart for the garrison city of Rawalpindi.",
            "At least 24 people were killed, officials said.",
        ], headline: "Blast at railway station")
        #expect(m.count == 1)
        #expect(m.first?.place?.name == "Quetta")
        #expect(m.first?.place?.admin1 == "Balochistan")
    }

    @Test func aDestinationThatIsTheOnlyPlaceStays() {
        let m = mains(["A US drone strike hit a car carrying suicide bombers heading for the airport in Kabul on Sunday, officials said."],
                      headline: "Drone strike", reference: "2021-08-30")
        #expect(m.first?.place?.name == "Kabul")
    }

    @Test func theHospitalThatReceivedTheWoundedIsNotTheIncidentsTown() {
        let m = mains([
            "Coalition air strikes hit a crowded market in the town of Mastaba on Tuesday, killing at least 30 people.",
            "A medic at a hospital in the provincial capital Hajjah said the hospital had received 25 wounded.",
        ], headline: "Market strike", reference: "2016-03-16")
        #expect(m.count == 1)
        #expect(m.first?.injured == 25)
    }

    @Test func thePlaceInAClauseThatDatesTheNewsByAnEarlierEventIsAReference() {
        let m = mains([
            "Afghan officials accused Pakistan of carrying out airstrikes in Paktika province on Tuesday night, saying 30 people were killed.",
            "The airstrikes came hours after Pakistan's special envoy, a senior diplomat, arrived in Kabul for talks.",
        ], headline: "Airstrikes in Paktika", reference: "2024-12-25")
        #expect(m.count == 1)
        #expect(m.first?.place?.name != "Kabul")
        #expect(m.first?.place?.admin1 == "Paktika")
    }

    @Test func aNeighbourhoodInATownIsTheTown() {
        let m = mains(["Three civilians were killed on Sunday when a Houthi ballistic missile hit the Al-Rawdah neighborhood in Marib city, a local official said."],
                      headline: "Missile hits Marib", reference: "2021-10-25")
        #expect(m.first?.place?.name == "Marib")
        #expect(m.first?.killed == 3)
    }

    @Test func theRegimeIsTheGovernmentOfTheCountryTheReportIsAbout() {
        let myanmar = mains(["Regime jets bombed the market in Kyauktaw on Wednesday, killing twelve people, the Arakan Army said."],
                            headline: "Jets bomb market", reference: "2024-11-28").first
        #expect(myanmar?.perpetrator == "Myanmar military")
        let syria = mains(["Regime forces shelled the town of Ariha on Thursday, killing two civilians, rescuers said."],
                          headline: "Shelling in Idlib", reference: "2019-11-22").first
        #expect(syria?.perpetrator == "Syrian government")
    }

    @Test func aSpellingOfBalochistanNamesTheSameGroup() {
        let m = mains(["A suicide bomber struck a police post in Turbat on Saturday, killing four officers. The Baluchistan Liberation Army claimed responsibility."],
                      headline: "Police post attacked").first
        #expect(m?.perpetrator == "Balochistan Liberation Army")
        #expect(m?.attribution == .claimed)
    }

    @Test func aRegimeNamedAfterAnotherActorIsThatActor() {
        let m = mains(["Israeli jets struck Houthi terrorist regime targets at the port of Hodeidah on Tuesday, the military said."],
                      headline: "Strikes on Hodeidah", reference: "2025-06-10").first
        #expect(m?.perpetrator == "Israel")
        let r = Fixture.extract("Strikes on Hodeidah", ["Israeli jets struck Houthi terrorist regime targets at the port of Hodeidah on Tuesday, the military said."], reference: "2025-06-10")
        #expect(!Fixture.mains(r).contains { $0.perpetrator == "Syrian government" })
    }

    @Test func aPersonNamedAndDescribedIsOneKilled() {
        let m = mains([
            "US forces conducted a strike in northwest Syria today, killing Abu Khalid al-Halabi, a senior leader of an al-Qaeda affiliate.",
            "The strike took place near the town of Sarmada in Idlib province.",
        ], headline: "US strike kills militant leader", reference: "2023-05-03")
        #expect(m.count == 1)
        #expect(m.first?.killed == 1)
        #expect(m.first?.place?.name == "Sarmada")
        #expect(m.first?.perpetrator == "United States")
        // A list of named people is not read as one.
        let list = mains(["The strike killed Salma Haddad, a commander; Rana Issa, a fighter; and a third woman, the group said on Saturday."],
                         headline: "Strike kills commanders", reference: "2023-05-03")
        #expect(list.first?.killed != 1)
    }

    @Test func placesJoinedBeforeAPluralNounAreTargetsOfTheirOwn() {
        let m = mains(["Israeli jets struck targets in the Hodeidah and Salif ports in Yemen on Tuesday, the Israeli military said."],
                      headline: "Strikes on Yemeni ports", reference: "2025-06-10")
        #expect(Set(m.compactMap { $0.place?.name }) == ["Hodeidah", "As Salif"])
    }

    /// The military's own release claims the whole wave, also the town only the list names.
    @Test func aWavesClaimCoversEveryListedTown() {
        let m = mains([
            "Earlier today, IAF fighter jets struck Houthi targets in the Hodeidah and Salif ports in Yemen.",
            "In addition, the IDF struck the docks at Hodeidah port that were used by the Houthis.",
        ], headline: "IDF strikes Houthi targets in Hodeidah and Salif", reference: "2025-06-10")
        #expect(m.count == 2)
        #expect(m.allSatisfy { $0.perpetrator == "Israel" && $0.attribution == .claimed })
    }

    @Test func aTownNamedAsATownInACountryTheArticleNamesOnlyByItsPeopleIsRead() {
        let m = mains([
            "Three fighters were killed in a drone strike believed to be Turkish near the town of Sinjar on Tuesday.",
            "Turkey's defence ministry did not immediately comment.",
        ], headline: "Drone strike near Sinjar", reference: "2023-08-22").first
        #expect(m?.place?.name == "Sinjar")
        #expect(m?.place?.country == "Iraq")
    }

    /// A regional administration's daily list: each "X community:" paragraph is an incident at X,
    /// and a list of names before "communities" names places (a small town opening a sentence,
    /// which once crashed the target-list reading).
    @Test func eachCommunityLabelOpensAnIncidentThere() {
        let m = mains([
            "During the day, Russian troops carried out 97 attacks on 31 settlements of Sumy region. Bilopillia, Krasnopillia, Sumy and Esman communities came under fire.",
            "Bilopillia community: the enemy dropped a KAB guided aerial bomb on the town. One person was killed, three more were injured.",
            "Krasnopillia community: a Russian FPV drone attacked a civilian car. A 57-year-old man was injured.",
        ], headline: "Shelling of Sumy region", reference: "2025-03-10")
        #expect(m.count == 2)
        let bilopillia = m.first { $0.place?.name == "Bilopillia" }
        #expect(bilopillia?.killed == 1)
        #expect(bilopillia?.injured == 3)
        let krasnopillia = m.first { $0.place?.name == "Krasnopillya" }
        #expect(krasnopillia?.eventType == .droneStrike)
        #expect(krasnopillia?.injured == 1)
    }

    @Test func aShortDistanceFromATownLocatesAPressReleasesStrikeThere() {
        let m = mains([
            "At the request of the Federal Government of Somalia, U.S. Africa Command conducted an airstrike against al-Shabaab fighters approximately 35 kilometers northeast of Jilib, Somalia, March 14, 2023.",
            "The command's initial assessment is that the airstrike killed three al-Shabaab fighters.",
        ], headline: "U.S. Africa Command conducts strike against al-Shabaab", reference: "2023-03-15").first
        #expect(m?.place?.name == "Jilib")
        #expect(m?.killed == 3)
    }

    @Test func aFarCapitalNamedWithItsTitleOnlyLocatesTheTown() {
        let m = mains([
            "Fighters from ISWAP attacked the convoy on Thursday near Damboa, a garrison town 85 kilometres (53 miles) south of the regional capital Maiduguri, killing ten soldiers.",
        ], headline: "Convoy ambushed in Borno", reference: "2022-03-11").first
        #expect(m?.place?.name == "Damboa")
    }
}
