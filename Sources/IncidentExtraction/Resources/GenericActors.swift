/// Names that stand for different actors in different wars (`generic-actors.tsv`): "the coalition"
/// is the US-led coalition in a story about Syria and the Saudi-led coalition in one about Yemen.
/// Such a name is read as the one of its actors the article shows acting most often (a perpetrator
/// candidate), else the first of them it names outright, else the first listed.
struct GenericActors: Sendable {
    private var options: [String: [String]] = [:]

    init(rows: [[String]]) {
        for r in rows where r.count >= 2 {
            let list = ConfigFile.list(r[1])
            if !list.isEmpty { options[r[0], default: []].append(contentsOf: list) }
        }
    }

    /// What each generic name found in `evidence` stands for in this article; empty when the
    /// article names none.
    func resolution(_ evidence: [ActorEvidence]) -> [String: String] {
        guard !options.isEmpty, evidence.contains(where: { e in e.namedActors.contains { options[$0] != nil } }) else { return [:] }
        var named = Set<String>()
        var acting: [String: Int] = [:]
        for e in evidence {
            named.formUnion(e.namedActors)
            for c in e.candidates where !c.viaAttribution { acting[c.actor, default: 0] += 1 }
        }
        var out: [String: String] = [:]
        for (generic, actors) in options where named.contains(generic) {
            // The option shown acting most often; on a tie (or none acting), the first listed named.
            let most = actors.map { acting[$0] ?? 0 }.max() ?? 0
            if most > 0, let a = actors.first(where: { (acting[$0] ?? 0) == most }) {
                out[generic] = a
            } else {
                out[generic] = actors.first(where: { named.contains($0) }) ?? actors[0]
            }
        }
        return out
    }
}

extension ActorEvidence {
    /// Every actor field with generic names replaced as `map` says.
    mutating func rename(_ map: [String: String]) {
        func r(_ a: String) -> String { map[a] ?? a }
        for k in candidates.indices { candidates[k].actor = r(candidates[k].actor) }
        claimingActors = Set(claimingActors.map(r))
        actingClaimants = Set(actingClaimants.map(r))
        denyingActors = Set(denyingActors.map(r))
        disowningActors = Set(disowningActors.map(r))
        silentActors = Set(silentActors.map(r))
        epithetActors = Set(epithetActors.map(r))
        reportedByOthers = Set(reportedByOthers.map(r))
        responsibleActors = responsibleActors.map(r)
        namedActors = namedActors.map(r)
    }
}
