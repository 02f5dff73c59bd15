/// A calendar day without time or zone: incidents are reported by day, and mixing in clock times
/// would invent a precision the sources do not have.
public struct CalendarDay: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD`; returns nil for anything else or an impossible day.
    public init?(iso: some StringProtocol) {
        // ASCII text (every date a page or the store writes) is read from its bytes: splitting a
        // Substring into Substrings and parsing each was a visible share of reading metadata.
        // Over contiguous bytes (native strings and substrings have them): iterating the generic
        // UTF8View through protocol witnesses cost more than the parse.
        if let ascii = iso.utf8.withContiguousStorageIfAvailable(Self.asciiISO) ?? nil {
            guard let (y, m, d) = ascii else { return nil }
            self.init(year: y, month: m, day: d)
            return
        }
        let parts = iso.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
              (1...12).contains(m), (1...CalendarDay.daysIn(month: m, year: y)).contains(d)
        else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// `init?(iso:)` over ASCII bytes: nil when a byte is not ASCII (the caller then parses
    /// Characters), else the parsed day or `.some(nil)` when the text is not a valid day. In ASCII
    /// a Character is a byte (a CR LF pair is one Character, but CR is no digit and fails either
    /// way), so lengths compare as bytes; each part is what `Int` accepts there: an optional "+"
    /// and at least one digit.
    private static func asciiISO(_ bytes: UnsafeBufferPointer<UInt8>) -> (Int, Int, Int)?? {
        var values = (0, 0, 0)
        var part = 0, length = 0, value = 0, digits = 0, valid = true
        func close() -> Bool {
            let expected = part == 0 ? 4 : 2
            guard length == expected, digits >= 1, digits == length || digits == length - 1 else { return false }
            switch part {
            case 0: values.0 = value
            case 1: values.1 = value
            default: values.2 = value
            }
            return true
        }
        for b in bytes {
            if b >= 0x80 { return .none }
            guard valid else { continue }
            if b == 0x2D {  // "-"
                if part == 2 || !close() { valid = false; continue }
                part += 1; length = 0; value = 0; digits = 0
                continue
            }
            length += 1
            if b >= 0x30 && b <= 0x39 {
                value = value &* 10 &+ Int(b - 0x30); digits += 1
            } else if !(b == 0x2B && length == 1) {  // a leading "+"
                valid = false
            }
        }
        guard valid, part == 2, close() else { return .some(nil) }
        let (y, m, d) = values
        guard (1...12).contains(m), (1...CalendarDay.daysIn(month: m, year: y)).contains(d) else { return .some(nil) }
        return .some((y, m, d))
    }

    public var iso: String {
        func pad(_ v: Int, _ w: Int) -> String {
            let s = String(v)
            return s.count >= w ? s : String(repeating: "0", count: w - s.count) + s
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    public var description: String { iso }

    public static func < (a: CalendarDay, b: CalendarDay) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    public static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 (proleptic Gregorian), for arithmetic and distance.
    public var ordinal: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    public init(ordinal z0: Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.init(year: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d)
    }

    public func adding(days: Int) -> CalendarDay { CalendarDay(ordinal: ordinal + days) }

    /// 0 = Sunday … 6 = Saturday.
    public var weekday: Int { ((ordinal % 7) + 7 + 4) % 7 }

    /// The UTC day of a POSIX timestamp (seconds).
    public init(unixTime: Double) {
        self.init(ordinal: Int((unixTime / 86_400).rounded(.down)))
    }
}
