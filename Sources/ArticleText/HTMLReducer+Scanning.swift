/// Forward searches over the input. Every search starts where the caller is and never moves
/// backwards, which is what keeps the reducer linear.
extension HTMLReducer {
    /// Offset of the next `</name` (any case, followed by a non-name byte), or nil.
    func findEndTag(_ nameBytes: [UInt8], from start: Int) -> Int? {
        let n = input.count
        var index = start
        while let lt = findByte(Self.lt, from: index) {
            let nameStart = lt + 2
            if nameStart + nameBytes.count <= n && input[lt + 1] == Self.slash {
                var matches = true
                for (offset, expected) in nameBytes.enumerated() where (input[nameStart + offset] | 0x20) != expected {
                    matches = false
                    break
                }
                let after = nameStart + nameBytes.count
                if matches && (after == n || !Self.isAlphanumeric(input[after])) { return lt }
            }
            index = lt + 1
        }
        return nil
    }

    func findByte(_ byte: UInt8, from start: Int) -> Int? {
        var index = start
        let n = input.count
        while index < n {
            if input[index] == byte { return index }
            index += 1
        }
        return nil
    }

    func find(_ needle: [UInt8], from start: Int) -> Int? {
        guard let first = needle.first else { return start }
        var index = start
        let n = input.count
        while let candidate = findByte(first, from: index) {
            guard candidate + needle.count <= n else { return nil }
            var matches = true
            for offset in 1..<needle.count where input[candidate + offset] != needle[offset] {
                matches = false
                break
            }
            if matches { return candidate }
            index = candidate + 1
        }
        return nil
    }
}
