/// A tag name packed into two words (lowercased ASCII, at most 16 bytes), so classifying one of the
/// millions of tags a large page may have costs a hash of two integers and no allocation.
struct HTMLTagName: Hashable {
    private var low: UInt64 = 0
    private var high: UInt64 = 0

    /// Nil for names longer than 16 bytes (no element we treat specially is that long).
    init?(_ input: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
        guard range.count <= 16 else { return nil }
        for (offset, index) in range.enumerated() {
            var byte = UInt64(input[index])
            if byte >= 0x41 && byte <= 0x5A { byte |= 0x20 }
            if offset < 8 { low |= byte << (8 * UInt64(offset)) } else { high |= byte << (8 * UInt64(offset - 8)) }
        }
    }

    init(_ name: String) {
        let bytes = Array(name.utf8)
        self = bytes.withUnsafeBufferPointer { HTMLTagName($0, 0..<$0.count)! }
    }
}

/// What an element means for the text layout.
enum HTMLTagClass {
    /// Content dropped up to the matching end tag (`script`, `style`, …).
    case skipped
    /// A paragraph-like block: blank line before and after.
    case paragraph
    /// A block: line break before and after.
    case block
    /// An inline boundary that separates words (`td`, `label`, …).
    case cell
    case title
    case lineBreak
    case heading1
    /// `pre`-like: keeps its line breaks; `blankLine` for `pre` itself.
    case preformatted(blankLine: Bool)
    case image

    /// Elements with a meaning for the text; anything else is transparent.
    static let table: [HTMLTagName: HTMLTagClass] = {
        var table: [HTMLTagName: HTMLTagClass] = [:]
        for name in ["script", "style", "noscript", "template", "svg", "math", "iframe", "noembed", "noframes", "object"] {
            table[HTMLTagName(name)] = .skipped
        }
        for name in ["p", "h2", "h3", "h4", "h5", "h6", "blockquote", "table", "figure", "ul", "ol", "dl", "hr"] {
            table[HTMLTagName(name)] = .paragraph
        }
        for name in [
            "div", "li", "tr", "section", "article", "header", "footer", "main", "nav", "aside", "address",
            "dd", "dt", "figcaption", "caption", "form", "fieldset", "legend", "details", "summary", "body",
            "html", "head", "center", "option", "tbody", "thead", "tfoot", "dialog", "hgroup", "menu",
        ] {
            table[HTMLTagName(name)] = .block
        }
        for name in ["td", "th", "label", "button", "input", "select"] {
            table[HTMLTagName(name)] = .cell
        }
        table[HTMLTagName("title")] = .title
        table[HTMLTagName("br")] = .lineBreak
        table[HTMLTagName("h1")] = .heading1
        table[HTMLTagName("pre")] = .preformatted(blankLine: true)
        table[HTMLTagName("listing")] = .preformatted(blankLine: false)
        table[HTMLTagName("textarea")] = .preformatted(blankLine: false)
        table[HTMLTagName("img")] = .image
        return table
    }()
}
