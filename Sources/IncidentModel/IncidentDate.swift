/// When an incident happened, with the precision the text supports.
///
/// Analysts need to know whether "2020-05-16" was stated or merely the month was known, so the
/// precision travels with the value instead of being guessed later (ACLED's time_precision).
public struct IncidentDate: Hashable, Sendable, Codable, CustomStringConvertible {
    public enum Precision: String, Sendable, Codable {
        case day, range, month, year
    }

    public var start: CalendarDay
    public var end: CalendarDay
    public var precision: Precision

    public init(day: CalendarDay) {
        start = day
        end = day
        precision = .day
    }

    public init(start: CalendarDay, end: CalendarDay, precision: Precision = .range) {
        self.start = min(start, end)
        self.end = max(start, end)
        self.precision = start == end && precision == .range ? .day : precision
    }

    /// `YYYY-MM-DD`, or `YYYY-MM-DD/YYYY-MM-DD` for a span (the eval contract).
    public var description: String {
        start == end ? start.iso : "\(start.iso)/\(end.iso)"
    }

    /// Parses the form produced by `description`.
    public init?(string: some StringProtocol) {
        let parts = string.split(separator: "/")
        if parts.count == 1, let d = CalendarDay(iso: parts[0]) {
            self.init(day: d)
        } else if parts.count == 2, let a = CalendarDay(iso: parts[0]), let b = CalendarDay(iso: parts[1]) {
            self.init(start: a, end: b)
        } else {
            return nil
        }
    }

    /// Number of days between the two spans (0 when they overlap).
    public func gap(to other: IncidentDate) -> Int {
        if end < other.start { return other.start.ordinal - end.ordinal }
        if other.end < start { return start.ordinal - other.end.ordinal }
        return 0
    }

    /// Width in days (1 for a single day).
    public var span: Int { end.ordinal - start.ordinal + 1 }
}
