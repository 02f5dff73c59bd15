import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Makes sure a journald listens on /run/systemd/journal/socket, starting one if needed (we are root
/// in the build container, where nothing else runs journald).
public enum HostJournald {
    public static let socketPath = "/run/systemd/journal/socket"

    public static let isRunning: Bool = {
        if socketIsLive() { return true }
        // No pipes: the long-lived journald must not hold anything this process waits on.
        let starter = Process()
        starter.executableURL = URL(fileURLWithPath: "/bin/sh")
        starter.arguments = ["-c", "mkdir -p /run/systemd/journal && setsid /lib/systemd/systemd-journald </dev/null >/dev/null 2>&1 &"]
        starter.standardInput = FileHandle.nullDevice
        starter.standardOutput = FileHandle.nullDevice
        starter.standardError = FileHandle.nullDevice
        guard (try? starter.run()) != nil else { return false }
        // No waitUntilExit: Foundation learns of a child's exit through a descriptor the child
        // inherits, and the journald the shell leaves behind keeps it open, so the wait never ends
        // (the suite hung here whenever journald was not already running). Wait for the socket.
        for _ in 0..<400 where !socketIsLive() { usleep(25_000) }
        return socketIsLive()
    }()

    /// The socket file exists and somebody accepts datagrams on it.
    public static func socketIsLive() -> Bool {
        var info = stat()
        guard lstat(socketPath, &info) == 0, info.st_mode & S_IFMT == S_IFSOCK else { return false }
        let fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(socketPath.utf8)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: bytes)
            raw[bytes.count] = 0
        }
        let length = socklen_t(MemoryLayout<sa_family_t>.size + bytes.count + 1)
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, length) }
        } == 0
    }
}
