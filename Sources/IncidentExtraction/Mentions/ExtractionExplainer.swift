import IncidentModel

extension IncidentExtractor {
    /// A line per sentence with what the rules read from it (incident words, tolls, places, dates,
    /// actors, cues): for analysts asking why a figure came out as it did, and for rule authors.
    public func explain(text: String, fallbackReferenceDate: CalendarDay?) -> String {
        let r = resources
        let article = ArticleCleaner(rules: r.boilerplate).clean(TextNormalizer.normalize(text))
        let reference = r.metadataFinder.publicationDate(article.allLines, near: fallbackReferenceDate, skipping: article.listLines) ?? fallbackReferenceDate
        var sentences: [(text: String, paragraph: Int)] = []
        for (p, para) in article.paragraphs.enumerated() { for s in r.splitter.split(para) { sentences.append((s, p)) } }
        sentences = NearDuplicates.removeEarlierCopies(sentences)
        let headlineTokens = r.phraseStarts.tokens(article.title ?? "")
        let newsWindow = NewsWindow.find(headline: headlineTokens, lines: article.allLines, r, reference: reference)
        let infos = SentenceAnalyzer(resources: r).analyse(sentences, reference: reference, headline: r.actorFinder.analyse(headlineTokens), newsWindow: newsWindow,
                                                           drillHeadline: r.cues.occurs(.exercise, in: headlineTokens))
        var lines = ["reference \(reference?.iso ?? "none")" + (newsWindow.map { " window \($0.description)" } ?? "")]
        for s in infos {
            var facts: [String] = []
            if !s.events.isEmpty { facts.append("events " + s.events.map { $0.type?.rawValue ?? "generic" }.joined(separator: ",")) }
            if !s.tolls.isEmpty { facts.append("tolls " + s.tolls.map { "\($0.kind == .killed ? "k" : "i")\($0.value)\($0.isRevision ? "r" : "")\($0.isRough ? "~" : "")\($0.isSingular ? "s" : "")" }.joined(separator: ",")) }
            if !s.places.isEmpty {
                facts.append("places " + s.places.map { p in
                    let name = p.adHocName ?? p.entry.map { r.gazetteer.entries[Int($0)].name } ?? "?\(p.key)"
                    return name + (p.adminReading ? "(area)" : "") + (p.isReference ? "(ref)" : "") + (p.locative ? "" : "(nl)")
                }.joined(separator: ","))
            }
            if !s.dates.isEmpty { facts.append("dates " + s.dates.map { "\($0.date)\($0.isSpeechDate ? "(said)" : "")" }.joined(separator: ",")) }
            if !s.actors.candidates.isEmpty { facts.append("actors " + s.actors.candidates.map { $0.actor + ($0.viaAttribution ? "(attr)" : "") }.joined(separator: ",")) }
            if !s.actors.claimingActors.isEmpty { facts.append("claims " + s.actors.claimingActors.sorted().joined(separator: ",")) }
            var flags: [String] = []
            if s.isBackground { flags.append("bg") }
            if s.isIrrealis { flags.append("irrealis") }
            if s.actors.hasHedge { flags.append("hedge") }
            if s.actors.saysUnidentified { flags.append("unidentified") }
            if s.startsNewIncident { flags.append("new") }
            if s.sameTimeAsPrevious { flags.append("same-time") }
            if s.actors.sourceHedgeStart != nil { flags.append("source") }
            if !flags.isEmpty { facts.append(flags.joined(separator: ",")) }
            if !s.actors.epithetActors.isEmpty { facts.append("epithet " + s.actors.epithetActors.sorted().joined(separator: ",")) }
            if !s.actors.reportedByOthers.isEmpty { facts.append("reported " + s.actors.reportedByOthers.sorted().joined(separator: ",")) }
            if !s.actors.silentActors.isEmpty { facts.append("silent " + s.actors.silentActors.sorted().joined(separator: ",")) }
            lines.append("[\(s.index)/p\(s.paragraph)] \(s.text.prefix(110))")
            if !facts.isEmpty { lines.append("      " + facts.joined(separator: " | ")) }
        }
        let grouper = MentionGrouper(gazetteer: r.gazetteer)
        let summaries = grouper.summarySentences(infos)
        if !summaries.isEmpty { lines.append("summaries \(summaries.sorted())") }
        let drafts = Self.drafts(grouper, infos, article: article, reference: reference, cues: r.cues)
        for d in drafts { lines.append("draft \(d.role.rawValue): sentences \(d.sentences)") }
        return lines.joined(separator: "\n")
    }
}
