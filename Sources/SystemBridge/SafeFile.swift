#if canImport(Glibc)
import Glibc
#endif

/// The result of `SafeFile.read`: either the bytes, or why they were not read.
public enum ReadOutcome: Sendable {
    /// The whole file (at most `limit` bytes) and the facts of the opened file (size = bytes read).
    case contents([UInt8], FileFacts)
    /// The file is larger than the limit; carries the size seen (at least `limit + 1`). Nothing big was read.
    case tooLarge(Int64)
    /// Not a regular file (a symlink, directory, FIFO, socket or device); nothing was read.
    case notRegular(FileKind)
}

/// File operations for an inbox that untrusted users write to: never follow symbolic links, never
/// block on FIFOs or devices, never read more than a limit, never replace an existing file.
public enum SafeFile {
    /// Same as the top-level `ReadOutcome`.
    public typealias Outcome = ReadOutcome

    /// `lstat(2)`: facts about the entry itself; a symbolic link is reported as `.symlink`.
    public static func facts(atPath path: String) throws(SystemError) -> FileFacts {
        FileFacts(try Syscall.lstat(path))
    }

    /// Reads a regular file of at most `limit` bytes.
    ///
    /// Opens with `O_NOFOLLOW|O_NONBLOCK|O_NOCTTY|O_CLOEXEC` (a FIFO opens without waiting for a writer,
    /// a terminal never becomes our controlling tty), then checks the opened descriptor with `fstat`,
    /// so a swap between check and open cannot trick it. A symbolic link (ELOOP) is reported as
    /// `.notRegular(.symlink)`. At most `limit + 1` bytes are read even if the file grows meanwhile.
    public static func read(atPath path: String, limit: Int) throws(SystemError) -> ReadOutcome {
        let flags = O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC | O_NOCTTY
        let fd: Int32
        do {
            fd = try Syscall.open(path, flags: flags)
        } catch {
            if error.errno == ELOOP, let info = try? Syscall.lstat(path), FileKind(mode: info.st_mode) == .symlink {
                return .notRegular(.symlink)
            }
            throw error
        }
        defer { Syscall.close(fd) }

        var facts = FileFacts(try Syscall.fstat(fd, path: path))
        guard facts.kind == .regular else { return .notRegular(facts.kind) }
        let limit = max(0, limit)
        if facts.size > Int64(limit) { return .tooLarge(facts.size) }

        let cap = limit == Int.max ? limit : limit + 1
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(min(Int64(cap), max(0, facts.size) + 1)))
        let chunkSize = 64 * 1024
        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 16)
        defer { chunk.deallocate() }
        while bytes.count < cap {
            let want = min(chunkSize, cap - bytes.count)
            let got = try Syscall.read(fd, into: chunk.baseAddress!, count: want, path: path)
            if got == 0 { break }
            bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: chunk[0..<got]))
        }
        if bytes.count > limit {
            return .tooLarge(max(Int64(bytes.count), facts.size))
        }
        facts.size = Int64(bytes.count)
        return .contents(bytes, facts)
    }

    /// Renames `from` to `to` atomically unless `to` exists (`renameat2(RENAME_NOREPLACE)`).
    ///
    /// An existing target surfaces as a `SystemError` with EEXIST (`isAlreadyExists`) and is left untouched.
    public static func moveNoReplace(from: String, to: String) throws(SystemError) {
        try RenameNoReplace.move(from: from, to: to)
    }

    /// `unlink(2)`: removes a file or symbolic link (not a directory). ENOENT is reported (`isNotFound`).
    public static func removeFile(atPath path: String) throws(SystemError) {
        try Syscall.unlink(path)
    }

    /// `fsync(2)` on a directory, so renames and creations in it survive a crash.
    public static func syncDirectory(atPath path: String) throws(SystemError) {
        let fd = try Syscall.open(path, flags: O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        defer { Syscall.close(fd) }
        try Syscall.fsync(fd, path: path)
    }

    /// `mkdir -p`: creates `path` and missing parents with `mode`; existing directories are fine.
    ///
    /// `mkdir(2)` applies the umask and ignores set-group-ID/sticky bits, so when `mode` has any of
    /// 0o7000 each directory this call creates is `chmod`ed to exactly `mode` (like `mkdir -m`);
    /// existing directories are left alone. Fails with ENOTDIR when something else is in the way.
    public static func makeDirectories(atPath path: String, mode: UInt32 = 0o755) throws(SystemError) {
        guard !path.isEmpty else { throw SystemError(operation: "mkdir", path: path, errno: ENOENT) }
        var prefix = path.hasPrefix("/") ? "/" : ""
        for component in path.split(separator: "/", omittingEmptySubsequences: true) {
            if !prefix.isEmpty && !prefix.hasSuffix("/") { prefix += "/" }
            prefix += component
            if component == "." || component == ".." { continue }
            do {
                try Syscall.mkdir(prefix, mode: mode_t(mode))
            } catch {
                // EEXIST (or EROFS/EACCES on an existing parent) is fine if a directory is there.
                guard let info = try? Syscall.statFollowingLinks(prefix) else { throw error }
                guard FileKind(mode: info.st_mode) == .directory else {
                    throw SystemError(operation: "mkdir", path: prefix, errno: ENOTDIR)
                }
                continue
            }
            if mode & 0o7000 != 0 {
                _ = try Syscall.retrying("chmod", path: prefix) { chmod(prefix, mode_t(mode)) }
            }
        }
    }

    /// The entries of a directory (without "." and ".."), names as raw bytes.
    ///
    /// Uses `d_type` and falls back to `fstatat(AT_SYMLINK_NOFOLLOW)` on file systems that report
    /// DT_UNKNOWN. An entry that vanishes meanwhile is reported as `.other("unknown")`.
    public static func listDirectory(atPath path: String) throws(SystemError) -> [(name: [UInt8], kind: FileKind)] {
        let fd = try Syscall.open(path, flags: O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard let dir = fdopendir(fd) else {
            let error = SystemError.current("fdopendir", path: path)
            Syscall.close(fd)
            throw error
        }
        defer { closedir(dir) }  // also closes fd

        var entries: [(name: [UInt8], kind: FileKind)] = []
        while true {
            Glibc.errno = 0
            guard let entry = readdir(dir) else {
                let code = Glibc.errno
                if code == 0 { break }
                if code == EINTR { continue }
                throw SystemError(operation: "readdir", path: path, errno: code)
            }
            let name = withUnsafeBytes(of: &entry.pointee.d_name) { raw -> [UInt8] in
                let end = raw.firstIndex(of: 0) ?? raw.count
                return Array(raw[0..<end])
            }
            if name == [0x2E] || name == [0x2E, 0x2E] || name.isEmpty { continue }
            let kind: FileKind
            switch Int(entry.pointee.d_type) {
            case DT_REG: kind = .regular
            case DT_DIR: kind = .directory
            case DT_LNK: kind = .symlink
            case DT_FIFO: kind = .other("FIFO")
            case DT_SOCK: kind = .other("socket")
            case DT_CHR: kind = .other("character device")
            case DT_BLK: kind = .other("block device")
            default:
                var info = stat()
                let result = (name + [0]).withUnsafeBufferPointer { buffer in
                    buffer.withMemoryRebound(to: CChar.self) {
                        fstatat(dirfd(dir), $0.baseAddress!, &info, AT_SYMLINK_NOFOLLOW)
                    }
                }
                kind = result == 0 ? FileKind(mode: info.st_mode) : .other("unknown")
            }
            entries.append((name: name, kind: kind))
        }
        return entries
    }
}
