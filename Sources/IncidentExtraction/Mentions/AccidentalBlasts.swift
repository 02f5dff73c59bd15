import IncidentModel

/// Explosions with a cause outside the conflict ("firefighters said a gas leak caused it", "a gas
/// cylinder blew up in a restaurant", "a transformer exploded") are accidents, not armed-conflict
/// incidents. A draft is one when every incident word it holds is an explosion or a generic word,
/// an `accident` cue stands in its sentences, between them or in the two after them, in sentences
/// that belong to no other draft (the cause is often told after the blast), and nothing tells a deliberate act: no
/// `deliberate` word ("police suspect a bomb", "a drone hit a gas station"), no incident word of
/// another kind and no actor acting. A cause told in doubt (`accident-doubt`: "whether",
/// "unclear", "ruled out") names none.
struct AccidentalBlasts: Sendable {
    let cues: CueLexicon

    func removingAccidents(_ drafts: [MentionDraft], _ infos: [SentenceInfo]) -> [MentionDraft] {
        let candidates = drafts.indices.filter { mayBeAccident(drafts[$0], infos) }
        if candidates.isEmpty { return drafts }
        var owners = [Int: Int]()
        for d in drafts { for i in Set(d.sentences) { owners[i, default: 0] += 1 } }
        let dropped = Set(candidates.filter { k in
            isAccident(drafts[k], infos) { i in owners[i, default: 0] > (drafts[k].sentences.contains(i) ? 1 : 0) }
        })
        return drafts.indices.filter { !dropped.contains($0) }.map { drafts[$0] }
    }

    /// Explosion or generic incident words only (the cheap test, before any cue scan).
    private func mayBeAccident(_ d: MentionDraft, _ infos: [SentenceInfo]) -> Bool {
        d.sentences.contains { !infos[$0].events.isEmpty }
            && d.sentences.allSatisfy { i in infos[i].events.allSatisfy { $0.type == nil || $0.type == .explosion } }
    }

    private func isAccident(_ d: MentionDraft, _ infos: [SentenceInfo], inOtherDraft: (Int) -> Bool) -> Bool {
        var told = d.sentences
        if let first = d.sentences.first, let last = d.sentences.last {
            // Sentences between its own ("An explosion ... injured two. Firefighters said a gas leak
            // caused it. ... The two injured were taken to hospital.") and the two after them.
            if last > first + 1 { for k in (first + 1)..<last where !d.sentences.contains(k) && !inOtherDraft(k) { told.append(k) } }
            // The sentence just before, which often tells the blast's cause first ("... when a gas
            // cylinder exploded at a roadside restaurant").
            if first > 0, !inOtherDraft(first - 1), infos[first - 1].paragraph >= infos[first].paragraph - 1 { told.append(first - 1) }
            var k = last + 1
            while k < infos.count, k - last <= 2, !inOtherDraft(k), infos[k].paragraph <= infos[last].paragraph + 1 {
                told.append(k)
                k += 1
            }
        }
        // "It was not clear whether a gas leak caused it": a cause told in doubt names none.
        guard told.contains(where: { cues.occurs(.accident, in: infos[$0].tokens) && !cues.occurs(.accidentDoubt, in: infos[$0].tokens) }) else { return false }
        return !told.contains { i in
            cues.occurs(.deliberate, in: infos[i].tokens) || infos[i].actors.candidates.contains { !$0.viaAttribution }
        }
    }
}
