/// Windows-1252, the encoding of most "ANSI" text from Windows: Latin-1 plus typographic characters
/// in 0x80–0x9F. Five bytes (0x81, 0x8D, 0x8F, 0x90, 0x9D) are undefined.
enum Windows1252 {
    /// Unicode scalars for 0x80...0x9F; 0 marks the five undefined bytes.
    static let high: [UInt32] = [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
        0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
    ]

    /// The scalar for `byte`, or nil for an undefined byte.
    static func scalar(for byte: UInt8) -> UInt32? {
        if byte < 0x80 || byte >= 0xA0 { return UInt32(byte) }
        let value = high[Int(byte - 0x80)]
        return value == 0 ? nil : value
    }

    /// Transcodes to UTF-8; undefined bytes become U+FFFD and are counted.
    static func toUTF8(_ bytes: ArraySlice<UInt8>) -> (utf8: [UInt8], undefined: Int) {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 4)
        var undefined = 0
        for byte in bytes {
            if byte < 0x80 {
                out.append(byte)
            } else if let scalar = scalar(for: byte) {
                UTF8Writer.append(scalar, to: &out)
            } else {
                undefined += 1
                UTF8Writer.append(0xFFFD, to: &out)
            }
        }
        return (out, undefined)
    }
}
