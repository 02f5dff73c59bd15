import Foundation
import IncidentStore
import Logging
import SystemBridge

/// Moves recorded and rejected files out of the inbox once their record committed, then marks
/// their receipts settled; finishes moves that a crash interrupted.
///
/// Receipts whose move or settle failed are handed back, so the worker retries them when the
/// same path comes round again (the file stays in the inbox, its record already committed).
struct FileSettler {
    let database: IncidentDatabase
    let logger: Logger

    /// Moves each file and settles all receipts in one transaction. Returns the receipts that are
    /// still unsettled (their move or the settle failed).
    func settle(_ receipts: [UnsettledReceipt], config: DaemonConfig) -> [UnsettledReceipt] {
        var moved: [(receipt: UnsettledReceipt, finalPath: String?)] = []
        var failed: [UnsettledReceipt] = []
        for r in receipts {
            if let finalPath = move(r, config: config) {
                moved.append((r, finalPath))
            } else {
                failed.append(r)
            }
        }
        do {
            try database.settle(moved.map { ($0.receipt.id, $0.finalPath) })
        } catch {
            logger.error("cannot mark \(moved.count) files settled: \(error)")
            failed += moved.map(\.receipt)
        }
        return failed
    }

    /// Moves one file; returns its final path (inner nil: deleted, or already gone), or nil when the
    /// move failed and must be retried.
    private func move(_ r: UnsettledReceipt, config: DaemonConfig) -> String?? {
        let rel = InboxNames.relative(r.inboxPath, to: config.inbox) ?? r.fileName
        do {
            let facts = try SafeFile.facts(atPath: r.inboxPath)
            if let inode = r.inode, facts.inode != inode {
                return .some(nil)  // a different file now has that name; ours already left
            } else if r.outcome == "rejected" {
                let target = try FileMover.move(r.inboxPath, into: r.destination ?? config.rejected, relativePath: rel)
                try writeReason(r.reason ?? "rejected", beside: target)
                return target
            } else if let dest = r.destination {
                return try FileMover.move(r.inboxPath, into: dest, relativePath: rel)
            } else {
                try SafeFile.removeFile(atPath: r.inboxPath)
                return .some(nil)
            }
        } catch where error.isNotFound {
            // Already moved before a crash; a rejected file may still lack its reason.
            return .some(r.outcome == "rejected" ? completeReason(r, relativePath: rel, config: config) : nil)
        } catch {
            logger.error("cannot move \(r.inboxPath) out of the inbox: \(error); will retry")
            return nil
        }
    }

    /// Written in place (not through a temporary file), so a kill leaves no stray temporary behind;
    /// a reason cut short by a kill is rewritten by `completeReason` at the next start.
    private func writeReason(_ reason: String, beside target: String) throws(SystemError) {
        let text = "\(reason)\n"
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: target + ".reason"))
        } catch {
            throw SystemError(operation: "create", path: target + ".reason", errno: EIO)
        }
    }

    /// After a kill between moving a rejected file and writing its reason: finds the moved file in
    /// rejected/ (its name, or the `name-N` FileMover chose, recognised by inode) and writes the
    /// reason if it is missing or empty. Returns the file's path there, or nil if it is not found.
    private func completeReason(_ r: UnsettledReceipt, relativePath rel: String, config: DaemonConfig) -> String? {
        let parts = rel.split(separator: "/").map(String.init)
        let dir = ([r.destination ?? config.rejected] + parts.dropLast()).joined(separator: "/")
        let name = parts.last ?? r.fileName
        let (stem, ext) = FileMover.split(name)
        for attempt in 0..<10_000 {
            let candidate = dir + "/" + (attempt == 0 ? name : "\(stem)-\(attempt)\(ext)")
            guard let facts = try? SafeFile.facts(atPath: candidate) else { return nil }  // first free name: not further
            guard r.inode == nil || facts.inode == r.inode else { continue }
            let reasonSize = (try? SafeFile.facts(atPath: candidate + ".reason"))?.size ?? 0
            if reasonSize == 0 { try? writeReason(r.reason ?? "rejected", beside: candidate) }
            return candidate
        }
        return nil
    }
}
