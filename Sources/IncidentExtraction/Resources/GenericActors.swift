/// Names that stand for different actors in different wars (`generic-actors.tsv`): "the coalition"
/// is the US-led coalition in a story about Syria and the Saudi-led coalition in one about Yemen.
/// Such a name is read as the first of its actors the article names outright, else the first listed.
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
        for e in evidence { named.formUnion(e.namedActors) }
        var out: [String: String] = [:]
        for (generic, actors) in options where named.contains(generic) {
            out[generic] = actors.first(where: { named.contains($0) }) ?? actors[0]
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
        denyingActors = Set(denyingActors.map(r))
        disowningActors = Set(disowningActors.map(r))
        silentActors = Set(silentActors.map(r))
        reportedByOthers = Set(reportedByOthers.map(r))
        responsibleActors = responsibleActors.map(r)
        namedActors = namedActors.map(r)
    }
}
