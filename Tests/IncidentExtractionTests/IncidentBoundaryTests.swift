import IncidentModel
import Testing
@testable import IncidentExtraction

/// Where one incident ends and the next begins: several incidents of one province or one week told
/// side by side stay apart with their own figures; one incident told again, broken down or revised
/// stays whole.
@Suite struct IncidentBoundaryTests {
    private func main(_ a: ExtractedArticle, at town: String) -> IncidentMention? {
        Fixture.mains(a).first { $0.place?.name == town }
    }

    // MARK: several incidents in one article

    @Test func aProvincialReportKeepsEachTownsIncidentApart() {
        let a = Fixture.extract("Three attacks in Balochistan", [
            "Three Levies personnel were killed on Tuesday when a bomb planted on a motorcycle went off near their post in Turbat, officials said.",
            "In Panjgur, security forces exchanged fire with militants hiding in an orchard on Tuesday, and two of the gunmen were killed.",
            "A drone hit a pickup truck outside Kharan on Tuesday night, killing four men. Nobody claimed the strike.",
        ], reference: "2024-10-09")
        #expect(Fixture.mains(a).count == 3)
        #expect(main(a, at: "Turbat")?.killed == 3)
        #expect(main(a, at: "Turbat")?.eventType == .explosion)
        #expect(main(a, at: "Panjgur")?.killed == 2)
        #expect(main(a, at: "Panjgur")?.eventType == .groundClash)
        #expect(main(a, at: "Kharan")?.killed == 4)
        #expect(main(a, at: "Kharan")?.eventType == .droneStrike)
    }

    @Test func oneTownShelledOnTwoDaysIsTwoIncidents() {
        let a = Fixture.extract("Kupiansk shelled again", [
            "Russian artillery shelled Kupiansk on Thursday, killing a 70-year-old man, the regional governor said.",
            "The town came under fire again on Friday, when rockets hit a bus stop and wounded four people.",
        ], reference: "2024-06-08")
        let mains = Fixture.mains(a)
        #expect(mains.count == 2)
        let thursday = mains.first { $0.date == IncidentDate(day: Fixture.day("2024-06-06")) }
        let friday = mains.first { $0.date == IncidentDate(day: Fixture.day("2024-06-07")) }
        #expect(thursday?.killed == 1)
        #expect(thursday?.injured == nil)
        #expect(friday?.injured == 4)
        #expect(friday?.killed == nil)
        // "The town" is the town told just before.
        #expect(friday?.place?.name == thursday?.place?.name)
        #expect(friday?.place?.name != nil)
    }

    @Test func hoursLaterAnotherTownKeepsItsOwnToll() {
        let a = Fixture.extract("Strikes in Idlib", [
            "An air strike on a bakery in Binnish killed six people on Wednesday, rescuers said.",
            "Hours later, helicopters dropped barrel bombs on Sarmin, killing three civilians.",
        ], reference: "2019-05-15")
        #expect(main(a, at: "Binnish")?.killed == 6)
        #expect(main(a, at: "Sarmin")?.killed == 3)
        // Told side by side without a day of its own: the same day.
        #expect(main(a, at: "Sarmin")?.date == IncidentDate(day: Fixture.day("2019-05-15")))
    }

    @Test func aTurnToAnotherTownIsAnotherIncidentWithoutAFigure() {
        let a = Fixture.extract("Idlib", [
            "Warplanes struck a market in Taftanaz on Monday, killing five people, a monitor said.",
            "Meanwhile, government artillery shelled the outskirts of Sarmin.",
        ], reference: "2019-05-20")
        #expect(Fixture.mains(a).count == 2)
        #expect(main(a, at: "Taftanaz")?.killed == 5)
        #expect(main(a, at: "Sarmin")?.eventType == .shelling)
        #expect(main(a, at: "Sarmin")?.killed == nil)
    }

    @Test func aTurnToAnotherCountryIsAnotherIncident() {
        let a = Fixture.extract("Strikes", [
            "An Israeli air strike on a house in Rafah, in the south of the Gaza Strip, killed seven people on Tuesday, medics said.",
            "Meanwhile, Israeli jets struck what the army called militant positions in southern Lebanon on Tuesday.",
        ], reference: "2024-05-08")
        #expect(Fixture.mains(a).count == 2)
        #expect(Fixture.mains(a).contains { $0.place?.country == "Lebanon" && $0.killed == nil })
    }

    @Test func theTargetAcrossTheBorderIsAnotherIncidentThoughTheArticleNamesItLess() {
        let a = Fixture.extract("Strike on south Lebanon", [
            "Israeli warplanes struck a house in Bint Jbeil on Tuesday, killing four people, the state news agency said.",
            "Hezbollah fighters later targeted the town of Metula with a barrage of rockets, the group said, calling it a response to the killings in Bint Jbeil.",
        ], reference: "2024-03-06")
        #expect(Fixture.mains(a).count == 2)
        #expect(main(a, at: "Bint Jbeil")?.killed == 4)
        #expect(main(a, at: "Metula")?.place?.country == "Israel")
        #expect(main(a, at: "Metula")?.killed == nil)
    }

    @Test func aRoundUpKeepsEveryItemWithTheIntroductionsDay() {
        let a = Fixture.extract("Security round-up", [
            "Officials reported the following attacks on Saturday:",
            "- KANDAHAR: A roadside bomb struck a police pickup in Kandahar city, killing two officers.",
            "- HERAT: Gunmen attacked a checkpoint on the edge of Herat city. Three guards were killed.",
            "- KHOST: An air strike on a compound near Khost killed five militants, the governor's office said.",
            "- BADAKHSHAN: Fighting broke out in Faizabad, where two soldiers were wounded.",
        ], reference: "2020-03-09")
        let mains = Fixture.mains(a)
        #expect(mains.count == 4)
        #expect(mains.allSatisfy { $0.date == IncidentDate(day: Fixture.day("2020-03-07")) })
        #expect(main(a, at: "Herat")?.killed == 3)
        #expect(main(a, at: "Khost")?.killed == 5)
    }

    @Test func liveBlogEntriesAreIncidentsAndAnUpdateFindsItsOwn() {
        let a = Fixture.extract("Live: attacks across Ukraine", [
            "07:40 Russian drones hit an energy facility in Kherson overnight, wounding two workers, the governor said.",
            "10:15 Beryslav was shelled with artillery in the morning. A woman was killed, local officials said.",
            "12:30 The number of people wounded in the Kherson drone attack has risen to six, the governor said.",
        ], reference: "2024-11-03")
        #expect(Fixture.mains(a).count == 2)
        #expect(main(a, at: "Kherson")?.injured == 6)
        #expect(main(a, at: "Beryslav")?.killed == 1)
        #expect(main(a, at: "Beryslav")?.injured == nil)
    }

    @Test func aTollNamingAnotherTownDoesNotJoinTheIncidentBefore() {
        let a = Fixture.extract("Borno operations", [
            "Troops ambushed Boko Haram fighters near Bama on Friday, killing seven, the army said.",
            "At Dikwa, soldiers killed four militants planting explosives on Saturday.",
        ], reference: "2023-04-17")
        #expect(main(a, at: "Bama")?.killed == 7)
        #expect(main(a, at: "Bama")?.date == IncidentDate(day: Fixture.day("2023-04-14")))
        // Its own paragraph with a town, a day and a figure: an incident of its own.
        #expect(main(a, at: "Dikwa")?.killed == 4)
    }

    @Test func aSentenceOpeningWithAtLocatesItsTown() {
        // "At" is also the Arabic article of names such as "At Tall"; opening a sentence it is the preposition.
        let a = Fixture.extract("Borno", ["At Dikwa, troops clashed with militants on Saturday, killing four of them."], reference: "2023-04-17")
        #expect(main(a, at: "Dikwa")?.killed == 4)
        let s = SentenceAnalyzer(resources: Fixture.resources).analyse([("At Dikwa, troops clashed with militants on Saturday.", 0)], reference: Fixture.day("2023-04-17"))
        #expect(s.first?.places.first?.locative == true)
    }

    @Test func townsEachHitByTheirOwnRaidsAreListedTargets() {
        let a = Fixture.extract("Raids on two provinces", [
            "Coalition jets carried out four raids on Harib in Marib province and three raids on Razih in Saada province on Friday, the rebels' television said.",
        ], reference: "2018-02-12")
        #expect(Fixture.mains(a).count == 2)
        #expect(Set(Fixture.mains(a).compactMap { $0.place?.admin1 }).count == 2)
    }

    // MARK: one incident told several times

    @Test func aForeignNamesakeInADescriptionDoesNotPartTheIncident() {
        let a = Fixture.extract("Strike on Tripoli suburb", [
            "An air strike on a warehouse in Tajoura killed six people on Monday, the health ministry said.",
            "Warplanes bombed the building shortly before midnight on Sunday, next to a depot used by the Medina Battalion.",
            "The Government of National Accord blamed forces loyal to Khalifa Haftar.",
        ], reference: "2019-07-16")
        #expect(Fixture.mains(a).count == 1)
        #expect(Fixture.mains(a).first?.killed == 6)
    }

    @Test func aRankingOverTheYearIsNoTotal() {
        let a = Fixture.extract("Rally bombing", [
            "A suicide bomber struck an election rally in Bannu on Sunday, killing at least 19 people, in one of the deadliest attacks in the province this year.",
        ], reference: "2024-02-05")
        #expect(Fixture.mains(a).first?.killed == 19)
    }

    @Test func aBreakdownAndARevisionStayWithTheIncident() {
        let a = Fixture.extract("Market bombing", [
            "A suicide bomber blew himself up in a crowded market in Baidoa on Thursday, killing at least 11 people, police said.",
            "Four children were among the dead, a doctor said.",
            "Al-Shabaab said it carried out the bombing.",
            "On Saturday, the death toll rose to 16 after more of the wounded died.",
        ], reference: "2023-05-20")
        let mains = Fixture.mains(a)
        #expect(mains.count == 1)
        #expect(mains.first?.killed == 16)
        #expect(mains.first?.place?.name == "Baidoa")
    }

    @Test func aLiveBlogRepeatingTheTollKeepsOneIncident() {
        let a = Fixture.extract("Strike on Kramatorsk: live", [
            "18:05 A Russian missile hit an apartment block in Kramatorsk on Sunday evening, the governor said. Three people were killed and 20 wounded.",
            "19:40 Officials again said three people had died in the strike, with rescuers still at the site.",
            "21:10 The death toll in the Kramatorsk strike has risen to five, the police said.",
        ], reference: "2024-02-11")
        let mains = Fixture.mains(a)
        #expect(mains.count == 1)
        #expect(mains.first?.killed == 5)
        #expect(mains.first?.injured == 20)
    }

    @Test func theStrikeTellsTheSameIncidentAtANearbyPlace() {
        let a = Fixture.extract("Drone strike", [
            "A drone struck a car on the road into Qamishli on Monday, killing two men.",
            "The strike also set fire to a fuel truck on the outskirts of Qamishli, residents said.",
        ], reference: "2023-08-15")
        #expect(Fixture.mains(a).count == 1)
    }

    @Test func aTownADistanceIsMeasuredFromIsNotWhereItHappened() {
        let a = Fixture.extract("Missile strike", [
            "A Russian missile struck a hotel in Kramatorsk on Saturday, killing two people.",
            "Two missiles hit the centre of the city, which lies about 20 km south of Sloviansk, officials said.",
        ], reference: "2023-08-13")
        #expect(Fixture.mains(a).count == 1)
        #expect(Fixture.mains(a).first?.place?.name == "Kramatorsk")
    }

    @Test func anOlderIncidentOpeningWithItsMonthLendsNoToll() {
        let a = Fixture.extract("Rockets hit base", [
            "Rockets struck a base near Tal Afar on Wednesday, wounding three soldiers, a security source said.",
            "In January, a car bomb killed 14 people at a checkpoint in Sinjar.",
        ], reference: "2021-06-09")
        #expect(Fixture.mains(a).count == 1)
        #expect(Fixture.mains(a).first?.killed == nil)
        #expect(Fixture.mains(a).first?.injured == 3)
    }

    @Test func repellingAnAttackIsAClash() {
        let a = Fixture.extract("Attack repelled", [
            "The army said it repelled an attack by militants on the town of Dikwa on Friday, killing nine of the attackers.",
        ], reference: "2023-04-17")
        #expect(Fixture.mains(a).first?.eventType == .groundClash)
        #expect(Fixture.mains(a).first?.killed == 9)
    }
}
