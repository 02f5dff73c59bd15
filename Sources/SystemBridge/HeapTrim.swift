import CSystemd
import Glibc

/// Hands memory the C heap keeps free back to the kernel.
///
/// glibc keeps freed memory for reuse, per arena, and one arena per thread that allocated (the
/// extraction threads each get one): after loading the dictionaries or a burst of articles, a
/// daemon that then sits idle for hours would go on holding megabytes it no longer uses.
/// `malloc_trim(0)` releases every whole free page of every arena (it also walks the middle of
/// the heap, not only the top). It costs a walk over the heap, a few milliseconds, so callers
/// run it once when work stops, not per file.
public enum HeapTrim {
    /// Returns true when some memory was released.
    @discardableResult
    public static func releaseFreeMemory() -> Bool {
        malloc_trim(0) != 0
    }
}
