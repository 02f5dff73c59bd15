#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// Watches inbox directories with Linux inotify and delivers events as a bounded `AsyncStream`.
///
/// A dedicated reader thread blocks in `poll()` on the inotify descriptor and the read end of a wake
/// socket pair, so there is no timed polling and no cooperative-pool thread is ever blocked.
///
/// Locking: the mutable state (closed flag, reader thread handle, whether the stream was vended)
/// lives in one `Mutex`. The inotify descriptor is used by callers only while holding that lock and
/// only while not closed; the reader thread uses the descriptors until `close()` has joined it, and
/// `close()` releases them only after the join. That is why `@unchecked Sendable` is sound here.
public final class InotifyWatcher: @unchecked Sendable {
    private struct State {
        var closed = false
        var streamVended = false
        var reader: pthread_t?
    }

    private let fd: Int32
    private let wakeRead: Int32
    private let wakeWrite: Int32
    private let state = Mutex(State())
    private let buffer = Mutex<InotifyEventBuffer?>(nil)

    /// `inotify_init1(IN_NONBLOCK|IN_CLOEXEC)` plus the wake channel.
    public init() throws(SystemError) {
        let fd = try Syscall.retrying("inotify_init1") { inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC)) }
        let pair: (Int32, Int32)
        do {
            pair = try Syscall.socketPair()
        } catch {
            Syscall.close(fd)
            throw error
        }
        self.fd = fd
        self.wakeRead = pair.0
        self.wakeWrite = pair.1
    }

    deinit {
        close()
    }

    /// The watch mask: everything the daemon reacts to, no links followed, directories only.
    static let watchMask: UInt32 = {
        let events = IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE | IN_DELETE_SELF | IN_MOVE_SELF
        let flags = IN_ONLYDIR | IN_DONT_FOLLOW | IN_EXCL_UNLINK
        return UInt32(bitPattern: events) | UInt32(bitPattern: flags)
    }()

    /// Adds (or updates) a watch on a directory and returns its watch descriptor.
    ///
    /// Fails with ENOTDIR for a non-directory or a symbolic link, ENOSPC when
    /// `fs.inotify.max_user_watches` is exhausted, EBADF after `close()`.
    public func watchDirectory(_ path: String) throws(SystemError) -> Int32 {
        let fd = self.fd
        let mask = Self.watchMask
        return try state.withLock { state throws(SystemError) -> Int32 in
            guard !state.closed else { throw SystemError(operation: "inotify_add_watch", path: path, errno: EBADF) }
            return try Syscall.retrying("inotify_add_watch", path: path) { inotify_add_watch(fd, path, mask) }
        }
    }

    /// Removes a watch; the stream then reports `.watchRemoved` for it. Unknown descriptors are ignored.
    public func removeWatch(_ wd: Int32) {
        let fd = self.fd
        state.withLock { state in
            guard !state.closed else { return }
            _ = inotify_rm_watch(fd, wd)
        }
    }

    /// The events of all watches. Call once per watcher; later calls get an already finished stream.
    ///
    /// At most `bufferLimit` events wait for the consumer; beyond that the reader drops events and
    /// delivers one `.overflow` (rescan) after the queued ones. The stream finishes after `close()`
    /// (queued events are still delivered) or when the consuming task is cancelled.
    ///
    /// - Parameter handledOnReaderThread: called on the reader thread with each event as soon as it
    ///   is read; an event for which it returns true is not put in the stream. A consumer takes its
    ///   common, cheap events here (a finished file) and so saves the hand-over to an async task;
    ///   it must not block. Events it declines arrive through the stream as usual.
    public func events(bufferLimit: Int = 65_536,
                       handledOnReaderThread: (@Sendable (InotifyEvent) -> Bool)? = nil) -> AsyncStream<InotifyEvent> {
        let queue = InotifyEventBuffer(limit: bufferLimit)
        let fd = self.fd
        let wakeRead = self.wakeRead
        // The thread is created under the lock so a concurrent close() either sees it (and joins it)
        // or prevents it from starting.
        let started = state.withLock { state -> Bool in
            guard !state.closed, !state.streamVended else { return false }
            state.streamVended = true
            let unmanaged = Unmanaged.passRetained(InotifyReader(fd: fd, wakeFD: wakeRead, queue: queue, tap: handledOnReaderThread))
            var thread = pthread_t()
            let created = pthread_create(&thread, nil, { raw in
                guard let raw else { return nil }
                let reader = Unmanaged<InotifyReader>.fromOpaque(raw).takeRetainedValue()
                reader.run()
                return nil
            }, unmanaged.toOpaque())
            guard created == 0 else {
                unmanaged.release()
                return false
            }
            state.reader = thread
            return true
        }
        guard started else {
            queue.finish()
            return AsyncStream(unfolding: { await queue.next() })
        }
        buffer.withLock { $0 = queue }
        return AsyncStream(unfolding: { await queue.next() })
    }

    /// Stops watching: wakes and joins the reader thread, closes the descriptors, finishes the stream.
    /// Idempotent and safe from any thread or task; it never waits for the consumer.
    public func close() {
        let (first, reader) = state.withLock { state -> (Bool, pthread_t?) in
            guard !state.closed else { return (false, nil) }
            state.closed = true
            defer { state.reader = nil }
            return (true, state.reader)
        }
        guard first else { return }
        if let reader {
            var byte: UInt8 = 1
            _ = try? Syscall.write(wakeWrite, from: &byte, count: 1)  // EINTR retried: a lost wake-up would hang the join
            pthread_join(reader, nil)
        }
        Syscall.close(fd)
        Syscall.close(wakeRead)
        Syscall.close(wakeWrite)
        buffer.withLock { $0 }?.finish()
    }

    /// Test hook: true when events were dropped and `.overflow` is waiting for the consumer.
    var hasPendingOverflow: Bool { buffer.withLock { $0 }?.hasPendingOverflow ?? false }
}

/// The body of the reader thread. Holds only descriptors and the buffer, not the watcher, so a
/// forgotten watcher can still be deinitialised (which closes it).
private final class InotifyReader {
    let fd: Int32
    let wakeFD: Int32
    let queue: InotifyEventBuffer
    let tap: (@Sendable (InotifyEvent) -> Bool)?

    init(fd: Int32, wakeFD: Int32, queue: InotifyEventBuffer, tap: (@Sendable (InotifyEvent) -> Bool)?) {
        self.fd = fd
        self.wakeFD = wakeFD
        self.queue = queue
        self.tap = tap
    }

    /// Buffer for one read: large enough for many records, and > 16 + NAME_MAX + 1 (else EINVAL).
    static let readSize = 64 * 1024

    func run() {
        let storage = UnsafeMutableRawBufferPointer.allocate(byteCount: Self.readSize, alignment: 8)
        defer {
            storage.deallocate()
            queue.finish()
        }
        let readable = Int16(POLLIN)
        let failed = Int16(POLLERR | POLLHUP | POLLNVAL)
        while true {
            var fds = [pollfd(fd: fd, events: readable, revents: 0), pollfd(fd: wakeFD, events: readable, revents: 0)]
            guard (try? Syscall.poll(&fds, timeoutMilliseconds: -1)) != nil else { return }
            if fds[1].revents != 0 { return }  // close() asked us to stop
            if fds[0].revents & readable != 0 {
                guard drain(storage) else { return }
            } else if fds[0].revents & failed != 0 {
                return
            }
        }
    }

    /// Reads until EAGAIN, but at most a few buffers, so that under a sustained flood the loop still
    /// returns to poll() and notices close(); false when the descriptor failed.
    private func drain(_ storage: UnsafeMutableRawBufferPointer) -> Bool {
        var reads = 0
        while reads < 16 {
            let count = Glibc.read(fd, storage.baseAddress, storage.count)
            if count > 0 {
                reads += 1
                InotifyRecordParser.parse(UnsafeRawBufferPointer(rebasing: storage[0..<count])) { event in
                    if let tap, tap(event) { return }
                    queue.push(event)
                }
                continue
            }
            if count == 0 { return true }
            switch Glibc.errno {
            case EINTR: continue
            case EAGAIN: return true
            default: return false
            }
        }
        return true
    }
}
