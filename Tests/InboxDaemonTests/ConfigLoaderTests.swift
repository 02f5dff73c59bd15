import Foundation
import TestSupport
import Testing
@testable import InboxDaemon

/// Configuration layering and the errors an admin sees.
@Suite struct ConfigLoaderTests {
    let scratch = TemporaryDirectory("config")

    func file(_ text: String) throws -> String {
        let path = scratch.file("config-\(UUID().uuidString).toml")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func defaultsApplyWhenNothingIsGiven() throws {
        let c = try ConfigLoader.load(file: nil, fileRequired: false, environment: [:])
        #expect(c.maxFileSize == 5 * 1024 * 1024)
        #expect(c.journalIdentifier == "incidentd")
        #expect(c.database == "/var/lib/incidentd/incidents.sqlite")
    }

    @Test func flagsBeatEnvironmentWhichBeatsTheFile() throws {
        let path = try file("inbox = \"/from/file\"\nmax_file_size = 1000\nlog_level = \"debug\"\n")
        let c = try ConfigLoader.load(file: path, fileRequired: true,
                                      environment: ["INCIDENTD_INBOX": "/from/env", "INCIDENTD_MAX_FILE_SIZE": "2000"],
                                      overrides: ["inbox": "/from/flag"])
        #expect(c.inbox == "/from/flag")
        #expect(c.maxFileSize == 2000)
        #expect(c.logLevel == "debug")
    }

    @Test func theNearDuplicateWindowComesFromTheFileOrTheEnvironment() throws {
        #expect(try ConfigLoader.load(file: nil, fileRequired: false, environment: [:]).nearDuplicateWindow == 1_024)
        let path = try file("near_duplicate_window = 5000\n")
        #expect(try ConfigLoader.load(file: path, fileRequired: true, environment: [:]).nearDuplicateWindow == 5_000)
        let env = try ConfigLoader.load(file: path, fileRequired: true, environment: ["INCIDENTD_NEAR_DUPLICATE_WINDOW": "300"])
        #expect(env.nearDuplicateWindow == 300)
        #expect(throws: ConfigError.self) { try ConfigLoader.load(file: try file("near_duplicate_window = 0\n"), fileRequired: true, environment: [:]) }
    }

    @Test func aBadValueNamesTheKeyAndTheSource() throws {
        let path = try file("max_file_size = \"big\"\n")
        let error = #expect(throws: ConfigError.self) {
            try ConfigLoader.load(file: path, fileRequired: true, environment: [:])
        }
        #expect(error?.key == "max_file_size")
        #expect(error?.source == path)
        #expect(error?.description.contains("positive whole number") == true)
    }

    @Test func unknownKeysAndSyntaxErrorsAreReported() throws {
        #expect(throws: ConfigError.self) { try ConfigLoader.load(file: try file("inbx = \"/x\"\n"), fileRequired: true, environment: [:]) }
        #expect(throws: ConfigError.self) { try ConfigLoader.load(file: try file("inbox = \n"), fileRequired: true, environment: [:]) }
        #expect(throws: ConfigError.self) {
            try ConfigLoader.load(file: nil, fileRequired: false, environment: ["INCIDENTD_LOG_LEVEL": "loud"])
        }
    }

    @Test func aMissingRequiredFileIsAnErrorButAnOptionalOneIsNot() throws {
        #expect(throws: ConfigError.self) { try ConfigLoader.load(file: "/nonexistent/x.toml", fileRequired: true, environment: [:]) }
        #expect(try ConfigLoader.load(file: "/nonexistent/x.toml", fileRequired: false, environment: [:]).inbox == DaemonConfig().inbox)
    }

    @Test func archiveMayNotBeTheInbox() throws {
        #expect(throws: ConfigError.self) {
            try ConfigLoader.load(file: nil, fileRequired: false, environment: [:], overrides: ["inbox": "/srv/in", "archive": "/srv/in/"])
        }
    }

    @Test func theShippedConfigFileParsesToTheDefaults() throws {
        let shipped = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Config/incidentd.toml").path
        #expect(try ConfigLoader.load(file: shipped, fileRequired: true, environment: [:]) == DaemonConfig())
    }
}

@Suite struct InboxNamesTests {
    @Test func partialDownloadsAndHiddenFilesWait() {
        for name in [".report.txt.Xy12", "a.txt.part", "b.crdownload", "c.tmp", "d.txt.swp", "e.txt~", "F.PART"] {
            #expect(InboxNames.isPending(name), "\(name)")
        }
        for name in ["report.txt", "page.html", "notes.md", "partial-results.txt"] {
            #expect(!InboxNames.isPending(name), "\(name)")
        }
    }

    @Test func relativePathsKeepSubfolders() {
        #expect(InboxNames.relative("/in/feeds/a.txt", to: "/in") == "feeds/a.txt")
        #expect(InboxNames.relative("/other/a.txt", to: "/in") == nil)
    }

    @Test func moverNeverOverwrites() throws {
        let dir = TemporaryDirectory("mover")
        try FileManager.default.createDirectory(atPath: dir.path + "/in", withIntermediateDirectories: true)
        var finals: [String] = []
        for i in 0..<3 {
            try "copy \(i)".write(toFile: dir.path + "/in/a.txt", atomically: true, encoding: .utf8)
            finals.append(try FileMover.move(dir.path + "/in/a.txt", into: dir.path + "/archive", relativePath: "a.txt"))
        }
        #expect(finals.map { ($0 as NSString).lastPathComponent } == ["a.txt", "a-1.txt", "a-2.txt"])
        #expect(try String(contentsOfFile: dir.path + "/archive/a.txt", encoding: .utf8) == "copy 0")
        #expect(try String(contentsOfFile: dir.path + "/archive/a-2.txt", encoding: .utf8) == "copy 2")
    }
}
