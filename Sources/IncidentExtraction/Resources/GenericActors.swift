import Foundation

/// Names that stand for different actors in different wars (`generic-actors.tsv`): "the coalition"
/// is the US-led coalition in a story about Syria and the Saudi-led coalition in one about Yemen.
/// Such a name is read as the one of its actors the article shows acting most often (a perpetrator
/// candidate), else the first of them it names outright, else the first listed (no one, when that
/// is "-").
///
/// When the article shows none of them acting and names none outright, the country the article is
/// about decides where a row says which actor the name stands for there (third column,
/// `actor:CC,CC|...`: "the coalition" in a report from Yemen is the Saudi-led coalition). A row
/// listing "-" first (a country's own forces) asks the country before the names.
struct GenericActors: Sendable {
    private var options: [String: [String]] = [:]
    /// The generic names, for the test every named actor of every sentence gets (a key set's hash,
    /// not the dictionary's SipHash).
    private var genericNames: KeySet = []
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
        genericNames = KeySet(options.keys)
    }

    /// What each generic name found in `evidence` (and `extra`, the headline's) stands for in this
    /// article; empty when the article names none.
    ///
    /// The evidence is read in place by index, and the headline's passed beside the list rather than
    /// appended to it: copying an `ActorEvidence` (out of the array in a `for` loop, or into a
    /// concatenated array) retains and releases its dozen sets and arrays.
    /// `focusCountry`: the country the article is about (`FocusCountries.top`), for the rows' hints.
    func resolution(_ evidence: [ActorEvidence], plus extra: ActorEvidence? = nil, focusCountry: String? = nil) -> [String: String] {
        resolution(count: evidence.count, plus: extra, focusCountry: focusCountry) { evidence[$0] }
    }

    /// `resolution(_:plus:)` of the sentences' own evidence (`SentenceInfo.actors`), without
    /// collecting it into an array first.
    func resolution(of infos: [SentenceInfo], plus extra: ActorEvidence?, focusCountry: String? = nil) -> [String: String] {
        resolution(count: infos.count, plus: extra, focusCountry: focusCountry) { infos[$0].actors }
    }

    /// The rule over `count` pieces of evidence read through `evidence` (inlined, so each read is
    /// of the fields in place) and `extra` after them.
    @inline(__always)
    private func resolution(count: Int, plus extra: ActorEvidence?, focusCountry: String?, _ evidence: (Int) -> ActorEvidence) -> [String: String] {
        guard !options.isEmpty else { return [:] }
        func namesGeneric(_ names: [String]) -> Bool { names.contains { genericNames.contains($0) } }
        var found = false
        for k in 0..<count where namesGeneric(evidence(k).namedActors) { found = true; break }
        if !found, let e = extra, namesGeneric(e.namedActors) { found = true }
        guard found else { return [:] }
        var named = Set<String>()
        var acting: [String: Int] = [:]
        func add(_ names: [String], _ candidates: [PerpetratorCandidate]) {
            named.formUnion(names)
            for c in candidates where !c.viaAttribution { acting[c.actor, default: 0] += 1 }
        }
        for k in 0..<count { add(evidence(k).namedActors, evidence(k).candidates) }
        if let e = extra { add(e.namedActors, e.candidates) }
        var out: [String: String] = [:]
        for (generic, actors) in options where named.contains(generic) {
            // The option shown acting most often; on a tie (or none acting), the first listed named.
            let most = actors.map { acting[$0] ?? 0 }.max() ?? 0
            if most > 0, let a = actors.first(where: { (acting[$0] ?? 0) == most }) {
                out[generic] = a
            } else {
                let local = focusCountry.flatMap { byCountry[generic]?[$0] }
                // A row listing "-" first stands for a country's own forces ("security forces",
                // "army aircraft"): read by the country the article is about before any actor it
                // names (a report from Niger that names Mali's army means Niger's), and nobody's in
                // particular (dropped) where the row gives no hint for that country.
                let ownForces = actors[0] == "-"
                let namedOption = actors.first(where: { named.contains($0) })
                out[generic] = (ownForces ? local ?? namedOption : namedOption ?? local) ?? (ownForces ? "" : actors[0])
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
        // A generic name that stands for no one here names no actor.
        if map.values.contains("") {
            candidates.removeAll { $0.actor.isEmpty }
            namedActors.removeAll(where: \.isEmpty)
            responsibleActors.removeAll(where: \.isEmpty)
            for set in [\ActorEvidence.claimingActors, \.actingClaimants, \.denyingActors, \.disowningActors, \.silentActors, \.epithetActors, \.reportedByOthers] {
                self[keyPath: set].remove("")
            }
        }
    }
}
