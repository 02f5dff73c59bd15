/// UTF-16 (with a byte-order mark) to UTF-8.
enum UTF16Decoding {
    struct Result {
        var utf8: [UInt8]
        /// Unpaired surrogates and a dangling odd byte, each replaced by U+FFFD.
        var replaced: Int
        /// Number of code units (for "how frequent were the problems").
        var units: Int
        /// Index (in code units) of the first U+0000.
        var firstNUL: Int?
    }

    static func toUTF8(_ bytes: ArraySlice<UInt8>, bigEndian: Bool) -> Result {
        let unitCount = bytes.count / 2
        var result = Result(utf8: [], replaced: bytes.count % 2, units: unitCount, firstNUL: nil)
        result.utf8.reserveCapacity(unitCount + unitCount / 2)
        bytes.withUnsafeBufferPointer { raw in
            @inline(__always) func unit(_ index: Int) -> UInt32 {
                let a = UInt32(raw[2 * index]), b = UInt32(raw[2 * index + 1])
                return bigEndian ? (a << 8 | b) : (b << 8 | a)
            }
            var index = 0
            while index < unitCount {
                let u = unit(index)
                index += 1
                switch u {
                case 0xD800...0xDBFF:
                    if index < unitCount, case let low = unit(index), (0xDC00...0xDFFF).contains(low) {
                        index += 1
                        UTF8Writer.append(0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00), to: &result.utf8)
                    } else {
                        result.replaced += 1
                        UTF8Writer.append(0xFFFD, to: &result.utf8)
                    }
                case 0xDC00...0xDFFF:
                    result.replaced += 1
                    UTF8Writer.append(0xFFFD, to: &result.utf8)
                default:
                    if u == 0 && result.firstNUL == nil { result.firstNUL = index - 1 }
                    UTF8Writer.append(u, to: &result.utf8)
                }
            }
        }
        if bytes.count % 2 == 1 { UTF8Writer.append(0xFFFD, to: &result.utf8) }
        return result
    }
}
