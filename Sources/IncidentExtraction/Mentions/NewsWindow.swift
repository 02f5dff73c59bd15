import IncidentModel

/// The days a report covers, stated in its headline or in the lines right under it ("Weekly
/// security briefing ... Covering 29 August - 4 September"): incidents dated inside them are the
/// report's news however many days before publication they fall.
enum NewsWindow {
    /// Lines under the headline read for a window (a brief's issue line, a byline).
    static let leadLines = 5
    /// The longest span read as a report's window.
    static let longestDays = 31

    static func find(headline: [Token], lines: [String], _ r: ExtractionResources, reference: CalendarDay?) -> IncidentDate? {
        if let w = window(in: headline, r, reference: reference) { return w }
        // Only a short line: an issue line or a byline, not a paragraph telling a night's span
        // ("on the night of 27-28 December").
        for line in lines.dropFirst().lazy.filter({ !$0.isEmpty }).prefix(leadLines) where line.utf8.count <= 120 && hasTwoNumbers(line) {
            if let w = window(in: r.phraseStarts.tokens(line), r, reference: reference) { return w }
        }
        // "The Week in Syria", "Syria Weekly newsletter | Issue 214": a weekly digest that states no
        // dates covers the seven days up to its issue.
        if let ref = reference, namesAWeeklyDigest(headline) || lines.dropFirst().lazy.filter({ !$0.isEmpty }).prefix(leadLines)
            .contains(where: { $0.utf8.count <= 100 && namesAWeeklyDigest(r.phraseStarts.tokens($0)) }) {
            return IncidentDate(start: ref.adding(days: -6), end: ref)
        }
        return nil
    }

    /// "weekly" anywhere, or "the week in" / "week in review" ("This week in Yemen").
    private static func namesAWeeklyDigest(_ tokens: [Token]) -> Bool {
        for (k, t) in tokens.enumerated() {
            if t.key == "weekly" { return true }
            if t.key == "week", k + 1 < tokens.count, tokens[k + 1].key == "in", k > 0, tokens[k - 1].key == "the" || tokens[k - 1].key == "this" { return true }
        }
        return false
    }

    /// Whether the line has two separate runs of ASCII digits. A window is made of explicit dates,
    /// and every explicit date (`DateFinder.explicitDate`) holds a number token or a word starting
    /// with a digit ("29th"); each kind of window below needs two such tokens with a mark or word
    /// between them: a date with a last day ("August 22-28", "10-11 March"), two dates joined by a
    /// word, or a day number, a joiner and a date ("15 - 21 March"). A line without two is neither
    /// tokenized nor searched for dates (the lead lines are whole paragraphs; reading them all
    /// cost some 5 % of extraction).
    static func hasTwoNumbers(_ line: String) -> Bool {
        func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            var runs = 0, inRun = false
            for b in bytes {
                let digit = b &- 0x30 < 10
                if digit && !inRun {
                    runs += 1
                    if runs == 2 { return true }
                }
                inRun = digit
            }
            return false
        }
        var line = line
        return line.withUTF8(scan)
    }

    /// Words joining the two ends of a span ("29 August - 4 September", "from 1 to 7 May").
    private static let spanJoiners: Set<String> = ["-", "\u{2013}", "\u{2014}", "to", "and", "until", "through"]

    private static func window(in tokens: [Token], _ r: ExtractionResources, reference: CalendarDay?) -> IncidentDate? {
        let dates = r.dateFinder.find(in: tokens, reference: reference).filter(\.isExplicit)
        func fits(_ d: IncidentDate) -> Bool { d.start < d.end && d.end.ordinal - d.start.ordinal <= longestDays }
        if let span = dates.first(where: { fits($0.date) }) { return span.date }
        // Two days joined by a dash or "to": the span between them.
        for (a, b) in zip(dates, dates.dropFirst()) {
            let between = tokens[a.range.upperBound..<max(a.range.upperBound, b.range.lowerBound)]
            guard between.count == 1, let joiner = between.first, spanJoiners.contains(joiner.key) else { continue }
            let span = IncidentDate(start: a.date.start, end: b.date.end)
            if fits(span) { return span }
        }
        // "15 - 21 March": a bare day, a dash, then a date of the same month.
        for b in dates where b.date.start == b.date.end && b.range.lowerBound >= 2 {
            let joiner = tokens[b.range.lowerBound - 1], first = tokens[b.range.lowerBound - 2]
            guard spanJoiners.contains(joiner.key), first.kind == .number, let n = first.number, n >= 1, n < b.date.start.day else { continue }
            let span = IncidentDate(start: CalendarDay(year: b.date.start.year, month: b.date.start.month, day: n), end: b.date.end)
            if fits(span) { return span }
        }
        // "week of 12-18 May 2025": the dash written without spaces joins the bare day to the date.
        for b in dates where b.date.start == b.date.end && b.range.lowerBound >= 1 && tokens[b.range.lowerBound].hyphenBefore {
            let first = tokens[b.range.lowerBound - 1]
            guard first.kind == .number, let n = first.number, n >= 1, n < b.date.start.day else { continue }
            let span = IncidentDate(start: CalendarDay(year: b.date.start.year, month: b.date.start.month, day: n), end: b.date.end)
            if fits(span) { return span }
        }
        return nil
    }
}
