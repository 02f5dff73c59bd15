import Synchronization

/// The bounded hand-over between the inotify reader thread and the async consumer.
///
/// Holds at most `limit` events. When it is full, further events are dropped and ONE `.overflow` is
/// delivered after the queued ones, so the consumer rescans instead of the backlog growing in memory.
/// A kernel IN_Q_OVERFLOW is folded into the same pending marker. All state sits behind one `Mutex`;
/// continuations are resumed outside the lock.
final class InotifyEventBuffer: Sendable {
    private struct State {
        var items: [InotifyEvent] = []
        var head = 0
        var overflowPending = false
        var finished = false
        var waiter: CheckedContinuation<InotifyEvent?, Never>?

        var count: Int { items.count - head }

        mutating func popFirst() -> InotifyEvent? {
            guard head < items.count else { return nil }
            let event = items[head]
            head += 1
            if head == items.count {
                items.removeAll(keepingCapacity: true)
                head = 0
            } else if head >= 256 && head * 2 >= items.count {
                items.removeFirst(head)
                head = 0
            }
            return event
        }

        /// The next thing the consumer should see, or nil if it has to wait (or the stream is over).
        mutating func nextAvailable() -> InotifyEvent? {
            if let event = popFirst() { return event }
            if overflowPending {
                overflowPending = false
                return .overflow
            }
            return nil
        }
    }

    let limit: Int
    private let state = Mutex(State())

    init(limit: Int) {
        self.limit = max(1, limit)
    }

    /// Called by the reader thread for each parsed event. Never blocks, never grows past `limit`.
    func push(_ event: InotifyEvent) {
        let waiter: CheckedContinuation<InotifyEvent?, Never>? = state.withLock { state in
            if state.finished { return nil }
            if let waiter = state.waiter {
                state.waiter = nil
                return waiter
            }
            if event.kind == .overflow || state.overflowPending || state.count >= limit {
                state.overflowPending = true
            } else {
                state.items.append(event)
            }
            return nil
        }
        waiter?.resume(returning: event)
    }

    /// Ends the stream once the queued events (and a pending overflow) have been consumed.
    func finish() {
        let waiter = state.withLock { state in
            state.finished = true
            let waiter = state.waiter
            state.waiter = nil
            return waiter
        }
        waiter?.resume(returning: nil)
    }

    /// Stops delivery at once (the consumer went away): drops the queue.
    func cancel() {
        let waiter = state.withLock { state in
            state.finished = true
            state.items = []
            state.head = 0
            state.overflowPending = false
            let waiter = state.waiter
            state.waiter = nil
            return waiter
        }
        waiter?.resume(returning: nil)
    }

    /// True when events were dropped and the `.overflow` marker has not been consumed yet.
    var hasPendingOverflow: Bool { state.withLock { $0.overflowPending } }

    /// Number of queued events (for tests and diagnostics).
    var queuedCount: Int { state.withLock { $0.count } }

    /// The consumer side: the next event, waiting if none is queued; nil when finished or cancelled.
    func next() async -> InotifyEvent? {
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<InotifyEvent?, Never>) in
                enum Action { case deliver(InotifyEvent?), wait }
                let action: Action = state.withLock { state in
                    if let event = state.nextAvailable() { return .deliver(event) }
                    if state.finished || Task.isCancelled { return .deliver(nil) }
                    if state.waiter != nil { return .deliver(nil) }  // a second concurrent consumer: not supported
                    state.waiter = continuation
                    return .wait
                }
                if case .deliver(let event) = action { continuation.resume(returning: event) }
            }
        } onCancel: {
            cancel()
        }
    }
}
