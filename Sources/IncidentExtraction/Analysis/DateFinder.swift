import IncidentModel

/// A date expression in a sentence, resolved against the reference day.
struct DateMention: Sendable {
    var range: Range<Int>
    var date: IncidentDate
    /// When something was said ("officials said Friday"), not when it happened.
    var isSpeechDate: Bool
    /// Spelled out with a month or year rather than relative to the reference day.
    var isExplicit: Bool
}

/// Finds and resolves date expressions: "on Saturday", "Monday night", "last night", "overnight",
/// "yesterday", "13 January", "Dec. 29", "October 19, 2020", "2020-05-06". Relative forms resolve to
/// the most recent such day on or before the reference day; a bare month-day takes the reference
/// day's year (the previous year when that would lie in the future). Never invents a day.
struct DateFinder: Sendable {
    let months: [String: Int]
    let weekdays: [String: Int]
    let cues: CueLexicon
    private let today: PhraseMatcher<String>
    private let yesterday: PhraseMatcher<String>
    private let night: PhraseMatcher<String>
    private let daysAgo: PhraseMatcher<String>
    private let weekend: PhraseMatcher<String>
    /// `day-before` cues, held like the relative-day matchers: asked at every token.
    private let dayBefore: PhraseMatcher<String>
    /// `months` and `weekdays` probed with the tokens' own key hashes: asked at every capitalised token.
    private let monthByKey: HashedIndex<Int>
    private let weekdayByKey: HashedIndex<Int>
    /// The start bits of the five relative-day matchers together (0 when one has none): a token
    /// outside them that is not capitalised (no weekday) starts no relative date.
    private let relativeDayBits: UInt64

    init(months: [String: Int], weekdays: [String: Int], cues: CueLexicon) {
        self.months = months
        self.weekdays = weekdays
        monthByKey = Self.index(months)
        weekdayByKey = Self.index(weekdays)
        self.cues = cues
        today = cues.matcher("day-today")
        yesterday = cues.matcher("day-yesterday")
        night = cues.matcher("day-night")
        daysAgo = cues.matcher("day-ago")
        weekend = cues.matcher("day-weekend")
        dayBefore = cues.matcher(Cue.dayBefore.name)
        let bits = [today, yesterday, night, daysAgo, weekend].map(\.startBit)
        relativeDayBits = bits.contains(0) ? 0 : bits.reduce(0, |)
    }

    private static func index(_ table: [String: Int]) -> HashedIndex<Int> {
        var index = HashedIndex<Int>()
        for (k, v) in table { index.upsert(k, initial: v) { _ in } }
        return index
    }

    // The token readers below are inlined: out of line, each call copied the token (two strings
    // retained and released) for every capitalised word or number.
    @inline(__always) private func month(_ t: Token) -> Int? { monthByKey.lookup(t.key, hash: t.keyHash) }
    @inline(__always) private func weekday(_ t: Token) -> Int? { weekdayByKey.lookup(t.key, hash: t.keyHash) }

    func find(in tokens: [Token], reference: CalendarDay?) -> [DateMention] {
        var out: [DateMention] = []
        var i = 0
        while i < tokens.count {
            // Most tokens start no date of any form: the three readers' own first tests, asked here
            // at once (no calls for a lowercase word outside the relative-day and day-before bits).
            if startsNoDate(tokens[i]) { i += 1; continue }
            if let (m, next) = explicitDate(tokens, at: i, reference: reference) {
                out.append(continuing(m, tokens))
                i = next
                continue
            }
            if let ref = reference, let (m, next) = dayBeforeDate(tokens, at: i, reference: ref, previous: out.last) {
                out.append(m)
                i = next
                continue
            }
            if let ref = reference, let (m, next) = relativeDate(tokens, at: i, reference: ref) {
                out.append(continuing(m, tokens))
                i = next
                continue
            }
            i += 1
        }
        return out
    }

    /// Whether `explicitDate`, `dayBeforeDate` and `relativeDate` would all answer nil at once from
    /// their opening tests: not a number, capitalised or starting with a digit (explicit), and no
    /// start bit of the day-before or relative-day matchers (false when a matcher has no bit).
    @inline(__always) private func startsNoDate(_ t: Token) -> Bool {
        guard t.kind != .number, !t.isCapitalized, !Self.startsWithDigit(t) else { return false }
        let dayBeforeBit = dayBefore.startBit
        return dayBeforeBit != 0 && t.phraseStarts & dayBeforeBit == 0 && relativeDayBits != 0 && t.phraseStarts & relativeDayBits == 0
    }

    private static let continuingWords: KeySet = ["into", "until", "till"]
    private static let speechVerbs: KeySet = ["said", "says", "stated", "announced", "reported", "told"]

    /// "Rescue operations continued into Tuesday", "until Sunday": how long something went on, not
    /// when the incident happened (kept like a statement's day).
    private func continuing(_ m: DateMention, _ tokens: [Token]) -> DateMention {
        guard m.range.lowerBound > 0, Self.continuingWords.contains(tokens[m.range.lowerBound - 1]) else { return m }
        var m = m
        m.isSpeechDate = true
        return m
    }

    /// "Russia said on Sunday that an attack on Belgorod a day earlier killed 24" (`day-before`
    /// cues): the day before the date named earlier in the sentence, else before the reference
    /// day. A cue marked "open" counts only where the phrase ends ("a day before the vote" dates
    /// nothing).
    private func dayBeforeDate(_ tokens: [Token], at i: Int, reference ref: CalendarDay, previous: DateMention?) -> (DateMention, Int)? {
        guard let m = dayBefore.match(tokens, at: i) else { return nil }
        if m.payload == "open", m.end < tokens.count, tokens[m.end].kind == .word { return nil }
        let anchor = previous?.date.start ?? ref
        return (DateMention(range: i..<m.end, date: IncidentDate(day: anchor.adding(days: -1)), isSpeechDate: false, isExplicit: false), m.end)
    }

    /// "on Friday said": the date of a statement.
    private func isSpeech(_ tokens: [Token], after end: Int) -> Bool {
        end < tokens.count && Self.speechVerbs.contains(tokens[end])
    }

    private static let speechSkippable: KeySet = ["on", "late", "early", "last", "this", "in", "a", "an", "its", "the", "from"]

    private func isSpeech(_ tokens: [Token], before start: Int) -> Bool {
        var k = start - 1
        var hops = 0
        while k >= 0, hops < 4, Self.speechSkippable.contains(tokens[k]) { k -= 1; hops += 1 }
        guard k >= 0 else { return false }
        // "claimed responsibility on Thursday": a two-word cue ending right before.
        if k >= 1, cues.match(.speech, in: tokens, at: k - 1)?.end == k + 1 { return true }
        if cues.match(.speech, in: tokens, at: k) != nil { return true }
        // "residents told AFP on Tuesday", "told reporters late on Monday": "told" and its hearer.
        for j in stride(from: k - 1, through: max(0, k - 2), by: -1) where tokens[j].key == "told" {
            return tokens[(j + 1)...k].allSatisfy { $0.kind == .word }
        }
        return false
    }

    @inline(__always) private func monthNumber(_ t: Token) -> Int? {
        guard t.isCapitalized, let m = month(t) else { return nil }
        return m
    }

    @inline(__always) private func dayNumber(_ t: Token) -> Int? {
        guard t.kind == .number, let n = t.number, (1...31).contains(n), t.text.utf8.count <= 2 else {
            // "29th", "3rd". Int() reads ASCII digits only, so a word not starting with one is no
            // day: answered from the first byte instead of walking Characters (asked of every
            // capitalised word).
            guard let f = t.text.utf8.first, f >= 0x30, f <= 0x39 else { return nil }
            let digits = t.text.prefix { $0.isNumber }
            let suffix = t.key.dropFirst(digits.count)
            if !digits.isEmpty, ["st", "nd", "rd", "th"].contains(String(suffix)), let n = Int(digits), (1...31).contains(n) { return n }
            return nil
        }
        return n
    }

    @inline(__always) private static func startsWithDigit(_ t: Token) -> Bool {
        guard let f = t.text.utf8.first else { return false }
        return f >= 0x30 && f <= 0x39
    }

    private func year(_ tokens: [Token], at i: Int) -> Int? {
        guard i < tokens.count, tokens[i].kind == .number, let y = tokens[i].number, tokens[i].text.utf8.count == 4, (1900...2100).contains(y) else { return nil }
        return y
    }

    private func explicitDate(_ tokens: [Token], at i: Int, reference: CalendarDay?) -> (DateMention, Int)? {
        if tokens[i].kind != .number && !tokens[i].isCapitalized && !Self.startsWithDigit(tokens[i]) { return nil }
        var month: Int?, day: Int?, yr: Int?
        var lastDay: Int?
        var end = i
        // ISO 2020-05-06
        if let y = year(tokens, at: i), i + 2 < tokens.count, tokens[i + 1].hyphenBefore, tokens[i + 2].hyphenBefore,
           let m = tokens[i + 1].number, let d = tokens[i + 2].number, (1...12).contains(m) {
            month = m; day = d; yr = y; end = i + 3
        } else if let m = monthNumber(tokens[i]) {
            var j = i + 1
            if j < tokens.count, tokens[j].key == "." { j += 1 }
            guard j < tokens.count, let d = dayNumber(tokens[j]) else { return nil }
            month = m; day = d; end = j + 1
            // "August 22-28, 2024": a week's round-up, the days from one to the other.
            if end < tokens.count, tokens[end].hyphenBefore, let d2 = dayNumber(tokens[end]), d2 > d, d2 - d <= 14 { lastDay = d2; end += 1 }
            var k = end
            if k < tokens.count, tokens[k].key == "," { k += 1 }
            if let y = year(tokens, at: k) { yr = y; end = k + 1 }
        } else if let d = dayNumber(tokens[i]), i + 1 < tokens.count, let m = monthNumber(tokens[i + 1]) {
            day = d; month = m; end = i + 2
            if let y = year(tokens, at: end) { yr = y; end += 1 }
        } else if let d = dayNumber(tokens[i]), i + 2 < tokens.count, let d2 = dayNumber(tokens[i + 1]), tokens[i + 1].hyphenBefore, d2 == d + 1,
                  let m = monthNumber(tokens[i + 2]) {
            // "the night of 10-11 March": the two days.
            day = d; month = m; end = i + 3
            if let y = year(tokens, at: end) { yr = y; end += 1 }
            lastDay = d2
        } else if tokens[i].kind == .number, i + 4 < tokens.count, tokens[i + 1].key == "/", tokens[i + 3].key == "/",
                  let a = tokens[i].number, let b = tokens[i + 2].number, let y = year(tokens, at: i + 4),
                  let (m, d) = Self.monthAndDay(a, b, year: y, reference: reference) {
            // "06/21/2024" and "17/03/2023": the order the numbers allow.
            month = m; day = d; yr = y; end = i + 5
        } else if tokens[i].kind == .number, i > 0, i + 2 < tokens.count, tokens[i + 1].key == "/",
                  Self.shortDateOpeners.contains(tokens[i - 1]), i + 3 >= tokens.count || tokens[i + 3].key != "/",
                  tokens[i].text.utf8.count <= 2, tokens[i + 2].text.utf8.count <= 2,
                  let a = tokens[i].number, let b = tokens[i + 2].number, let ref = reference,
                  let (m, d) = Self.monthAndDay(a, b, year: nil, reference: ref) {
            // "Jowhar (18/09):", "on 12/05": a day and month without a year, in brackets or after "on".
            month = m; day = d; end = i + 3
        } else {
            return nil
        }
        guard let m = month, let d = day, d <= CalendarDay.daysIn(month: m, year: yr ?? 2000) else { return nil }
        var resolved: CalendarDay
        if let y = yr {
            resolved = CalendarDay(year: y, month: m, day: d)
        } else {
            guard let ref = reference else { return nil }
            resolved = CalendarDay(year: ref.year, month: m, day: min(d, CalendarDay.daysIn(month: m, year: ref.year)))
            if resolved.ordinal > ref.ordinal + 1 { resolved = CalendarDay(year: ref.year - 1, month: m, day: min(d, CalendarDay.daysIn(month: m, year: ref.year - 1))) }
        }
        // A weekday right before ("Monday, October 19") belongs to the same expression.
        var start = i
        if start >= 2, tokens[start - 1].key == ",", weekday(tokens[start - 2]) != nil { start -= 2 }
        else if start >= 1, weekday(tokens[start - 1]) != nil { start -= 1 }
        var date = IncidentDate(day: resolved)
        if let l = lastDay, l <= CalendarDay.daysIn(month: m, year: resolved.year) {
            date = IncidentDate(start: resolved, end: CalendarDay(year: resolved.year, month: m, day: l))
        }
        return (DateMention(range: start..<end, date: date, isSpeechDate: isSpeech(tokens, before: start) || isSpeech(tokens, after: end), isExplicit: true), end)
    }

    private static let shortDateOpeners: KeySet = ["(", "on"]

    /// The month and day two numbers of a numeric date name: day first when the first cannot be a
    /// month, month first when the second cannot be; when both can, the reading that lies nearer
    /// before the reference day (an article tells recent days), month first without one.
    static func monthAndDay(_ a: Int, _ b: Int, year: Int?, reference: CalendarDay?) -> (Int, Int)? {
        guard (1...31).contains(a), (1...31).contains(b) else { return nil }
        if a > 12 { return b <= 12 ? (b, a) : nil }
        if b > 12 { return (a, b) }
        guard let ref = reference else { return (a, b) }
        func distance(_ m: Int, _ d: Int) -> Int {
            guard d <= CalendarDay.daysIn(month: m, year: year ?? ref.year) else { return Int.max }
            var day = CalendarDay(year: year ?? ref.year, month: m, day: d)
            if year == nil, day.ordinal > ref.ordinal + 1 { day = CalendarDay(year: ref.year - 1, month: m, day: min(d, CalendarDay.daysIn(month: m, year: ref.year - 1))) }
            let gap = ref.ordinal - day.ordinal
            return gap >= -1 ? gap : Int.max / 2 - gap
        }
        return distance(b, a) < distance(a, b) ? (b, a) : (a, b)
    }

    /// The day a weekday names, told on `ref`: the most recent such day. A report dated Monday that
    /// says "Tuesday" was updated the next day: six days back is never how a report names a past
    /// day (it would say "last Tuesday", `sixBack`).
    private func pastDay(_ wd: Int, _ ref: CalendarDay, sixBack: Bool = false) -> CalendarDay {
        var back = (ref.weekday - wd + 7) % 7
        if !sixBack && back == 6 { back = -1 }
        return ref.adding(days: -back)
    }

    /// A weekday, or "on" and a weekday, at `k`.
    private func namesADay(_ tokens: [Token], at k: Int) -> Bool {
        var k = k
        if k < tokens.count, tokens[k].key == "on" { k += 1 }
        return k < tokens.count && tokens[k].isCapitalized && weekdays[tokens[k].key] != nil
    }

    private func relativeDate(_ tokens: [Token], at i: Int, reference ref: CalendarDay) -> (DateMention, Int)? {
        if relativeDayBits != 0, tokens[i].phraseStarts & relativeDayBits == 0, !tokens[i].isCapitalized { return nil }
        // "before dawn on Friday": the day named after it says which dawn.
        if let m = today.match(tokens, at: i), !namesADay(tokens, at: m.end) {
            return (DateMention(range: i..<m.end, date: IncidentDate(day: ref), isSpeechDate: isSpeech(tokens, before: i), isExplicit: false), m.end)
        }
        if let m = yesterday.match(tokens, at: i) {
            return (DateMention(range: i..<m.end, date: IncidentDate(day: ref.adding(days: -1)), isSpeechDate: isSpeech(tokens, before: i), isExplicit: false), m.end)
        }
        if let m = night.match(tokens, at: i), m.payload != "late on" {
            // "overnight Friday into Saturday": the two days named; "overnight on Friday": that day.
            if namesADay(tokens, at: m.end) {
                var k = m.end
                if tokens[k].key == "on" { k += 1 }
                if k + 2 < tokens.count, ["into", "to", "and"].contains(tokens[k + 1].key), tokens[k + 2].isCapitalized,
                   let w1 = weekday(tokens[k]), let w2 = weekday(tokens[k + 2]), (w2 - w1 + 7) % 7 == 1 {
                    let second = pastDay(w2, ref)
                    return (DateMention(range: i..<(k + 3), date: IncidentDate(start: second.adding(days: -1), end: second), isSpeechDate: false, isExplicit: false), k + 3)
                }
                return nil
            }
            let night = IncidentDate(start: ref.adding(days: -1), end: ref)
            return (DateMention(range: i..<m.end, date: night, isSpeechDate: false, isExplicit: false), m.end)
        }
        if let m = daysAgo.match(tokens, at: i), let n = Int(m.payload) {
            // "two days ago", "the day before yesterday"
            return (DateMention(range: i..<m.end, date: IncidentDate(day: ref.adding(days: -n)), isSpeechDate: isSpeech(tokens, before: i), isExplicit: false), m.end)
        }
        if let m = weekend.match(tokens, at: i) {
            // "over the weekend": the last Saturday and Sunday on or before the reference day (only the
            // Saturday when the reference is one).
            let back = (ref.weekday + 1) % 7
            let saturday = ref.adding(days: -back)
            let date = back == 0 ? IncidentDate(day: ref) : IncidentDate(start: saturday, end: saturday.adding(days: 1))
            return (DateMention(range: i..<m.end, date: date, isSpeechDate: isSpeech(tokens, before: i), isExplicit: false), m.end)
        }
        guard tokens[i].isCapitalized, let wd = weekday(tokens[i]) else { return nil }
        // "on Sunday, February 18, 2024": the date says which Sunday.
        var k = i + 1
        if k < tokens.count, tokens[k].key == "," { k += 1 }
        if k < tokens.count, explicitDate(tokens, at: k, reference: ref) != nil { return nil }
        let isLast = i > 0 && tokens[i - 1].key == "last"
        let day = isLast && ref.weekday == wd ? ref.adding(days: -7) : isLast ? pastDay(wd, ref, sixBack: true) : pastDay(wd, ref)
        var end = i + 1
        if end < tokens.count, ["night", "evening", "morning", "afternoon"].contains(tokens[end].key) { end += 1 }
        let start = isLast ? i - 1 : i
        return (DateMention(range: start..<end, date: IncidentDate(day: day), isSpeechDate: isSpeech(tokens, before: start) || isSpeech(tokens, after: end), isExplicit: false), end)
    }
}
