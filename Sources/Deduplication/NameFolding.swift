import Foundation

/// Comparison keys for names that the gazetteer already canonicalised: case, diacritics, spaces,
/// hyphens and apostrophes must not make "Deir ez-Zor" and "Deir Ez Zor" two provinces.
enum NameFolding {
    /// Lowercase ASCII letters and digits (plus letters of other scripts), nothing else.
    static func key(_ name: String?) -> String? {
        guard let name else { return nil }
        if let ascii = asciiKey(name) { return ascii.isEmpty ? nil : ascii }
        var out = String.UnicodeScalarView()
        for s in name.decomposedStringWithCanonicalMapping.unicodeScalars {
            if s.properties.generalCategory == .nonspacingMark { continue }
            if s.properties.isAlphabetic || s.properties.numericType != nil {
                out.append(contentsOf: s.properties.lowercaseMapping.unicodeScalars)
            }
        }
        let k = String(out)
        return k.isEmpty ? nil : k
    }

    /// The key of an all-ASCII name without Unicode work (most names); nil when the name is not ASCII.
    private static func asciiKey(_ name: String) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(name.utf8.count)
        for b in name.utf8 {
            switch b {
            case 0x80...: return nil
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): bytes.append(b + 32)
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): bytes.append(b)
            default: continue
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Content words of free text (targets), lowercased, without short or generic words.
    static func contentWords(_ text: String?) -> Set<String> {
        guard let text else { return [] }
        var words = Set<String>()
        var current = ""
        func flush() {
            var w = current
            current = ""
            guard w.count >= 3, !genericWords.contains(w) else { return }
            if w.count > 4, w.hasSuffix("s") { w.removeLast() }  // crude plural folding: "militias" ~ "militia"
            words.insert(w)
        }
        for s in text.decomposedStringWithCanonicalMapping.unicodeScalars {
            if s.properties.generalCategory == .nonspacingMark { continue }
            if s.properties.isAlphabetic || s.properties.numericType != nil {
                current.unicodeScalars.append(contentsOf: s.properties.lowercaseMapping.unicodeScalars)
            } else {
                flush()
            }
        }
        flush()
        return words
    }

    static let genericWords: Set<String> = [
        "the", "and", "for", "with", "from", "near", "into", "its", "their", "other", "several", "some",
        "area", "areas", "site", "sites", "targets", "target", "position", "positions", "building", "buildings",
        "facility", "facilities", "belonging", "used", "city", "town", "village", "centre", "center",
    ]
}
