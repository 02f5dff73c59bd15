/// Maps the typographic variants pages use onto plain forms (non-breaking and thin spaces, smart
/// quotes, dashes, zero-width characters) so every later rule sees one spelling. Works scalar by
/// scalar: one pass, no allocation per character.
enum TextNormalizer {
    static func normalize(_ text: String) -> String {
        var text = text
        return text.withUTF8 { normalize(utf8: $0) }
    }

    /// Printable ASCII (almost all of an article) is copied byte by byte; only other bytes are
    /// decoded into scalars and mapped.
    private static func normalize(utf8 b: UnsafeBufferPointer<UInt8>) -> String {
        var out = [UInt8]()
        out.reserveCapacity(b.count)
        func put(_ c: Unicode.Scalar) {
            if c.isASCII { out.append(UInt8(c.value)) } else { UTF8.encode(c) { out.append($0) } }
        }
        var previousWasCR = false
        var i = 0
        while i < b.count {
            if b[i] >= 0x20 && b[i] <= 0x7E {
                var j = i + 1
                while j < b.count && b[j] >= 0x20 && b[j] <= 0x7E { j += 1 }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: b[i..<j]))
                previousWasCR = false
                i = j
                continue
            }
            let (c, next) = UTF8Scan.scalar(b, at: i)
            i = next
            switch c.value {
            case 0x0D:
                out.append(0x0A); previousWasCR = true; continue
            case 0x0A:
                if previousWasCR { previousWasCR = false; continue }
                out.append(0x0A)
            case 0x20...0x7E:
                out.append(UInt8(c.value))
            case 0x00A0, 0x2000...0x200A, 0x202F, 0x205F, 0x3000, 0x09:
                out.append(0x20)
            case 0x200B...0x200D, 0xFEFF, 0x00AD, 0x2060:
                break
            case 0x2018, 0x2019, 0x201A, 0x201B, 0x2032, 0x00B4:
                out.append(0x27)
            case 0x201C, 0x201D, 0x201E, 0x201F, 0x2033, 0x00AB, 0x00BB:
                out.append(0x22)
            case 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212:
                out.append(0x2D)
            case 0x2026:
                out.append(contentsOf: [0x2E, 0x2E, 0x2E])
            case 0x2028, 0x2029, 0x0085:
                out.append(0x0A)
            case 0x00...0x08, 0x0B, 0x0C, 0x0E...0x1F, 0x7F:
                break
            default:
                put(c)
            }
            previousWasCR = false
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Drops leading and trailing spaces without Foundation's bridging.
    static func trimmed(_ s: Substring) -> String {
        let v = s.unicodeScalars
        var a = v.startIndex, b = v.endIndex
        while a < b, v[a] == " " || v[a] == "\t" { a = v.index(after: a) }
        while b > a, v[v.index(before: b)] == " " || v[v.index(before: b)] == "\t" { b = v.index(before: b) }
        return String(v[a..<b])
    }

    static func trimmed(_ s: String) -> String { trimmed(s[...]) }

    /// `line.lowercased().hasPrefix(prefix)` for a lowercase ASCII `prefix`, without lowercasing
    /// the whole line when its first byte already rules the prefix out: an ASCII first character
    /// lowercases to itself or its small letter, so unless that is the prefix's first byte the
    /// lowercased line cannot start with it. Callers test every line of an article this way.
    static func lowercasedHasPrefix(_ line: String, _ prefix: String) -> Bool {
        if let f = line.utf8.first, f < 0x80, let p = prefix.utf8.first {
            let lower = f >= 65 && f <= 90 ? f + 32 : f
            if lower != p { return false }
        }
        return line.lowercased().hasPrefix(prefix)
    }

    /// `s.count <= n` (Characters) without counting past n + 1 Characters: an article's lines are
    /// long and grapheme breaking is slow, and most callers only want short lines.
    static func hasAtMostCharacters(_ s: String, _ n: Int) -> Bool {
        if s.utf8.count <= n { return true }  // a Character is at least one byte
        // Each ASCII byte other than CR starts a Character of its own (only CR LF, and marks that
        // are not ASCII, join a scalar to the one before; no ASCII scalar joins the one after), so
        // n + 1 such bytes at the start mean more than n Characters.
        let asciiStart = s.utf8.withContiguousStorageIfAvailable { b in
            b.prefix(n + 1).allSatisfy { $0 < 0x80 && $0 != 0x0D }
        } ?? s.utf8.prefix(n + 1).allSatisfy { $0 < 0x80 && $0 != 0x0D }
        if asciiStart { return false }
        guard let i = s.index(s.startIndex, offsetBy: n, limitedBy: s.endIndex) else { return true }
        return i == s.endIndex
    }

    /// `s.lowercased()` of an all-ASCII `s` (A-Z to a-z, nothing else changes), mapped byte by byte:
    /// the cleaner lowercases every line of an article to match its patterns.
    static func lowercasedASCII(_ s: String) -> String {
        var s = s
        return s.withUTF8 { b in
            String(unsafeUninitializedCapacity: b.count) { out in
                for k in 0..<b.count {
                    let c = b[k]
                    out[k] = c >= 65 && c <= 90 ? c + 32 : c
                }
                return b.count
            }
        }
    }

    /// Whether every byte is ASCII, eight bytes at a time (asked of every line of an article).
    static func isASCII(_ s: String) -> Bool {
        var s = s
        return s.withUTF8 { b in
            guard let base = UnsafeRawPointer(b.baseAddress) else { return true }
            var i = 0
            while i + 8 <= b.count {
                if base.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return false }
                i += 8
            }
            while i < b.count {
                if b[i] >= 0x80 { return false }
                i += 1
            }
            return true
        }
    }

    /// Share of letters that are not Latin: a line mostly in another script is a translation block
    /// or a link to one.
    static func foreignScriptShare(_ line: String) -> Double {
        if isASCII(line) { return 0 }
        var letters = 0, foreign = 0
        for c in line.unicodeScalars where c.properties.isAlphabetic {
            letters += 1
            if c.value >= 0x0370 && !(0x1E00...0x1EFF).contains(c.value) { foreign += 1 }
        }
        return letters == 0 ? 0 : Double(foreign) / Double(letters)
    }
}
