#if canImport(Glibc)
import Glibc
#endif

/// A datagram socket of our own, `connect()`ed to journald's socket, used to ask the kernel whether a
/// send would succeed right now, before handing an entry to `sd_journal_sendv` (which loses it when the
/// socket is missing and blocks forever when journald stops reading).
///
/// Linux `unix_dgram_poll` reports a connected datagram socket not writable while the peer's receive
/// queue is full (`net.unix.max_dgram_qlen`), which is exactly when a blocking send would wait.
/// The socket is reused; it is reconnected when the socket file was replaced (journald restarted
/// without socket activation) or after a send failed.
struct JournalSocketProbe: ~Copyable {
    enum Verdict: Equatable {
        case ready
        case unavailable(String)
        case stalled
    }

    let path: String
    private(set) var fd: Int32 = -1
    private var connectedInode: (device: UInt64, inode: UInt64)?

    init(path: String) {
        self.path = path
    }

    deinit {
        Syscall.close(fd)
    }

    /// Forget the connection; the next `check` reconnects.
    mutating func reset() {
        Syscall.close(fd)
        fd = -1
        connectedInode = nil
    }

    /// Connects if needed and polls for POLLOUT for at most `timeoutMilliseconds`.
    mutating func check(timeoutMilliseconds: Int32) -> Verdict {
        let info: Glibc.stat
        do {
            info = try Syscall.statFollowingLinks(path)
        } catch {
            reset()
            return .unavailable(error.isNotFound ? "journal socket \(path) does not exist" : error.description)
        }
        guard info.st_mode & S_IFMT == S_IFSOCK else {
            reset()
            return .unavailable("\(path) is not a socket")
        }
        let identity = (device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
        if fd < 0 || connectedInode?.device != identity.device || connectedInode?.inode != identity.inode {
            reset()
            if let failure = connect() { return failure }
            connectedInode = identity
        }

        var fds = [pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)]
        let ready: Int32
        do {
            ready = try Syscall.poll(&fds, timeoutMilliseconds: timeoutMilliseconds)
        } catch {
            reset()
            return .unavailable(error.description)
        }
        if ready == 0 { return .stalled }
        if fds[0].revents & Int16(POLLERR | POLLHUP | POLLNVAL) != 0 {
            reset()
            return .unavailable("journal socket \(path) reported an error")
        }
        return fds[0].revents & Int16(POLLOUT) != 0 ? .ready : .stalled
    }

    /// Opens and connects the probe socket; returns the failure, or nil on success.
    private mutating func connect() -> Verdict? {
        let type = Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue) | Int32(SOCK_NONBLOCK.rawValue)
        let socketFD = socket(AF_UNIX, type, 0)
        guard socketFD >= 0 else {
            return .unavailable(SystemError.current("socket").description)
        }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let pathBytes = Array(path.utf8)
        let capacity = MemoryLayout.size(ofValue: address.sun_path)
        guard pathBytes.count < capacity, !pathBytes.contains(0) else {
            Syscall.close(socketFD)
            return .unavailable("journal socket path is too long: \(path)")
        }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: pathBytes)
            raw[pathBytes.count] = 0
        }
        let length = socklen_t(MemoryLayout<sa_family_t>.size + pathBytes.count + 1)
        var code: Int32 = 0
        repeat {
            let result = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(socketFD, $0, length) }
            }
            code = result == 0 ? 0 : Glibc.errno
        } while code == EINTR
        guard code == 0 else {
            Syscall.close(socketFD)
            let error = SystemError(operation: "connect", path: path, errno: code)
            if code == ECONNREFUSED { return .unavailable("nobody is listening on \(path) (journald not running)") }
            return .unavailable(error.description)
        }
        fd = socketFD
        return nil
    }
}
