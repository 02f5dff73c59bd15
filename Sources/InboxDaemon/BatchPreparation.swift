import Foundation
import IncidentStore

/// One batch taken from the queue: the files to read and the moves a crash or failure left pending.
struct TakenBatch: Sendable {
    /// Every path of the batch, in queue order (the ones in `pendingMoves` included).
    var paths: [String]
    /// Files whose record already committed: only their move is left.
    var pendingMoves: [UnsettledReceipt]
    /// Files to read, extract and record.
    var fresh: [String]
    var config: DaemonConfig
    var now: Double
}

/// A batch being read and extracted on other threads while the worker records the batch before it.
///
/// During a burst the record transaction is serial; preparing the next batch meanwhile keeps the
/// other cores busy instead of idle. Preparation only reads the files it was given, so a batch that
/// is prepared and then dropped (storage trouble, stop) has changed nothing.
final class BatchPreparation: @unchecked Sendable {
    let batch: TakenBatch
    private let done = DispatchSemaphore(value: 0)
    // Written once by the preparing thread before `done` is signalled, read after waiting on it.
    private var steps: [IntakeStep] = []

    private init(batch: TakenBatch) {
        self.batch = batch
    }

    /// Prepares `batch` on the calling thread (and `threads` helpers); nothing runs in the background.
    static func now(_ batch: TakenBatch, intake: FileIntake) -> BatchPreparation {
        let p = BatchPreparation(batch: batch)
        p.steps = prepare(batch, intake: intake)
        p.done.signal()
        return p
    }

    /// Starts preparing `batch` in the background; `wait()` collects the result.
    static func inBackground(_ batch: TakenBatch, intake: FileIntake) -> BatchPreparation {
        let p = BatchPreparation(batch: batch)
        DispatchQueue.global().async {
            p.steps = prepare(batch, intake: intake)
            p.done.signal()
        }
        return p
    }

    /// The examination of each fresh path, in order. Call once.
    func wait() -> [IntakeStep] {
        done.wait()
        return steps
    }

    private static func prepare(_ batch: TakenBatch, intake: FileIntake) -> [IntakeStep] {
        let config = batch.config
        let now = batch.now
        return ParallelMap.map(batch.fresh, threads: config.effectiveExtractionThreads) { intake.examine($0, config: config, now: now) }
    }
}
