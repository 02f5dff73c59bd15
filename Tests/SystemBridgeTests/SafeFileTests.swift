import Foundation
#if canImport(Glibc)
import Glibc
#endif
import TestSupport
import Testing
@testable import SystemBridge

@Suite("safe file access")
struct SafeFileTests {
    @Test func readsARegularFileWithItsFacts() throws {
        let dir = TemporaryDirectory("read")
        let path = dir.write("a.txt", "hello\nworld\n")
        guard case .contents(let bytes, let facts) = try SafeFile.read(atPath: path, limit: 1_000) else {
            Issue.record("expected contents")
            return
        }
        #expect(bytes == Array("hello\nworld\n".utf8))
        #expect(facts.kind == .regular)
        #expect(facts.size == 12)
        #expect(facts.inode != 0)
        #expect(facts.modificationTime > 1_600_000_000)
        #expect(try SafeFile.facts(atPath: path).inode == facts.inode)
    }

    @Test func symlinkIsRejectedNotFollowed() throws {
        let dir = TemporaryDirectory("link")
        let target = dir.write("secret.txt", "do not read")
        #expect(symlink(target, dir.file("link.txt")) == 0)
        guard case .notRegular(.symlink) = try SafeFile.read(atPath: dir.file("link.txt"), limit: 1_000) else {
            Issue.record("a symlink must be reported as .notRegular(.symlink)")
            return
        }
        #expect(try SafeFile.facts(atPath: dir.file("link.txt")).kind == .symlink)
    }

    @Test func danglingSymlinkIsAlsoRejected() throws {
        let dir = TemporaryDirectory("dangle")
        #expect(symlink("/nonexistent/x", dir.file("d.txt")) == 0)
        guard case .notRegular(.symlink) = try SafeFile.read(atPath: dir.file("d.txt"), limit: 10) else {
            Issue.record("expected .notRegular(.symlink)")
            return
        }
    }

    @Test func fifoIsRejectedWithoutBlocking() throws {
        let dir = TemporaryDirectory("fifo")
        let path = dir.file("pipe.txt")
        #expect(mkfifo(path, 0o644) == 0)
        // Run on another thread: if the open blocked (no O_NONBLOCK), the test fails instead of hanging.
        let done = DispatchSemaphore(value: 0)
        let box = OutcomeBox()
        Thread.detachNewThread {
            box.set(Result<ReadOutcome, any Error> { try SafeFile.read(atPath: path, limit: 100) })
            done.signal()
        }
        guard done.wait(timeout: .now() + 10) == .success else {
            Issue.record("SafeFile.read blocked on a FIFO")
            let fd = open(path, O_WRONLY | O_NONBLOCK)  // release the blocked reader
            if fd >= 0 { close(fd) }
            return
        }
        guard case .success(.notRegular(.other("FIFO"))) = box.get() else {
            Issue.record("expected .notRegular(.other(\"FIFO\")), got \(String(describing: box.get()))")
            return
        }
        #expect(try SafeFile.facts(atPath: path).kind == .other("FIFO"))
    }

    @Test func directoryIsNotRegular() throws {
        let dir = TemporaryDirectory("dir")
        guard case .notRegular(.directory) = try SafeFile.read(atPath: dir.path, limit: 10) else {
            Issue.record("expected .notRegular(.directory)")
            return
        }
    }

    @Test func tooLargeIsDetectedAndTheLimitItselfIsFine() throws {
        let dir = TemporaryDirectory("large")
        let path = dir.write("big.txt", String(repeating: "x", count: 1_000))
        guard case .tooLarge(let size) = try SafeFile.read(atPath: path, limit: 999) else {
            Issue.record("expected tooLarge")
            return
        }
        #expect(size == 1_000)
        guard case .contents(let bytes, _) = try SafeFile.read(atPath: path, limit: 1_000) else {
            Issue.record("a file of exactly the limit must be read")
            return
        }
        #expect(bytes.count == 1_000)
        let empty = dir.write("empty.txt", "")
        guard case .contents(let none, _) = try SafeFile.read(atPath: empty, limit: 0) else {
            Issue.record("an empty file fits a zero limit")
            return
        }
        #expect(none.isEmpty)
    }

    @Test func readsLargerThanOneChunk() throws {
        let dir = TemporaryDirectory("chunks")
        let text = String(repeating: "0123456789abcdef", count: 20_000)  // 320 kB
        let path = dir.write("long.txt", text)
        guard case .contents(let bytes, let facts) = try SafeFile.read(atPath: path, limit: 1 << 20) else {
            Issue.record("expected contents")
            return
        }
        #expect(bytes == Array(text.utf8))
        #expect(facts.size == Int64(text.utf8.count))
    }

    @Test func missingFileThrowsNotFound() {
        let error = #expect(throws: SystemError.self) { try SafeFile.read(atPath: "/nonexistent/incidentd/x.txt", limit: 10) }
        #expect(error?.isNotFound == true)
        #expect(error?.description == "open(/nonexistent/incidentd/x.txt): No such file or directory (errno 2)")
    }

    @Test func moveNoReplaceKeepsAnExistingTarget() throws {
        let dir = TemporaryDirectory("move")
        let source = dir.write("new.txt", "new")
        let target = dir.write("old.txt", "old")
        let error = #expect(throws: SystemError.self) { try SafeFile.moveNoReplace(from: source, to: target) }
        #expect(error?.isAlreadyExists == true)
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "old")
        #expect(try String(contentsOfFile: source, encoding: .utf8) == "new")
        try SafeFile.moveNoReplace(from: source, to: dir.file("moved.txt"))
        #expect(try String(contentsOfFile: dir.file("moved.txt"), encoding: .utf8) == "new")
        #expect(throws: SystemError.self) { try SafeFile.facts(atPath: source) }
    }

    @Test func makeDirectoriesCreatesParentsAndToleratesExisting() throws {
        let dir = TemporaryDirectory("mkdirs")
        let deep = dir.file("a/b/c")
        try SafeFile.makeDirectories(atPath: deep, mode: 0o750)
        try SafeFile.makeDirectories(atPath: deep)
        try SafeFile.makeDirectories(atPath: dir.file("a//b/./c/"))
        #expect(try SafeFile.facts(atPath: deep).kind == .directory)
        dir.write("file", "x")
        let error = #expect(throws: SystemError.self) { try SafeFile.makeDirectories(atPath: dir.file("file/sub")) }
        #expect(error?.errno == ENOTDIR)
    }

    @Test func makeDirectoriesAppliesSetGroupIDToCreatedDirectories() throws {
        let dir = TemporaryDirectory("setgid")
        try SafeFile.makeDirectories(atPath: dir.file("x/y"), mode: 0o2775)
        var info = stat()
        #expect(lstat(dir.file("x/y"), &info) == 0)
        #expect(info.st_mode & 0o7777 == 0o2775)
    }

    @Test func listDirectoryReportsKindsAndRawNames() throws {
        let dir = TemporaryDirectory("list")
        dir.write("a.txt", "x")
        #expect(mkdir(dir.file("sub"), 0o755) == 0)
        #expect(symlink("a.txt", dir.file("l.txt")) == 0)
        #expect(mkfifo(dir.file("p"), 0o644) == 0)
        let rawName: [UInt8] = Array(dir.path.utf8) + [0x2F, 0x66, 0xFF, 0x2E, 0x74, 0x78, 0x74]
        let fd = (rawName + [0]).withUnsafeBufferPointer {
            $0.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_WRONLY | O_CREAT, 0o644) }
        }
        #expect(fd >= 0)
        close(fd)

        let entries = try SafeFile.listDirectory(atPath: dir.path)
        var kinds: [[UInt8]: FileKind] = [:]
        for entry in entries { kinds[entry.name] = entry.kind }
        #expect(kinds.count == 5)
        #expect(kinds[Array("a.txt".utf8)] == .regular)
        #expect(kinds[Array("sub".utf8)] == .directory)
        #expect(kinds[Array("l.txt".utf8)] == .symlink)
        #expect(kinds[Array("p".utf8)] == .other("FIFO"))
        #expect(kinds[[0x66, 0xFF, 0x2E, 0x74, 0x78, 0x74]] == .regular)
    }

    @Test func removeAndSync() throws {
        let dir = TemporaryDirectory("rm")
        let path = dir.write("gone.txt", "x")
        try SafeFile.removeFile(atPath: path)
        try SafeFile.syncDirectory(atPath: dir.path)
        let error = #expect(throws: SystemError.self) { try SafeFile.removeFile(atPath: path) }
        #expect(error?.isNotFound == true)
        #expect(throws: SystemError.self) { try SafeFile.syncDirectory(atPath: dir.file("missing")) }
    }

    @Test func systemErrorDescribesOperationPathAndRemedy() {
        let error = SystemError(operation: "inotify_add_watch", path: "/x/inbox", errno: ENOENT)
        #expect(error.description == "inotify_add_watch(/x/inbox): No such file or directory (errno 2)")
        let full = SystemError(operation: "write", path: nil, errno: ENOSPC)
        #expect(full.isNoSpace)
        #expect(full.description.hasPrefix("write: No space left on device (errno 28)"))
        #expect(SystemError(operation: "open", errno: EACCES).isPermission)
    }
}

/// Carries a result from a helper thread to the test.
final class OutcomeBox: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Result<ReadOutcome, any Error>?

    func set(_ value: Result<ReadOutcome, any Error>) {
        lock.lock(); defer { lock.unlock() }
        self.value = value
    }

    func get() -> Result<ReadOutcome, any Error>? {
        lock.lock(); defer { lock.unlock() }
        return value
    }
}
