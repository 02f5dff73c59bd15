#if canImport(Glibc)
import Glibc
#endif

/// What kind of directory entry a path is, as `lstat` sees it (links are never followed).
public enum FileKind: Sendable, Hashable, CustomStringConvertible {
    case regular
    case directory
    case symlink
    /// Anything else: "FIFO", "socket", "character device", "block device", "unknown".
    case other(String)

    init(mode: mode_t) {
        switch mode & S_IFMT {
        case S_IFREG: self = .regular
        case S_IFDIR: self = .directory
        case S_IFLNK: self = .symlink
        case S_IFIFO: self = .other("FIFO")
        case S_IFSOCK: self = .other("socket")
        case S_IFCHR: self = .other("character device")
        case S_IFBLK: self = .other("block device")
        default: self = .other("unknown")
        }
    }

    /// "regular file", "directory", "symbolic link" or the `other` name.
    public var description: String {
        switch self {
        case .regular: "regular file"
        case .directory: "directory"
        case .symlink: "symbolic link"
        case .other(let name): name
        }
    }
}

/// The stat facts the daemon needs to decide about a file and to recognise it again (device + inode).
public struct FileFacts: Sendable, Hashable {
    /// What the entry is.
    public var kind: FileKind
    /// Size in bytes (`st_size`).
    public var size: Int64
    /// Last modification, in seconds since the Unix epoch (with fractions).
    public var modificationTime: Double
    /// `st_dev`: together with `inode`, identifies the file while it exists.
    public var device: UInt64
    /// `st_ino`.
    public var inode: UInt64
    /// `st_nlink`: more than 1 means other names (possibly outside the inbox) share this file.
    public var linkCount: UInt64 = 1

    /// Creates facts from explicit values (tests, fakes).
    public init(kind: FileKind, size: Int64, modificationTime: Double, device: UInt64, inode: UInt64) {
        self.kind = kind
        self.size = size
        self.modificationTime = modificationTime
        self.device = device
        self.inode = inode
    }

    init(_ info: stat) {
        self.init(
            kind: FileKind(mode: info.st_mode),
            size: Int64(info.st_size),
            modificationTime: Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1_000_000_000,
            device: UInt64(info.st_dev),
            inode: UInt64(info.st_ino)
        )
        linkCount = UInt64(info.st_nlink)
    }
}
