import IncidentModel
import Testing
@testable import IncidentExtraction

/// Pages that print their own calendar first and the Gregorian date in brackets ("28 Dey 1403
/// (January 17, 2025)"), and numeric dates that read two ways ("06/12/2018").
@Suite struct LocalCalendarDateTests {
    let meta = Fixture.resources.metadataFinder
    let body = "A bomb went off outside a police post in Zahedan on Thursday evening, killing two officers and wounding a passer-by, local officials said."

    @Test func theBracketedGregorianDateOfADatelineIsThePublicationDate() {
        let lines = ["Blast in Zahedan", "ZAHEDAN, 28 Dey 1403 (January 17, 2025) - " + body]
        #expect(meta.publicationDate(lines, near: Fixture.day("2025-03-01"))?.iso == "2025-01-17")
    }

    @Test func aHeaderLineWithBothCalendarsGivesTheGregorianOne() {
        let lines = ["Blast in Zahedan", "Friday, 28 Dey 1403 (January 17, 2025)", body]
        #expect(meta.publicationDate(lines, near: Fixture.day("2025-03-01"))?.iso == "2025-01-17")
    }

    @Test func theArticlesDaysResolveFromTheBracketedDate() {
        let a = Fixture.extract("Blast in Zahedan", ["TEHRAN, 28 Dey 1403 (January 17, 2025) - " + body], reference: "2025-03-01")
        #expect(Fixture.mains(a).first?.date == IncidentDate(day: Fixture.day("2025-01-16")))
    }

    @Test(arguments: [
        // Both readings valid: the one on or just before the day the article arrived.
        ("Published on 12/06/2018", "2018-06-13", "2018-06-12"),
        ("06/12/2018", "2018-06-13", "2018-06-12"),
        ("Published on 12/06/2018", "2018-12-07", "2018-12-06"),
        // Only one reading is a date: kept whatever the arrival day.
        ("Published on 25/06/2018", "2018-12-07", "2018-06-25"),
    ])
    func anAmbiguousNumericDateTakesTheReadingClosestBeforeArrival(header: String, arrived: String, expected: String) {
        #expect(meta.publicationDate(["Strikes on a market", header, body], near: Fixture.day(arrived))?.iso == expected)
    }
}
