import IncidentModel
import Testing
@testable import IncidentExtraction

/// Numeric dates in either order ("17/03/2023", "06/21/2024", "(18/09)", "on 12/05") and roads
/// named after the town they lead to.
@Suite struct NumericDateAndRoadTests {
    @Test func numbersThatCanOnlyBeDayFirstOrMonthFirstAreReadSo() {
        #expect(DateFinder.monthAndDay(17, 3, year: 2023, reference: nil)! == (3, 17))
        #expect(DateFinder.monthAndDay(6, 21, year: 2024, reference: nil)! == (6, 21))
        #expect(DateFinder.monthAndDay(13, 13, year: 2024, reference: nil) == nil)
    }

    @Test func anAmbiguousPairIsTheReadingNearestBeforeTheReference() {
        let ref = Fixture.day("2023-05-14")
        // 12/05 on 14 May is 12 May (day first), not 5 December.
        #expect(DateFinder.monthAndDay(12, 5, year: nil, reference: ref)! == (5, 12))
        // 05/12 on 14 May is 12 May too (month first).
        #expect(DateFinder.monthAndDay(5, 12, year: nil, reference: ref)! == (5, 12))
    }

    @Test func aBulletinItemsBracketedDayDatesItsIncident() {
        let a = Fixture.extract("Somalia Security Weekly: 18 - 24 September 2023", [
            "KEY INCIDENTS",
            "Middle Shabelle - Jowhar (18/09): A suicide car bomb detonated at a checkpoint at the southern entrance of Jowhar town. At least 13 people were killed.",
            "Lower Shabelle - Afgooye (23/09): An IED struck a convoy of army vehicles about 4 km north of Afgooye on the Mogadishu road. Four soldiers were injured.",
        ], reference: "2023-09-24")
        let m = Fixture.mains(a)
        #expect(m.first { $0.place?.name == "Jowhar" }?.date?.description == "2023-09-18")
        let afgooye = m.first { $0.killed == nil && $0.injured == 4 }
        #expect(afgooye?.date?.description == "2023-09-23")
        #expect(afgooye?.place?.admin1 == "Lower Shabelle")
    }

    @Test func aDatelineWithTheDayFirstDatesTheArticle() {
        let a = Fixture.extract("Air defences confront aggression", [
            "Damascus, SANA - 17/03/2023",
            "Israeli warplanes struck military positions near Masyaf at dawn on Friday, wounding four soldiers.",
        ], reference: "2023-04-30")
        #expect(Fixture.mains(a).first?.date?.description == "2023-03-17")
    }

    @Test func aTimeInFrontOfAParagraphOpensALiveBlogEntry() {
        #expect(ArticleCleaner.leadingTimeStamp("18:42 Hezbollah says it fired a salvo of rockets at Kiryat Shmona.") == 6)
        #expect(ArticleCleaner.leadingTimeStamp("9.05 The army said its jets struck a depot.") == 5)
        #expect(ArticleCleaner.leadingTimeStamp("12 people were killed in the strike on Monday.") == nil)
        #expect(ArticleCleaner.leadingTimeStamp("10:30 am local time saw the first sirens.") == nil)
        let a = Fixture.extract("Live: southern Lebanon", [
            "17:15 The Israeli army said its aircraft struck a Hezbollah cell in southern Lebanon. It did not give the location.",
            "15:58 An Israeli drone strike on a car near Nabatieh killed two people, the National News Agency reports.",
        ], reference: "2024-02-20")
        let m = Fixture.mains(a)
        #expect(m.count == 2)
        #expect(m.first { $0.place?.name == "Nabatieh" }?.killed == 2)
    }
}
