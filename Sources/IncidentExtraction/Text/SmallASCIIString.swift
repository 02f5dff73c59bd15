/// Builds short ASCII Strings (at most 15 bytes: most words of a sentence) from bytes packed into two
/// words, in the inline form Swift keeps such strings in, without a heap object or a UTF-8
/// validation pass.
///
/// Why: the tokenizer makes one or two Strings per token, and `String(decoding:as:)` spent about
/// 130 instructions on each (validating, then copying into the same inline form). A String of at
/// most 15 ASCII bytes is stored inline on 64-bit platforms: the bytes in order, the count in the
/// low nibble of the last byte and 0xE in its high nibble. That layout is checked once, on first
/// use, against Strings the standard library made itself; where it differs (another platform or
/// runtime), `isAvailable` is false and callers take the ordinary path.
enum SmallASCIIString {
    static let capacity = 15

    /// Whether `make` builds Strings equal to the standard library's own in every respect checked.
    static let isAvailable: Bool = {
        guard MemoryLayout<String>.size == 16 else { return false }
        let samples = ["", "a", "Homs", "the", "U.S.", "abcdefghijklmno", "0123456789", "it's"]
        for s in samples {
            let words = pack(Array(s.utf8))
            let made = make(words, count: s.utf8.count)
            let own = unsafeBitCast(s, to: (UInt64, UInt64).self)
            guard own == (words.0, words.1 | UInt64(0xE0 | s.utf8.count) << 56), made == s, made.utf8.count == s.utf8.count,
                  Array(made.utf8) == Array(s.utf8), made.hashValue == s.hashValue else { return false }
        }
        return true
    }()

    /// Up to 15 bytes packed little-endian into two words, the way they sit in an inline String
    /// (the bytes past the end are zero).
    @inline(__always) static func pack(_ bytes: some Collection<UInt8>) -> (UInt64, UInt64) {
        var words: (UInt64, UInt64) = (0, 0)
        withUnsafeMutableBytes(of: &words) { w in
            var k = 0
            for b in bytes.prefix(capacity) { w[k] = b; k += 1 }
        }
        return words
    }

    /// The String of `count` ASCII bytes packed in `words`; only when `isAvailable`, every byte
    /// ASCII, the bytes past `count` zero and `count <= 15`.
    @inline(__always) static func make(_ words: (UInt64, UInt64), count: Int) -> String {
        unsafeBitCast((words.0, words.1 | UInt64(0xE0 | count) << 56), to: String.self)
    }
}
