/// Small UTF-8 helpers shared by the decoders and the HTML reducer.
enum UTF8Writer {
    /// Appends `scalar` (assumed valid: not a surrogate, <= 0x10FFFF) as UTF-8.
    @inline(__always)
    static func append(_ scalar: UInt32, to out: inout [UInt8]) {
        switch scalar {
        case 0..<0x80:
            out.append(UInt8(scalar))
        case 0x80..<0x800:
            out.append(UInt8(0xC0 | (scalar >> 6)))
            out.append(UInt8(0x80 | (scalar & 0x3F)))
        case 0x800..<0x10000:
            out.append(UInt8(0xE0 | (scalar >> 12)))
            out.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (scalar & 0x3F)))
        default:
            out.append(UInt8(0xF0 | (scalar >> 18)))
            out.append(UInt8(0x80 | ((scalar >> 12) & 0x3F)))
            out.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (scalar & 0x3F)))
        }
    }

    /// What a scan of bytes as UTF-8 found.
    struct Scan {
        /// Ill-formed sequences (each counted once, at its first byte).
        var invalid = 0
        /// Well-formed multi-byte sequences (evidence that the text really is UTF-8).
        var multibyte = 0
        /// Offset of the first ill-formed byte.
        var firstInvalid: Int?
    }

    /// Scans `bytes` as UTF-8. Rejects overlong forms, surrogates and values above U+10FFFF,
    /// like `String(validating:)`; after an ill-formed byte it resynchronises at the next byte.
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> Scan {
        var result = Scan()
        let n = bytes.count
        var i = 0
        while i < n {
            let b0 = bytes[i]
            if b0 < 0x80 {
                i += 1
                continue
            }
            if let length = sequenceLength(bytes, at: i) {
                result.multibyte += 1
                i += length
            } else {
                result.invalid += 1
                if result.firstInvalid == nil { result.firstInvalid = i }
                i += 1
            }
        }
        return result
    }

    /// Length of the well-formed multi-byte sequence starting at `i`, or nil.
    @inline(__always)
    private static func sequenceLength(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Int? {
        let length: Int
        var lower: UInt8 = 0x80
        var upper: UInt8 = 0xBF
        switch bytes[i] {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; lower = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; upper = 0x9F
        case 0xF0: length = 4; lower = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; upper = 0x8F
        default: return nil
        }
        guard i + length <= bytes.count else { return nil }
        let b1 = bytes[i + 1]
        guard b1 >= lower && b1 <= upper else { return nil }
        var k = 2
        while k < length {
            guard bytes[i + k] & 0xC0 == 0x80 else { return nil }
            k += 1
        }
        return length
    }
}
