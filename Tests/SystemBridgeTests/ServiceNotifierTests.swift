import Foundation
#if canImport(Glibc)
import Glibc
#endif
import TestSupport
import Testing
import TestSupport
@testable import SystemBridge

/// sd_notify reads NOTIFY_SOCKET from the environment, so these tests set it briefly, one at a time.
@Suite("service notifier", .serialized)
struct ServiceNotifierTests {
    static func withNotifySocket<T>(_ body: (DatagramListener) throws -> T) rethrows -> T {
        let dir = TemporaryDirectory("notify")
        let listener = DatagramListener(path: dir.file("notify"))
        setenv("NOTIFY_SOCKET", listener.path, 1)
        defer { unsetenv("NOTIFY_SOCKET") }
        return try body(listener)
    }

    static func text(_ bytes: [UInt8]?) -> String? { bytes.map { String(decoding: $0, as: UTF8.self) } }

    @Test func notSystemdMeansNoOps() {
        unsetenv("NOTIFY_SOCKET")
        let notifier = ServiceNotifier()
        #expect(!notifier.isEnabled)
        #expect(!notifier.ready(status: "x"))
        #expect(!notifier.reloading())
        #expect(!notifier.stopping())
        #expect(!notifier.status("x"))
        #expect(!notifier.watchdogPing())
        #expect(notifier.watchdogInterval == nil)
    }

    @Test func messagesReachTheNotifySocket() {
        Self.withNotifySocket { listener in
            let notifier = ServiceNotifier()
            #expect(notifier.ready(status: "watching\n/srv/inbox"))
            #expect(Self.text(listener.receive()) == "READY=1\nSTATUS=watching /srv/inbox")
            #expect(notifier.status("3 files"))
            #expect(Self.text(listener.receive()) == "STATUS=3 files")
            #expect(notifier.watchdogPing())
            #expect(Self.text(listener.receive()) == "WATCHDOG=1")
            #expect(notifier.stopping())
            #expect(Self.text(listener.receive()) == "STOPPING=1")
        }
    }

    @Test func reloadingCarriesMonotonicMicroseconds() throws {
        try Self.withNotifySocket { listener in
            let before = Syscall.monotonicMicroseconds()
            #expect(ServiceNotifier().reloading())
            let message = try #require(Self.text(listener.receive()))
            let lines = message.split(separator: "\n")
            #expect(lines.first == "RELOADING=1")
            let usec = try #require(lines.last.flatMap { $0.hasPrefix("MONOTONIC_USEC=") ? UInt64($0.dropFirst(15)) : nil })
            #expect(usec >= before)
        }
    }

    @Test func watchdogIntervalComesFromTheEnvironmentForThisProcess() {
        setenv("WATCHDOG_USEC", "3000000", 1)
        setenv("WATCHDOG_PID", String(getpid()), 1)
        defer {
            unsetenv("WATCHDOG_USEC")
            unsetenv("WATCHDOG_PID")
        }
        #expect(ServiceNotifier().watchdogInterval == .seconds(3))
        setenv("WATCHDOG_PID", "1", 1)  // meant for another process
        #expect(ServiceNotifier().watchdogInterval == nil)
    }
}
