import Testing
@testable import SystemBridge

@Suite("bounded event hand-over")
struct InotifyEventBufferTests {
    static func event(_ n: Int) -> InotifyEvent {
        InotifyEvent(watch: 1, kind: .closeWrite, name: Array("f\(n)".utf8))
    }

    @Test func fullBufferDropsEventsAndDeliversOneOverflowAfterTheQueuedOnes() async {
        let buffer = InotifyEventBuffer(limit: 3)
        for n in 0..<10 { buffer.push(Self.event(n)) }
        #expect(buffer.queuedCount == 3)
        #expect(buffer.hasPendingOverflow)
        var seen: [InotifyEvent] = []
        for _ in 0..<4 { if let e = await buffer.next() { seen.append(e) } }
        #expect(seen == [Self.event(0), Self.event(1), Self.event(2), .overflow])
        // After the marker was consumed, delivery resumes normally.
        buffer.push(Self.event(11))
        #expect(await buffer.next() == Self.event(11))
        #expect(!buffer.hasPendingOverflow)
    }

    @Test func eventsArrivingWhileOverflowIsPendingAreCoveredByTheMarker() async {
        let buffer = InotifyEventBuffer(limit: 1)
        buffer.push(Self.event(0))
        buffer.push(Self.event(1))  // dropped -> overflow pending
        #expect(await buffer.next() == Self.event(0))
        buffer.push(Self.event(2))  // queue has room again, but the rescan marker must come first
        #expect(await buffer.next() == .overflow)
        #expect(buffer.queuedCount == 0)
    }

    @Test func kernelOverflowsAreFoldedIntoOneMarker() async {
        let buffer = InotifyEventBuffer(limit: 8)
        buffer.push(.overflow)
        buffer.push(.overflow)
        buffer.finish()
        #expect(await buffer.next() == .overflow)
        #expect(await buffer.next() == nil)
    }

    @Test func finishDeliversQueuedEventsThenEnds() async {
        let buffer = InotifyEventBuffer(limit: 8)
        buffer.push(Self.event(1))
        buffer.finish()
        buffer.push(Self.event(2))  // ignored after finish
        #expect(await buffer.next() == Self.event(1))
        #expect(await buffer.next() == nil)
        #expect(await buffer.next() == nil)
    }

    @Test func waitingConsumerIsResumedByPush() async {
        let buffer = InotifyEventBuffer(limit: 8)
        async let first = buffer.next()
        // The consumer may or may not be waiting yet; both paths must deliver.
        buffer.push(Self.event(7))
        #expect(await first == Self.event(7))
    }

    @Test func cancellingTheConsumerEndsItsWait() async {
        let buffer = InotifyEventBuffer(limit: 8)
        let consumer = Task { await buffer.next() }
        consumer.cancel()
        #expect(await consumer.value == nil)
    }
}
