/// How an article file is written, decided by its extension; it selects the text reduction applied.
public enum ArticleFormat: String, Sendable, Hashable, CaseIterable {
    /// `.txt`: taken as is.
    case plainText
    /// `.md`, `.markdown`: taken as is (Markdown reads well as text).
    case markdown
    /// `.html`, `.htm`: reduced to text with `HTMLText`.
    case html

    /// The format for a file name (`.txt .md .markdown .html .htm`, any case), or nil when the inbox
    /// does not accept the file. A name that is only an extension (".txt") has none.
    public static func from(fileName: String) -> ArticleFormat? {
        guard let dot = fileName.lastIndex(of: "."), dot != fileName.startIndex else { return nil }
        switch fileName[fileName.index(after: dot)...].lowercased() {
        case "txt": return .plainText
        case "md", "markdown": return .markdown
        case "html", "htm": return .html
        default: return nil
        }
    }
}
