/// Which names in the inbox are work and which are someone's download still in progress.
enum InboxNames {
    /// Suffixes browsers, rsync and editors use while a file is still being written.
    static let partialSuffixes = [".part", ".partial", ".tmp", ".crdownload", ".download", ".swp", ".swx", "~"]

    /// Hidden files and partial downloads wait: they are processed once renamed to their final name.
    static func isPending(_ name: String) -> Bool {
        if name.hasPrefix(".") { return true }
        let lower = name.lowercased()
        return partialSuffixes.contains { lower.hasSuffix($0) }
    }

    /// `a/b/c.txt` relative to `root`, or nil when `path` is not below it.
    static func relative(_ path: String, to root: String) -> String? {
        let base = root.hasSuffix("/") ? root : root + "/"
        guard path.hasPrefix(base) else { return nil }
        return String(path.dropFirst(base.count))
    }

    /// The last path component.
    static func fileName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }
}
