#if canImport(Glibc)
import Glibc
#endif

/// An AF_UNIX datagram socket bound to a path, which the test controls (it may never read).
public final class DatagramListener: @unchecked Sendable {
    public let path: String
    public private(set) var fd: Int32

    public init(path: String) {
        self.path = path
        unlink(path)
        fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        precondition(fd >= 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        precondition(bytes.count < MemoryLayout.size(ofValue: address.sun_path))
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: bytes)
            raw[bytes.count] = 0
        }
        let length = socklen_t(MemoryLayout<sa_family_t>.size + bytes.count + 1)
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) }
        }
        precondition(result == 0, "bind \(path): \(errno)")
    }

    deinit {
        if fd >= 0 {
            close(fd)
            unlink(path)
        }
    }

    /// Dies like a killed journald: the socket closes, its file stays behind.
    public func dieLeavingSocketFile() {
        close(fd)
        fd = -1
    }

    /// Receives one datagram, waiting at most `timeoutMilliseconds`.
    public func receive(timeoutMilliseconds: Int32 = 5_000) -> [UInt8]? {
        var fds = [pollfd(fd: fd, events: Int16(POLLIN), revents: 0)]
        guard poll(&fds, 1, timeoutMilliseconds) == 1 else { return nil }
        var buffer = [UInt8](repeating: 0, count: 65_536)
        let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, Int32(MSG_DONTWAIT)) }
        guard count >= 0 else { return nil }
        return Array(buffer[0..<count])
    }
}
