import IncidentModel

/// Finds the publication day and the outlet in an article's own text.
///
/// Publication dates are read only where pages put them: a `date YYYY-MM-DD` marker, a line that
/// is essentially a date ("MAY 6, 2020 21:48", "October 21, 2020", "Friday, 06/21/2024",
/// "26 Jan 2023"), or a dateline at the start of the first paragraph. Dates inside prose are
/// incident dates, not publication dates, and are left alone.
struct MetadataFinder: Sendable {
    let months: [String: Int]
    let weekdays: [String: Int]
    let outlets: PhraseMatcher<String>

    func publicationDate(_ lines: [String]) -> CalendarDay? {
        for line in lines.prefix(60) {
            if TextNormalizer.lowercasedHasPrefix(line, "date ") {
                let rest = line.dropFirst(5).prefix(10)
                if let d = CalendarDay(iso: rest) { return d }
            }
        }
        for line in lines.prefix(40) where TextNormalizer.hasAtMostCharacters(line, 60) {
            if let d = dateLine(line) { return d }
        }
        return nil
    }

    /// A line that holds a date and little else (a time, "Updated", "Published", a weekday).
    private func dateLine(_ line: String) -> CalendarDay? {
        // Every reading below needs a number, and numbers (also "6th") are ASCII digits: a line
        // without one (most short lines) is answered before it is tokenised.
        guard line.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        var toks = Tokenizer.tokens(line)
        // Upper-case lines ("MAY 6, 2020") tokenise as uncapitalised words; normalise.
        for k in toks.indices where toks[k].kind == .word { toks[k].isCapitalized = true }
        let words = toks.filter { $0.kind != .punctuation }
        guard words.count <= 9 else { return nil }
        var month: Int?, day: Int?, year: Int?
        var numbers: [Int] = []
        var other = 0
        var slashed = false
        for (i, t) in toks.enumerated() {
            if t.kind == .punctuation { if t.key == "/" { slashed = true }; continue }
            if let m = months[t.key], month == nil { month = m; continue }
            if weekdays[t.key] != nil { continue }
            if ["updated", "published", "posted", "am", "pm", "a.m", "p.m", "gmt", "utc", "on", "last", "edt", "est", "bst", "cet", "ast", "eet"].contains(t.key) { continue }
            if let n = t.number {
                if i + 1 < toks.count, toks[i + 1].key == ":" { continue }
                if i > 0, toks[i - 1].key == ":" { continue }
                // A time zone's offset ("GMT+1", "UTC-5") is no day.
                if i > 0, toks[i - 1].key == "+" || toks[i - 1].key == "-" || toks[i - 1].key == "gmt" || toks[i - 1].key == "utc" { continue }
                if t.hyphenBefore, i > 0, ["gmt", "utc"].contains(toks[i - 1].key) { continue }
                numbers.append(n)
                continue
            }
            if t.key.hasSuffix("th") || t.key.hasSuffix("st") || t.key.hasSuffix("nd") || t.key.hasSuffix("rd"), let n = Int(t.key.dropLast(2)) { numbers.append(n); continue }
            other += 1
        }
        guard other <= 1 else { return nil }
        if let m = month {
            for n in numbers { if n >= 1900 && n <= 2100 { year = n } else if (1...31).contains(n) { day = n } }
            guard let y = year, let d = day, d <= CalendarDay.daysIn(month: m, year: y) else { return nil }
            return CalendarDay(year: y, month: m, day: d)
        }
        if slashed, numbers.count >= 3 {
            let (a, b, c) = (numbers[0], numbers[1], numbers[2])
            if c >= 1900, (1...12).contains(a), (1...31).contains(b), b <= CalendarDay.daysIn(month: a, year: c) { return CalendarDay(year: c, month: a, day: b) }
            if c >= 1900, (1...12).contains(b), (1...31).contains(a), a <= CalendarDay.daysIn(month: b, year: c) { return CalendarDay(year: c, month: b, day: a) }
        }
        if numbers.count >= 3, numbers[0] >= 1900, (1...12).contains(numbers[1]), (1...31).contains(numbers[2]), numbers[2] <= CalendarDay.daysIn(month: numbers[1], year: numbers[0]) {
            return CalendarDay(year: numbers[0], month: numbers[1], day: numbers[2])
        }
        return nil
    }

    /// The first known outlet named in the text's bylines, credits or lead (`outlets.tsv`).
    func outlet(title: String?, lines: [String]) -> String? {
        // A dateline names its agency in brackets: "KUNDUZ, Afghanistan, Oct 8 (Reuters) -".
        for line in lines.prefix(8) where !line.isEmpty {
            let toks = Tokenizer.tokens(String(line.prefix(200)))
            if let m = outlets.matches(toks).first(where: { $0.start > 0 && $0.end < toks.count && toks[$0.start - 1].key == "(" && toks[$0.end].key == ")" && $0.start < 30 }) {
                return m.payload
            }
        }
        var firstHit: (line: Int, position: Int, name: String)?
        // Bylines and credits sit at the top or the bottom of a page.
        let candidates = lines.count <= 16 ? Array(lines.enumerated()) : Array(lines.enumerated().prefix(8)) + Array(lines.enumerated().suffix(8))
        for (li, line) in candidates where !line.isEmpty && line.utf8.count <= 160 {
            let toks = Tokenizer.tokens(line)
            if let m = outlets.matches(toks).first(where: { Self.namesThePublisher($0, toks) }) {
                firstHit = (li, m.start, m.payload)
                break
            }
        }
        return firstHit?.name
    }

    private static let lowercaseNameWords: Set<String> = ["of", "for", "on", "and", "de", "al", "el", "the"]
    private static let creditWords: Set<String> = ["reporting", "writing", "editing", "additional", "compiled", "produced"]
    private static let sourceWords: Set<String> = ["told", "via", "to", "citing", "cited", "quoting", "quoted", "by", "from", "with"]

    /// An outlet named as a proper name ("The National", not "the national army"), not as a source
    /// the page quotes ("told Reuters", "according to AFP", "Image credit: WANA via Reuters",
    /// "published by Reuters news agency").
    private static func namesThePublisher(_ m: PhraseMatcher<String>.Match, _ toks: [Token]) -> Bool {
        let words = toks[m.start..<m.end].filter { $0.kind == .word }
        guard let first = words.first, first.isCapitalized || first.text.first?.isUppercase == true,
              words.allSatisfy({ $0.isCapitalized || $0.text.first?.isUppercase == true || lowercaseNameWords.contains($0.key) }) else { return false }
        var k = m.start - 1
        while k >= 0, toks[k].key == "the" { k -= 1 }
        // "Reporting by Reuters staff", "Writing by": the agency's own credit line.
        if k >= 0, sourceWords.contains(toks[k].key), !(k >= 1 && toks[k].key == "by" && creditWords.contains(toks[k - 1].key)) { return false }
        if k >= 1, toks[k].key == "to", toks[k - 1].key == "according" { return false }
        return true
    }
}
