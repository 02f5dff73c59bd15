import Deduplication
import IncidentModel

/// An in-memory stand-in for IncidentStore's use of the API: blocking keys in a dictionary index,
/// `assign` per article, re-consolidation and `changes` per touched incident.
struct SimulatedStore {
    private(set) var reports: [Int64: [ReportFacts]] = [:]
    private(set) var records: [Int64: IncidentRecord] = [:]
    private var index: [String: Set<Int64>] = [:]
    private var keysOf: [Int64: [String]] = [:]
    private var nextID: Int64 = 1
    private var nextArticle: Int64 = 1
    /// Unlinked background reports, indexed by their query keys so a later incident can adopt them.
    var adoptsOrphans = false
    private var orphans: [Int: ReportFacts] = [:]
    private var orphanIndex: [String: Set<Int>] = [:]
    private var nextOrphan = 0
    /// Orphans adopted so far: (article id, mention index) -> incident.
    private(set) var adoptions: [Int64: Int64] = [:]
    /// Largest candidate set any lookup returned.
    private(set) var largestCandidateSet = 0

    struct Outcome {
        var incidentIDs: [Int64?]
        var created: [Int64]
        var changes: [Int64: [MaterialChange]]
    }

    /// Ingests one article's mentions; returns where each went and the journal-worthy changes.
    @discardableResult
    mutating func ingest(_ mentions: [IncidentMention], outlet: String?, articleDay: String?) -> Outcome {
        let articleID = nextArticle
        nextArticle += 1
        let facts = mentions.map {
            ReportFacts(mention: $0, outlet: outlet, articleID: articleID, articleDay: articleDay.map { CalendarDay(iso: $0)! })
        }
        var candidateIDs = Set<Int64>()
        for f in facts {
            for k in IncidentBlocking.queryKeys(for: f) { candidateIDs.formUnion(index[k] ?? []) }
        }
        largestCandidateSet = max(largestCandidateSet, candidateIDs.count)
        let candidates = Dictionary(uniqueKeysWithValues: candidateIDs.map { ($0, records[$0]!) })
        let assigned = IncidentMatcher.assign(facts, candidates: candidates)
        var outcome = Outcome(incidentIDs: [], created: [], changes: [:])
        var before: [Int64: IncidentRecord] = [:]
        for (f, target) in zip(facts, assigned) {
            if let id = target {
                if before[id] == nil { before[id] = records[id] }
                reports[id, default: []].append(f)
                reconsolidate(id)
                outcome.incidentIDs.append(id)
            } else if IncidentMatcher.canStandAlone(f.mention) {
                let id = nextID
                nextID += 1
                reports[id] = [f]
                reconsolidate(id)
                outcome.created.append(id)
                outcome.incidentIDs.append(id)
            } else {
                outcome.incidentIDs.append(nil)
                if adoptsOrphans {
                    orphans[nextOrphan] = f
                    for k in IncidentBlocking.queryKeys(for: f) { orphanIndex[k, default: []].insert(nextOrphan) }
                    nextOrphan += 1
                }
            }
        }
        for (id, old) in before {
            let c = IncidentConsolidator.changes(from: old, to: records[id]!)
            if !c.isEmpty { outcome.changes[id] = c }
        }
        return outcome
    }

    /// Articles ingested so far (the next article's id minus one).
    var lastArticleID: Int64 { nextArticle - 1 }

    private mutating func reconsolidate(_ id: Int64) {
        var record = IncidentConsolidator.consolidate(reports[id]!)
        if adoptsOrphans {
            // The recipe in API.md: orphans sharing a key with the incident's stored keys, then the matcher.
            var found = Set<Int>()
            for k in IncidentBlocking.keys(for: record) { found.formUnion(orphanIndex[k] ?? []) }
            for o in found.sorted() {
                guard let f = orphans[o], !reports[id]!.contains(where: { $0.articleID == f.articleID }),
                      IncidentMatcher.score(f, against: record) != nil else { continue }
                reports[id]!.append(f)
                orphans[o] = nil
                adoptions[f.articleID] = id
                record = IncidentConsolidator.consolidate(reports[id]!)
            }
        }
        records[id] = record
        for k in keysOf[id] ?? [] { index[k]?.remove(id) }
        let keys = IncidentBlocking.keys(for: record)
        keysOf[id] = keys
        for k in keys { index[k, default: []].insert(id) }
    }
}
