#if canImport(Glibc)
import Glibc
#endif

/// Thin wrappers over the system calls SystemBridge uses: each retries EINTR and turns a failure into
/// a `SystemError` naming the call and the path. Nothing outside this module sees raw `errno`.
enum Syscall {
    /// Runs `body` until it does not fail with EINTR; a `-1` result becomes a `SystemError`.
    @inline(__always)
    static func retrying<T: FixedWidthInteger>(
        _ operation: String, path: String? = nil, _ body: () -> T
    ) throws(SystemError) -> T {
        while true {
            let result = body()
            if result != -1 { return result }
            let code = Glibc.errno
            if code == EINTR { continue }
            throw SystemError(operation: operation, path: path, errno: code)
        }
    }

    static func open(_ path: String, flags: Int32, mode: mode_t = 0) throws(SystemError) -> Int32 {
        try retrying("open", path: path) { Glibc.open(path, flags, mode) }
    }

    /// Closes `fd`. On Linux the descriptor is released even when close reports EINTR, so it is
    /// never retried (a retry could close a descriptor another thread just received).
    static func close(_ fd: Int32) {
        guard fd >= 0 else { return }
        _ = Glibc.close(fd)
    }

    static func fstat(_ fd: Int32, path: String? = nil) throws(SystemError) -> Glibc.stat {
        var info = Glibc.stat()
        _ = try retrying("fstat", path: path) { Glibc.fstat(fd, &info) }
        return info
    }

    static func lstat(_ path: String) throws(SystemError) -> Glibc.stat {
        var info = Glibc.stat()
        _ = try retrying("lstat", path: path) { Glibc.lstat(path, &info) }
        return info
    }

    static func statFollowingLinks(_ path: String) throws(SystemError) -> Glibc.stat {
        var info = Glibc.stat()
        _ = try retrying("stat", path: path) { fstatat(AT_FDCWD, path, &info, 0) }
        return info
    }

    /// Reads up to `count` bytes; returns 0 at end of file.
    static func read(
        _ fd: Int32, into buffer: UnsafeMutableRawPointer, count: Int, path: String? = nil
    ) throws(SystemError) -> Int {
        try retrying("read", path: path) { Glibc.read(fd, buffer, count) }
    }

    static func write(
        _ fd: Int32, from buffer: UnsafeRawPointer, count: Int, path: String? = nil
    ) throws(SystemError) -> Int {
        try retrying("write", path: path) { Glibc.write(fd, buffer, count) }
    }

    /// poll(2) with EINTR retried; returns the number of ready descriptors (0 on timeout).
    static func poll(_ fds: inout [pollfd], timeoutMilliseconds: Int32) throws(SystemError) -> Int32 {
        let count = nfds_t(fds.count)
        return try fds.withUnsafeMutableBufferPointer { buffer throws(SystemError) -> Int32 in
            try retrying("poll") { Glibc.poll(buffer.baseAddress, count, timeoutMilliseconds) }
        }
    }

    static func fsync(_ fd: Int32, path: String? = nil) throws(SystemError) {
        _ = try retrying("fsync", path: path) { Glibc.fsync(fd) }
    }

    static func mkdir(_ path: String, mode: mode_t) throws(SystemError) {
        _ = try retrying("mkdir", path: path) { Glibc.mkdir(path, mode) }
    }

    static func unlink(_ path: String) throws(SystemError) {
        _ = try retrying("unlink", path: path) { Glibc.unlink(path) }
    }

    static func link(_ from: String, _ to: String) throws(SystemError) {
        _ = try retrying("link", path: "\(from) -> \(to)") { Glibc.link(from, to) }
    }

    /// `CLOCK_MONOTONIC` in microseconds, as systemd's MONOTONIC_USEC wants it.
    static func monotonicMicroseconds() -> UInt64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return UInt64(now.tv_sec) * 1_000_000 + UInt64(now.tv_nsec) / 1_000
    }

    /// A connected, non-blocking, close-on-exec pair of stream sockets (used as a wake-up channel).
    static func socketPair() throws(SystemError) -> (Int32, Int32) {
        var fds: [Int32] = [-1, -1]
        let type = Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue) | Int32(SOCK_NONBLOCK.rawValue)
        _ = try retrying("socketpair") { Glibc.socketpair(AF_UNIX, type, 0, &fds) }
        return (fds[0], fds[1])
    }
}
