import IncidentModel

/// An article that reports incidents has news: when every incident it tells reads as an older one
/// (a feature that opens "On March 12, a coalition warplane dropped two bombs" a week after, then
/// goes through the strikes of past years), the most recent of them, told within a month of the
/// reference day, is the news. Every annotated article with incidents has at least one main one;
/// without this, such an article reported nothing new to the journal.
enum NewsPromotion {
    /// Days before the reference day within which an incident can still be the article's news.
    static let window = 31

    static func promotingNews(_ drafts: [MentionDraft], _ infos: [SentenceInfo], reference: CalendarDay?) -> [MentionDraft] {
        guard let ref = reference, !drafts.isEmpty, !drafts.contains(where: { $0.role == .main }) else { return drafts }
        var best: (index: Int, end: Int)?
        for (k, d) in drafts.enumerated() {
            guard let date = d.sentences.lazy.compactMap({ infos[$0].eventDate?.date }).first ?? d.inheritedDate else { continue }
            let end = date.end.ordinal
            guard end <= ref.ordinal, ref.ordinal - end <= window else { continue }
            if best.map({ end > $0.end }) ?? true { best = (k, end) }
        }
        guard let b = best else { return drafts }
        var out = drafts
        out[b.index].role = .main
        return out
    }
}
