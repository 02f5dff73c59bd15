import IncidentModel

/// Reads the dates a page prints about itself: header lines such as "Published: 14/03/2019",
/// "Thu 14 Mar 2019 21.12 GMT", "2019-03-14T21:12:00Z", "March 14, 2019 9:12 PM GMT+1",
/// "14.03.2019 11:35", "SEPTEMBER 2, 2019 / 8:14 AM / Updated 3 hours ago", "By Jane Roe | March
/// 14, 2019", "Published July 30, 2023 Updated July 31, 2023", and datelines ("DEIR AL-BALAH,
/// Saturday, July 27, 2024 (WAFA) - ...").
///
/// Why a scanner of its own rather than the sentence tokenizer: page furniture writes dates in
/// forms prose never uses (dotted and dashed numbers, glued time zones, a "T" between day and
/// time), and a header line must be told apart from a sentence that merely contains a date. A line
/// counts when one of its parts (split at " | ", " / ", " - ") holds a full date (with a year) and at
/// most one word that is not date furniture (weekday, time, time zone, "on", "at", a byline name
/// after "By", "3 hours ago"). Relative stamps ("Updated 3 hours ago") give no date.
struct PageDateReader: Sendable {
    /// Which kind of date the page says it is.
    enum Label: Int, Comparable, Sendable {
        case published = 0, plain, updated
        static func < (a: Label, b: Label) -> Bool { a.rawValue < b.rawValue }
    }

    struct Found: Sendable {
        var day: CalendarDay
        var label: Label
    }

    /// Month names and abbreviations (`calendar.tsv`), lowercased.
    let months: [String: Int]
    /// Full weekday names (`calendar.tsv`); any prefix of three letters or more ("Thu", "Tues") counts.
    let weekdays: [String: Int]
    /// `calendar.tsv` `published` words: the date after one is the publication date ("Published", "Posted").
    let publishedWords: Set<String>
    /// `calendar.tsv` `updated` words: the date after one is a later revision ("Updated", "Modified").
    let updatedWords: Set<String>
    /// `calendar.tsv` `filler` words allowed beside a date ("on", "at", "hours", "ago", "local", "time").
    let fillerWords: Set<String>

    // MARK: - Lines

    /// The dates a header line holds, in order, each with the label that precedes it; empty when
    /// the line is not a date line (prose that mentions a date, a headline).
    func dates(inLine line: String, near: CalendarDay?) -> [Found] {
        guard line.utf8.count <= 160, Self.mayHoldAYear(line.utf8) else { return [] }
        let pieces = Self.pieces(line)
        var words = 0
        for p in pieces where p.kind != .mark { words += 1 }
        guard words <= 24 else { return [] }
        var out: [Found] = []
        for segment in Self.segments(pieces) {
            out += dates(inSegment: segment, near: near)
        }
        return out
    }

    /// A dateline opening the first paragraph: capitalised place words, a weekday, a full date and a
    /// source in brackets before the dash ("January 25, 2025 (EL FASHER) - ...", "DEIR AL-BALAH,
    /// Saturday, July 27, 2024 (WAFA) - ...").
    func datelineDate(_ line: String, near: CalendarDay?) -> CalendarDay? {
        guard Self.mayHoldAYear(line.utf8.prefix(100)) else { return nil }
        let pieces = Self.pieces(String(line.prefix(100)))
        // The dateline ends at the first dash (or run of dashes, "--") between spaces.
        guard let dash = pieces.indices.first(where: { k in
            guard pieces[k].kind == .mark, Self.dashes.contains(pieces[k].text), pieces[k].spaceBefore else { return false }
            return pieces[k].spaceAfter || (k + 1 < pieces.count && Self.dashes.contains(pieces[k + 1].text) && pieces[k + 1].spaceAfter)
        }), dash > 0 else { return nil }
        let head = Array(pieces[..<dash])
        var i = 0, depth = 0, found: CalendarDay?, placeWords = 0
        while i < head.count {
            let p = head[i]
            if p.kind == .mark {
                if p.text == "(" { depth += 1 } else if p.text == ")" { depth -= 1 }
                i += 1
                continue
            }
            if depth > 0 { i += 1; continue }
            // "TEHRAN, 28 Dey 1403 (January 17, 2025) - ...": the Gregorian date in the brackets
            // after a local calendar's date is the dateline's.
            if found == nil, let open = localCalendarDate(head, at: i), open + 1 < head.count, let (day, end) = date(head, at: open + 1, near: near) {
                found = day
                i = end
                if i < head.count, head[i].text == ")" { i += 1 }
                continue
            }
            if found == nil, let (day, end) = date(head, at: i, near: near) { found = day; i = end; continue }
            if isWeekday(p) { i += 1; continue }
            // Place words come before the date and are capitalised; nothing but a source in
            // brackets follows it.
            guard found == nil, p.kind == .word, p.isCapitalized else { return nil }
            placeWords += 1
            if placeWords > 5 { return nil }
            i += 1
        }
        return found
    }

    /// Whether the bytes hold a run of four to six digits starting "19" or "20": every date read
    /// here has a year, and most lines (prose with a figure, a time, a count) have none, so they
    /// are answered without being cut into pieces.
    static func mayHoldAYear(_ bytes: some Sequence<UInt8>) -> Bool {
        var run = 0, first: UInt8 = 0, second: UInt8 = 0
        for b in bytes {
            if b >= 0x30 && b <= 0x39 {
                if run == 0 { first = b } else if run == 1 { second = b }
                run += 1
                continue
            }
            if run >= 4 && run <= 6 && ((first == 0x31 && second == 0x39) || (first == 0x32 && second == 0x30)) { return true }
            run = 0
        }
        return run >= 4 && run <= 6 && ((first == 0x31 && second == 0x39) || (first == 0x32 && second == 0x30))
    }

    private func dates(inSegment s: ArraySlice<Piece>, near: CalendarDay?) -> [Found] {
        let s = Array(s)
        var found: [Found] = []
        var label = Label.plain
        var other = 0
        var i = 0
        var afterDateOrAt = false
        while i < s.count {
            let p = s[i]
            // "28 Dey 1403 (January 17, 2025)": the local calendar's date is furniture; the
            // Gregorian one in brackets is read next.
            if let open = localCalendarDate(s, at: i) { i = open; continue }
            if let (day, end) = date(s, at: i, near: near) {
                found.append(Found(day: day, label: label))
                i = end
                // "2023-07-30T14:05": the time follows after a "T".
                if i < s.count, s[i].kind == .word, s[i].text == "t", !s[i].spaceBefore { i += 1 }
                // "October 8, 20214:52 PM" (a page copied without spaces): the rest of the hour.
                if i + 1 < s.count, s[i].text == ":", !s[i].spaceBefore, s[i + 1].kind == .number, s[i + 1].digits == 2, s[i - 1].digits > 4 {
                    i += 2
                    if i < s.count, s[i].kind == .word, ["am", "pm"].contains(s[i].text) { i += 1 }
                    i = zone(s, at: i)
                }
                afterDateOrAt = true
                continue
            }
            if let end = time(s, at: i, dotted: afterDateOrAt) {
                i = zone(s, at: end)
                afterDateOrAt = false
                continue
            }
            afterDateOrAt = false
            switch p.kind {
            case .mark:
                i += 1
                continue
            case .number:
                // "3 hours ago", "2 days ago": a relative stamp, furniture.
                if i + 1 < s.count, s[i + 1].kind == .word, fillerWords.contains(s[i + 1].text) { i += 2; continue }
                other += 1
            case .word:
                if publishedWords.contains(p.text) { label = .published } else if updatedWords.contains(p.text) { label = .updated }
                else if p.text == "by" {
                    // A byline: "By Jane Roe and John Doe", names up to the date or a separator.
                    var k = i + 1
                    while k < s.count, k - i <= 6, s[k].kind == .word, s[k].isCapitalized || s[k].text == "and", !isMonth(s[k]) { k += 1 }
                    i = k
                    continue
                } else if p.text == "at" {
                    afterDateOrAt = true
                } else if !isWeekday(p) && !fillerWords.contains(p.text) {
                    other += 1
                }
            }
            i += 1
        }
        guard !found.isEmpty, other <= 1 else { return [] }
        return found
    }

    // MARK: - Dates, times, zones

    private func isWeekday(_ p: Piece) -> Bool {
        guard p.kind == .word, p.text.utf8.count >= 3 else { return false }
        return weekdays.keys.contains { $0.hasPrefix(p.text) }
    }

    private func isMonth(_ p: Piece) -> Bool { p.kind == .word && months[p.text] != nil }

    /// A four-digit year, or one with the hour glued on ("20214" of "October 8, 20214:52 PM", a page
    /// copied without its line breaks) when a colon follows.
    private static func year(_ p: Piece, gluedBefore next: Piece? = nil) -> Int? {
        guard p.kind == .number else { return nil }
        if p.digits == 4 { return (1900...2100).contains(p.value) ? p.value : nil }
        guard (5...6).contains(p.digits), let next, next.text == ":", !next.spaceBefore, let y = Int(p.text.prefix(4)) else { return nil }
        return (1900...2100).contains(y) ? y : nil
    }

    /// A day number, with its ordinal suffix glued on ("3rd"): the value and the index after it.
    private static func dayNumber(_ s: [Piece], at i: Int) -> (Int, Int)? {
        guard i < s.count, s[i].kind == .number, s[i].digits <= 2, (1...31).contains(s[i].value) else { return nil }
        if i + 1 < s.count, s[i + 1].kind == .word, !s[i + 1].spaceBefore, ["st", "nd", "rd", "th"].contains(s[i + 1].text) {
            return (s[i].value, i + 2)
        }
        return (s[i].value, i + 1)
    }

    private static let numericSeparators: Set<String> = [".", "/", "-"]
    private static let nameSeparators: Set<String> = ["-", "/", ",", "."]

    /// A full date starting at `i` and the index after it: ISO "2019-03-14", numeric "14.03.2019" /
    /// "14-03-2019" / "03/14/2019", "14 March 2019", "14-Mar-2019", "March 14, 2019", "Mar. 14th 2019".
    private func date(_ s: [Piece], at i: Int, near: CalendarDay?) -> (CalendarDay, Int)? {
        let p = s[i]
        if let y = Self.year(p) {
            // 2019-03-14, 2019/03/14, 2019.03.14
            guard i + 4 < s.count, s[i + 1].kind == .mark, Self.numericSeparators.contains(s[i + 1].text), s[i + 3].text == s[i + 1].text,
                  s[i + 2].kind == .number, s[i + 4].kind == .number, s[i + 2].digits <= 2, s[i + 4].digits <= 2,
                  !s[i + 1].spaceBefore, !s[i + 2].spaceBefore else { return nil }
            return Self.day(y, s[i + 2].value, s[i + 4].value).map { ($0, i + 5) }
        }
        if p.kind == .number, p.digits <= 2 {
            // 14.03.2019, 14-03-2019, 03/14/2019
            if i + 4 < s.count, s[i + 1].kind == .mark, Self.numericSeparators.contains(s[i + 1].text), s[i + 3].text == s[i + 1].text,
               s[i + 2].kind == .number, s[i + 2].digits <= 2, let y = Self.year(s[i + 4]),
               !s[i + 1].spaceBefore, !s[i + 2].spaceBefore, !s[i + 3].spaceBefore, !s[i + 4].spaceBefore {
                let a = p.value, b = s[i + 2].value
                let dayFirst = Self.day(y, b, a), monthFirst = Self.day(y, a, b)
                guard let chosen = Self.pick(dayFirst, monthFirst, near: near, monthFirstByDefault: s[i + 1].text == "/") else { return nil }
                return (chosen, i + 5)
            }
            // 14 March 2019, 14-Mar-2019, 14th of March, 2019, [01/September/2019]
            guard let (d, afterDay) = Self.dayNumber(s, at: i) else { return nil }
            var k = afterDay
            if k < s.count, s[k].kind == .mark, Self.nameSeparators.contains(s[k].text) { k += 1 }
            if k < s.count, s[k].text == "of" { k += 1 }
            guard k < s.count, let m = months[s[k].text], s[k].kind == .word else { return nil }
            k += 1
            while k < s.count, s[k].kind == .mark, Self.nameSeparators.contains(s[k].text) { k += 1 }
            guard k < s.count, let y = Self.year(s[k], gluedBefore: k + 1 < s.count ? s[k + 1] : nil) else { return nil }
            return Self.day(y, m, d).map { ($0, k + 1) }
        }
        // March 14, 2019; Mar. 14th 2019; SEPTEMBER 2, 2019
        guard p.kind == .word, let m = months[p.text] else { return nil }
        var k = i + 1
        if k < s.count, s[k].kind == .mark, Self.nameSeparators.contains(s[k].text) { k += 1 }
        guard let (d, afterDay) = Self.dayNumber(s, at: k) else { return nil }
        k = afterDay
        while k < s.count, s[k].kind == .mark, Self.nameSeparators.contains(s[k].text) { k += 1 }
        guard k < s.count, let y = Self.year(s[k], gluedBefore: k + 1 < s.count ? s[k + 1] : nil) else { return nil }
        return Self.day(y, m, d).map { ($0, k + 1) }
    }

    /// A date of another calendar followed by an opening bracket ("28 Dey 1403 (", "5 Rajab 1446
    /// ("): a day number, a capitalised word that is no Gregorian month, and a year of up to four
    /// digits. Pages in Iran, Afghanistan and the Gulf print their own calendar first and the
    /// Gregorian date in brackets. Returns the index of the bracket.
    private func localCalendarDate(_ s: [Piece], at i: Int) -> Int? {
        guard i + 3 < s.count, s[i].kind == .number, s[i].digits <= 2, s[i + 1].kind == .word, s[i + 1].isCapitalized,
              months[s[i + 1].text] == nil, s[i + 2].kind == .number, s[i + 2].digits >= 3, s[i + 2].digits <= 4,
              s[i + 3].kind == .mark, s[i + 3].text == "(" else { return nil }
        return i + 3
    }

    private static func day(_ y: Int, _ m: Int, _ d: Int) -> CalendarDay? {
        guard (1...12).contains(m), d >= 1, d <= CalendarDay.daysIn(month: m, year: y) else { return nil }
        return CalendarDay(year: y, month: m, day: d)
    }

    /// Between the two readings of "03/04/2019": the one on or just before the day the article
    /// arrived (a page is published before it is read; of two before it, the one of the last week),
    /// else month first after slashes (US pages write those) and day first after dots and dashes.
    private static func pick(_ dayFirst: CalendarDay?, _ monthFirst: CalendarDay?, near: CalendarDay?, monthFirstByDefault: Bool) -> CalendarDay? {
        guard let a = dayFirst, let b = monthFirst, a != b else { return dayFirst ?? monthFirst }
        if let n = near {
            let past = [a, b].filter { $0.ordinal <= n.ordinal + 1 }
            if past.count == 1 { return past[0] }
            // Both before it: the one of the last week, else the separator's custom (an old page
            // dropped in late says little about which was meant).
            if past.count == 2 {
                let recent = past.filter { n.ordinal - $0.ordinal <= 7 }
                if recent.count == 1 { return recent[0] }
                return monthFirstByDefault ? b : a
            }
        }
        return monthFirstByDefault ? b : a
    }

    /// A time of day at `i` ("21:12", "9:12 PM", "09:05am", "12:45:07", "8.14 a.m."): the index after it.
    /// A dotted time ("21.12") only right after a date or "at", where it cannot be a decimal.
    private func time(_ s: [Piece], at i: Int, dotted: Bool) -> Int? {
        guard i + 2 < s.count, s[i].kind == .number, s[i].digits <= 2, s[i].value <= 24, s[i + 1].kind == .mark,
              s[i + 1].text == ":" || (dotted && s[i + 1].text == "."), s[i + 2].kind == .number, s[i + 2].digits == 2, s[i + 2].value < 60,
              !s[i + 1].spaceBefore, !s[i + 2].spaceBefore else { return nil }
        var k = i + 3
        if k + 1 < s.count, s[k].text == ":", s[k + 1].kind == .number, s[k + 1].digits == 2 { k += 2 }
        if k < s.count, s[k].kind == .word, ["am", "pm"].contains(s[k].text) { return k + 1 }
        // "a.m." / "p.m."
        if k + 2 < s.count, ["a", "p"].contains(s[k].text), s[k + 1].text == ".", s[k + 2].text == "m" {
            k += 3
            if k < s.count, s[k].text == "." { k += 1 }
        }
        return k
    }

    /// A time zone after a time: "GMT", "BST", "PKT", "GMT+3", "UTC-05:00", "Z", "+03:00".
    private func zone(_ s: [Piece], at i: Int) -> Int {
        var k = i
        if k < s.count, s[k].kind == .word, s[k].isUpperCase || fillerWords.contains(s[k].text), (1...5).contains(s[k].text.utf8.count) {
            k += 1
        }
        if k + 1 < s.count, s[k].kind == .mark, s[k].text == "+" || s[k].text == "-", !s[k + 1].spaceBefore, s[k + 1].kind == .number {
            k += 2
            if k + 1 < s.count, s[k].text == ":", s[k + 1].kind == .number { k += 2 }
        }
        return k
    }

    // MARK: - Pieces

    /// A run of letters, a run of ASCII digits, or one other mark, with the spacing around it.
    struct Piece: Sendable {
        enum Kind: Sendable { case word, number, mark }
        var kind: Kind
        /// Lowercased letters, the digits, or the mark.
        var text: String
        var value = 0
        var digits = 0
        var isCapitalized = false
        var isUpperCase = false
        var spaceBefore = false
        var spaceAfter = false
    }

    static let dashes: Set<String> = ["-", "\u{2013}", "\u{2014}"]
    private static let separators: Set<String> = ["|", "/", "-", "\u{2013}", "\u{2014}", "\u{00B7}", "\u{2022}"]

    /// Parts of a line between separators standing between spaces (" | ", " / ", " - "); a bar or a
    /// bullet always separates.
    static func segments(_ pieces: [Piece]) -> [ArraySlice<Piece>] {
        var out: [ArraySlice<Piece>] = []
        var start = 0
        for (k, p) in pieces.enumerated() where p.kind == .mark && separators.contains(p.text) {
            let spaced = p.spaceBefore && p.spaceAfter
            guard spaced || p.text == "|" || p.text == "\u{2022}" || p.text == "\u{00B7}" else { continue }
            if k > start { out.append(pieces[start..<k]) }
            start = k + 1
        }
        if start < pieces.count { out.append(pieces[start...]) }
        return out
    }

    // ASCII answered by range, other scalars by their Unicode properties.
    private static func isLetter(_ c: Unicode.Scalar) -> Bool {
        c.isASCII ? (c.value | 0x20) >= 0x61 && (c.value | 0x20) <= 0x7A : c.properties.isAlphabetic
    }
    private static func isLowercase(_ c: Unicode.Scalar) -> Bool { c.isASCII ? c.value >= 0x61 && c.value <= 0x7A : c.properties.isLowercase }
    private static func isUppercase(_ c: Unicode.Scalar) -> Bool { c.isASCII ? c.value >= 0x41 && c.value <= 0x5A : c.properties.isUppercase }

    static func pieces(_ line: String) -> [Piece] {
        let scalars = line.unicodeScalars
        var out: [Piece] = []
        out.reserveCapacity(24)
        var space = false
        var i = scalars.startIndex
        while i < scalars.endIndex {
            let c = scalars[i]
            if c.value >= 0x30 && c.value <= 0x39 {
                var j = scalars.index(after: i), value = Int(c.value - 0x30), count = 1
                while j < scalars.endIndex, scalars[j].value >= 0x30 && scalars[j].value <= 0x39 {
                    if count < 9 { value = value * 10 + Int(scalars[j].value - 0x30) }
                    count += 1
                    j = scalars.index(after: j)
                }
                out.append(Piece(kind: .number, text: String(scalars[i..<j]), value: value, digits: count, spaceBefore: space))
                space = false
                i = j
            } else if isLetter(c) {
                var j = scalars.index(after: i), upperOnly = !isLowercase(c)
                while j < scalars.endIndex, isLetter(scalars[j]) {
                    if isLowercase(scalars[j]) { upperOnly = false }
                    j = scalars.index(after: j)
                }
                out.append(Piece(kind: .word, text: String(scalars[i..<j]).lowercased(), isCapitalized: isUppercase(c),
                                 isUpperCase: upperOnly, spaceBefore: space))
                space = false
                i = j
            } else {
                if c == " " || (c.isASCII ? c.value >= 0x09 && c.value <= 0x0D : c.properties.isWhitespace) {
                    if let last = out.indices.last { out[last].spaceAfter = true }
                    space = true
                } else {
                    out.append(Piece(kind: .mark, text: String(c), spaceBefore: space))
                    space = false
                }
                i = scalars.index(after: i)
            }
        }
        return out
    }
}
