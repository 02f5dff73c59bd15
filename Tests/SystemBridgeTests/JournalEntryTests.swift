import Testing
@testable import SystemBridge

@Suite("journal entries")
struct JournalEntryTests {
    @Test(arguments: ["MESSAGE", "A", "INCIDENT_ID", "X9_", String(repeating: "A", count: 64)])
    func validFieldNamesAreKept(_ name: String) {
        #expect(JournalEntry.isValidFieldName(name))
    }

    @Test(arguments: ["", "message", "_PID", "9LIVES", "MESSAGE-ID", "MÉSSAGE", "A B", String(repeating: "A", count: 65)])
    func invalidFieldNamesAreRejected(_ name: String) {
        #expect(!JournalEntry.isValidFieldName(name))
    }

    @Test func invalidNamesAreReportedNotSent() {
        let entry = JournalEntry(["MESSAGE": "hi", "lower": "x", "_TRUSTED": "y", "PRIORITY": "6"])
        #expect(entry.fields.map(\.name) == ["MESSAGE", "PRIORITY"])
        #expect(entry.invalidFieldNames == ["lower", "_TRUSTED"])
        #expect(entry["PRIORITY"] == "6")
        #expect(JournalEntry(fields: [("A", "1"), ("A", "2")]).fields.count == 2)
    }

    @Test func sendvItemsShareOneBuffer() {
        let entry = JournalEntry(["MESSAGE": "two\nlines", "KEY": "a=b"])
        let (bytes, ranges) = entry.sendvItems()
        #expect(ranges.map { String(decoding: bytes[$0], as: UTF8.self) } == ["MESSAGE=two\nlines", "KEY=a=b"])
    }

    @Test func nativeDatagramUsesLengthPrefixForMultiLineValues() {
        let entry = JournalEntry(["MESSAGE": "a\nb", "PRIORITY": "6"])
        let expected: [UInt8] = Array("MESSAGE\n".utf8) + [3, 0, 0, 0, 0, 0, 0, 0] + Array("a\nb\n".utf8)
            + Array("PRIORITY=6\n".utf8)
        #expect(entry.nativeDatagram() == expected)
    }
}
