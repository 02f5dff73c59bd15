#if canImport(Glibc)
import Glibc
#endif
import CSystemd
import Synchronization

/// Writes structured entries to journald without ever losing one silently or blocking indefinitely.
///
/// `sd_journal_sendv` returns 0 and drops the entry when the journal socket is missing, and blocks
/// forever when journald stops reading. So every send is preceded by a probe (see
/// `JournalSocketProbe`): a missing or dead socket yields `.unavailable`, a full receive queue `.stalled`;
/// only then is the entry handed to libsystemd. A narrow race remains (the queue can fill between
/// probe and send), so call `send` from a dedicated thread or queue, never from the ingest path
/// (which may use `sendWithoutWaiting`).
///
/// libsystemd always writes to `/run/systemd/journal/socket`. A writer created for any other path
/// (tests, a containerised journald) speaks journald's native datagram protocol itself, non-blocking
/// (`MSG_DONTWAIT`), over the probe socket.
public final class JournalWriter: Sendable {
    /// Where journald listens for native-protocol datagrams.
    public static let defaultSocketPath = "/run/systemd/journal/socket"

    /// The socket this writer probes (and, for non-default paths, sends to).
    public let socketPath: String
    private let usesLibsystemd: Bool
    private let stallTimeoutMilliseconds: Int32
    private let probe: Mutex<JournalSocketProbe>

    /// Creates a writer for journald at `socketPath`.
    ///
    /// - Parameter stallTimeout: how long a send may wait for room in journald's receive queue
    ///   before reporting `.stalled` (0–5 ms is sensible; clamped to 0...1000 ms).
    public init(socketPath: String = JournalWriter.defaultSocketPath, stallTimeout: Duration = .milliseconds(2)) {
        self.socketPath = socketPath
        self.usesLibsystemd = socketPath == Self.defaultSocketPath
        let (seconds, attoseconds) = stallTimeout.components
        let milliseconds = seconds * 1_000 + attoseconds / 1_000_000_000_000_000
        self.stallTimeoutMilliseconds = Int32(clamping: min(max(milliseconds, 0), 1_000))
        self.probe = Mutex(JournalSocketProbe(path: socketPath))
    }

    /// Sends one entry. Only `.sent` means journald has it.
    public func send(_ entry: JournalEntry) -> JournalSendResult {
        guard !entry.fields.isEmpty else { return .unavailable("entry has no valid fields") }
        if usesLibsystemd {
            let verdict = probe.withLock { $0.check(timeoutMilliseconds: stallTimeoutMilliseconds) }
            switch verdict {
            case .unavailable(let reason): return .unavailable(reason)
            case .stalled: return .stalled
            case .ready: break
            }
            let result = Self.sendv(entry)
            if result >= 0 { return .sent }
            probe.withLock { $0.reset() }
            return .unavailable(
                "sd_journal_sendv: " + SystemError(operation: "sd_journal_sendv", errno: -result).message
            )
        }
        let datagram = entry.nativeDatagram()
        return probe.withLock { probe -> JournalSendResult in
            switch probe.check(timeoutMilliseconds: stallTimeoutMilliseconds) {
            case .unavailable(let reason): return .unavailable(reason)
            case .stalled: return .stalled
            case .ready: break
            }
            return Self.sendNative(datagram, on: probe.fd, path: socketPath, reset: { probe.reset() })
        }
    }

    /// Sends one entry only if journald takes it at once, never waiting: journald's native datagram
    /// on the probe's own connected, non-blocking socket (`MSG_DONTWAIT`). This is for a thread that
    /// must never block (the ingest thread sending its just-committed entry itself while the delivery
    /// thread is idle): `send` hands the entry to `sd_journal_sendv`, which blocks if journald's queue
    /// fills between the probe and the send. journald stores the same fields either way (they are the
    /// same datagram `sd_journal_sendv` writes; journald takes the sender's credentials from the
    /// socket). Anything but `.sent` (a full queue, an entry too large for one datagram, journald
    /// away) means the entry was not sent: leave it to `send` on the delivery thread.
    public func sendWithoutWaiting(_ entry: JournalEntry) -> JournalSendResult {
        guard !entry.fields.isEmpty else { return .unavailable("entry has no valid fields") }
        let datagram = entry.nativeDatagram()
        return probe.withLock { probe -> JournalSendResult in
            switch probe.check(timeoutMilliseconds: 0) {
            case .unavailable(let reason): return .unavailable(reason)
            case .stalled: return .stalled
            case .ready: break
            }
            return Self.sendNative(datagram, on: probe.fd, path: socketPath, reset: { probe.reset() })
        }
    }

    /// True when a probe finds journald listening (it may still be `.stalled`).
    public func isReachable() -> Bool {
        let verdict = probe.withLock { $0.check(timeoutMilliseconds: 0) }
        if case .unavailable = verdict { return false }
        return true
    }

    /// Calls `sd_journal_sendv` with iovecs pointing into one contiguous buffer that outlives the call.
    private static func sendv(_ entry: JournalEntry) -> Int32 {
        var (bytes, ranges) = entry.sendvItems()
        return bytes.withUnsafeMutableBytes { raw -> Int32 in
            guard let base = raw.baseAddress else { return -EINVAL }
            let vectors = ranges.map { iovec(iov_base: base + $0.lowerBound, iov_len: $0.count) }
            return vectors.withUnsafeBufferPointer { sd_journal_sendv($0.baseAddress, Int32($0.count)) }
        }
    }

    /// One non-blocking datagram in journald's native format.
    private static func sendNative(
        _ datagram: [UInt8], on fd: Int32, path: String, reset: () -> Void
    ) -> JournalSendResult {
        let flags = Int32(MSG_DONTWAIT) | Int32(MSG_NOSIGNAL)
        while true {
            let sent = datagram.withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, flags) }
            if sent >= 0 { return .sent }
            let code = Glibc.errno
            switch code {
            case EINTR: continue
            case EAGAIN: return .stalled
            case EMSGSIZE: return .unavailable("entry of \(datagram.count) bytes is too large for one datagram")
            case ECONNREFUSED, ENOTCONN, ECONNRESET:
                reset()
                return .unavailable("nobody is listening on \(path) (journald not running)")
            default:
                reset()
                return .unavailable(SystemError(operation: "send", path: path, errno: code).description)
            }
        }
    }
}
