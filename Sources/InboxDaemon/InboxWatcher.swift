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
        // A finished file (the common event) goes to the worker from the inotify thread itself:
        // handing it to this task first cost a thread wake-up on every quiet-inbox file.
        let events = w.events(handledOnReaderThread: { [weak self] event in self?.takeFinishedFile(event) ?? false })
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
                guard let dir = directory(for: event.watch), !event.name.isEmpty,
                      let path = usablePath(dir, event.name) else { continue }
                if event.isDirectory {
                    if event.kind != .closeWrite { worker.submit(scan(path, watcher: w)) }
                } else if event.kind != .created || Self.arrivesWhole(path) {
                    // A regular file announces itself when its writer closes it; links, FIFOs,
                    // sockets and hard links (`ln`, no writer) never do, so they are taken on creation.
                    worker.submit([path])
                }
            case .movedFrom, .deleted:
                continue
            }
        }
    }

    /// Submits a file that finished arriving (closed after writing, or renamed in) in a folder
    /// already watched, when its name is valid UTF-8, and drops entries leaving (`watchOnce` ignores
    /// those too: every file the daemon archives produces one). Anything else (folders, new
    /// entries, odd names needing a rename, unknown watches, overflows) is left to `watchOnce`.
    /// Runs on the inotify reader thread: no blocking call here.
    private func takeFinishedFile(_ event: InotifyEvent) -> Bool {
        if event.kind == .movedFrom || event.kind == .deleted { return true }
        guard event.kind == .closeWrite || event.kind == .movedTo, !event.isDirectory, !event.name.isEmpty,
              SafeFile.utf8Substitute(forRawName: event.name) == nil, let dir = directory(for: event.watch) else { return false }
        worker.submit([dir + "/" + String(decoding: event.name, as: UTF8.self)])
        return true
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
                guard let path = usablePath(dir, entry.name) else { continue }
                if entry.kind == .directory { stack.append(path) } else { files.append(path) }
            }
        }
        return files.sorted()
    }

    /// The path of entry `name` in `dir`. A name that is not valid UTF-8 cannot be named by a Swift
    /// path string, so the entry is first renamed in place to a UTF-8 stand-in (invalid bytes as
    /// `%XX`), never replacing anything; the original bytes are logged. Nil if that rename fails
    /// (the entry vanished, or the folder is not writable): nothing else can be done with it.
    private func usablePath(_ dir: String, _ name: [UInt8]) -> String? {
        guard let substitute = SafeFile.utf8Substitute(forRawName: name) else {
            return dir + "/" + String(decoding: name, as: UTF8.self)
        }
        let hex = name.map { String(format: "%02x", $0) }.joined()
        let (stem, ext) = InboxWatcher.splitExtension(substitute)
        for attempt in 0..<100 {
            let candidate = attempt == 0 ? substitute : "\(stem)-\(attempt)\(ext)"
            do {
                try SafeFile.rename(rawName: name, in: dir, to: candidate)
                logger.warning("renamed \(dir)/\(substitute) to \(candidate): its name is not valid UTF-8 (original bytes, hex: \(hex))",
                               metadata: ["ORIGINAL_NAME_HEX": "\(hex)", "FILE": "\(dir)/\(candidate)"])
                return dir + "/" + candidate
            } catch where error.isAlreadyExists {
                continue
            } catch where error.isNotFound {
                return nil  // gone meanwhile
            } catch {
                logger.error("cannot rename \(dir)/\(substitute) (name not valid UTF-8, hex: \(hex)) to a readable name: \(error); it stays in the inbox")
                return nil
            }
        }
        return nil
    }

    static func splitExtension(_ name: String) -> (String, String) {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return (name, "") }
        return (String(name[..<dot]), String(name[dot...]))
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

    /// True for entries that will never be closed after writing: anything but a regular file or
    /// folder, and a regular file that already has another name (a new hard link).
    static func arrivesWhole(_ path: String) -> Bool {
        guard let facts = try? SafeFile.facts(atPath: path) else { return false }
        switch facts.kind {
        case .directory: return false
        case .regular: return facts.linkCount > 1
        default: return true
        }
    }

    static func isDirectory(_ path: String) -> Bool {
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDir) && isDir.boolValue
    }
}
