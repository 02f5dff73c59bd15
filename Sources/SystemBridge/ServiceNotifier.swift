#if canImport(Glibc)
import Glibc
#endif
import CSystemd

/// Tells systemd about the service's state (`sd_notify`) and the watchdog interval it expects.
///
/// Without `NOTIFY_SOCKET` (not started by systemd, or not `Type=notify`) every call is a no-op that
/// returns false, so the daemon can call these unconditionally.
public struct ServiceNotifier: Sendable {
    /// Creates a notifier. libsystemd reads `NOTIFY_SOCKET` at each call.
    public init() {}

    /// True when `NOTIFY_SOCKET` is set, i.e. a service manager listens.
    public var isEnabled: Bool { getenv("NOTIFY_SOCKET") != nil }

    /// READY=1 (and STATUS= if given): start-up is complete.
    @discardableResult
    public func ready(status: String? = nil) -> Bool {
        var message = "READY=1"
        if let status { message += "\nSTATUS=" + Self.singleLine(status) }
        return notify(message)
    }

    /// RELOADING=1 with MONOTONIC_USEC (systemd >= 253 requires it for Type=notify-reload).
    /// Send `ready()` when the reload is done.
    @discardableResult
    public func reloading() -> Bool {
        notify("RELOADING=1\nMONOTONIC_USEC=\(Syscall.monotonicMicroseconds())")
    }

    /// STOPPING=1: shutdown has begun.
    @discardableResult
    public func stopping() -> Bool {
        notify("STOPPING=1")
    }

    /// STATUS=…: a one-line status shown by `systemctl status`.
    @discardableResult
    public func status(_ text: String) -> Bool {
        notify("STATUS=" + Self.singleLine(text))
    }

    /// WATCHDOG=1: the service is alive. Send at about half of `watchdogInterval`.
    @discardableResult
    public func watchdogPing() -> Bool {
        notify("WATCHDOG=1")
    }

    /// The watchdog interval systemd expects pings within (`WatchdogSec=`), or nil when not enabled
    /// for this process (`sd_watchdog_enabled` checks WATCHDOG_USEC and WATCHDOG_PID).
    public var watchdogInterval: Duration? {
        var microseconds: UInt64 = 0
        guard sd_watchdog_enabled(0, &microseconds) > 0, microseconds > 0 else { return nil }
        return .microseconds(Int64(clamping: microseconds))
    }

    /// Sends a raw notify message (`KEY=value` lines); true when the manager received it.
    @discardableResult
    public func notify(_ message: String) -> Bool {
        guard isEnabled else { return false }
        return sd_notify(0, message) > 0
    }

    /// A newline would start a new assignment; status texts must stay one line.
    static func singleLine(_ text: String) -> String {
        String(text.map { $0.isNewline ? " " : $0 })
    }
}
