import IncidentModel
import Testing
@testable import IncidentExtraction

/// Boilerplate removal, sentence splitting and publication dates.
@Suite struct ArticleTextTests {
    let cleaner = ArticleCleaner(rules: Fixture.resources.boilerplate)
    let meta = Fixture.resources.metadataFinder

    @Test func captionsPromptsAndLinkListsAreDropped() {
        let text = """
        Headline about a strike

        A fighter jet lands at a desert base (photo credit: SOME AGENCY/PHOTOGRAPHER)
        A fighter jet lands at a desert base
        Jets bombed a depot near Homs on Monday, killing four guards.
        Subscribe to our Newsletter
        Related Articles
          1. Another story about the region
          2. Yet another story
        Leave a Reply
        Great article, thanks!
        """
        let a = cleaner.clean(TextNormalizer.normalize(text))
        #expect(a.title == "Headline about a strike")
        #expect(a.paragraphs == ["Jets bombed a depot near Homs on Monday, killing four guards."])
    }

    @Test func aCommentCountAboveTheStoryDoesNotEndIt() {
        let text = """
        Blast at a mosque

        Home / World / Asia

        Posted by NewsDesk | 3 Comments

        A suicide bomber struck a mosque in Kunduz during Friday prayers, killing at least 40 worshippers.

        Leave a Reply

        What a terrible day.
        """
        let a = cleaner.clean(TextNormalizer.normalize(text))
        #expect(a.paragraphs.contains { $0.hasPrefix("A suicide bomber") })
        #expect(!a.paragraphs.contains { $0.contains("terrible day") })
    }

    @Test func theOutletIsTheDatelinesAgencyNotASourceOrACommonWord() {
        #expect(meta.outlet(title: "Blast", lines: ["Blast", "KABUL, Afghanistan, May 3 (Reuters) - A bomb exploded outside a mosque in the city on Friday, killing at least six people and wounding dozens of worshippers, police said."]) == "Reuters")
        #expect(meta.outlet(title: "Blast", lines: ["Blast", "A witness told Reuters the blast shattered windows.", "The blast was heard across the city."]) == nil)
        #expect(meta.outlet(title: "Blast", lines: ["Blast", "Units of the national army moved into the town.", "The blast was heard across the city."]) == nil)
        #expect(meta.outlet(title: "Blast", lines: ["Blast", "The blast was heard across the city.", "(Reporting by Reuters staff; Editing by a desk editor)"]) == "Reuters")
    }

    @Test func otherScriptBlocksAreDropped() {
        let a = cleaner.clean("Title\n\nالنص بالعربية هنا كاملا\nA shell hit the school on Monday, wounding six pupils.")
        #expect(a.paragraphs.count == 1)
    }

    @Test func datelineIsNotAPlaceOfTheIncident() {
        let a = cleaner.clean("Title\n\nBAGHDAD (AP) - A drone strike in Syria killed two militiamen on Friday.")
        #expect(a.paragraphs.first?.hasPrefix("A drone strike") == true)
    }

    @Test func unicodeIsNormalised() {
        let s = TextNormalizer.normalize("Al\u{2011}Bukamal\u{00A0}\u{2019}s \u{201C}strike\u{201D} \u{2014} x")
        #expect(s == "Al-Bukamal 's \"strike\" - x")
    }

    @Test func sentencesSplitButNotAtAbbreviations() {
        let sp = Fixture.resources.splitter
        #expect(sp.split("The U.S. military struck at 1 a.m. on Dec. 29. Five died.").count == 2)
        #expect(sp.split("It was Tuesday night.According to the monitor, four died.").count == 2)
    }

    @Test(arguments: [
        ("date 2020-05-06 The Daily Paper - News", "2020-05-06"),
        ("MAY 6, 2020 21:48", "2020-05-06"),
        ("October 21, 2020", "2020-10-21"),
        ("Friday, 06/21/2024", "2024-06-21"),
        ("26 Jan 2023", "2023-01-26"),
        ("March 9, 2022 6:15 AM GMT+2", "2022-03-09"),
        ("March 9, 2022 6:15 AM UTC-5", "2022-03-09"),
    ])
    func publicationDateForms(_ line: String, _ iso: String) {
        #expect(meta.publicationDate(["Some headline", line, "Body text follows here."])?.iso == iso)
    }

    @Test func aDateInProseIsNotThePublicationDate() {
        #expect(meta.publicationDate(["Headline", "On June 3, 2019, jets bombed the airfield and the base burned."]) == nil)
    }

    @Test func publishedDateDrivesRelativeDates() {
        let a = Fixture.extractor.extract(text: "Strike\n\nOctober 21, 2020\n\nJets bombed a depot in Homs on Monday, killing two guards.",
                                          fallbackReferenceDate: Fixture.day("2021-01-01"))
        #expect(a.metadata.published?.iso == "2020-10-21")
        #expect(a.mentions.first?.date?.description == "2020-10-19")
    }

    @Test func outletFromCredits() {
        let a = Fixture.extract("Strike", ["Jets bombed a depot in Homs on Monday, killing two guards, Reuters reported."])
        #expect(a.metadata.outlet == "Reuters")
    }
}
