/// Spellings of one Arabic, Persian, Pashto or Somali name that English news writes with doubled vowels for
/// long ones ("Mustabaa", "Mayadeen", "Qaboon") where GeoNames writes single letters ("Mustaba'",
/// "Mayadin", "Qabun"). Rather than listing each spelling as an alias, a name the gazetteer does not
/// know is looked up again with its doubled vowels folded: first to the single letter, then with
/// "ee" as "i" and "oo" as "u" (the long vowels they stand for).
///
/// The final long "a" is written with and without the "h" of the Arabic ta marbuta ("Kabkabiya" /
/// "Kabkabiyah", "Jableh" / "Jablah"): a name ending in "a", "ah" or "eh" is looked up in the other
/// forms too.
///
/// A doubled consonant is written once too ("Jillib" for GeoNames' "Jilib").
///
/// Only asked after a miss, and only for names with a doubled letter or such an ending, so ordinary
/// lookups cost nothing more; a name that names a place as written keeps it.
enum TransliterationFolding {
    /// Whether `variants(of:)` may give anything for a name with this word: a doubled vowel, or (as
    /// its last word) an ending in "a", "ah" or "eh". One pass over the bytes: asked of every
    /// capitalised word the gazetteer misses.
    static func mayFold(_ key: String, last: Bool) -> Bool {
        var previous: UInt8 = 0, beforePrevious: UInt8 = 0
        for b in key.utf8 {
            if b == previous, isVowel(b) || isConsonant(b) { return true }
            beforePrevious = previous
            previous = b
        }
        guard last else { return false }
        return previous == 0x61 || (previous == 0x68 && (beforePrevious == 0x61 || beforePrevious == 0x65))
    }

    /// The folded readings of a compact key, most literal first, none equal to the key.
    static func variants(of key: String) -> [String] {
        let single = fold(key) { b in b }
        let long = fold(key) { b in b == 0x65 ? 0x69 : (b == 0x6F ? 0x75 : b) }  // ee -> i, oo -> u
        var out: [String] = []
        for v in [single, long] where v != key && !out.contains(v) { out.append(v) }
        // "Jillib" for "Jilib", "Middle Jubba" for "Middle Juba": one doubled consonant written
        // once (each in turn: "middle" keeps its own).
        for v in foldConsonants(single) where v != key && !out.contains(v) { out.append(v) }
        for base in [key] + out {
            for v in endings(of: base) where v != key && !out.contains(v) { out.append(v) }
        }
        return out
    }

    /// "-a" as "-ah", "-ah" as "-a", "-eh" as "-ah" and "-a".
    private static func endings(of key: String) -> [String] {
        guard key.utf8.count >= 4 else { return [] }
        if key.hasSuffix("ah") { return [String(key.dropLast())] }
        if key.hasSuffix("eh") { let stem = key.dropLast(2); return [stem + "ah", stem + "a"] }
        if key.hasSuffix("a") { return [key + "h"] }
        return []
    }

    /// The key with each doubled vowel written once, as `long` maps it.
    private static func fold(_ key: String, long: (UInt8) -> UInt8) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(key.utf8.count)
        let bytes = Array(key.utf8)
        var k = 0
        while k < bytes.count {
            if k + 1 < bytes.count, bytes[k] == bytes[k + 1], isVowel(bytes[k]) {
                out.append(long(bytes[k]))
                k += 2
            } else {
                out.append(bytes[k])
                k += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The key with one of its doubled consonant letters written once, for each such pair.
    private static func foldConsonants(_ key: String) -> [String] {
        let bytes = Array(key.utf8)
        var out: [String] = []
        for k in bytes.indices.dropFirst() where bytes[k] == bytes[k - 1] && isConsonant(bytes[k]) && out.count < 4 {
            var b = bytes
            b.remove(at: k)
            out.append(String(decoding: b, as: UTF8.self))
        }
        return out
    }

    private static func isConsonant(_ b: UInt8) -> Bool { b >= 0x61 && b <= 0x7A && !isVowel(b) }

    private static func isVowel(_ b: UInt8) -> Bool { b == 0x61 || b == 0x65 || b == 0x69 || b == 0x6F || b == 0x75 }
}
