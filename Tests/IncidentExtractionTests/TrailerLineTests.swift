import IncidentModel
import Testing
@testable import IncidentExtraction

/// Lines that advertise another story ("Read also: ...", "ALSO READ | ...") are page furniture.
@Suite struct TrailerLineTests {
    let cleaner = ArticleCleaner(rules: Fixture.resources.boilerplate)

    @Test func readAlsoAndAlsoReadTrailersAreDropped() {
        let text = """
        Drone hits a fuel depot

        A drone struck a fuel depot on the edge of Kherson on Tuesday, injuring two workers.
        Read also: Shelling leaves a village without power for a week
        ALSO READ | Officials meet to discuss the grain corridor
        Read more - How the air defence of the south works
        Also read Farmers count losses after the floods
        Firefighters put out the blaze within three hours.
        """
        let a = cleaner.clean(TextNormalizer.normalize(text))
        #expect(a.paragraphs.count == 2)
        #expect(a.paragraphs.allSatisfy { !$0.lowercased().contains("read") })
    }

    @Test func proseThatMentionsReadingStays() {
        let a = cleaner.clean(TextNormalizer.normalize("Title\n\nResidents read the evacuation notice aloud after the strike on the market."))
        #expect(a.paragraphs.count == 1)
    }
}
