/// An article's text, ready for extraction: decoded, line endings normalised to LF, HTML reduced.
public struct DecodedArticle: Sendable, Hashable {
    /// The text.
    public var text: String
    /// The encoding the bytes were in: "utf-8", "utf-16le", "utf-16be" or "windows-1252".
    public var encoding: String

    /// Creates a decoded article.
    public init(text: String, encoding: String) {
        self.text = text
        self.encoding = encoding
    }
}
