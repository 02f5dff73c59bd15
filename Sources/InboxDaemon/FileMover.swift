import Foundation
import IncidentModel
import SystemBridge

/// Moves a settled file out of the inbox without ever overwriting: `name.txt`, then `name-1.txt`, …
enum FileMover {
    /// Moves `source` into `directory` (created if needed), keeping `relativePath`'s subfolders.
    /// Returns the final path.
    ///
    /// The rename is tried first and the folders are made only when it says one is missing: the
    /// dated archive folder exists for all but the first file of a day, and `mkdir -p` on every
    /// move cost a dozen system calls per file.
    static func move(_ source: String, into directory: String, relativePath: String) throws(SystemError) -> String {
        let rel = relativePath.split(separator: "/").map(String.init)
        let subdirs = rel.dropLast().joined(separator: "/")
        let targetDir = subdirs.isEmpty ? directory : directory + "/" + subdirs
        let name = rel.last ?? InboxNames.fileName(source)
        let (stem, ext) = split(name)
        var attempt = 0
        var madeDirectories = false
        while true {
            let candidate = attempt == 0 ? name : "\(stem)-\(attempt)\(ext)"
            let target = targetDir + "/" + candidate
            do {
                try SafeFile.moveNoReplace(from: source, to: target)
                return target
            } catch where error.errno == EEXIST && attempt < 10_000 {
                attempt += 1
            } catch where error.errno == ENOENT && !madeDirectories {
                // The target folder is missing (or the source is gone: then the retry says so).
                try SafeFile.makeDirectories(atPath: targetDir, mode: 0o775)  // setgid is inherited from the parent; asking for it trips RestrictSUIDSGID
                madeDirectories = true
            }
        }
    }

    /// The dated archive folder for a day: `archive/2020-05-16`.
    static func archiveDirectory(_ archive: String, day: CalendarDay) -> String {
        archive + "/" + day.iso
    }

    static func split(_ name: String) -> (String, String) {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return (name, "") }
        return (String(name[..<dot]), String(name[dot...]))
    }
}
