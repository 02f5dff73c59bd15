#if canImport(Glibc)
import Glibc
#endif

/// `renameat2(..., RENAME_NOREPLACE)`: glibc (>= 2.28) exports it, but Swift's Glibc module does not
/// declare it and `syscall(2)` is variadic (unavailable in Swift), so it is looked up once at run time.
enum RenameNoReplace {
    private typealias RenameAt2 = @convention(c) (
        Int32, UnsafePointer<CChar>?, Int32, UnsafePointer<CChar>?, UInt32
    ) -> Int32

    private static let renameNoReplaceFlag: UInt32 = 1  // RENAME_NOREPLACE from <linux/fs.h>

    /// The libc entry point, or nil on a libc without it.
    private static let function: RenameAt2? = {
        guard let symbol = dlsym(nil, "renameat2") else { return nil }
        return unsafeBitCast(symbol, to: RenameAt2.self)
    }()

    /// Atomically renames `from` to `to`, failing with EEXIST if `to` exists.
    ///
    /// Falls back to `link` + `unlink` (also atomic about the target, for regular files on one file
    /// system) when renameat2 is missing or the file system rejects the flag (EINVAL/ENOSYS).
    static func move(from: String, to: String) throws(SystemError) {
        try move(fromBytes: Array(from.utf8), toBytes: Array(to.utf8), display: "\(from) -> \(to)")
    }

    /// The same with paths as raw bytes (no NUL inside), for names that are not valid UTF-8.
    static func move(fromBytes: [UInt8], toBytes: [UInt8], display: String) throws(SystemError) {
        if let function {
            let (result, code) = (fromBytes + [0]).withUnsafeBufferPointer { s in
                (toBytes + [0]).withUnsafeBufferPointer { t in
                    s.withMemoryRebound(to: CChar.self) { source in
                        t.withMemoryRebound(to: CChar.self) { target in
                            retryEINTR { function(AT_FDCWD, source.baseAddress, AT_FDCWD, target.baseAddress, renameNoReplaceFlag) }
                        }
                    }
                }
            }
            if result == 0 { return }
            guard code == EINVAL || code == ENOSYS || code == ENOTSUP else {
                throw SystemError(operation: "renameat2", path: display, errno: code)
            }
        }
        // Fallback: link + unlink on the raw bytes.
        let (linked, linkCode) = (fromBytes + [0]).withUnsafeBufferPointer { s in
            (toBytes + [0]).withUnsafeBufferPointer { t in
                s.withMemoryRebound(to: CChar.self) { source in
                    t.withMemoryRebound(to: CChar.self) { target in retryEINTR { Glibc.link(source.baseAddress!, target.baseAddress!) } }
                }
            }
        }
        guard linked == 0 else { throw SystemError(operation: "link", path: display, errno: linkCode) }
        let (unlinked, unlinkCode) = (fromBytes + [0]).withUnsafeBufferPointer { s in
            s.withMemoryRebound(to: CChar.self) { source in retryEINTR { Glibc.unlink(source.baseAddress!) } }
        }
        if unlinked != 0 {
            // Keep the "source vanished, target exists" outcome of a rename: undo the link instead.
            _ = (toBytes + [0]).withUnsafeBufferPointer { t in t.withMemoryRebound(to: CChar.self) { Glibc.unlink($0.baseAddress!) } }
            throw SystemError(operation: "unlink", path: display, errno: unlinkCode)
        }
    }

    /// Returns the result and the errno captured right after the call.
    private static func retryEINTR(_ body: () -> Int32) -> (Int32, Int32) {
        while true {
            let result = body()
            let code = result == -1 ? Glibc.errno : 0
            if code == EINTR { continue }
            return (result, code)
        }
    }
}
