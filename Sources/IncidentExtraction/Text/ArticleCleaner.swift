/// The article as extraction reads it: headline, body paragraphs with page furniture removed, and
/// every original line kept aside for metadata (dates and credits often sit in furniture lines).
struct CleanArticle: Sendable {
    var title: String?
    var paragraphs: [String]
    var allLines: [String]
    /// Indices in `allLines` of link lists ("Related articles" and the short lines under it): their
    /// dates are other stories' publication dates.
    var listLines: Set<Int> = []
    /// Paragraphs that open a live blog's entry: a time of day on a line of its own came before
    /// them ("10:47 am", "13.10 BST").
    var entryStarts: Set<Int> = []
}

/// Removes what pages carry inside the text but is not the article: caption and credit lines,
/// newsletter and donation prompts, link lists, comment threads, blocks in other scripts, repeated
/// lines, headings, and datelines ("BAGHDAD (AP) -") that would otherwise read as incident places.
struct ArticleCleaner: Sendable {
    let rules: [BoilerplateRule]

    func clean(_ normalizedText: String) -> CleanArticle {
        let lines = Self.lines(normalizedText)
        var title: String?
        var paragraphs: [String] = []
        let ascii = TextNormalizer.isASCII(normalizedText)
        var seen = SeenLines(ascii: ascii)
        var pairs = BytePairs()
        var skippingSection = false
        var firstLine = true
        var listLines = Set<Int>()
        var entryStarts = Set<Int>()
        var afterTimeStamp = false
        var index = -1
        for raw in lines {
            index += 1
            var line = stripDatePrefix(raw)
            if line.isEmpty { continue }
            if firstLine {
                firstLine = false
                let isLongProse = line.utf8.count > 200 || TextNormalizer.lowercasedHasPrefix(raw, "date ")
                title = line.utf8.count <= 200 ? line : String(line.prefix(200))  // no walk over Characters when short
                if !isLongProse {
                    seen.insert(Self.lowercased(line, articleIsASCII: ascii))
                    continue
                }
            }
            var lower = Self.lowercased(line, articleIsASCII: ascii)
            let rule = lower.withUTF8 { bytes in
                pairs.fill(bytes)
                return rules.first { $0.glob.mayMatch(pairs) && $0.glob.matches(lowercasedLine: bytes) }
            }
            if let action = rule?.action {
                switch action {
                case .drop:
                    seen.insert(lower)
                    continue
                case .section:
                    skippingSection = true
                    listLines.insert(index)
                    continue
                case .stop:
                    // "Posted by NewsDesk | 0 Comments" above the story: the end of a page only
                    // once the story's prose has begun.
                    guard paragraphs.contains(where: { $0.utf8.count >= 50 && ($0.hasSuffix(".") || $0.hasSuffix("\"")) }) else {
                        seen.insert(lower)
                        continue
                    }
                    // Comments carry dates of their own (only the first 40 lines are read for dates).
                    listLines.formUnion(index..<max(index, min(lines.count, 40)))
                    return CleanArticle(title: title, paragraphs: paragraphs, allLines: lines, listLines: listLines, entryStarts: entryStarts)
                }
            }
            if skippingSection {
                if line.utf8.count < 100 { listLines.insert(index); continue }
                skippingSection = false
            }
            if TextNormalizer.foreignScriptShare(line) > 0.4 { continue }
            if Self.isTimeStamp(line) {
                afterTimeStamp = true
                continue
            }
            if seen.contains(lower) { continue }
            seen.insert(lower)
            if isHeading(line) { continue }
            if paragraphs.count < 3 { line = stripDateline(line) }
            // "18:42 Hezbollah says it fired ...": a live blog's entry with its time in front.
            if let n = Self.leadingTimeStamp(line) {
                line = String(line.utf8.dropFirst(n))!
                afterTimeStamp = true
            }
            if afterTimeStamp {
                entryStarts.insert(paragraphs.count)
                afterTimeStamp = false
            }
            paragraphs.append(line)
        }
        return CleanArticle(title: title, paragraphs: paragraphs, allLines: lines, listLines: listLines, entryStarts: entryStarts)
    }

    /// `line.lowercased()`, mapped byte by byte when the line is ASCII (where the two agree), also in
    /// an article that is not: most of its lines still are, and `lowercased()` costs far more.
    private static func lowercased(_ line: String, articleIsASCII: Bool) -> String {
        articleIsASCII || TextNormalizer.isASCII(line) ? TextNormalizer.lowercasedASCII(line) : line.lowercased()
    }

    /// Splits at newlines over UTF-8 bytes (splitting a String by Character walks grapheme
    /// clusters, the costliest step of cleaning), trimming spaces.
    static func lines(_ text: String) -> [String] {
        var text = text
        return text.withUTF8 { b in
            var out: [String] = []
            var start = 0
            for i in 0..<b.count where b[i] == 0x0A {
                out.append(UTF8Scan.trimmedString(b, start..<i))
                start = i + 1
            }
            out.append(UTF8Scan.trimmedString(b, start..<b.count))
            return out
        }
    }

    /// A line that is only a time of day ("10:47 am", "13.10 BST", "9:02 a.m. EST"): a live blog's
    /// entry begins after it.
    /// The length in bytes of a time of day opening a paragraph of prose ("18:42 Hezbollah says ...",
    /// "9.05 The army said ..."): one or two digits, ":" or ".", two digits, a space, then a capital
    /// letter or a quotation mark. Nil otherwise.
    static func leadingTimeStamp(_ line: String) -> Int? {
        guard let f = line.utf8.first, f >= 0x30, f <= 0x39, line.utf8.count > 12 else { return nil }
        let b = Array(line.utf8.prefix(8))
        func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
        var k = 0
        while k < b.count, k < 2, isDigit(b[k]) { k += 1 }
        guard k >= 1, k + 5 <= b.count, b[k] == 0x3A || b[k] == 0x2E, isDigit(b[k + 1]), isDigit(b[k + 2]), b[k + 3] == 0x20 else { return nil }
        let next = b[k + 4]
        guard (next >= 0x41 && next <= 0x5A) || next == 0x22 else { return nil }
        return k + 4
    }

    static func isTimeStamp(_ line: String) -> Bool {
        // Most lines are longer or open with a letter: answered before the bytes are copied.
        guard line.utf8.count <= 24, let f = line.utf8.first, f >= 0x30, f <= 0x39 else { return false }
        let b = Array(line.utf8.prefix(24))
        guard b.count == line.utf8.count, b.count >= 4 else { return false }
        func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
        var k = 0
        while k < b.count, k < 2, isDigit(b[k]) { k += 1 }
        guard k >= 1, k + 3 <= b.count, b[k] == 0x3A || b[k] == 0x2E, isDigit(b[k + 1]), isDigit(b[k + 2]) else { return false }
        k += 3
        // The rest: an optional am/pm and an optional time zone in capitals.
        let rest = String(decoding: b[k...], as: UTF8.self).split(separator: " ")
        guard rest.count <= 2 else { return false }
        for (n, part) in rest.enumerated() {
            let lower = part.lowercased()
            if n == 0, ["am", "pm", "a.m.", "p.m.", "a.m", "p.m"].contains(lower) { continue }
            guard (2...4).contains(part.count), part.allSatisfy({ $0.isASCII && $0.isUppercase }) else { return false }
        }
        return true
    }

    /// "date 2020-05-06 The Jerusalem Post ..." -> "The Jerusalem Post ...".
    private func stripDatePrefix(_ line: String) -> String {
        guard TextNormalizer.lowercasedHasPrefix(line, "date ") else { return line }
        let rest = line.dropFirst(5).drop(while: { $0 == " " })
        guard let first = rest.first, first.isNumber else { return line }
        let afterDate = rest.drop(while: { !$0.isWhitespace })
        return TextNormalizer.trimmed(afterDate)
    }

    /// Short lines without sentence punctuation are headings or link texts, not reports.
    private func isHeading(_ line: String) -> Bool {
        if let fast = Self.isHeadingASCIIEnd(line), let answer = fast { return answer }
        guard let last = line.last else { return true }
        if ".!?\"'):;".contains(last) { return false }
        let words = line.utf8.reduce(1) { $0 + ($1 == 0x20 ? 1 : 0) }
        return words <= 12
    }

    /// `isHeading` over bytes when the line ends in two ASCII bytes (nil otherwise): the last
    /// Character is then the last byte alone (no ASCII scalar joins the one before it into a
    /// cluster but LF after CR, and lines hold neither; an ASCII scalar is never a prefix that
    /// joins the next), so no grapheme breaking is needed. Asked of every kept line.
    private static func isHeadingASCIIEnd(_ line: String) -> Bool?? {
        line.utf8.withContiguousStorageIfAvailable { b -> Bool? in
            guard let end = b.last else { return true }
            guard end < 0x80, b.count < 2 || b[b.count - 2] < 0x80 else { return nil }
            switch end {
            case 0x2E, 0x21, 0x3F, 0x22, 0x27, 0x29, 0x3A, 0x3B: return false  // . ! ? " ' ) : ;
            default: break
            }
            var words = 1
            for c in b where c == 0x20 { words += 1 }
            return words <= 12
        }
    }

    /// "1. ", "12) ": one or two digits and a "." or ")" and a space.
    static func opensWithItemNumber(_ line: String) -> Bool {
        let b = Array(line.utf8.prefix(4))
        var k = 0
        while k < b.count, k < 2, b[k] >= 0x30, b[k] <= 0x39 { k += 1 }
        return k > 0 && k + 1 < b.count && (b[k] == 0x2E || b[k] == 0x29) && b[k + 1] == 0x20
    }

    /// "BAGHDAD (AP) - A U.S. airstrike ..." -> "A U.S. airstrike ...": a dateline names where the
    /// report was filed, not where the incident happened.
    private func stripDateline(_ line: String) -> String {
        // "🔸 BELGOROD REGION. Governor Gladkov: ...": a channel's bulleted item, not a dateline.
        if let u = line.unicodeScalars.first, u.properties.generalCategory == .otherSymbol { return line }
        // "1. Mogadishu - 29 Oct, approx. 14:00 hrs.": a numbered item's heading, not a dateline.
        if Self.opensWithItemNumber(line) { return line }
        // The first " - " or ": " within the first 70 bytes ends a dateline.
        let bytes = Array(line.utf8.prefix(70))
        var cutAt: Int?
        for k in 0..<bytes.count {
            if bytes[k] == 0x20, k + 1 < bytes.count, bytes[k + 1] == 0x2D { cutAt = k + 2 + (k + 2 < bytes.count && bytes[k + 2] == 0x20 ? 1 : 0); break }
        }
        if cutAt == nil, let k = (0..<max(0, bytes.count - 1)).first(where: { bytes[$0] == 0x3A && bytes[$0 + 1] == 0x20 }) { cutAt = k + 2 }
        guard let cutBytes = cutAt, let end = line.utf8.index(line.utf8.startIndex, offsetBy: cutBytes, limitedBy: line.utf8.endIndex),
              end <= line.endIndex, String.Index(end, within: line) != nil else { return line }
        let prefix = line[..<end]
        let tokens = Tokenizer.tokens(String(prefix))
        var depth = 0
        var words = 0
        for t in tokens {
            if t.text == "(" { depth += 1; continue }
            if t.text == ")" { depth -= 1; continue }
            if depth > 0 || t.kind == .punctuation { continue }
            if t.kind == .number { continue }
            words += 1
            if !t.isCapitalized { return line }
        }
        guard words >= 1, words <= 6 else { return line }
        return TextNormalizer.trimmed(line[end...])
    }
}

