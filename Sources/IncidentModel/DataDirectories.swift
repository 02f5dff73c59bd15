import Foundation

/// Where the shipped dictionaries and gazetteer live, found the same way by the daemon, the CLI
/// and the tests, so a build tree, an installed system and a test run all see the same data.
public enum DataDirectories {
    /// The first existing directory among: `$INCIDENTD_DATA_DIR`, `<exe>/../../Config` (a SwiftPM
    /// build tree), `<exe>/../share/incidentd`, `/usr/share/incidentd`, `./Config`.
    public static func shipped(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL? {
        var candidates: [URL] = []
        if let dir = environment["INCIDENTD_DATA_DIR"], !dir.isEmpty {
            candidates.append(URL(fileURLWithPath: dir))
        }
        let exe = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
        let exeDir = exe.deletingLastPathComponent()
        // .build/<triple>/debug/incidentctl -> walk up to the package root.
        var up = exeDir
        for _ in 0..<4 {
            up = up.deletingLastPathComponent()
            candidates.append(up.appendingPathComponent("Config"))
        }
        candidates.append(exeDir.deletingLastPathComponent().appendingPathComponent("share/incidentd"))
        candidates.append(URL(fileURLWithPath: "/usr/share/incidentd"))
        candidates.append(URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("Config"))
        return candidates.first { isDataDirectory($0) }
    }

    /// A directory counts when it holds the gazetteer folder, so an unrelated `Config` is skipped.
    public static func isDataDirectory(_ url: URL) -> Bool {
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.appendingPathComponent("extraction").path, isDirectory: &isDir)
            && isDir.boolValue
    }
}
