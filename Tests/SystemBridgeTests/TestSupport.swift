import Foundation
#if canImport(Glibc)
import Glibc
#endif
import TestSupport

/// `write` for the shared `TemporaryDirectory` (TestSupport): files written the way `cp` writes them.
extension TemporaryDirectory {
    /// Writes like `cp`: open(O_CREAT|O_TRUNC), write, close.
    @discardableResult
    func write(_ name: String, _ contents: String) -> String {
        let target = file(name)
        let fd = open(target, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        precondition(fd >= 0, "open \(target): \(errno)")
        let bytes = Array(contents.utf8)
        _ = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        close(fd)
        return target
    }
}

/// Waits (bounded) for a condition that another thread or process makes true. Never asserts on time:
/// the bound only keeps a broken test from hanging.
func eventually(attempts: Int = 200, pause microseconds: UInt32 = 25_000, _ condition: () -> Bool) -> Bool {
    for _ in 0..<attempts {
        if condition() { return true }
        usleep(microseconds)
    }
    return condition()
}

/// Runs a command and returns its exit status and standard output.
@discardableResult
func run(_ executable: String, _ arguments: [String]) -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = FileHandle.nullDevice
    do { try process.run() } catch { return (-1, "") }
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}

extension HostJournald {
    /// Entries of `identifier` as JSON objects (`journalctl -o json -t IDENT`).
    static func entries(identifier: String) -> [[String: Any]] {
        let output = run("/usr/bin/journalctl", ["-o", "json", "-t", identifier, "--no-pager"]).output
        return output.split(separator: "\n").compactMap { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any]
        }
    }
}

/// A value that is unique per call, for finding our own journal entries and files.
func uniqueToken(_ prefix: String = "t") -> String {
    "\(prefix)\(getpid())x\(UInt64.random(in: 0...UInt64.max))"
}
