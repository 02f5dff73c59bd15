import IncidentModel
import Testing
@testable import IncidentExtraction

/// Dates relative to the reference day (2023-03-15 is a Wednesday).
@Suite struct DateResolutionTests {
    let finder = Fixture.resources.dateFinder
    let ref = Fixture.day("2023-03-15")

    func dates(_ sentence: String) -> [DateMention] {
        finder.find(in: Tokenizer.tokens(sentence), reference: ref)
    }

    @Test func weekdayIsTheMostRecentSuchDay() {
        #expect(dates("Gunmen opened fire on a checkpoint on Monday.").first?.date.description == "2023-03-13")
        #expect(dates("The depot burned on Wednesday afternoon.").first?.date.description == "2023-03-15")
    }

    @Test func lastNightIsARangeOverTwoDays() {
        let d = dates("Drones hit the port last night, officials said.").first?.date
        #expect(d?.description == "2023-03-14/2023-03-15")
        #expect(d?.precision == .range)
    }

    @Test func yesterdayAndToday() {
        #expect(dates("A convoy was ambushed yesterday near the border.").first?.date.description == "2023-03-14")
        #expect(dates("Two shells landed in the market this morning.").first?.date.description == "2023-03-15")
    }

    @Test func dayMonthFormsTakeTheReferenceYear() {
        #expect(dates("The base was struck on 2 March.").first?.date.description == "2023-03-02")
        #expect(dates("The raid of March 9 left the camp empty.").first?.date.description == "2023-03-09")
    }

    @Test func aMonthDayLaterThanTheReferenceIsLastYear() {
        #expect(dates("Militants attacked the convoy on Dec. 29.").first?.date.description == "2022-12-29")
    }

    @Test func daysCountedBack() {
        #expect(dates("Relatives said the boy was wounded by a mortar round two days ago.").first?.date.description == "2023-03-13")
        #expect(dates("The checkpoint came under fire the day before yesterday, the police said.").first?.date.description == "2023-03-13")
    }

    @Test func theWeekendIsItsTwoDays() {
        #expect(dates("Shelling over the weekend damaged the water plant.").first?.date.description == "2023-03-11/2023-03-12")
    }

    @Test func aNightBetweenTwoDatedDaysIsARange() {
        #expect(dates("Drones attacked the refinery on the night of 10-11 March.").first?.date.description == "2023-03-10/2023-03-11")
    }

    @Test func ordinalDayWithMonthAndYear() {
        #expect(dates("The command said the strike was conducted on 1st November 2022 near the river.").first?.date.description == "2022-11-01")
    }

    @Test func aWeekdayBesideAFullDateTakesTheDate() {
        let found = dates("Jets bombed the airfield on Sunday, February 5, 2023, a monitor said.").filter { !$0.isSpeechDate }
        #expect(found.first?.date.description == "2023-02-05")
    }

    @Test func explicitYearWins() {
        #expect(dates("On June 3, 2019, jets bombed the airfield.").first?.date.description == "2019-06-03")
    }

    @Test func aDateAttachedToSpeechIsWhenItWasSaid() {
        let d = dates("The ministry said Tuesday that the strike destroyed a depot.")
        #expect(d.first?.isSpeechDate == true)
    }

    @Test func noDateWordsNoDate() {
        #expect(dates("A drone struck a car on the coastal road.").isEmpty)
    }

    @Test func mentionsNeverInventADayWhenStatementsAreDated() {
        let a = Fixture.extract("Strike hits depot", [
            "An airstrike destroyed a weapons depot in Aleppo, killing four guards, a monitor said on Tuesday.",
        ])
        #expect(Fixture.mains(a).first?.date == nil)
    }

    @Test func aRecalledIncidentTakesTheDateAfterTheBackgroundCue() {
        let a = Fixture.extract("Drone strike", [
            "A US drone strike destroyed a car in Kabul on Sunday, officials said.",
            "The drone strike on Sunday was the second since a suicide bombing at the Kabul airport on Aug. 26 killed 170 people.",
        ], reference: "2021-08-30")
        let older = a.mentions.first { $0.role == .background }
        #expect(older?.date == IncidentDate(day: Fixture.day("2021-08-26")))
        #expect(Fixture.mains(a).first?.date == IncidentDate(day: Fixture.day("2021-08-29")))
    }

    @Test func aRelativeDayBeforeTheBackgroundCueIsNotTheRecalledIncidentsDay() {
        let a = Fixture.extract("Drone strike", [
            "A US drone strike destroyed a car in Kabul on Sunday, officials said.",
            "Sunday's strike was the second since the suicide bombing at the Kabul airport last week, which killed 170 people.",
        ], reference: "2021-08-30")
        let older = a.mentions.first { $0.role == .background }
        #expect(older != nil)
        #expect(older?.date == nil)
    }
}
