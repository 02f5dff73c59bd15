import IncidentModel

/// Finds the publication day and the outlet in an article's own text.
///
/// Publication dates are read only where pages put them: a `date YYYY-MM-DD` marker, a line that
/// is essentially a date ("MAY 6, 2020 21:48", "Published: 14/03/2019", "Thu 14 Mar 2019 21.12
/// GMT", see `PageDateReader`), or a dateline at the start of the first paragraph. Dates inside
/// prose are incident dates, not publication dates, and are left alone.
struct MetadataFinder: Sendable {
    let outlets: PhraseMatcher<String>
    let dateReader: PageDateReader

    /// The publication day the page prints: a `date YYYY-MM-DD` marker, else a date line of the
    /// header (the lines before the first paragraph of prose; a date labelled "Published" beats an
    /// unlabelled one, which beats an "Updated" one), else a dateline opening the story ("DEIR
    /// AL-BALAH, Saturday, July 27, 2024 (WAFA) - "), else the first date line further down.
    /// `near` (the day the article arrived) settles "03/04/2019"; lines in `skipping` (link lists
    /// such as "Related articles") are never read: their dates belong to other stories.
    func publicationDate(_ lines: [String], near: CalendarDay? = nil, skipping: Set<Int> = []) -> CalendarDay? {
        for line in lines.prefix(60) {
            if TextNormalizer.lowercasedHasPrefix(line, "date ") {
                let rest = line.dropFirst(5).prefix(10)
                if let d = CalendarDay(iso: rest) { return d }
            }
        }
        var best: PageDateReader.Found?
        var inHeader = true
        var proseLines = 0
        for (k, line) in lines.prefix(40).enumerated() where !line.isEmpty && !skipping.contains(k) {
            let found = dateReader.dates(inLine: line, near: near)
            let isProse = k > 0 && found.isEmpty && line.utf8.count >= 100
            if inHeader {
                for f in found where best.map({ f.label < $0.label }) ?? true { best = f }
                if best?.label == .published { break }
                guard isProse else { continue }
                inHeader = false
            }
            if best != nil { break }
            if let f = found.min(by: { $0.label < $1.label }) { return f.day }
            if isProse, proseLines < 3 {
                proseLines += 1
                if let d = dateReader.datelineDate(line, near: near) { return d }
            }
        }
        return best?.day
    }

    /// The first known outlet named in the text's bylines, credits or lead (`outlets.tsv`).
    func outlet(title: String?, lines: [String]) -> String? {
        var firstHit: (line: Int, position: Int, name: String)?
        // Bylines and credits sit at the top or the bottom of a page.
        let candidates = lines.count <= 16 ? Array(lines.enumerated()) : Array(lines.enumerated().prefix(8)) + Array(lines.enumerated().suffix(8))
        for (li, line) in candidates where !line.isEmpty && line.utf8.count <= 160 {
            let toks = Tokenizer.tokens(line)
            if let m = outlets.matches(toks).first {
                firstHit = (li, m.start, m.payload)
                break
            }
        }
        return firstHit?.name
    }
}
