import Foundation

/// Reads the line-oriented data files under `Config/extraction/`: UTF-8 text, one record a line,
/// `#` starts a comment line, fields separated by tabs. Kept tiny so users can edit the files with
/// any editor and a malformed line is skipped rather than fatal.
enum ConfigFile {
    /// The records of `name` in every directory, in directory order (later directories extend
    /// earlier ones). A missing file is an empty list.
    static func rows(_ name: String, in directories: [URL]) -> [[String]] {
        var out: [[String]] = []
        forEachRow(name, in: directories) { out.append($0) }
        return out
    }

    /// Hands the records of `name` in every directory to `body` one at a time, in directory order,
    /// without collecting them: the gazetteer's 52k rows as one `[[String]]` were megabytes of
    /// short-lived strings that stayed behind as heap fragments.
    static func forEachRow(_ name: String, in directories: [URL], _ body: ([String]) -> Void) {
        for dir in directories {
            let url = dir.appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: url.path) else { continue }
            parse(String(decoding: data, as: UTF8.self), body)
        }
    }

    /// Splits file text into records of tab-separated fields.
    static func parse(_ text: String) -> [[String]] {
        var out: [[String]] = []
        parse(text) { out.append($0) }
        return out
    }

    /// Splits file text into records of tab-separated fields, handing each to `body`.
    ///
    /// Works on UTF-8 bytes (the gazetteer is megabytes and splitting Characters walks grapheme
    /// clusters). Line breaks and tabs are always Characters of their own, so splitting bytes
    /// there is exact; where a comment mark, a `|` or a trimmed space could be joined to a
    /// neighbouring non-ASCII scalar in one Character, the line or field falls back to the
    /// Character-based code, so the records are the same as splitting Characters.
    static func parse(_ text: String, _ body: ([String]) -> Void) {
        var text = text
        text.withUTF8 { b in
            var start = 0
            while start < b.count {
                var end = start
                while end < b.count && b[end] != 0x0A && b[end] != 0x0D { end += 1 }
                if end > start, let fields = record(b, start..<end) { body(fields) }
                start = end + 1
            }
        }
    }

    /// The fields of one non-empty line, or nil for a comment or a line of empty fields.
    private static func record(_ b: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> [String]? {
        if b[line.lowerBound] == 0x23 {  // "#", unless a combining mark makes it another Character
            let next = line.lowerBound + 1
            if next == line.upperBound || b[next] < 0x80 { return nil }
            if String(decoding: UnsafeBufferPointer(rebasing: b[line]), as: UTF8.self).hasPrefix("#") { return nil }
        }
        let fields = split(b, line, separator: 0x09, omittingEmpty: false) ?? {
            String(decoding: UnsafeBufferPointer(rebasing: b[line]), as: UTF8.self)
                .split(separator: "\t", omittingEmptySubsequences: false).map(trimmed)
        }()
        return fields.allSatisfy({ $0.isEmpty }) ? nil : fields
    }

    /// Splits bytes `range` at `separator` and trims spaces from each part, as splitting and
    /// trimming Characters would; nil when a separator or a trimmed space touches a non-ASCII
    /// scalar (which could make it part of a larger Character) or the text holds a line break
    /// (trimming also drops a lone CR), for the caller to do it the slow way.
    private static func split(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, separator: UInt8, omittingEmpty: Bool) -> [String]? {
        for k in range where b[k] == 0x0D || b[k] == 0x0A { return nil }
        var out: [String] = []
        var start = range.lowerBound
        while true {
            var end = start
            while end < range.upperBound && b[end] != separator { end += 1 }
            if end < range.upperBound {
                if end > range.lowerBound && b[end - 1] >= 0x80 { return nil }
                if end + 1 < range.upperBound && b[end + 1] >= 0x80 { return nil }
            }
            var lo = start, hi = end
            while lo < hi && b[lo] == 0x20 { lo += 1 }
            if lo > start && lo < hi && b[lo] >= 0x80 { return nil }
            while hi > lo && b[hi - 1] == 0x20 { hi -= 1 }
            if hi < end && hi > lo && b[hi - 1] >= 0x80 { return nil }
            if !(omittingEmpty && lo == hi) { out.append(String(decoding: UnsafeBufferPointer(rebasing: b[lo..<hi]), as: UTF8.self)) }
            if end >= range.upperBound { return out }
            start = end + 1
        }
    }

    private static func trimmed(_ s: Substring) -> String {
        var t = s
        while let f = t.first, f == " " { t.removeFirst() }
        while let l = t.last, l == " " || l == "\r" { t.removeLast() }
        return String(t)
    }

    /// Splits a `|`-separated list, dropping empty entries.
    static func list(_ field: String?) -> [String] {
        guard var field else { return [] }
        if let fast = field.withUTF8({ split($0, 0..<$0.count, separator: 0x7C, omittingEmpty: true) }) { return fast }
        return field.split(separator: "|").map(trimmed).filter { !$0.isEmpty }
    }

    /// The extraction data folder inside a data directory: `DIR/extraction` when it exists (the
    /// shipped `Config/` and `/etc/incidentd/` layouts), otherwise `DIR` itself.
    static func extractionFolder(_ dir: URL) -> URL {
        let nested = dir.appendingPathComponent("extraction")
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: nested.path, isDirectory: &isDir), isDir.boolValue {
            return nested
        }
        return dir
    }
}

/// Raised when no usable data directory was given.
public struct ExtractionResourceError: Error, CustomStringConvertible {
    public let description: String
}
