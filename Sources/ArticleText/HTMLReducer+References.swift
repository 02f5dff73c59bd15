/// Character references (`&amp;`, `&#8212;`, `&#x1F680;`) in text and in `<title>`.
extension HTMLReducer {
    /// Decodes a reference at `position` (an `&`), or emits the `&` literally.
    mutating func reference(limit: Int? = nil) {
        let n = limit ?? input.count
        let start = position + 1
        guard start < n else {
            out.append(Self.amp)
            position += 1
            return
        }
        if input[start] == UInt8(ascii: "#") {
            numericReference(from: start + 1, limit: n)
            return
        }
        var end = start
        while end < n && end - start < 32 && Self.isAlphanumeric(input[end]) { end += 1 }
        if end > start {
            let name = String(decoding: UnsafeBufferPointer(rebasing: input[start..<end]), as: UTF8.self)
            let hasSemicolon = end < n && input[end] == UInt8(ascii: ";")
            if let replacement = HTMLEntities.named[name],
               hasSemicolon || HTMLEntities.legacyWithoutSemicolon.contains(name) {
                for byte in replacement.utf8 { emitText(byte) }
                position = hasSemicolon ? end + 1 : end
                return
            }
        }
        out.append(Self.amp)
        position += 1
    }

    mutating func numericReference(from start: Int, limit n: Int) {
        var index = start
        var hex = false
        if index < n && (input[index] | 0x20) == UInt8(ascii: "x") {
            hex = true
            index += 1
        }
        let digitsStart = index
        var value: UInt32 = 0
        while index < n {
            let b = input[index]
            let digit: UInt32
            if b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") {
                digit = UInt32(b - UInt8(ascii: "0"))
            } else if hex && (b | 0x20) >= UInt8(ascii: "a") && (b | 0x20) <= UInt8(ascii: "f") {
                digit = UInt32((b | 0x20) - UInt8(ascii: "a") + 10)
            } else {
                break
            }
            value = min(value &* (hex ? 16 : 10) &+ digit, 0x110000)  // saturate: stays invalid
            if value > 0x10FFFF { value = 0x110000 }
            index += 1
        }
        guard index > digitsStart else {
            out.append(Self.amp)
            position += 1
            return
        }
        if index < n && input[index] == UInt8(ascii: ";") { index += 1 }
        let scalar = HTMLEntities.numeric(value)
        if scalar < 0x80 {
            emitText(UInt8(scalar))
        } else if scalar == 0xA0 {
            emitSpace()
        } else {
            UTF8Writer.append(scalar, to: &out)
        }
        position = index
    }
}
