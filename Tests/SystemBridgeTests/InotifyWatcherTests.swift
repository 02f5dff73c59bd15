import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Synchronization
import TestSupport
import Testing
@testable import SystemBridge

/// Real inotify on real temporary directories.
@Suite("inotify watcher", .timeLimit(.minutes(1)))
struct InotifyWatcherTests {
    /// Collects events until `done` says so or the stream ends. A guard closes the watcher after a
    /// generous bound so a missing event fails the test instead of hanging it.
    static func collect(
        _ watcher: InotifyWatcher, _ stream: AsyncStream<InotifyEvent>,
        until done: @escaping @Sendable ([InotifyEvent]) -> Bool
    ) async -> [InotifyEvent] {
        let guardTask = Task.detached {
            try? await Task.sleep(for: .seconds(20))
            if !Task.isCancelled { watcher.close() }
        }
        defer { guardTask.cancel() }
        var seen: [InotifyEvent] = []
        for await event in stream {
            seen.append(event)
            if done(seen) { break }
        }
        return seen
    }

    @Test func copyLikeWriteAndCloseIsReportedAsCloseWrite() async throws {
        let dir = TemporaryDirectory("watch")
        let watcher = try InotifyWatcher()
        defer { watcher.close() }
        let wd = try watcher.watchDirectory(dir.path)
        let stream = watcher.events()
        dir.write("article.txt", "Shelling reported.\n")
        let seen = await Self.collect(watcher, stream) { $0.contains { $0.kind == .closeWrite } }
        let event = try #require(seen.first { $0.kind == .closeWrite })
        #expect(event.watch == wd)
        #expect(event.name == Array("article.txt".utf8))
        #expect(!event.isDirectory)
        #expect(seen.contains { $0.kind == .created && $0.name == Array("article.txt".utf8) })
    }

    @Test func eventsTakenOnTheReaderThreadSkipTheStreamAndTheOthersStillArrive() async throws {
        let dir = TemporaryDirectory("tap")
        let watcher = try InotifyWatcher()
        defer { watcher.close() }
        _ = try watcher.watchDirectory(dir.path)
        let taken = Mutex<[InotifyEvent]>([])
        let stream = watcher.events(handledOnReaderThread: { event in
            guard event.kind == .closeWrite else { return false }
            taken.withLock { $0.append(event) }
            return true
        })
        dir.write("dispatch.txt", "Two rockets hit the depot.\n")
        dir.write("later.txt", "A second report.\n")
        // The kernel reports in order: had the first close gone to the stream, it would come
        // before the second file's creation.
        let seen = await Self.collect(watcher, stream) { $0.contains { $0.kind == .created && $0.name == Array("later.txt".utf8) } }
        #expect(seen.contains { $0.kind == .created && $0.name == Array("dispatch.txt".utf8) })
        #expect(!seen.contains { $0.kind == .closeWrite })
        for _ in 0..<100 where taken.withLock({ $0.count < 2 }) { try await Task.sleep(for: .milliseconds(10)) }
        #expect(taken.withLock { $0.map(\.name) } == [Array("dispatch.txt".utf8), Array("later.txt".utf8)])
    }

    @Test func renameIntoTheDirectoryIsReportedAsMovedTo() async throws {
        let inbox = TemporaryDirectory("inbox")
        let staging = TemporaryDirectory("staging")
        let source = staging.write("incoming.md", "# Report\n")
        let watcher = try InotifyWatcher()
        defer { watcher.close() }
        _ = try watcher.watchDirectory(inbox.path)
        let stream = watcher.events()
        #expect(rename(source, inbox.file("report.md")) == 0)
        let seen = await Self.collect(watcher, stream) { $0.contains { $0.kind == .movedTo } }
        #expect(seen.last == InotifyEvent(watch: seen.last?.watch ?? 0, kind: .movedTo, name: Array("report.md".utf8)))
    }

    @Test func nonUTF8FileNamesArriveAsRawBytes() async throws {
        let dir = TemporaryDirectory("raw")
        let watcher = try InotifyWatcher()
        defer { watcher.close() }
        _ = try watcher.watchDirectory(dir.path)
        let stream = watcher.events()
        let name: [UInt8] = [0x72, 0xE9, 0x73, 0x75, 0x6D, 0xE9, 0x2E, 0x74, 0x78, 0x74]  // "résumé.txt" in Latin-1
        let fd = (Array(dir.path.utf8) + [0x2F] + name + [0]).withUnsafeBufferPointer {
            $0.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_WRONLY | O_CREAT | O_CLOEXEC, 0o644) }
        }
        #expect(fd >= 0)
        close(fd)
        let seen = await Self.collect(watcher, stream) { $0.contains { $0.kind == .closeWrite } }
        #expect(seen.last?.name == name)
        #expect(seen.last?.displayName == "r\u{FFFD}sum\u{FFFD}.txt")
    }

    @Test func mkdirIsReportedAsCreatedDirectory() async throws {
        let dir = TemporaryDirectory("mkdir")
        let watcher = try InotifyWatcher()
        defer { watcher.close() }
        _ = try watcher.watchDirectory(dir.path)
        let stream = watcher.events()
        #expect(mkdir(dir.file("sub"), 0o755) == 0)
        let seen = await Self.collect(watcher, stream) { $0.contains { $0.kind == .created } }
        #expect(seen.last?.isDirectory == true)
        #expect(seen.last?.name == Array("sub".utf8))
    }

    @Test func floodWithTinyBufferYieldsOneOverflowInsteadOfGrowing() async throws {
        let dir = TemporaryDirectory("flood")
        let watcher = try InotifyWatcher()
        defer { watcher.close() }
        _ = try watcher.watchDirectory(dir.path)
        let stream = watcher.events(bufferLimit: 4)
        for n in 0..<200 { dir.write("f\(n).txt", "x") }
        // Nobody consumes yet: the reader must fill the 4 slots and then mark an overflow.
        #expect(eventually { watcher.hasPendingOverflow })
        let seen = await Self.collect(watcher, stream) { $0.last?.kind == .overflow }
        #expect(seen.last == .overflow)
        #expect(seen.count == 5)  // the 4 queued events, then the single marker
        #expect(seen.filter { $0.kind == .overflow }.count == 1)
    }

    @Test func closeFinishesTheStreamAndIsIdempotent() async throws {
        let dir = TemporaryDirectory("close")
        let watcher = try InotifyWatcher()
        _ = try watcher.watchDirectory(dir.path)
        let stream = watcher.events()
        let consumer = Task {
            var count = 0
            for await _ in stream { count += 1 }
            return count
        }
        watcher.close()
        watcher.close()
        _ = await consumer.value  // returns only because the stream finished
        #expect(throws: SystemError.self) { try watcher.watchDirectory(dir.path) }
        // A second stream after close is already finished.
        var iterator = watcher.events().makeAsyncIterator()
        #expect(await iterator.next() == nil)
    }

    @Test func closeReturnsWhileAFloodIsGoingOn() async throws {
        let dir = TemporaryDirectory("busy")
        let watcher = try InotifyWatcher()
        _ = try watcher.watchDirectory(dir.path)
        let stream = watcher.events(bufferLimit: 8)
        let stop = StopFlag()
        let finished = DispatchSemaphore(value: 0)
        let writer = Thread {
            var n = 0
            while !stop.isSet {
                dir.write("f\(n % 64).txt", "x")
                n += 1
            }
            finished.signal()
        }
        writer.start()
        #expect(eventually { watcher.hasPendingOverflow })
        watcher.close()  // must not wait for the flood to end
        stop.set()
        finished.wait()  // the directory must outlive the writer
        var count = 0
        for await _ in stream { count += 1 }
        #expect(count <= 9)  // at most the 8 queued events and the overflow marker
    }

    @Test func closeWithoutEverAskingForEventsIsFine() throws {
        let watcher = try InotifyWatcher()
        watcher.close()
        watcher.close()
    }

    @Test func removingAWatchReportsWatchRemoved() async throws {
        let dir = TemporaryDirectory("rm")
        let watcher = try InotifyWatcher()
        defer { watcher.close() }
        let wd = try watcher.watchDirectory(dir.path)
        let stream = watcher.events()
        watcher.removeWatch(wd)
        let seen = await Self.collect(watcher, stream) { $0.contains { $0.kind == .watchRemoved } }
        #expect(seen.last == InotifyEvent(watch: wd, kind: .watchRemoved))
    }

    @Test func deletingTheWatchedDirectoryReportsItGone() async throws {
        let parent = TemporaryDirectory("gone")
        let inbox = parent.file("inbox")
        #expect(mkdir(inbox, 0o755) == 0)
        let watcher = try InotifyWatcher()
        defer { watcher.close() }
        let wd = try watcher.watchDirectory(inbox)
        let stream = watcher.events()
        #expect(rmdir(inbox) == 0)
        let seen = await Self.collect(watcher, stream) { $0.contains { $0.kind == .watchRemoved } }
        #expect(seen.map(\.kind) == [.watchedDirectoryGone, .watchRemoved])
        #expect(seen.allSatisfy { $0.watch == wd })
    }

    @Test func watchingAFileOrASymlinkFailsWithENOTDIR() throws {
        let dir = TemporaryDirectory("notdir")
        let file = dir.write("plain.txt", "x")
        #expect(symlink(dir.path, dir.file("link")) == 0)
        let watcher = try InotifyWatcher()
        defer { watcher.close() }
        for path in [file, dir.file("link")] {
            let error = #expect(throws: SystemError.self) { try watcher.watchDirectory(path) }
            #expect(error?.errno == ENOTDIR)
            #expect(error?.operation == "inotify_add_watch")
            #expect(error?.path == path)
        }
        let missing = #expect(throws: SystemError.self) { try watcher.watchDirectory(dir.file("missing")) }
        #expect(missing?.isNotFound == true)
    }
}

/// A flag one thread sets and another polls.
final class StopFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    var isSet: Bool { lock.withLock { value } }
    func set() { lock.withLock { value = true } }
}
