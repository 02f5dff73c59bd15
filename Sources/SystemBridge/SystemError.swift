#if canImport(Glibc)
import Glibc
#endif

/// The one error type of SystemBridge: a failed system call, where it failed and why.
///
/// Callers decide on policy (retry, skip the file, give up) from `errno` and the convenience
/// predicates; the `description` is meant for a log line a human can act on.
public struct SystemError: Error, Sendable, CustomStringConvertible, Equatable {
    /// The system call or library function that failed, e.g. `"inotify_add_watch"`.
    public var operation: String
    /// The path the call was about, when there is one.
    public var path: String?
    /// The C `errno` value (positive).
    public var errno: Int32

    /// Creates an error from explicit parts.
    public init(operation: String, path: String? = nil, errno: Int32) {
        self.operation = operation
        self.path = path
        self.errno = errno
    }

    /// Captures the calling thread's current `errno`.
    static func current(_ operation: String, path: String? = nil) -> SystemError {
        SystemError(operation: operation, path: path, errno: Glibc.errno)
    }

    /// The C library's text for `errno` (e.g. "No such file or directory").
    public var message: String {
        // glibc >= 2.32 returns static, thread-safe strings for known codes.
        guard let text = strerror(errno) else { return "Unknown error" }
        return String(cString: text)
    }

    /// "inotify_add_watch(/x/inbox): No such file or directory (errno 2)", plus a remedy when we know one.
    public var description: String {
        var text = operation
        if let path { text += "(\(path))" }
        text += ": \(message) (errno \(errno))"
        if let remedy { text += "; \(remedy)" }
        return text
    }

    /// A hint how to fix the situation, for the errors where there is an obvious one.
    public var remedy: String? {
        switch (operation, errno) {
        case ("inotify_add_watch", ENOSPC):
            return "raise fs.inotify.max_user_watches"
        case ("inotify_init1", EMFILE):
            return "raise fs.inotify.max_user_instances"
        case (_, EMFILE), (_, ENFILE):
            return "too many open files: raise LimitNOFILE="
        case (_, ENOSPC), (_, EDQUOT):
            return "the file system is full"
        case (_, EACCES), (_, EPERM):
            return "check ownership, mode and the unit's ReadWritePaths="
        case (_, EROFS):
            return "the file system is read-only (ProtectSystem=?)"
        default:
            return nil
        }
    }

    /// The disk (or quota) is full: ENOSPC or EDQUOT.
    public var isNoSpace: Bool { errno == ENOSPC || errno == EDQUOT }
    /// The path does not exist: ENOENT.
    public var isNotFound: Bool { errno == ENOENT }
    /// Permission denied: EACCES or EPERM.
    public var isPermission: Bool { errno == EACCES || errno == EPERM }
    /// The target already exists: EEXIST (e.g. from `SafeFile.moveNoReplace`).
    public var isAlreadyExists: Bool { errno == EEXIST }
}
