/// Reading scalars straight from a String's UTF-8 bytes, for scanners that walk text byte by byte
/// (ASCII is a byte compare) and decode only where a byte is not ASCII: cheaper than String or
/// UnicodeScalarView indices, which are validated and bridged at every step.
enum UTF8Scan {
    /// The scalar starting at byte `p` of valid UTF-8, and the offset just after it.
    @inline(__always) static func scalar(_ b: UnsafeBufferPointer<UInt8>, at p: Int) -> (Unicode.Scalar, Int) {
        let b0 = UInt32(b[p])
        if b0 < 0x80 { return (Unicode.Scalar(UInt8(b0)), p + 1) }
        let v: UInt32, len: Int
        if b0 < 0xE0 {
            v = (b0 & 0x1F) << 6 | UInt32(b[p + 1] & 0x3F); len = 2
        } else if b0 < 0xF0 {
            v = (b0 & 0x0F) << 12 | UInt32(b[p + 1] & 0x3F) << 6 | UInt32(b[p + 2] & 0x3F); len = 3
        } else {
            v = (b0 & 0x07) << 18 | UInt32(b[p + 1] & 0x3F) << 12 | UInt32(b[p + 2] & 0x3F) << 6 | UInt32(b[p + 3] & 0x3F); len = 4
        }
        return (Unicode.Scalar(v) ?? "\u{FFFD}", p + len)
    }

    /// The offset where the scalar ending just before byte `p` starts (`p` > 0).
    @inline(__always) static func start(before p: Int, in b: UnsafeBufferPointer<UInt8>) -> Int {
        var s = p - 1
        while s > 0 && b[s] & 0xC0 == 0x80 { s -= 1 }
        return s
    }

    /// The text of bytes `range` without leading and trailing spaces and tabs (as
    /// `TextNormalizer.trimmed`).
    static func trimmedString(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        var lo = range.lowerBound, hi = range.upperBound
        while lo < hi, b[lo] == 0x20 || b[lo] == 0x09 { lo += 1 }
        while hi > lo, b[hi - 1] == 0x20 || b[hi - 1] == 0x09 { hi -= 1 }
        return String(decoding: UnsafeBufferPointer(rebasing: b[lo..<hi]), as: UTF8.self)
    }
}
