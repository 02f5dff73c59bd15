/// File names that are not valid UTF-8: Linux allows any bytes but "/" and NUL, and Swift's
/// `String` paths cannot name such a file (a lossy decode names a different, missing file).
extension SafeFile {
    /// Renames the entry `name` (raw bytes) inside `directory` to `newName`, never replacing an
    /// existing entry (`renameat2(RENAME_NOREPLACE)`; EEXIST is reported with `isAlreadyExists`).
    /// Works for files, links, FIFOs and folders alike; links are renamed, not followed.
    public static func rename(rawName name: [UInt8], in directory: String, to newName: String) throws(SystemError) {
        let dir = Array(directory.utf8) + (directory.hasSuffix("/") ? [] : [0x2F])
        let display = "\(directory)/\(String(decoding: name, as: UTF8.self)) -> \(newName)"
        try RenameNoReplace.move(fromBytes: dir + name, toBytes: dir + Array(newName.utf8), display: display)
    }

    /// A valid UTF-8 name standing in for `name`: each invalid byte becomes `%XX` (its hex value,
    /// as in a URL), so the result is readable, keeps the extension and differs between inputs.
    /// Returns nil when `name` is already valid UTF-8.
    public static func utf8Substitute(forRawName name: [UInt8]) -> String? {
        if String(validating: name, as: UTF8.self) != nil { return nil }
        var out = ""
        var i = 0
        while i < name.count {
            // Longest valid UTF-8 scalar starting at i (1...4 bytes), else one escaped byte.
            var taken = false
            for len in 1...4 where i + len <= name.count {
                if let s = String(validating: name[i..<(i + len)], as: UTF8.self) {
                    out += s == "%" ? "%25" : s
                    i += len
                    taken = true
                    break
                }
            }
            if !taken {
                out += "%" + String(name[i], radix: 16, uppercase: true).leftPadded(to: 2)
                i += 1
            }
        }
        return out
    }
}

private extension String {
    func leftPadded(to n: Int) -> String { count >= n ? self : String(repeating: "0", count: n - count) + self }
}
