import Testing
@testable import IncidentModel

@Test func calendarDayRoundTripsThroughOrdinal() {
    let d = CalendarDay(year: 2020, month: 5, day: 16)
    #expect(CalendarDay(ordinal: d.ordinal) == d)
    #expect(d.weekday == 6)  // a Saturday
}
