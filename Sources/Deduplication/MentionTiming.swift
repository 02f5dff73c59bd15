import IncidentModel

/// When a mention (or an incident) can have happened, as a span of day ordinals.
///
/// A stated day or range is explicit. A month is explicit but weak: it matches only at the same
/// place. A year, a span longer than `maximumExplicitSpan`, or no date at all falls back to the
/// article's window (the days before its reference day), because news reports recent events:
/// an undated "strike on Tuesday" in an article received on the 12th happened between the 5th and
/// the 13th, never in another year.
public enum MentionTiming {
    /// Days before the article's day that an undated main mention can refer to.
    public static let mainLookbackDays = 7
    /// Days before the article's day that an undated background mention can refer to.
    public static let backgroundLookbackDays = 30
    /// Days after the article's day still allowed (time zones, files received late).
    public static let lookaheadDays = 1
    /// Explicit spans longer than this (days) are too vague to block on; the window is used instead.
    public static let maximumExplicitSpan = 45

    public enum Evidence: Sendable, Hashable {
        /// A stated day or short range.
        case precise(ClosedRange<Int>)
        /// A stated month (or similar coarse span).
        case coarse(ClosedRange<Int>)
        /// Not stated: the article's window.
        case window(ClosedRange<Int>)

        public var days: ClosedRange<Int> {
            switch self {
            case let .precise(r), let .coarse(r), let .window(r): r
            }
        }
    }

    /// The time evidence of a report; nil when it has neither a usable date nor an article day.
    public static func evidence(of report: ReportFacts) -> Evidence? {
        if let e = explicit(report.mention.date) { return e }
        guard let day = report.articleDay else { return nil }
        return .window(window(articleDay: day, role: report.mention.role))
    }

    /// The time evidence of a consolidated incident: its date, else its window.
    public static func evidence(of record: IncidentRecord) -> Evidence? {
        if let e = explicit(record.date) { return e }
        guard let w = record.window else { return nil }
        return .window(w.start.ordinal...w.end.ordinal)
    }

    static func explicit(_ date: IncidentDate?) -> Evidence? {
        guard let date, date.precision != .year, date.span <= maximumExplicitSpan else { return nil }
        let r = date.start.ordinal...date.end.ordinal
        return date.precision == .month ? .coarse(r) : .precise(r)
    }

    /// Ordinal span of the article window.
    public static func window(articleDay: CalendarDay, role: MentionRole) -> ClosedRange<Int> {
        let back = role == .main ? mainLookbackDays : backgroundLookbackDays
        return (articleDay.ordinal - back)...(articleDay.ordinal + lookaheadDays)
    }

    static func date(_ r: ClosedRange<Int>) -> IncidentDate {
        IncidentDate(start: CalendarDay(ordinal: r.lowerBound), end: CalendarDay(ordinal: r.upperBound), precision: .range)
    }
}
