// swift-tools-version: 6.1
import PackageDescription

/// incidentd: an inbox daemon that turns conflict news articles into deduplicated incident records.
///
/// One target per concern. Pure cores (model, text decoding, extraction, deduplication) have no I/O;
/// the store owns SQLite; `SystemBridge` is the only place that talks to Glibc/libsystemd; the
/// executables only wire modules together.

/// Release builds on Linux put each function in a section of its own, so that the release link can
/// place the functions start-up and the ingest path run next to each other (`releaseLink`): with
/// one `.text` section per source file, a file whose one function runs moved (and became resident)
/// as a whole.
let releaseCode: [SwiftSetting] = [
    .unsafeFlags(["-Xfrontend", "-function-sections"], .when(platforms: [.linux], configuration: .release)),
]

let strict: [SwiftSetting] = [.swiftLanguageMode(.v6)] + releaseCode

/// How release executables are linked on Linux, for their resident memory (README "Performance"):
/// lld with relative relocations packed (DT_RELR, glibc 2.36+: the loader reads 20 KB instead of
/// 2 MB of relocations), no dynamic symbol table (nothing dlopens into the executables), and the
/// functions start-up and the ingest path run placed first (`Scripts/release-link/hot-functions.txt`,
/// made by `Scripts/hot-functions`): the kernel maps an executable in 64 KB blocks around each page
/// touched, and start-up code spread over 20 MB of text made 11 MB of it resident.
let releaseLink: [LinkerSetting] = [
    .unsafeFlags([
        "-use-ld=lld", "-Xlinker", "-z", "-Xlinker", "pack-relative-relocs", "-Xlinker", "--no-export-dynamic",
        "-Xlinker", "--symbol-ordering-file=\(Context.packageDirectory)/Scripts/release-link/hot-functions.txt",
        "-Xlinker", "--no-warn-symbol-ordering",
    ], .when(platforms: [.linux], configuration: .release)),
]

let package = Package(
    name: "incidentd",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "incidentd", targets: ["incidentd"]),
        .executable(name: "incidentctl", targets: ["incidentctl"]),
        .library(name: "IncidentPipeline", targets: ["IncidentPipeline"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CSystemd",
            path: "Sources/CSystemd",
            pkgConfig: "libsystemd",
            providers: [.apt(["libsystemd-dev"])]
        ),
        .target(name: "IncidentModel", swiftSettings: strict),
        .target(name: "ArticleText", exclude: ["API.md"], swiftSettings: strict),
        .target(name: "IncidentExtraction", dependencies: ["IncidentModel"], swiftSettings: strict),
        .target(name: "Deduplication", dependencies: ["IncidentModel"], exclude: ["API.md"], swiftSettings: strict),
        .target(
            name: "IncidentStore",
            dependencies: [
                "IncidentModel", "Deduplication", .product(name: "GRDB", package: "GRDB.swift"),
                // SQLite's C API for binding held statements (HeldStatements.swift only).
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ],
            swiftSettings: strict
        ),
        .target(name: "SystemBridge", dependencies: ["CSystemd"], exclude: ["API.md"], swiftSettings: strict),
        .target(
            name: "IncidentPipeline",
            dependencies: [
                "IncidentModel", "ArticleText", "IncidentExtraction", "Deduplication", "IncidentStore",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "JournalNotifications",
            dependencies: ["IncidentModel", "IncidentStore", "SystemBridge", .product(name: "Logging", package: "swift-log")],
            swiftSettings: strict
        ),
        .target(
            name: "InboxDaemon",
            dependencies: [
                "IncidentPipeline", "JournalNotifications", "SystemBridge", "IncidentStore",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "TOMLKit", package: "TOMLKit"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "incidentd",
            dependencies: ["InboxDaemon", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: strict,
            linkerSettings: releaseLink
        ),
        .executableTarget(
            name: "incidentctl",
            dependencies: [
                "IncidentPipeline", "IncidentStore", "IncidentExtraction", "InboxDaemon", "ArticleText",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict,
            linkerSettings: releaseLink
        ),
        .target(name: "TestSupport", path: "Tests/TestSupport", swiftSettings: strict),
        .testTarget(name: "IncidentExtractionTests", dependencies: ["TestSupport", "IncidentExtraction", "IncidentModel"], swiftSettings: strict),
        .testTarget(name: "ArticleTextTests", dependencies: ["ArticleText"], swiftSettings: strict),
        .testTarget(name: "DeduplicationTests", dependencies: ["TestSupport", "Deduplication", "IncidentModel"], swiftSettings: strict),
        .testTarget(name: "IncidentStoreTests", dependencies: ["TestSupport", "IncidentStore", "IncidentPipeline"], swiftSettings: strict),
        .testTarget(name: "SystemBridgeTests", dependencies: ["TestSupport", "SystemBridge"], swiftSettings: strict),
        .testTarget(name: "InboxDaemonTests", dependencies: ["TestSupport", "InboxDaemon", "IncidentStore", "JournalNotifications", "SystemBridge"], swiftSettings: strict),
        .testTarget(name: "DaemonIntegrationTests", dependencies: ["TestSupport"], swiftSettings: strict),
        .testTarget(name: "PipelineFuzzTests", dependencies: ["TestSupport", "ArticleText", "IncidentExtraction", "IncidentModel"], swiftSettings: strict),
    ]
)
