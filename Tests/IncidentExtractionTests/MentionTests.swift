import IncidentModel
import Testing
@testable import IncidentExtraction

/// Grouping sentences into mentions: one strike over several sentences, several incidents apart,
/// background incidents, event types.
@Suite struct MentionTests {
    @Test func oneStrikeOverSeveralSentencesIsOneMention() {
        let a = Fixture.extract("Depot hit", [
            "Israeli jets struck an arms depot near Homs on Monday night.",
            "The strikes destroyed three warehouses, a monitor said.",
            "Four guards were killed and six were wounded.",
        ])
        let mains = Fixture.mains(a)
        #expect(mains.count == 1)
        #expect(mains.first?.killed == 4)
        #expect(mains.first?.injured == 6)
        #expect(mains.first?.eventType == .airstrike)
        #expect(mains.first?.evidence.contains("Four guards") == true)
    }

    @Test func differentPlacesAreDifferentIncidents() {
        let a = Fixture.extract("Two strikes", [
            "A drone strike hit a car in Qamishli on Monday, killing two men.",
            "Separately, shelling struck a market in Idlib on Monday, killing five shoppers.",
        ])
        let names = Set(Fixture.mains(a).compactMap { $0.place?.admin1 })
        #expect(names == ["Hasakah", "Idlib"])
    }

    @Test func olderIncidentIsBackground() {
        let a = Fixture.extract("Airbase hit again", [
            "Jets struck the Tiyas airbase in Homs province on Monday, killing three soldiers.",
            "Last year, a similar airstrike on Aleppo airport killed two technicians.",
        ])
        #expect(a.mentions.contains { $0.role == .background && $0.place?.name == "Aleppo" })
        #expect(Fixture.mains(a).count == 1)
    }

    @Test func enumeratedTownsAreSeparateIncidents() {
        let a = Fixture.extract("Barrage", [
            "A Russian missile barrage struck Kharkiv on Monday, as well as Odesa and Lviv.",
        ], reference: "2024-03-11")
        #expect(Fixture.mains(a).count == 3)
    }

    @Test(arguments: [
        ("A drone strike hit a car in Qamishli on Monday, killing two men.", EventType.droneStrike),
        ("Artillery shelling hit a school in Donetsk on Monday, killing three pupils.", .shelling),
        ("A car bomb exploded at a checkpoint in Mogadishu on Monday, killing eight soldiers.", .explosion),
        ("Troops raided the refugee camp in Jenin on Monday, killing four gunmen.", .raid),
        ("Rockets hit a base near Erbil on Monday, wounding two contractors.", .rocketAttack),
        ("A cruise missile struck an apartment block in Dnipro on Monday, killing 12 residents.", .missileStrike),
    ])
    func eventTypes(_ sentence: String, _ type: EventType) {
        #expect(Fixture.mains(Fixture.extract("Attack", [sentence])).first?.eventType == type)
    }

    @Test func threatsAreNotIncidents() {
        let a = Fixture.extract("Warning", ["The president warned that jets could strike the border towns if the attacks continue."])
        #expect(a.mentions.isEmpty)
    }

    @Test func aModalThatJudgesTheReportedIncidentKeepsIt() {
        let a = Fixture.extract("Port struck", ["Air strikes on the oil terminal at Hodeidah on Friday killed 40 workers, the health ministry said, in what would be the deadliest single strike on the port."])
        #expect(Fixture.mains(a).first?.killed == 40)
        let b = Fixture.extract("Border clashes", ["The defence minister said the army would hit Hezbollah hard if the rocket fire did not stop."])
        #expect(b.mentions.isEmpty)
    }

    @Test func aModalInAnotherClauseKeepsTheIncident() {
        let a = Fixture.extract("Drone hits town", ["A drone struck a market in Kupiansk on Sunday, killing three people; the regional governor said the town could be without power for days."])
        #expect(Fixture.mains(a).first?.killed == 3)
    }

    @Test func theLeadIncidentSurvivesAnAccusedNeighbourNamedMoreOften() {
        let a = Fixture.extract("Drone strike near airport", [
            "A drone strike hit a checkpoint in Sulaymaniyah on Friday evening, killing three guards, local officials said.",
            "Kurdish officials accused Turkey of carrying out the attack.",
            "Turkey has in the past struck what it says are PKK targets in northern Syria.",
        ], reference: "2024-09-14")
        #expect(Fixture.mains(a).first?.killed == 3)
        let b = Fixture.extract("Drone strike near airport", [
            "A drone struck a fuel depot in Sulaymaniyah on Saturday night, causing damage but no casualties, police said.",
            "Kurdish officials accused Turkey of carrying out the attack.",
            "Turkey has in the past struck what it says are PKK targets in northern Syria.",
        ], reference: "2024-09-16")
        #expect(Fixture.mains(b).first?.place?.name == "Sulaymaniyah")
    }

    @Test func anArticleWithoutIncidentsHasNoMentions() {
        let a = Fixture.extract("Talks resume", ["Diplomats met in Geneva on Monday to discuss a ceasefire and humanitarian corridors."])
        #expect(a.mentions.isEmpty)
    }

    @Test func fieldEvidenceKeepsTheSentence() {
        let m = Fixture.mains(Fixture.extract("Strike", ["A Turkish drone struck a car near Qamishli on Friday, killing three fighters."])).first
        #expect(m?.fieldEvidence["killed"]?.contains("three fighters") == true)
        #expect(m?.fieldEvidence["perpetrator"] != nil)
    }

    @Test func aFacilityStrikeAndOtherStrikesOnTheTownAreTwoIncidents() {
        let a = Fixture.extract("Missiles hit city", [
            "A Russian missile struck a maternity hospital in Kharkiv on Monday, officials said.",
            "Three people were killed at the hospital in the strike and 20 were wounded.",
            "In Kharkiv, eleven people were killed in separate strikes on apartment blocks, the governor said.",
        ], reference: "2024-05-20")
        let mains = Fixture.mains(a)
        #expect(mains.count == 2)
        let facility = mains.first { $0.target != nil }
        let town = mains.first { $0.target == nil }
        #expect(facility?.target == "hospital")
        #expect(facility?.killed == 3)
        #expect(town?.killed == 11)
        #expect(town?.place?.name == facility?.place?.name)
        #expect(town?.date == IncidentDate(day: Fixture.day("2024-05-20")))
        #expect(town?.perpetrator == "Russia")
    }

    @Test func aLargerTollForTheTownSplitsOffTheOtherStrikes() {
        let a = Fixture.extract("Missiles hit city", [
            "A Russian missile hit a school in Kharkiv on Monday, killing two teachers.",
            "Fourteen people were killed in Kharkiv on Monday, the mayor said.",
        ], reference: "2024-05-20")
        #expect(Fixture.mains(a).count == 2)
    }

    @Test(arguments: [
        // The toll of the facility strike, told again without the town.
        "Four people were killed in the attack, the governor said.",
        // The facility's toll revised.
        "The death toll in Kharkiv rose to seven on Tuesday, the governor said.",
        // The town's figure, but the facility has none of its own to compare.
        "Six people were killed in Kharkiv, the governor said.",
        // Where the wounded went, not what was struck.
        "Six wounded people were taken to hospital in Kharkiv.",
    ])
    func aFacilityStrikeToldWithItsOwnTollStaysOne(_ second: String) {
        let first = second.hasPrefix("Six people") ? "A Russian missile hit a school in Kharkiv on Monday."
            : "A Russian missile hit a school in Kharkiv on Monday, killing four pupils."
        let a = Fixture.extract("Missile hits school", [first, second], reference: "2024-05-20")
        #expect(Fixture.mains(a).count == 1)
    }

    @Test func aBombingToldWithTheMissileThatCausedItIsAMissileStrike() {
        let a = Fixture.extract("Clinic hit", [
            "The bombing tore through a clinic in Odesa on Monday, killing four people.",
            "The missile hit the clinic's east wing as patients waited, officials said.",
        ], reference: "2024-05-20")
        #expect(Fixture.mains(a).first?.eventType == .missileStrike)
    }

    @Test(arguments: [
        ("A Russian drone struck a clinic in Kherson on Monday, killing two nurses.", "hospital"),
        ("Shelling hit a crowded bazaar in Donetsk on Monday, killing nine shoppers.", "market"),
        ("The kindergarten in Kharkiv was hit by a missile on Monday, wounding three staff.", "school"),
        ("Jets struck a checkpoint near Kherson on Monday and five wounded soldiers were taken to hospital.", nil),
        ("Jets struck a checkpoint near Kherson on Monday, a month after the hospital in the town reopened its doors to patients.", nil),
    ] as [(String, String?)])
    func targetIsTheKindOfFacilityStruck(_ sentence: String, _ target: String?) {
        #expect(Fixture.mains(Fixture.extract("Strike", [sentence], reference: "2024-05-20")).first?.target == target)
    }

    @Test func aTownWhoseCountryNothingElseSettlesStillReportsTheIncident() {
        // "Rafah" is a town in Gaza and one in Egypt; no country is named.
        let m = Fixture.mains(Fixture.extract("Strike reported", ["Israeli airstrikes hit a house in Rafah on Monday, killing at least 45 people."]))
        #expect(m.count == 1)
        #expect(m.first?.killed == 45)
    }

    @Test func theMonthMayIsNotTheModalMay() {
        let m = Fixture.mains(Fixture.extract("Shelling kills 21", ["Russian artillery fire on Kherson on May 3 killed at least 21 people, officials said."], reference: "2023-05-03"))
        #expect(m.first?.date == IncidentDate(day: Fixture.day("2023-05-03")))
        #expect(m.first?.killed == 21)
    }

    @Test func anIncidentToldAfterAnEarlierMonthIsBackground() {
        let a = Fixture.extract("Rally bombed", [
            "A suicide bomber struck a party rally in the town of Khar on Sunday, killing at least 35 people.",
            "In January, a suicide bomber killed more than 80 policemen at a mosque in Peshawar.",
            "Last August, a roadside bomb hit a police van in Quetta, killing six officers.",
        ], reference: "2023-07-31")
        #expect(Fixture.mains(a).count == 1)
        #expect(Fixture.mains(a).first?.killed == 35)
        #expect(a.mentions.contains { $0.role == .background && $0.place?.name == "Peshawar" })
        #expect(a.mentions.contains { $0.role == .background && $0.place?.name == "Quetta" })
    }

    @Test func aRankingAgainstTheYearIsNoCumulativeTotal() {
        let m = Fixture.mains(Fixture.extract("Rally bombed", [
            "A suicide bomber struck a party rally in the town of Khar on Sunday, killing at least 35 people, in one of the deadliest attacks in the country this year.",
        ], reference: "2023-07-31")).first
        #expect(m?.killed == 35)
        let total = Fixture.mains(Fixture.extract("Toll this year", [
            "Bombings have killed 310 people in the province this year, police said.",
        ], reference: "2023-07-31")).first
        #expect(total?.killed == nil)
    }

    @Test func aPromisedAnswerToAnIncidentKeepsTheIncident() {
        let a = Fixture.extract("Rocket attack on Belgorod", [
            "Moscow vowed that the attack on the city of Belgorod would not go unpunished, as the death toll rose to 22.",
            "More than 90 people were wounded in Saturday's attack, which Russia blamed on Ukraine.",
            "Officials said Ukrainian forces had fired multiple-launch rockets at the city centre.",
        ], reference: "2023-12-31")
        let m = Fixture.mains(a).first
        #expect(Fixture.mains(a).count == 1)
        #expect(m?.killed == 22)
        #expect(m?.place?.name == "Belgorod")
        #expect(m?.eventType == .rocketAttack)
        #expect(m?.perpetrator == "Ukraine")
    }

    @Test func repeatedStrikesToldAsAHabitAreNoIncident() {
        let a = Fixture.extract("Strike in Khan Younis", [
            "An Israeli airstrike hit a house in Khan Younis on Saturday, killing five people, medics said.",
            "The area has seen repeated strikes in recent months, and near-daily attacks have killed thousands of people in Gaza since 2023.",
        ], reference: "2023-11-12")
        #expect(a.mentions.count == 1)
        #expect(a.mentions.first?.killed == 5)
    }

    @Test func theWeaponNamedBesideAGenericWordGivesTheKind() {
        let d = Fixture.mains(Fixture.extract("Hospital hit", ["Friday's strike on the hospital in El Fasher was carried out by an RSF drone, killing 30 patients."])).first
        #expect(d?.eventType == .droneStrike)
        let m = Fixture.mains(Fixture.extract("City centre hit", ["Russia struck the centre of Chernihiv with three missiles on Wednesday, killing 14 people."])).first
        #expect(m?.eventType == .missileStrike)
        let l = Fixture.mains(Fixture.extract("Apartment hit", ["A drone launched from Yemen struck an apartment building in Tel Aviv on Friday, killing one man."])).first
        #expect(l?.eventType == .droneStrike)
    }
}
