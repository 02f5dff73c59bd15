import Foundation
import Logging
import SystemBridge

/// Watches the inbox tree with inotify and hands finished files to the ingest worker.
///
/// The startup catch-up, a new subfolder and an `IN_Q_OVERFLOW` all go through the same scan, so
/// "missed events" has one recovery path. When the inbox disappears or is replaced the watcher says
/// so and waits for it to return, then scans it again.
public final class InboxWatcher: @unchecked Sendable {
    private let logger: Logger
    private let worker: IngestWorker
    private let inbox: String
    private let excluded: Set<String>
    private let lock = NSLock()
    private var watcher: InotifyWatcher?
    private var directories: [Int32: String] = [:]
    private var closed = false

    public init(inbox: String, excluding: [String], worker: IngestWorker, logger: Logger) {
        self.inbox = URL(fileURLWithPath: Self.standardize(inbox)).resolvingSymlinksInPath().path
        self.excluded = Set(excluding.map(Self.standardize))
        self.worker = worker
        self.logger = logger
    }

    /// Watches until `close()`; calls `onWatching` each time the inbox is (again) being watched.
    public func run(onWatching: @Sendable () -> Void) async {
        var announcedMissing = false
        while !isClosed {
            guard Self.isDirectory(inbox) else {
                if !announcedMissing {
                    logger.error("inbox \(inbox) does not exist or is not a folder; waiting for it to appear",
                                 metadata: ["MESSAGE_ID": "1082f1a15d07485c8eb365ea562ecaa8"])
                    announcedMissing = true
                }
                try? await Task.sleep(for: .seconds(1))
                continue
            }
            if announcedMissing { logger.notice("inbox \(inbox) is back; scanning it") }
            announcedMissing = false
            do {
                try await watchOnce(onWatching: onWatching)
            } catch {
                logger.error("cannot watch inbox \(inbox): \(error); retrying", metadata: ["MESSAGE_ID": "1082f1a15d07485c8eb365ea562ecaa8"])
                try? await Task.sleep(for: .seconds(1))
            }
        }
    }

    /// Stops watching; `run` returns soon after.
    public func close() {
        lock.lock()
        closed = true
        let w = watcher
        lock.unlock()
        w?.close()
    }

    private var isClosed: Bool {
        lock.lock(); defer { lock.unlock() }
        return closed
    }

    private func watchOnce(onWatching: @Sendable () -> Void) async throws {
        let w = try InotifyWatcher()
        let alreadyClosed = lock.withLock {
            if closed { return true }
            watcher = w
            directories = [:]
            return false
        }
        if alreadyClosed {
            w.close()
            return
        }
        defer {
            w.close()
            lock.withLock { watcher = nil }
        }
        let events = w.events()
        let rootWatch = try w.watchDirectory(inbox)
        remember(rootWatch, inbox)
        worker.submit(scan(inbox, watcher: w))
        onWatching()
        for await event in events {
            switch event.kind {
            case .overflow:
                logger.warning("inotify queue overflowed; rescanning the inbox so nothing is missed")
                worker.submit(scan(inbox, watcher: w))
            case .watchedDirectoryGone:
                if event.watch == rootWatch {
                    logger.error("inbox \(inbox) was removed or replaced; waiting for it to return",
                                 metadata: ["MESSAGE_ID": "1082f1a15d07485c8eb365ea562ecaa8"])
                    return
                }
                forget(event.watch)
            case .watchRemoved:
                if event.watch == rootWatch { return }
                forget(event.watch)
            case .created, .movedTo, .closeWrite:
                guard let dir = directory(for: event.watch), !event.name.isEmpty else { continue }
                let path = dir + "/" + String(decoding: event.name, as: UTF8.self)
                if event.isDirectory {
                    if event.kind != .closeWrite { worker.submit(scan(path, watcher: w)) }
                } else if event.kind != .created || Self.isSpecial(path) {
                    // A regular file announces itself when its writer closes it; links, FIFOs and
                    // sockets never do, so they are taken (and rejected) on creation.
                    worker.submit([path])
                }
            case .movedFrom, .deleted:
                continue
            }
        }
    }

    /// Watches `root` and every folder below it, and returns the files found (sorted, oldest names first).
    private func scan(_ root: String, watcher w: InotifyWatcher) -> [String] {
        var files: [String] = []
        var stack = [root]
        while let dir = stack.popLast() {
            if excluded.contains(dir) { continue }
            if dir != inbox {
                do {
                    remember(try w.watchDirectory(dir), dir)
                } catch {
                    logger.warning("cannot watch \(dir): \(error)")
                    continue
                }
            }
            let entries: [(name: [UInt8], kind: FileKind)]
            do {
                entries = try SafeFile.listDirectory(atPath: dir)
            } catch {
                logger.warning("cannot list \(dir): \(error)")
                continue
            }
            for entry in entries {
                let path = dir + "/" + String(decoding: entry.name, as: UTF8.self)
                if entry.kind == .directory { stack.append(path) } else { files.append(path) }
            }
        }
        return files.sorted()
    }

    private func remember(_ wd: Int32, _ path: String) {
        lock.lock()
        directories[wd] = path
        lock.unlock()
    }

    private func forget(_ wd: Int32) {
        lock.lock()
        directories[wd] = nil
        lock.unlock()
    }

    private func directory(for wd: Int32) -> String? {
        lock.lock(); defer { lock.unlock() }
        return directories[wd]
    }

    static func standardize(_ p: String) -> String {
        let s = (p as NSString).standardizingPath
        return s.hasPrefix("/") ? s : FileManager.default.currentDirectoryPath + "/" + s
    }

    /// True for entries that are neither regular files nor folders (links, FIFOs, sockets, devices).
    static func isSpecial(_ path: String) -> Bool {
        guard let kind = (try? SafeFile.facts(atPath: path))?.kind else { return false }
        return kind != .regular && kind != .directory
    }

    static func isDirectory(_ path: String) -> Bool {
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDir) && isDir.boolValue
    }
}
