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
        // A dateline names its agency in brackets: "KUNDUZ, Afghanistan, Oct 8 (Reuters) -".
        // The first lines' tokens, kept for the byline search below (a line of at most 160 bytes is
        // its own 200-character prefix): it reads those lines again.
        // Only a line with a "(" can hold one: the others are tokenized below, and only if the byline
        // search reaches them (most of the first lines are paragraphs too long for it). A line of at
        // most 200 bytes is its own 200-character prefix (cutting it walked every Character).
        var headTokens = [[Token]?](repeating: nil, count: min(8, lines.count))
        for (li, line) in lines.prefix(8).enumerated() where !line.isEmpty && Self.hasOpeningBracket(line) {
            let toks = Tokenizer.tokens(line.utf8.count <= 200 ? line : String(line.prefix(200)))
            headTokens[li] = toks
            if let m = outlets.matches(toks).first(where: { $0.start > 0 && $0.end < toks.count && toks[$0.start - 1].key == "(" && toks[$0.end].key == ")" && $0.start < 30 }) {
                return m.payload
            }
        }
        var firstHit: (line: Int, position: Int, name: String)?
        // Bylines and credits sit at the top or the bottom of a page.
        let candidates = lines.count <= 16 ? Array(lines.enumerated()) : Array(lines.enumerated().prefix(8)) + Array(lines.enumerated().suffix(8))
        for (li, line) in candidates where !line.isEmpty && line.utf8.count <= 160 {
            let toks = (li < headTokens.count ? headTokens[li] : nil) ?? Tokenizer.tokens(line)
            if let m = outlets.matches(toks).first(where: { Self.namesThePublisher($0, toks) }) {
                firstHit = (li, m.start, m.payload)
                break
            }
        }
        return firstHit?.name
    }

    /// Whether the line has a "(" byte (the only character that makes a "(" token).
    static func hasOpeningBracket(_ line: String) -> Bool {
        line.utf8.withContiguousStorageIfAvailable { $0.contains(0x28) } ?? line.utf8.contains(0x28)
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
