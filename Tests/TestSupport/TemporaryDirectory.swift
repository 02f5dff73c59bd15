import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A fresh directory under the system's temporary folder, removed with everything in it when the
/// last reference goes away.
///
/// Why: tests that made `NSTemporaryDirectory() + "store-<uuid>"` and never removed it left
/// hundreds of folders (and SQLite files) in /tmp. Hold one as a stored property of a suite
/// struct (Swift Testing makes one instance per test, so the folder lives exactly as long as the
/// test) or as a local in a test function.
public final class TemporaryDirectory: @unchecked Sendable {
    /// Absolute path, without a trailing slash.
    public let path: String

    /// Creates `/tmp/incidentd-<label>-XXXXXX` (mkdtemp: unique, mode 0700).
    public init(_ label: String = "test") {
        let base = (ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp")
        var template = Array("\(base)/incidentd-\(label)-XXXXXX".utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        precondition(made != nil, "mkdtemp failed: \(errno)")
        path = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// The folder as a file URL.
    public var url: URL { URL(fileURLWithPath: path, isDirectory: true) }

    /// The path of `name` inside the folder (nothing is created).
    public func file(_ name: String) -> String { path + "/" + name }
}
