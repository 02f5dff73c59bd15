#if canImport(Glibc)
import Glibc
#endif

/// Parses the `struct inotify_event` records that one `read(2)` of an inotify descriptor returns.
///
/// Swift imports `inotify_event` without its flexible `name[]` member, so records are decoded by hand:
/// `wd` (Int32) @0, `mask` (UInt32) @4, `cookie` (UInt32) @8, `len` (UInt32) @12, then `len` bytes of
/// NUL-padded name. Every offset is bounds-checked; a truncated record ends parsing, it never traps.
enum InotifyRecordParser {
    static let headerSize = 16

    /// Mask bits mapped to kinds, in the order they are reported when one record carries several.
    private static let mapping: [(UInt32, InotifyEvent.Kind)] = [
        (UInt32(IN_CLOSE_WRITE), .closeWrite),
        (UInt32(IN_MOVED_TO), .movedTo),
        (UInt32(IN_CREATE), .created),
        (UInt32(IN_MOVED_FROM), .movedFrom),
        (UInt32(IN_DELETE), .deleted),
        (UInt32(IN_DELETE_SELF) | UInt32(IN_MOVE_SELF) | UInt32(IN_UNMOUNT), .watchedDirectoryGone),
        (UInt32(IN_IGNORED), .watchRemoved),
    ]

    /// Decodes all complete records in `buffer`, calling `emit` for each resulting event.
    static func parse(_ buffer: UnsafeRawBufferPointer, emit: (InotifyEvent) -> Void) {
        var offset = 0
        while buffer.count - offset >= headerSize {
            let wd = buffer.loadUnaligned(fromByteOffset: offset, as: Int32.self)
            let mask = buffer.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self)
            let length = Int(buffer.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
            let nameStart = offset + headerSize
            guard length <= buffer.count - nameStart else { return }
            var nameEnd = nameStart
            while nameEnd < nameStart + length && buffer[nameEnd] != 0 { nameEnd += 1 }
            offset = nameStart + length

            if mask & UInt32(IN_Q_OVERFLOW) != 0 {
                emit(.overflow)
                continue
            }
            let name = Array(buffer[nameStart..<nameEnd])
            let isDirectory = mask & UInt32(IN_ISDIR) != 0
            for (bits, kind) in mapping where mask & bits != 0 {
                emit(InotifyEvent(watch: wd, kind: kind, name: name, isDirectory: isDirectory))
            }
        }
    }

    /// Convenience for tests: all events in `bytes`.
    static func parse(_ bytes: [UInt8]) -> [InotifyEvent] {
        var events: [InotifyEvent] = []
        bytes.withUnsafeBytes { parse($0) { events.append($0) } }
        return events
    }
}
