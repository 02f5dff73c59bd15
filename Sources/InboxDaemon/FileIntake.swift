import Foundation
import IncidentModel
import IncidentPipeline
import IncidentStore
import SystemBridge

/// What examining one queued path decided, before anything is written.
enum IntakeStep: Sendable {
    /// Nothing to do: the file is gone (handled before, or removed by its owner), a folder, or a
    /// temporary name a writer will rename; with a warning when the file could not even be inspected.
    case skip(warning: String?)
    /// A file refused before recording, with its reason.
    case reject(FileOrigin, RejectionReason)
    /// A read and prepared article, ready to record.
    case record(ArticleSubmission)
}

/// Inspects, reads and prepares one inbox file: everything before the database, safe to run on
/// several threads at once (it reads only the file it is given and shares nothing mutable).
struct FileIntake: Sendable {
    let pipeline: ArticlePipeline

    func examine(_ path: String, config: DaemonConfig, now: Double) -> IntakeStep {
        let name = InboxNames.fileName(path)
        if InboxNames.isPending(name) { return .skip(warning: nil) }
        let facts: FileFacts
        do {
            facts = try SafeFile.facts(atPath: path)
        } catch {
            // Gone: handled before, or removed by its owner.
            return .skip(warning: error.isNotFound ? nil : "cannot inspect \(path): \(error)")
        }
        let origin = FileOrigin(fileName: name, inboxPath: path, device: facts.device, inode: facts.inode, size: facts.size,
                                modificationTime: facts.modificationTime)
        switch facts.kind {
        case .directory:
            return .skip(warning: nil)
        case .symlink:
            return .reject(origin, RejectionReason(.notRegular, "is a symbolic link; links are never followed"))
        case .other(let kind):
            return .reject(origin, RejectionReason(.notRegular, "is a \(kind), not a regular file"))
        case .regular:
            break
        }
        let bytes: [UInt8]
        var readFacts = facts
        do {
            switch try SafeFile.read(atPath: path, limit: config.maxFileSize) {
            case .contents(let b, let f):
                bytes = b
                readFacts = f
            case .tooLarge(let size):
                return .reject(origin, RejectionReason(.tooLarge, "\(size) bytes is over the limit of \(config.maxFileSize) bytes (max_file_size)"))
            case .notRegular(let kind):
                return .reject(origin, RejectionReason(.notRegular, "is a \(kind), not a regular file"))
            }
        } catch {
            if error.isNotFound { return .skip(warning: nil) }
            return .reject(origin, RejectionReason(.unreadable, "\(error)"))
        }
        if readFacts.linkCount > 1 {
            // Another name shares this file, maybe outside the inbox (`ln /etc/… inbox/`): reading it
            // would let anyone who can write the inbox make the daemon read files it can see.
            return .reject(origin, RejectionReason(.notRegular, "has \(readFacts.linkCount) hard links; only files with a single name are read (copy it instead)"))
        }
        var readOrigin = origin
        readOrigin.modificationTime = readFacts.modificationTime
        let destination = config.deleteAfterProcessing ? nil : FileMover.archiveDirectory(config.archive, day: CalendarDay(unixTime: now))
        do {
            return .record(try pipeline.prepare(bytes: bytes, origin: readOrigin, receivedAt: now, destination: destination))
        } catch {
            return .reject(readOrigin, error)
        }
    }
}

/// Runs `body` over `items` on up to `threads` threads and returns the results in input order:
/// extraction is pure CPU work, so a burst spreads it over the cores while recording stays serial.
public enum ParallelMap {
    public static func map<T: Sendable, R: Sendable>(_ items: [T], threads: Int, _ body: @Sendable (T) -> R) -> [R] {
        if items.count <= 1 || threads <= 1 { return items.map(body) }
        let results = ResultSlots<R>(count: items.count)
        let next = IndexCounter()
        DispatchQueue.concurrentPerform(iterations: min(threads, items.count)) { _ in
            while let i = next.take(below: items.count) {
                results.set(i, body(items[i]))
            }
        }
        return results.values()
    }
}

/// One slot per result, each written once by the thread that computed it.
private final class ResultSlots<R: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [R?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ i: Int, _ value: R) { lock.withLock { slots[i] = value } }

    func values() -> [R] { lock.withLock { slots.map { $0! } } }
}

/// Hands out indices 0, 1, 2 … to whichever thread asks next.
private final class IndexCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0

    func take(below limit: Int) -> Int? {
        lock.withLock {
            guard next < limit else { return nil }
            defer { next += 1 }
            return next
        }
    }
}
