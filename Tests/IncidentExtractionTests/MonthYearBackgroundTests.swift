import IncidentModel
import Testing
@testable import IncidentExtraction

/// A month with a year before the report's month ("in March 2016", "in late January 2024") dates an
/// older incident told for context: its sentence is background, and its toll stays off the news.
@Suite struct MonthYearBackgroundTests {
    @Test func aMonthAndYearInsideTheSentenceMarksAnOlderIncident() {
        let a = Fixture.extract("Drone strike kills three in Marib", [
            "A drone strike killed three fighters at a checkpoint near Marib on Tuesday, local officials said.",
            "The same checkpoint was hit by a car bomb in March 2016 that killed 11 soldiers.",
        ], reference: "2024-05-15")
        let mains = Fixture.mains(a)
        #expect(mains.count == 1)
        #expect(mains.first?.killed == 3)
        #expect(!mains.contains { $0.killed == 11 })
    }

    @Test func aModifiedMonthOfTheSameYearBeforeTheReportIsOlderToo() {
        let a = Fixture.extract("Shelling hits Kherson market", [
            "Russian shelling hit a market in Kherson on Monday, killing two people and wounding five.",
            "A strike on the same market in late January 2024 left eight people dead.",
        ], reference: "2024-04-10")
        let mains = Fixture.mains(a)
        #expect(mains.count == 1)
        #expect(mains.first?.killed == 2)
        #expect(mains.first?.injured == 5)
    }

    @Test func theReportsOwnMonthIsNoBackground() {
        let tokens = Tokenizer.tokens("Officials said in April 2024 the strike hit a depot.")
        let months = Fixture.resources.dateFinder.months
        #expect(SentenceAnalyzer.earlierYear(tokens, reference: Fixture.day("2024-04-10"), months: months) == nil)
        #expect(SentenceAnalyzer.earlierYear(Tokenizer.tokens("A raid in March 2016 killed four."), reference: Fixture.day("2024-04-10"), months: months) == 2)
        #expect(SentenceAnalyzer.earlierYear(Tokenizer.tokens("The bombing in mid-February 2024 killed four."), reference: Fixture.day("2024-04-10"), months: months) == 2)
        // The start of a period a "since" measures tells no older incident.
        #expect(SentenceAnalyzer.earlierYear(Tokenizer.tokens("The toll is the highest since the invasion began in February 2022."), reference: Fixture.day("2024-04-10"), months: months) == nil)
        // A number that is no year stays a number.
        #expect(SentenceAnalyzer.earlierYear(Tokenizer.tokens("Shells fell in March on 1,200 homes."), reference: Fixture.day("2024-04-10"), months: months) == nil)
    }
}
