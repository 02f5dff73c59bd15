#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import SystemBridge

/// Builds one raw `struct inotify_event` record as the kernel lays it out.
func inotifyRecord(wd: Int32, mask: UInt32, name: [UInt8] = [], paddedTo: Int? = nil, cookie: UInt32 = 0) -> [UInt8] {
    var nameField = name
    if !name.isEmpty || paddedTo != nil {
        let length = paddedTo ?? ((name.count + 1 + 15) / 16 * 16)
        nameField += [UInt8](repeating: 0, count: max(0, length - name.count))
    }
    var bytes: [UInt8] = []
    withUnsafeBytes(of: wd.littleEndian) { bytes += $0 }
    withUnsafeBytes(of: mask.littleEndian) { bytes += $0 }
    withUnsafeBytes(of: cookie.littleEndian) { bytes += $0 }
    withUnsafeBytes(of: UInt32(nameField.count).littleEndian) { bytes += $0 }
    return bytes + nameField
}

@Suite("inotify record parsing")
struct InotifyRecordParserTests {
    @Test func closeWriteRecordYieldsNameWithoutPadding() {
        let events = InotifyRecordParser.parse(inotifyRecord(wd: 3, mask: UInt32(IN_CLOSE_WRITE), name: Array("a.txt".utf8)))
        #expect(events == [InotifyEvent(watch: 3, kind: .closeWrite, name: Array("a.txt".utf8))])
    }

    @Test func directoryCreationCarriesIsDirectory() {
        let mask = UInt32(IN_CREATE) | UInt32(bitPattern: IN_ISDIR)
        let events = InotifyRecordParser.parse(inotifyRecord(wd: 1, mask: mask, name: Array("sub".utf8)))
        #expect(events == [InotifyEvent(watch: 1, kind: .created, name: Array("sub".utf8), isDirectory: true)])
    }

    @Test func kernelQueueOverflowBecomesOverflow() {
        let events = InotifyRecordParser.parse(inotifyRecord(wd: -1, mask: UInt32(IN_Q_OVERFLOW)))
        #expect(events == [.overflow])
    }

    @Test func selfEventsAndIgnoredMapToTheirKinds() {
        let bytes = inotifyRecord(wd: 2, mask: UInt32(IN_DELETE_SELF))
            + inotifyRecord(wd: 2, mask: UInt32(IN_MOVE_SELF))
            + inotifyRecord(wd: 2, mask: UInt32(IN_UNMOUNT))
            + inotifyRecord(wd: 2, mask: UInt32(IN_IGNORED))
            + inotifyRecord(wd: 2, mask: UInt32(IN_MOVED_FROM), name: [0x61])
            + inotifyRecord(wd: 2, mask: UInt32(IN_DELETE), name: [0x62])
            + inotifyRecord(wd: 2, mask: UInt32(IN_MOVED_TO), name: [0x63])
        #expect(InotifyRecordParser.parse(bytes).map(\.kind)
            == [.watchedDirectoryGone, .watchedDirectoryGone, .watchedDirectoryGone, .watchRemoved, .movedFrom, .deleted, .movedTo])
    }

    @Test func nonUTF8NamesAreKeptAsBytes() {
        let name: [UInt8] = [0x66, 0xFF, 0xFE, 0x80, 0x2E, 0x74, 0x78, 0x74]
        let events = InotifyRecordParser.parse(inotifyRecord(wd: 1, mask: UInt32(IN_CLOSE_WRITE), name: name))
        #expect(events.first?.name == name)
    }

    @Test func recordsWithSeveralBitsYieldOneEventEach() {
        let mask = UInt32(IN_CLOSE_WRITE) | UInt32(IN_MOVED_TO)
        #expect(InotifyRecordParser.parse(inotifyRecord(wd: 1, mask: mask, name: [0x78])).map(\.kind) == [.closeWrite, .movedTo])
    }

    @Test func uninterestingBitsYieldNothing() {
        #expect(InotifyRecordParser.parse(inotifyRecord(wd: 1, mask: UInt32(IN_ACCESS), name: [0x78])).isEmpty)
    }

    @Test func truncatedRecordsEndParsingWithoutTrapping() {
        let good = inotifyRecord(wd: 1, mask: UInt32(IN_CLOSE_WRITE), name: Array("ok".utf8))
        let bad = inotifyRecord(wd: 1, mask: UInt32(IN_CLOSE_WRITE), name: Array("cut".utf8))
        #expect(InotifyRecordParser.parse(good + bad.dropLast(5)).count == 1)  // name cut short
        #expect(InotifyRecordParser.parse(good + bad.prefix(10)).count == 1)   // header cut short
        var huge = inotifyRecord(wd: 1, mask: UInt32(IN_CLOSE_WRITE))
        huge.replaceSubrange(12..<16, with: [0xFF, 0xFF, 0xFF, 0xFF])           // len = 4 GiB
        #expect(InotifyRecordParser.parse(good + huge).count == 1)
    }

    @Test func nameWithoutTerminatingNULStaysInsideItsRecord() {
        let record = inotifyRecord(wd: 1, mask: UInt32(IN_CLOSE_WRITE), name: Array("abcd".utf8), paddedTo: 4)
        let next = inotifyRecord(wd: 1, mask: UInt32(IN_DELETE), name: Array("e".utf8))
        let events = InotifyRecordParser.parse(record + next)
        #expect(events.map(\.name) == [Array("abcd".utf8), Array("e".utf8)])
    }

    @Test func randomBytesNeverTrap() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let count = Int.random(in: 0..<200, using: &generator)
            let bytes = (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
            _ = InotifyRecordParser.parse(bytes)
        }
    }
}
