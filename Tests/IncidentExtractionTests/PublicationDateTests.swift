import IncidentModel
import Testing
@testable import IncidentExtraction

/// The publication date a page prints about itself, in the forms news sites use, and the dates that
/// are not it (prose, update stamps, related-article lists, comments).
@Suite struct PublicationDateTests {
    let meta = Fixture.resources.metadataFinder
    let body = "Jets bombed a fuel depot near Hama on Monday, killing two guards and wounding several workers who were nearby, the monitor said."

    private func published(_ header: [String], near: String? = nil) -> String? {
        meta.publicationDate(["Depot hit near Hama"] + header + [body], near: near.map(Fixture.day))?.iso
    }

    @Test(arguments: [
        ("Published: 14/11/2022", "2022-11-14"),
        ("Tue 8 Nov 2022", "2022-11-08"),
        ("2022-11-08T19:40:00Z", "2022-11-08"),
        ("November 8, 2022 7:40 PM GMT+2", "2022-11-08"),
        ("08.11.2022 19:40", "2022-11-08"),
        ("08-11-2022", "2022-11-08"),
        ("Tue 8 Nov 2022 19.40 GMT", "2022-11-08"),
        ("Tue 8 Nov 2022, 21:40 EET", "2022-11-08"),
        ("NOVEMBER 8, 2022 / 7:40 PM / Updated 5 hours ago", "2022-11-08"),
        ("Tuesday November 8, 2022 - 19:40:12 in World", "2022-11-08"),
        ("Posted on November 8th, 2022 by admin", "2022-11-08"),
        ("8-Nov-2022 07:40 a.m. EST", "2022-11-08"),
        ("[08/November/2022]", "2022-11-08"),
        ("Last updated: 8 November 2022", "2022-11-08"),
        ("Published 7:40 PM EST, Tue November 8, 2022", "2022-11-08"),
        ("8 Nov 2022 19:40:00 +0000", "2022-11-08"),
        ("November 8, 20227:40 PM GMT+2Updated 3 hours ago", "2022-11-08"),
        ("November 8, 2022 7:40 PM 2 min read", "2022-11-08"),
    ])
    func headerDateForms(_ line: String, _ iso: String) {
        #expect(published([line]) == iso)
    }

    @Test func aRelativeStampIsNoDate() {
        #expect(published(["Updated 5 hours ago"]) == nil)
        #expect(published(["Posted 2 days ago"]) == nil)
    }

    @Test func aTimeZoneOffsetIsNoDay() {
        #expect(published(["November 8, 2022 4:52 PM GMT+1"]) == "2022-11-08")
    }

    @Test func thePublicationDateBeatsAnUpdate() {
        #expect(published(["Published November 7, 2022 Updated November 8, 2022 09:05am"]) == "2022-11-07")
        #expect(published(["Last updated: 8 November 2022", "First published: 7 November 2022"]) == "2022-11-07")
        #expect(published(["Updated 8 Nov 2022 21:12 | Published 7 Nov 2022 20:00"]) == "2022-11-07")
    }

    @Test func aBylineWithADate() {
        #expect(published(["By Mariam Haddad and Tom Reed | November 8, 2022"]) == "2022-11-08")
    }

    @Test func datelinesOpeningTheStory() {
        #expect(meta.publicationDate(["Depot hit near Hama", "HAMA, Syria, Tuesday, November 8, 2022 (SANA) - " + body])?.iso == "2022-11-08")
        #expect(meta.publicationDate(["Depot hit near Hama", "November 8, 2022 (HAMA) \u{2013} " + body])?.iso == "2022-11-08")
        #expect(meta.publicationDate(["Depot hit near Hama", "HAMA, Nov. 8, 2022 (Xinhua) -- " + body])?.iso == "2022-11-08")
        // Without a year a dateline says nothing about the year.
        #expect(meta.publicationDate(["Depot hit near Hama", "HAMA, Nov 8 (Reuters) - " + body]) == nil)
    }

    @Test func aDateInProseIsNoPublicationDate() {
        #expect(published(["On 8 November 2022, jets bombed the depot."]) == nil)
    }

    @Test func theArrivalDaySettlesDayAndMonth() {
        #expect(published(["03/04/2022"], near: "2022-04-05") == "2022-04-03")
        #expect(published(["03/04/2022"], near: "2022-03-06") == "2022-03-04")
    }

    @Test func relatedArticlesAndCommentsAreOtherStories() {
        let related = Fixture.extractor.extract(text: ["Depot hit near Hama", "", body, "", "Related articles", "Three killed in Idlib raid",
                                                       "October 30, 2022"].joined(separator: "\n"), fallbackReferenceDate: Fixture.day("2022-11-09"))
        #expect(related.metadata.published == nil)
        let comments = Fixture.extractor.extract(text: ["Depot hit near Hama", "", body, "", "Leave a Reply", "Abu Karim",
                                                        "November 20, 2022 at 5:14 pm", "Thanks for the report."].joined(separator: "\n"),
                                                 fallbackReferenceDate: Fixture.day("2022-11-09"))
        #expect(comments.metadata.published == nil)
    }

    @Test func aDateLineBelowTheStoryStillCounts() {
        #expect(meta.publicationDate(["Depot hit near Hama", body, "November 8, 2022"])?.iso == "2022-11-08")
    }
}
