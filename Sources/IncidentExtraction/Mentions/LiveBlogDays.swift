import IncidentModel

/// A live blog's entries tell the day's news as it comes in ("11:32 GMT - Hamas's armed wing said it
/// fired a barrage of rockets at Sderot"): an entry's incident that names no day of its own, and
/// follows none that does, happened on the blog's day.
enum LiveBlogDays {
    static func dating(_ drafts: [MentionDraft], _ infos: [SentenceInfo], entryStarts: Set<Int>, reference: CalendarDay?) -> [MentionDraft] {
        guard let ref = reference, let firstEntry = entryStarts.min() else { return drafts }
        var out = drafts
        for k in out.indices where out[k].role == .main && out[k].contextDate == nil && out[k].inheritedDate == nil {
            guard let f = out[k].sentences.first, infos[f].paragraph >= firstEntry,
                  !out[k].sentences.contains(where: { infos[$0].eventDate != nil }) else { continue }
            out[k].contextDate = IncidentDate(day: ref)
        }
        return out
    }
}
