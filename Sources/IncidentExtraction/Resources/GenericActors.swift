import Foundation

/// Names that stand for different actors in different wars (`generic-actors.tsv`): "the coalition"
/// is the US-led coalition in a story about Syria and the Saudi-led coalition in one about Yemen.
/// Such a name is read as the one of its actors the article shows acting most often (a perpetrator
/// candidate), else the first of them it names outright, else the first listed.
///
/// When the article shows none of them acting and names none outright, the country the article is
/// about decides where a row says which actor the name stands for there (third column,
/// `actor:CC,CC|...`: "the coalition" in a report from Yemen is the Saudi-led coalition).
struct GenericActors: Sendable {
    private var options: [String: [String]] = [:]
    /// Per generic name, the option it stands for in articles about each country (ISO code).
    private var byCountry: [String: [String: String]] = [:]

    init(rows: [[String]]) {
        for r in rows where r.count >= 2 {
            let list = ConfigFile.list(r[1])
            if !list.isEmpty { options[r[0], default: []].append(contentsOf: list) }
            guard r.count >= 3 else { continue }
            for hint in ConfigFile.list(r[2]) {
                let parts = hint.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                guard parts.count == 2, !parts[0].isEmpty else { continue }
                for cc in parts[1].split(separator: ",") { byCountry[r[0], default: [:]][cc.trimmingCharacters(in: .whitespaces).uppercased()] = parts[0] }
            }
        }
    }

    /// What each generic name found in `evidence` stands for in this article; empty when the
    /// article names none.
    /// `focusCountry`: the country the article is about (`FocusCountries.top`), for the rows' hints.
    func resolution(_ evidence: [ActorEvidence], focusCountry: String? = nil) -> [String: String] {
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
                let local = focusCountry.flatMap { byCountry[generic]?[$0] }
                out[generic] = actors.first(where: { named.contains($0) }) ?? local ?? actors[0]
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
