import Foundation

/// Reads the line-oriented data files under `Config/extraction/`: UTF-8 text, one record a line,
/// `#` starts a comment line, fields separated by tabs. Kept tiny so users can edit the files with
/// any editor and a malformed line is skipped rather than fatal.
enum ConfigFile {
    /// The records of `name` in every directory, in directory order (later directories extend
    /// earlier ones). A missing file is an empty list.
    static func rows(_ name: String, in directories: [URL]) -> [[String]] {
        var out: [[String]] = []
        for dir in directories {
            let url = dir.appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: url.path) else { continue }
            out.append(contentsOf: parse(String(decoding: data, as: UTF8.self)))
        }
        return out
    }

    /// Splits file text into records of tab-separated fields.
    static func parse(_ text: String) -> [[String]] {
        var out: [[String]] = []
        for rawLine in text.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            if rawLine.hasPrefix("#") { continue }
            let fields = rawLine.split(separator: "\t", omittingEmptySubsequences: false).map(trimmed)
            if fields.allSatisfy({ $0.isEmpty }) { continue }
            out.append(fields)
        }
        return out
    }

    private static func trimmed(_ s: Substring) -> String {
        var t = s
        while let f = t.first, f == " " { t.removeFirst() }
        while let l = t.last, l == " " || l == "\r" { t.removeLast() }
        return String(t)
    }

    /// Splits a `|`-separated list, dropping empty entries.
    static func list(_ field: String?) -> [String] {
        guard let field else { return [] }
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
