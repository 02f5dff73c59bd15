import IncidentModel
import Testing
@testable import IncidentExtraction

/// Days told relative to another day in the sentence, and days that are not the incident's
/// (the `DateResolutionTests` suite, its helpers shared; reference 2023-03-15, a Wednesday).
extension DateResolutionTests {
    /// "said on Tuesday that ... a day earlier": the day before the day the sentence names.
    @Test func aDayEarlierCountsFromTheDayNamedBeforeIt() {
        let d = dates("The governor said on Tuesday that a drone attack on the depot a day earlier had wounded six workers.")
        #expect(d.map(\.date.description) == ["2023-03-14", "2023-03-13"])
        #expect(d.last?.isSpeechDate == false)
    }

    /// Without another day in the sentence, "the previous day" counts from the reference day.
    @Test func thePreviousDayCountsFromTheReferenceDay() {
        #expect(dates("The council condemned the bombing carried out the previous day against the market.").first?.date.description == "2023-03-14")
    }

    /// "a day before the vote" dates nothing.
    @Test func theDayBeforeSomethingIsNoDate() {
        #expect(dates("Rebels shelled the town a day before the vote, residents recalled.").isEmpty)
    }

    /// "claimed responsibility on Tuesday for two blasts on Monday": the claim's day is a statement's.
    @Test func theDayOfAClaimIsAStatementsDay() {
        let d = dates("The group claimed responsibility on Tuesday for two blasts that killed 30 people on Monday.")
        #expect(d.first?.isSpeechDate == true)
        #expect(d.last?.date.description == "2023-03-13")
        #expect(d.last?.isSpeechDate == false)
    }

    /// "The death toll ... rose to 18 on Thursday" with "Three missiles struck the city on
    /// Wednesday": the incident happened on Wednesday.
    @Test func theDayATollRoseIsNotTheIncidentsDay() {
        let a = Fixture.extract("Toll rises in missile strike", [
            "The death toll from a missile strike that hit the centre of the city of Chernihiv rose to 18 on Wednesday, officials said.",
            "Three missiles struck the city on Tuesday morning, wounding 70 people, the regional governor said.",
        ])
        let m = Fixture.mains(a)
        #expect(m.count == 1)
        #expect(m.first?.date?.description == "2023-03-14")
        #expect(m.first?.killed == 18)
    }
}
