import Foundation

/// Folds an article's text so that copies differing only in whitespace, line endings or Unicode
/// forms give the same string.
///
/// The pipeline SHA-256s the result as the exact-duplicate key and shingles it for the
/// near-duplicate sketch, so a file re-saved by another editor (CRLF, NBSP, curly quotes, a BOM)
/// is recognised as the article already stored instead of a new report.
public enum ArticleNormalizer {
    /// NFKC, lowercase, typographic punctuation to ASCII, invisible characters dropped, every
    /// whitespace run (newlines included) to one space, trimmed.
    public static func normalized(_ text: String) -> String {
        let folded = text.precomposedStringWithCompatibilityMapping.lowercased()
        var out = String.UnicodeScalarView()
        out.reserveCapacity(folded.unicodeScalars.count)
        var pendingSpace = false
        for scalar in folded.unicodeScalars {
            let mapped: Unicode.Scalar?
            switch scalar.value {
            case 0x2018, 0x2019, 0x201A, 0x201B, 0x2032, 0x02BC, 0x0060, 0x00B4:
                mapped = "'"
            case 0x201C, 0x201D, 0x201E, 0x201F, 0x2033, 0x00AB, 0x00BB:
                mapped = "\""
            case 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xFE58, 0xFE63, 0xFF0D:
                mapped = "-"
            case 0x2022, 0x00B7, 0x2027:
                mapped = "*"
            case 0x00AD, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x200E, 0x200F:
                mapped = nil  // soft hyphen, zero-width characters, BOM, direction marks
            default:
                if scalar.properties.isWhitespace || scalar.value == 0x85 {
                    pendingSpace = true
                    continue
                }
                switch scalar.properties.generalCategory {
                case .control, .format:
                    mapped = nil
                default:
                    mapped = scalar
                }
            }
            guard let mapped else { continue }
            if pendingSpace {
                if !out.isEmpty { out.append(" ") }
                pendingSpace = false
            }
            out.append(mapped)
        }
        return String(out)
    }
}
