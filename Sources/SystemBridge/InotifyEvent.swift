/// One thing that happened in a watched directory, already reduced to what the daemon acts on.
public struct InotifyEvent: Sendable, Hashable {
    /// What happened.
    public enum Kind: Sendable, Hashable {
        /// A file opened for writing was closed (IN_CLOSE_WRITE): `cp`, editors, `curl -o`.
        case closeWrite
        /// An entry was renamed into the directory (IN_MOVED_TO): `mv`, rsync's final rename.
        case movedTo
        /// An entry was created (IN_CREATE); `isDirectory` tells a new subdirectory.
        case created
        /// An entry was renamed out of the directory (IN_MOVED_FROM).
        case movedFrom
        /// An entry was deleted (IN_DELETE).
        case deleted
        /// The watched directory itself was deleted, moved or unmounted (IN_DELETE_SELF|IN_MOVE_SELF|IN_UNMOUNT).
        case watchedDirectoryGone
        /// The kernel dropped the watch (IN_IGNORED), after `removeWatch` or when the directory went away.
        case watchRemoved
        /// Events were lost (kernel IN_Q_OVERFLOW, or the consumer fell behind): rescan everything.
        case overflow
    }

    /// The watch descriptor from `watchDirectory`, or -1 for `.overflow`.
    public var watch: Int32
    /// What happened.
    public var kind: Kind
    /// The entry's name inside the watched directory as raw bytes (file names need not be UTF-8);
    /// empty for events about the directory itself and for `.overflow`.
    public var name: [UInt8]
    /// The entry is a directory (IN_ISDIR).
    public var isDirectory: Bool

    /// Creates an event (tests and fakes feed these to the daemon).
    public init(watch: Int32, kind: Kind, name: [UInt8] = [], isDirectory: Bool = false) {
        self.watch = watch
        self.kind = kind
        self.name = name
        self.isDirectory = isDirectory
    }

    /// The marker that tells the consumer to rescan.
    public static let overflow = InotifyEvent(watch: -1, kind: .overflow)

    /// The name decoded as UTF-8 with invalid bytes replaced; for logging only, not for opening files.
    public var displayName: String { String(decoding: name, as: UTF8.self) }
}
