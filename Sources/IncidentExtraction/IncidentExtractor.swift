import Foundation
import IncidentModel

/// Turns an article's text into the incidents it reports. Pure: no I/O, no shared mutable state.
///
/// Pipeline: normalise Unicode -> drop page furniture -> read metadata -> split sentences ->
/// analyse each sentence once (incident words, tolls, places, dates, actors, cues) -> group
/// sentences into mentions -> read each mention's fields with the sentence they came from.
public struct IncidentExtractor: Sendable {
    public let resources: ExtractionResources

    public init(resources: ExtractionResources) {
        self.resources = resources
    }

    /// Extracts metadata and incident mentions.
    /// - Parameter fallbackReferenceDate: the day relative dates resolve against when the text shows
    ///   no publication date (the daemon passes the file's modification day).
    public func extract(text: String, fallbackReferenceDate: CalendarDay?) -> ExtractedArticle {
        let r = resources
        let normalized = TextNormalizer.normalize(text)
        let article = ArticleCleaner(rules: r.boilerplate).clean(normalized)
        let published = r.metadataFinder.publicationDate(article.allLines, near: fallbackReferenceDate, skipping: article.listLines)
        let reference = published ?? fallbackReferenceDate
        let metadata = ArticleMetadata(title: article.title, outlet: r.metadataFinder.outlet(title: article.title, lines: article.allLines), published: published)

        var sentences: [(text: String, paragraph: Int)] = []
        for (p, para) in article.paragraphs.enumerated() {
            for s in r.splitter.split(para) { sentences.append((s, p)) }
        }
        var tokenized = sentences.map { r.phraseStarts.tokens($0.text) }
        let kept = NearDuplicates.keptIndices(tokenized)
        sentences = kept.map { sentences[$0] }
        tokenized = kept.map { tokenized[$0] }
        let headlineTokens = r.phraseStarts.tokens(article.title ?? "")
        var headlineActors = r.actorFinder.analyse(headlineTokens)
        let newsWindow = NewsWindow.find(headline: headlineTokens, lines: article.allLines, r, reference: reference)
        let infos = SentenceAnalyzer(resources: r).analyse(sentences, tokens: tokenized, reference: reference, headline: headlineActors, newsWindow: newsWindow,
                                                           drillHeadline: r.cues.occurs(.exercise, in: headlineTokens))
        let generic = r.genericActors.resolution(of: infos, plus: headlineActors, focusCountry: infos.first?.topCountry)
        if !generic.isEmpty { headlineActors.rename(generic) }
        let grouper = MentionGrouper(gazetteer: r.gazetteer)
        let drafts = Self.drafts(grouper, infos, article: article, reference: reference, cues: r.cues)

        var claiming = Set<String>()
        // By index: a `for` over the sentences copied each whole SentenceInfo (every array retained).
        for k in infos.indices where !infos[k].isIrrealis { claiming.formUnion(infos[k].actors.claimingActors) }
        var ctx = MentionFieldReader.Context(
            infos: infos, headline: EventVerbReadings(cues: r.cues).apply(r.eventFinder.find(in: headlineTokens), in: headlineTokens),
            headlineActors: headlineActors, claimingActors: claiming, reference: reference,
            leadDraftFirstSentence: drafts.first(where: { $0.role == .main })?.sentences.first)
        ctx.sentencesInDrafts = Set(drafts.filter { $0.role == .main }.flatMap(\.sentences))
        ctx.sentencesInAnyDraft = Set(drafts.flatMap(\.sentences))
        // An outlet that speaks for an actor (a state news agency, a movement's own channel).
        // The whole name must be the speaker's ("Kyiv Independent" is no voice of Kyiv).
        if let outlet = metadata.outlet, case let t = r.phraseStarts.tokens(outlet),
           let v = r.actorFinder.voices.matches(t).first(where: { $0.start == 0 && $0.end == t.count }) {
            ctx.outletVoice = generic[v.payload] ?? v.payload
        }
        for i in infos.indices where !infos[i].events.isEmpty {
            let (tokens, events, index) = (infos[i].tokens, infos[i].events, infos[i].index)
            if r.cues.occurs(.arrest, in: tokens) { ctx.arrests.insert(index) }
            for e in events where e.range.lowerBound > 0 {
                for len in 1...2 where e.range.lowerBound - len >= 0 {
                    if let w = r.cues.match(.weapon, in: tokens, at: e.range.lowerBound - len), w.end == e.range.lowerBound, let k = EventType(rawValue: w.payload) {
                        ctx.weaponBefore[index, default: [:]][e.range.lowerBound] = k
                    }
                }
            }
        }
        let reader = MentionFieldReader(gazetteer: r.gazetteer, grouper: grouper, cues: r.cues, actorHomes: r.actorHomes)
        // The lead is read first, for what listed towns take from it; its mention is kept when
        // reading it again could not change it (a mention read once per draft, not twice for the lead).
        var leadMention: (draft: Int, mention: IncidentMention)?
        if let k = drafts.firstIndex(where: { $0.role == .main }) {
            let m = reader.read(drafts[k], ctx)
            ctx.leadType = m.eventType
            ctx.leadPerpetrator = m.perpetrator.map { ($0, m.attribution) }
            if MentionFieldReader.ignoresLead(drafts[k]) { leadMention = (k, m) }
        }
        let mentions = drafts.indices.map { k in
            if let lead = leadMention, lead.draft == k { return lead.mention }
            return reader.read(drafts[k], ctx)
        }.filter { MentionFilter.isReportable($0) }
        let cleaned = article.paragraphs.joined(separator: "\n")
        return ExtractedArticle(metadata: metadata, mentions: mentions, cleanedText: cleaned)
    }
}

extension IncidentExtractor {
    /// The article's incident drafts: the grouped sentences, less accidents, with the news promoted
    /// and live-blog days set. Extraction and `explain` share it, so the explanation shows the
    /// drafts the fields are read from.
    static func drafts(_ grouper: MentionGrouper, _ infos: [SentenceInfo], article: CleanArticle, reference: CalendarDay?, cues: CueLexicon) -> [MentionDraft] {
        var drafts = grouper.group(infos, entryStarts: article.entryStarts)
        // "A gas cylinder blew up in a restaurant": an accident, no armed-conflict incident.
        drafts = AccidentalBlasts(cues: cues).removingAccidents(drafts, infos)
        drafts = NewsPromotion.promotingNews(drafts, infos, reference: reference)
        return LiveBlogDays.dating(drafts, infos, entryStarts: article.entryStarts, reference: reference)
    }
}

/// Keeps mentions an analyst could act on: a main mention needs a place, a date, a toll or a
/// perpetrator; an older incident mentioned for context needs a place below country level or a day.
enum MentionFilter {
    static func isReportable(_ m: IncidentMention) -> Bool {
        switch m.role {
        case .main:
            return m.place != nil || m.date != nil || m.killed != nil || m.injured != nil
        case .background:
            let specificPlace = m.place?.name != nil || m.place?.admin1 != nil
            return (specificPlace || m.date != nil) && m.eventType != .other
        }
    }
}

/// Pages often repeat a sentence (a standfirst restating the lead, a paragraph printed twice);
/// the later copy is kept because it sits in the body with its context.
enum NearDuplicates {
    static func removeEarlierCopies(_ sentences: [(text: String, paragraph: Int)]) -> [(text: String, paragraph: Int)] {
        let tokens = sentences.map { Tokenizer.tokens($0.text) }
        return keptIndices(tokens).map { sentences[$0] }
    }

    /// Indices of the sentences to keep, from their tokens.
    ///
    /// Each sentence's distinct word hashes are kept sorted, so the overlap of a pair is one merge
    /// rather than a Set built and intersected per pair; pairs whose sizes alone rule out a 0.7
    /// overlap (it cannot exceed smaller / larger) are not compared.
    static func keptIndices(_ tokens: [[Token]]) -> [Int] {
        let sets = tokens.map(sortedWordHashes)
        var keep = [Bool](repeating: true, count: tokens.count)
        for i in tokens.indices where sets[i].count >= 8 {
            for j in (i + 1)..<tokens.count where sets[j].count >= 8 {
                let (a, b) = (sets[i].count, sets[j].count)
                if Double(min(a, b)) / Double(max(a, b)) < 0.7 { continue }
                let inter = intersectionCount(sets[i], sets[j])
                let union = a + b - inter
                if Double(inter) / Double(union) >= 0.7 { keep[i] = false; break }
            }
        }
        return tokens.indices.filter { keep[$0] }
    }

    private static func sortedWordHashes(_ tokens: [Token]) -> [UInt64] {
        // Fewer than eight words cannot give the eight distinct ones a comparison needs.
        var words = 0
        for t in tokens where t.kind == .word { words += 1 }
        if words < 8 { return [] }
        var h: [UInt64] = []
        h.reserveCapacity(tokens.count)
        for t in tokens where t.kind == .word { h.append(t.keyHash) }
        h.sort()
        var w = 0
        for r in h.indices where w == 0 || h[r] != h[w - 1] {
            h[w] = h[r]
            w += 1
        }
        h.removeLast(h.count - w)
        return h
    }

    /// The size of the overlap, or a smaller count once even a full match of what remains could
    /// not reach a 0.7 overlap (the ratio only grows with the count, so the verdict is the same).
    private static func intersectionCount(_ a: [UInt64], _ b: [UInt64]) -> Int {
        var i = 0, j = 0, n = 0
        while i < a.count && j < b.count {
            if a[i] == b[j] {
                n += 1; i += 1; j += 1
            } else {
                if a[i] < b[j] { i += 1 } else { j += 1 }
                let best = n + min(a.count - i, b.count - j)
                if Double(best) / Double(a.count + b.count - best) < 0.7 { return n }
            }
        }
        return n
    }
}
