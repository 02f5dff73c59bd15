/// The state machine behind `HTMLText`.
struct HTMLReducer {
    let input: UnsafeBufferPointer<UInt8>
    var position = 0
    var out: [UInt8] = []
    var preDepth = 0
    var title: [UInt8]?
    var firstH1Start: Int?
    var firstH1: [UInt8]?
    /// Memo for unmatched quotes: no such quote exists after this offset (keeps tag scanning linear).
    var noDoubleQuoteAfter = Int.max
    var noSingleQuoteAfter = Int.max

    init(input: UnsafeBufferPointer<UInt8>) {
        self.input = input
        out.reserveCapacity(input.count)
    }

    // MARK: Byte classes

    static let lt = UInt8(ascii: "<"), gt = UInt8(ascii: ">"), amp = UInt8(ascii: "&")
    static let slash = UInt8(ascii: "/"), bang = UInt8(ascii: "!"), question = UInt8(ascii: "?")
    static let space = UInt8(ascii: " "), newline = UInt8(ascii: "\n")

    @inline(__always) static func isSpace(_ b: UInt8) -> Bool {
        b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0C
    }

    @inline(__always) static func isLetter(_ b: UInt8) -> Bool {
        (b | 0x20) >= UInt8(ascii: "a") && (b | 0x20) <= UInt8(ascii: "z")
    }

    @inline(__always) static func isAlphanumeric(_ b: UInt8) -> Bool {
        isLetter(b) || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9"))
    }

    // MARK: Output

    var trailingNewlines: Int {
        var count = 0
        var index = out.count - 1
        while index >= 0 && out[index] == Self.newline && count < 2 {
            count += 1
            index -= 1
        }
        return count
    }

    mutating func trimTrailingSpaces() {
        while out.last == Self.space { out.removeLast() }
    }

    /// Collapsible whitespace: one space, never at the start of a line.
    @inline(__always) mutating func emitSpace() {
        guard let last = out.last, last != Self.space, last != Self.newline else { return }
        out.append(Self.space)
    }

    /// A hard line break (`<br>`, a newline inside `<pre>`); at most one blank line in a row.
    mutating func lineBreak() {
        trimTrailingSpaces()
        guard !out.isEmpty, trailingNewlines < 2 else { return }
        out.append(Self.newline)
    }

    /// Ensures the output ends with `count` (1 or 2) newlines, unless nothing was written yet.
    mutating func blockBreak(_ count: Int) {
        trimTrailingSpaces()
        guard !out.isEmpty else { return }
        var missing = count - trailingNewlines
        while missing > 0 {
            out.append(Self.newline)
            missing -= 1
        }
    }

    @inline(__always) mutating func emitText(_ byte: UInt8) {
        if Self.isSpace(byte) {
            if preDepth > 0 && byte == Self.newline { lineBreak() } else { emitSpace() }
        } else {
            out.append(byte)
        }
    }

    // MARK: Driver

    mutating func run() {
        let n = input.count
        while position < n {
            let byte = input[position]
            if byte == Self.lt {
                markup()
            } else if byte == Self.amp {
                reference()
            } else {
                emitText(byte)
                position += 1
            }
        }
    }

    /// Text and character references only (RCDATA: `<title>`, `<textarea>`), up to `end`.
    mutating func rcdata(until end: Int) {
        while position < end {
            if input[position] == Self.amp {
                reference(limit: end)
            } else {
                emitText(input[position])
                position += 1
            }
        }
    }

    // MARK: Markup

    mutating func markup() {
        let n = input.count
        let start = position
        guard start + 1 < n else {
            out.append(Self.lt)
            position += 1
            return
        }
        let next = input[start + 1]
        if next == Self.bang {
            if start + 3 < n && input[start + 2] == UInt8(ascii: "-") && input[start + 3] == UInt8(ascii: "-") {
                position = find([UInt8]("-->".utf8), from: start + 4).map { $0 + 3 } ?? n
            } else {
                position = findByte(Self.gt, from: start + 2).map { $0 + 1 } ?? n
            }
            return
        }
        if next == Self.question {
            position = findByte(Self.gt, from: start + 2).map { $0 + 1 } ?? n
            return
        }
        let isEnd = next == Self.slash
        let nameStart = isEnd ? start + 2 : start + 1
        guard nameStart < n, Self.isLetter(input[nameStart]) else {
            if isEnd {  // "</>" or "</ x>": a bogus comment in HTML
                position = findByte(Self.gt, from: nameStart).map { $0 + 1 } ?? n
            } else {  // "a < b": literal text
                out.append(Self.lt)
                position += 1
            }
            return
        }
        var nameEnd = nameStart
        while nameEnd < n, !Self.isSpace(input[nameEnd]), input[nameEnd] != Self.slash, input[nameEnd] != Self.gt {
            nameEnd += 1
        }
        let kind = HTMLTagName(input, nameStart..<nameEnd).flatMap { HTMLTagClass.table[$0] }
        if isEnd {
            position = findByte(Self.gt, from: nameEnd).map { $0 + 1 } ?? n
            if let kind { endTag(kind) }
        } else {
            position = endOfStartTag(from: nameEnd)
            if let kind { startTag(kind, name: nameStart..<nameEnd) }
        }
    }

    /// Index just past the `>` that ends a start tag, skipping quoted attribute values.
    /// An unterminated quote falls back to the first `>` after it.
    mutating func endOfStartTag(from start: Int) -> Int {
        let n = input.count
        var index = start
        var afterEquals = false
        while index < n {
            let b = input[index]
            if b == Self.gt { return index + 1 }
            if b == UInt8(ascii: "=") {
                afterEquals = true
            } else if afterEquals && (b == UInt8(ascii: "\"") || b == UInt8(ascii: "'")) {
                afterEquals = false
                if let close = findQuote(b, from: index + 1) {
                    index = close + 1
                    continue
                }
                return findByte(Self.gt, from: index + 1).map { $0 + 1 } ?? n
            } else if !Self.isSpace(b) {
                afterEquals = false
            }
            index += 1
        }
        return n
    }

    mutating func findQuote(_ quote: UInt8, from start: Int) -> Int? {
        let isDouble = quote == UInt8(ascii: "\"")
        if start > (isDouble ? noDoubleQuoteAfter : noSingleQuoteAfter) { return nil }
        if let found = findByte(quote, from: start) { return found }
        if isDouble { noDoubleQuoteAfter = min(noDoubleQuoteAfter, start) } else { noSingleQuoteAfter = min(noSingleQuoteAfter, start) }
        return nil
    }

    mutating func startTag(_ kind: HTMLTagClass, name: Range<Int>) {
        switch kind {
        case .skipped:
            position = skipRawText(input[name].map { Self.isLetter($0) ? $0 | 0x20 : $0 })
        case .title:
            // Collected aside (the body buffer is swapped out, not copied).
            let end = findEndTag(Array("title".utf8), from: position) ?? input.count
            var body: [UInt8] = []
            swap(&body, &out)
            let savedPre = preDepth
            preDepth = 0
            rcdata(until: end)
            preDepth = savedPre
            if title == nil { title = Self.trimmed(out[...]) }
            swap(&body, &out)
            position = end
        case .lineBreak:
            lineBreak()
        case .heading1:
            blockBreak(2)
            if firstH1Start == nil { firstH1Start = out.count }
        case .preformatted(let blankLine):
            blockBreak(blankLine ? 2 : 1)
            preDepth += 1
        case .image, .cell:
            emitSpace()
        case .paragraph:
            blockBreak(2)
        case .block:
            blockBreak(1)
        }
    }

    mutating func endTag(_ kind: HTMLTagClass) {
        switch kind {
        case .heading1:
            if let start = firstH1Start, firstH1 == nil {
                firstH1 = Self.trimmed(out[min(start, out.count)...])
            }
            blockBreak(2)
        case .preformatted(let blankLine):
            preDepth = max(0, preDepth - 1)
            blockBreak(blankLine ? 2 : 1)
        case .lineBreak:
            lineBreak()  // "</br>" acts like <br> in browsers
        case .paragraph:
            blockBreak(2)
        case .block:
            blockBreak(1)
        case .cell:
            emitSpace()
        case .skipped, .title, .image:
            break
        }
    }

    /// Skips the content of a raw-text element and its end tag; returns the new position.
    func skipRawText(_ name: [UInt8]) -> Int {
        guard let end = findEndTag(name, from: position) else { return input.count }
        return findByte(Self.gt, from: end).map { $0 + 1 } ?? input.count
    }


    // MARK: Result

    /// One line: whitespace runs (including line breaks) become one space, none at either end.
    static func trimmed(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        var line: [UInt8] = []
        line.reserveCapacity(bytes.count)
        var pendingSpace = false
        for byte in bytes {
            if isSpace(byte) {
                pendingSpace = !line.isEmpty
            } else {
                if pendingSpace { line.append(space) }
                pendingSpace = false
                line.append(byte)
            }
        }
        return line
    }

    mutating func result() -> String {
        trimTrailingSpaces()
        while out.last == Self.newline || out.last == Self.space { out.removeLast() }
        let headline = (title?.isEmpty == false ? title : nil) ?? firstH1
        guard let headline, !headline.isEmpty else {
            return String(decoding: out, as: UTF8.self)
        }
        let startsWithHeadline = out.starts(with: headline)
            && (out.count == headline.count || out[headline.count] == Self.newline)
        if startsWithHeadline {
            return String(decoding: out, as: UTF8.self)
        }
        var text = headline
        text.reserveCapacity(headline.count + 2 + out.count)
        if !out.isEmpty { text.append(contentsOf: [Self.newline, Self.newline]) }
        text.append(contentsOf: out)
        return String(decoding: text, as: UTF8.self)
    }
}
