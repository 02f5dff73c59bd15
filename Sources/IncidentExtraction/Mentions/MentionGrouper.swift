import IncidentModel

/// Sentences that report one incident, before its fields are read.
struct MentionDraft: Sendable {
    var sentences: [Int]
    var role: MentionRole
    var inheritedDate: IncidentDate?
    /// Sentences listing several places ("struck Kyiv as well as Dnipro and Kryvyi Rih") count
    /// here only for this draft's place (sentence index -> place key).
    var placeOnly: [Int: String] = [:]
    /// The other strikes on a town split off from the strike on one of its facilities: the
    /// facility's sentences, which tell the weapon and the actor when this part does not. For an
    /// incident told apart from the one before it (another town or day), that one's sentences.
    var companion: [Int] = []
    /// The day of the news told just before this draft began ("Strikes hit three towns overnight.
    /// In Odesa, ..."): the draft's day when none of its sentences names one.
    var contextDate: IncidentDate? = nil
    /// Where the incident happened when its sentences name no place ("The town came under fire
    /// again on Sunday"): the place of the incident told just before.
    var inheritedPlace: ResolvedPlace?
    /// Opened as another day's incident at a place already told: kept apart from that day's.
    var ownDay = false
    /// The town the draft's first sentence locates its incident at: the draft's place among
    /// readings as specific, even where the article names another country more often.
    var openingPlace: ResolvedPlace?
    /// A toll sentence told before the draft's first one with no incident word of its own
    /// ("Turkish intelligence neutralized three PKK members in Sinjar."): read for the toll only.
    var leadToll: Int? = nil
}

/// Groups incident sentences into mentions: a sentence joins the most recent mention it fits
/// (same role, compatible place, dates at most a day apart), otherwise starts a new one when it
/// reports an incident by itself. Different places or days stay apart; one strike told over several
/// sentences stays together.
struct MentionGrouper: Sendable {
    let gazetteer: Gazetteer

    /// `entryStarts`: paragraphs that open a live blog's entry (`CleanArticle.entryStarts`).
    func group(_ infos: [SentenceInfo], entryStarts: Set<Int> = []) -> [MentionDraft] {
        var drafts: [MentionDraft] = []
        var current: Int?
        // The last incident sentence's paragraph and whether it was told as an older incident (kept
        // rather than a copy of its whole SentenceInfo, which retains every array it holds).
        var previousIncident: (paragraph: Int, isBackground: Bool)?
        // Whether the first incident sentence of the previous incident's paragraph was background:
        // an aside about an older incident closing a news paragraph ("..., including the bombing at
        // the junction in March 2023") does not carry the next paragraph into the background.
        var paragraphLead: (paragraph: Int, isBackground: Bool)?
        // The day of the latest main incident told (a summary's day included), and the paragraph
        // of the last main incident told since: an incident told without a day in the same run of
        // incident paragraphs happened then.
        var contextDate: (date: IncidentDate, paragraph: Int)?
        let summaries = summarySentences(infos)
        // Summary drafts whose towns' incidents were told apart from them: not reported.
        var summed = Set<Int>()
        // The day a list's introduction gives its items ("The following incidents took place on Sunday:").
        var listDate: IncidentDate?
        // The paragraphs of a summary's bullets ("Key takeaways:"), which the body tells again.
        var summaryList = SummaryList()
        // A section heading ("Niger.", "Mali.") ends the incidents told before it: a sentence after
        // it joins only drafts opened after it (from `sectionStart` on).
        var sectionStart = 0
        var sectionPlace: ResolvedPlace?
        // The section was opened by a sentence that set a new scene, not by a heading: a reference
        // back ("blamed the RSF for the attack") reaches over it only when it names a place.
        var sceneSet = false
        // The last habit sentence that names who keeps at it (its index and paragraph).
        var sceneActor: (sentence: Int, paragraph: Int)?
        // A toll sentence with no incident word that joined no draft, kept for the draft its
        // paragraph opens next.
        var pendingToll: (sentence: Int, paragraph: Int, place: ResolvedPlace?)?
        // A toll sentence with no incident word told before any incident (the lead of a report
        // whose next sentence tells the strike).
        var pendingLeadToll: Int?
        for s in infos {
            if summaryList.skips(s, infos, grouper: self) { continue }
            if isSectionHeading(s, infos) {
                sectionStart = drafts.count
                sceneSet = false
                current = nil
                // "Mogadishu.", "MALI - Kidal region.": where the section's incidents happened when
                // they name no place themselves.
                sectionPlace = s.places.filter { !$0.isReference }.max { level($0) < level($1) }
                continue
            }
            // A live blog's entry or a new list item ends the heading's section.
            if entryStarts.contains(s.paragraph) { sectionPlace = nil }
            // A live blog's entry tells its own news, like a section.
            if entryStarts.contains(s.paragraph), s.index == 0 || infos[s.index - 1].paragraph != s.paragraph {
                sectionStart = drafts.count
                current = nil
            }
            let hasEvent = !s.events.isEmpty
            let firmTolls = s.tolls.contains { !$0.isRough }
            if introducesList(s) { listDate = s.eventDate?.date }
            if !hasEvent && !firmTolls {
                // "1. Mogadishu - 29 Oct, approx. 14:00 hrs." heading an item whose next sentences
                // tell its incident: a draft of the item, kept only if an incident joins it.
                if opensItem(s, infos), !s.isBackground, s.eventDate != nil, let p = primaryPlace(s), level(p) >= 3 {
                    drafts.append(MentionDraft(sentences: [s.index], role: .main, inheritedDate: nil))
                    current = drafts.count - 1
                }
                continue
            }
            if s.isIrrealis && !firmTolls { continue }
            if s.isGenericPlural {
                // "Russian forces continued to pound Kharkiv Oblast. Two civilians were killed when a
                // guided bomb hit their house in Vovchansk": the habit's actor is the next incident's
                // when it names none (as a companion).
                if s.actors.candidates.contains(where: { !$0.viaAttribution }) { sceneActor = (s.index, s.paragraph) }
                // "Meanwhile, in North Darfur, the RSF continued its shelling of El Fasher." opening a
                // paragraph: no incident of its own, but it sets the scene of what follows ("Five
                // people were killed on Monday when shells fell on a camp"), like a section heading.
                if s.turnsAway, !s.isBackground, s.index == 0 || infos[s.index - 1].paragraph != s.paragraph,
                   let p = primaryPlace(s), level(p) >= 3,
                   current.map({ c in bestPlace(drafts[c], infos).map { !sameTown($0, p) } ?? true }) ?? false {
                    sectionStart = drafts.count
                    sectionPlace = p
                    sceneSet = true
                    current = nil
                }
                continue
            }
            // Told close by, and not as a reaction to it ("in an apparent response, hit ..."), which
            // comes later on a day the text does not give.
            // An aside about an older incident inside a news paragraph leaves the news day in place.
            let aside = s.isBackground && paragraphLead.map { $0.paragraph == s.paragraph && !$0.isBackground } ?? false
            if let c = contextDate, s.paragraph - c.paragraph > 5 || (s.isBackground && !aside) { contextDate = nil }
            // A claim of responsibility giving its reason ("Hezbollah took responsibility for the
            // attack, saying its fighters had targeted the town in response to Israeli strikes")
            // tells the attack just told, on its day.
            let newsDate = s.isReaction && s.actors.responsibleActors.isEmpty ? nil : contextDate?.date
            if hasEvent, !s.isBackground {
                if let d = s.eventDate?.date { contextDate = (d, s.paragraph) } else { contextDate?.paragraph = s.paragraph }
            }
            var role: MentionRole = s.isBackground ? .background : .main
            // A sentence that goes on about an older incident ("The planes targeted ...") without a
            // date of its own stays in the background with it.
            if role == .main, s.eventDate == nil, let prev = previousIncident, prev.isBackground || (current.map { drafts[$0].role == .background } ?? false),
               prev.paragraph >= s.paragraph - 1, prev.paragraph == s.paragraph || !s.tolls.contains(where: { !$0.isRough }) || s.sameTimeAsPrevious,
               prev.paragraph == s.paragraph || paragraphLead.map({ $0.paragraph != prev.paragraph || $0.isBackground }) ?? true {
                role = .background
            }
            let place = primaryPlace(s)
            // A place outside the countries the article is about ("a camp of the Daman Brigade" read
            // as Dammam) does not keep a sentence from the incident it goes on about.
            // So does a town a turn names ("Later on Saturday, the Russian forces struck ... in Kharkov"
            // in a report from Belgorod).
            // (Also taking an actor's own strike of a named kind abroad as where it says, "the group's
            // missile force had launched missiles at Eilat" in a report from Yemen, made a false
            // incident on an unread hold-out: left out.)
            let fitPlace = place.flatMap { isFocus($0, s) || level($0) == 1 || isEventTarget($0, s) || (s.turnsAway && level($0) >= 3) ? $0 : nil }
            let located = fitPlace ?? (place == nil ? eventPlace(s) : nil)
            let item = opensItem(s, infos)
            // "On Saturday, the death toll rose to 16": the day the figure changed, not the incident's.
            let revisesOnly = !s.hasSpecificEvent && s.tolls.contains { $0.isRevision }
            let date = revisesOnly ? nil : s.eventDate?.date
            // A summary over a period ("43 times in the last 24 hours") is not an incident, unless it
            // names the town the incident hit ("... killed 31 and hit a hospital in Kyiv"), or names
            // only a region and the next sentence the town ("... in southwest Yemen ... this year.
            // The strikes hit a compound on the outskirts of Dhamar").
            if s.isCumulative && !(place.map { level($0) >= 3 } ?? false) && townOfTheNextSentence(s, place, infos) == nil { continue }
            defer {
                if hasEvent {
                    let background = s.isBackground || role == .background
                    if paragraphLead?.paragraph != s.paragraph { paragraphLead = (s.paragraph, background) }
                    previousIncident = (s.paragraph, background)
                }
            }
            let listed = listedPlaces(s)
            if listed.count >= 2 {
                var firstDraft: Int?
                defer { if let f = firstDraft { current = f } }
                for p in listed {
                    if let k = drafts.indices.reversed().first(where: { $0 >= sectionStart && drafts[$0].role == role && bestPlace(drafts[$0], infos).map { $0.entry == p.entry && $0.locative } == true }) {
                        drafts[k].sentences.append(s.index)
                        drafts[k].placeOnly[s.index] = p.key
                        if firstDraft == nil { firstDraft = k }
                    } else {
                        // The day of the incident told before, for a list that gives none of its own.
                        let before = date == nil ? current.flatMap { draftDate(drafts[$0], infos) } : nil
                        var d = MentionDraft(sentences: [s.index], role: role, inheritedDate: before ?? listDate)
                        d.placeOnly[s.index] = p.key
                        if role == .main { d.contextDate = newsDate }
                        drafts.append(d)
                        if firstDraft == nil { firstDraft = drafts.count - 1 }
                    }
                }
                continue
            }
            if !hasEvent {
                // "Turkish intelligence neutralized three PKK members in Sinjar." before the sentence
                // that tells the strike: the lead's toll, kept for the first incident.
                if drafts.isEmpty, role == .main, firmTolls, !s.isCumulative, pendingLeadToll == nil { pendingLeadToll = s.index }
                // A toll told in its own sentence belongs to the incident just described, unless it
                // names another town ("At Damboa, soldiers killed three militants").
                if let c = current, drafts[c].role == role || role == .main,
                   let last = drafts[c].sentences.last, s.paragraph - infos[last].paragraph <= 3,
                   fits(drafts[c], place: place, date: date, infos: infos), !namesAnotherTown(place, than: drafts[c], infos) {
                    drafts[c].sentences.append(s.index)
                } else if role == .main, let p = fitPlace, level(p) >= 3, date != nil, firmTolls,
                          s.index == 0 || infos[s.index - 1].paragraph != s.paragraph,
                          current.map({ namesAnotherTown(p, than: drafts[$0], infos) }) ?? false {
                    // A paragraph of its own with a town, a day and a figure ("At Damboa, soldiers
                    // killed three militants on Saturday"): an incident even without an incident word.
                    drafts.append(MentionDraft(sentences: [s.index], role: role, inheritedDate: nil))
                    current = drafts.count - 1
                } else if let p = fitPlace, level(p) >= 3, let k = drafts.indices.reversed().first(where: { k in
                    drafts[k].role == role && bestPlace(drafts[k], infos).map { level($0) >= 3 && sameTown($0, p) } == true
                        && fits(drafts[k], place: fitPlace, date: date, infos: infos)
                }) {
                    // "Magen David Adom has raised the death toll in Majdal Shams to 12" in a later
                    // entry of a live blog: the toll of the incident told at that town.
                    drafts[k].sentences.append(s.index)
                } else if firmTolls || s.tolls.contains(where: \.isSingular), !s.isCumulative {
                    // "A man was lightly injured by shrapnel in Sderot." before the sentence of the
                    // same paragraph that tells the rocket fire: that incident's toll.
                    pendingToll = (s.index, s.paragraph, place)
                }
                continue
            }
            // Incidents happen in the countries an article is about: a town elsewhere ("due in
            // Warsaw") does not open a new incident.
            // The first incident told with its toll or its day is the article's news, even where
            // later paragraphs name another country more often (the neighbour accused of the strike).
            // So is an actor's strike of no named kind told with its toll ("The military said it
            // carried out a precise strike on a command center ..., killing 90").
            let actorActs = hasEvent && s.actors.candidates.contains { !$0.viaAttribution }
            let leadIncident = role == .main && (firmTolls || date != nil) && (s.hasSpecificEvent || (actorActs && firmTolls)) && !drafts.contains { $0.role == .main }
            // "Meanwhile, Israel struck targets inside Lebanon": an article turns to another country;
            // an actor's strike of a named kind ("Hezbollah fighters fired rockets at Kiryat Shmona")
            // happened where it says, in whatever country.
            // So does one of a named kind aimed at the town ("rockets are fired from Lebanon toward
            // Kiryat Shmona").
            let placeInFocus = leadIncident || s.turnsAway || (place.map { isFocus($0, s) } ?? true)
                || (s.hasSpecificEvent && (s.actors.candidates.contains { !$0.viaAttribution } || place.map { isEventTarget($0, s) } ?? false))
            let townLevel = place.map { level($0) >= 2 } ?? false
            // "Another of the sites hit was near al-Qaim": one more target of the strike being told,
            // at a town of its own, is that wave's incident there (of its kind and by its actor).
            let anotherTarget = s.tellsAnotherTarget && role == .main && (place.map { level($0) >= 3 } ?? false)
                && current.map { drafts[$0].role == .main } ?? false
            let canStart = (s.hasSpecificEvent || firmTolls || (townLevel && !s.actors.candidates.isEmpty) || anotherTarget) && !s.isIrrealis && placeInFocus
            if s.startsNewIncident && canStart {
                let inherited = s.sameTimeAsPrevious ? current.flatMap { draftDate(drafts[$0], infos) } : nil
                var d = MentionDraft(sentences: [s.index], role: role, inheritedDate: inherited ?? listDate)
                if role == .main { d.contextDate = newsDate }
                drafts.append(d)
                current = drafts.count - 1
                continue
            }
            var target: Int?
            // A sentence that names no place or day goes on about the incident being told.
            // Not one that turns to another kind of violence ("Meanwhile, artillery shelling targeted
            // ..." after an air raid).
            if located == nil, date == nil, let c = current, drafts[c].role == role, !turnsToAnotherKind(s, than: drafts[c], infos), !answers(s),
               !actsForAnotherSide(s, than: drafts[c], infos) { target = c }
            // "The strikes ...", "The said airstrikes ...": a definite reference to the incident just told.
            if target == nil, let c = current, drafts[c].role == role, isAnaphoric(s), date.map({ d in draftDate(drafts[c], infos).map { d.gap(to: $0) <= 1 } ?? true }) ?? true {
                target = c
            }
            // "The Odesa drone attack ...": a sentence naming a town goes on about the incident told there.
            if target == nil, let p = located, level(p) >= 3 {
                target = drafts.indices.reversed().first { k in
                    drafts[k].role == role && bestPlace(drafts[k], infos).map { level($0) >= 3 && sameTown($0, p) } == true
                        && fits(drafts[k], place: fitPlace, date: date, infos: infos)
                        && !tellsAnotherIncident(s, place: located, opensItem: item, than: drafts[k], infos)
                }
            }
            // Another town or another day told as an incident of its own joins no draft it does not fit.
            var toldApartFrom: Int?
            // "The Tera ambush ...": a reference back reaches over a section heading.
            let firstDraft = refersBack(s) && !(sceneSet && located == nil) ? 0 : sectionStart
            for k in drafts.indices.reversed() where target == nil && k >= firstDraft && drafts[k].role == role {
                if fits(drafts[k], place: fitPlace, date: date, infos: infos) {
                    if tellsAnotherIncident(s, place: located, opensItem: item, than: drafts[k], infos) {
                        if toldApartFrom == nil { toldApartFrom = k }
                        continue
                    }
                    target = k
                    break
                }
                if place == nil && date == nil { break }
            }
            if let t = target, canStart, let p = place, level(p) >= 3, drafts[t].role == .main, tellsOwnIncident(s, at: p),
               let summary = summaryOf(drafts[t], town: p, summaries: summaries, infos) {
                // A town's incident after a summary of several: its own incident, also beside
                // another town's told after the same summary.
                var d = MentionDraft(sentences: [s.index], role: role, inheritedDate: nil)
                d.companion = [summary]
                d.contextDate = newsDate ?? draftDate(drafts[t], infos)
                if drafts[t].companion.isEmpty { summed.insert(t) }
                drafts.append(d)
                current = drafts.count - 1
            } else if let t = target {
                drafts[t].sentences.append(s.index)
                current = t
            } else if canStart {
                var d = MentionDraft(sentences: [s.index], role: role, inheritedDate: listDate)
                if role == .main { d.contextDate = newsDate }
                d.openingPlace = located
                if located == nil { d.inheritedPlace = sectionPlace }
                if let t = pendingToll, t.paragraph == s.paragraph, t.place.map({ p in located.map { sameTown($0, p) } ?? false }) ?? true {
                    d.leadToll = t.sentence
                }
                if anotherTarget, toldApartFrom == nil, let c = current {
                    d.companion = drafts[c].sentences
                    if date == nil, d.inheritedDate == nil { d.inheritedDate = draftDate(drafts[c], infos) }
                }
                if d.companion.isEmpty, let a = sceneActor, a.paragraph == s.paragraph, a.sentence == s.index - 1 {
                    d.companion = [a.sentence]
                }
                if let k = toldApartFrom {
                    // Told side by side with the incident before it: the same day unless it gives
                    // its own, the same place when it names none, and the same actor when it is
                    // the same kind of violence and names none (`companion`).
                    if located == nil { d.inheritedPlace = bestPlace(drafts[k], infos) }
                    if date == nil, d.inheritedDate == nil { d.inheritedDate = draftDate(drafts[k], infos) }
                    d.ownDay = date != nil
                    d.companion = drafts[k].sentences
                }
                drafts.append(d)
                current = drafts.count - 1
            }
        }
        if !summed.isEmpty { drafts = drafts.indices.filter { !summed.contains($0) }.map { drafts[$0] } }
        // An item's heading that no incident sentence joined tells none.
        drafts.removeAll { d in d.leadToll == nil && d.sentences.allSatisfy { infos[$0].events.isEmpty && infos[$0].tolls.isEmpty } }
        // The lead's toll joins the first incident when that is told in the next paragraph at a
        // place and day that fit it.
        if let p = pendingLeadToll, let k = drafts.firstIndex(where: { $0.role == .main }), let f = drafts[k].sentences.first, f > p,
           infos[f].paragraph - infos[p].paragraph <= 1, infos[p].tolls.allSatisfy({ !$0.isRevision }),
           fits(drafts[k], place: primaryPlace(infos[p]), date: infos[p].eventDate?.date, infos: infos) {
            drafts[k].leadToll = p
        }
        return separateSites(absorbProvinceLeads(mergeSamePlace(drafts, infos), infos), infos)
    }

    /// A town's draft that tells a strike on one facility (a hospital, a school, a market) and also
    /// figures for the rest of the town that day ("33 people were killed in Kyiv" beside "two died
    /// at the hospital"; "seven were killed in separate strikes") is two incidents: the strike on
    /// the facility, and the other strikes on the town. Told apart only with evidence that the
    /// town's figure covers more than the facility: a cue ("separate strikes", "elsewhere in") or a
    /// larger firm figure of the same kind than the facility's own ("the death toll includes 33
    /// people in Kyiv" beside "two were killed at the hospital"). A toll that does not name the town
    /// ("four were killed in the attack"), a revised one ("the toll in Kharkiv rose to five") or a
    /// facility without a figure of its own keeps one incident.
    func separateSites(_ drafts: [MentionDraft], _ infos: [SentenceInfo]) -> [MentionDraft] {
        var out: [MentionDraft] = []
        for d in drafts {
            guard d.role == .main, let place = bestPlace(d, infos), place.locative, level(place) == 3, let town = place.entry else {
                out.append(d)
                continue
            }
            func isSite(_ s: SentenceInfo) -> Bool { s.site != nil && !s.events.isEmpty }
            func isTownWide(_ s: SentenceInfo) -> Bool {
                guard s.site == nil, !s.isCumulative, s.tolls.contains(where: { !$0.isRough && !$0.isSingular }) else { return false }
                if s.tellsOtherSites { return true }
                // "The toll in Kharkiv rose to five": more likely the facility's own toll revised.
                return !s.revisesToll && s.places.contains { $0.locative && !$0.isReference && $0.entry == town && !$0.adminReading }
            }
            // Label every sentence: facility, town-wide, or (neither) the label of the one before.
            var labels: [Bool?] = []  // true = facility
            var last: Bool?
            for i in d.sentences {
                if isSite(infos[i]) { last = true } else if isTownWide(infos[i]) { last = false }
                labels.append(last)
            }
            let firstLabel = labels.first { $0 != nil } ?? nil
            let resolved = labels.map { $0 ?? firstLabel }
            let siteIdx = d.sentences.indices.filter { resolved[$0] == true }.map { d.sentences[$0] }
            let townIdx = d.sentences.indices.filter { resolved[$0] == false }.map { d.sentences[$0] }
            guard !siteIdx.isEmpty, !townIdx.isEmpty else { out.append(d); continue }
            func firm(_ idx: [Int], _ kind: TollFigure.Kind) -> Int? {
                idx.filter { !infos[$0].isCumulative }.flatMap { infos[$0].tolls }.filter { $0.kind == kind && !$0.isRough && !$0.isSingular }.map(\.value).max()
            }
            let townTolls = townIdx.filter { isTownWide(infos[$0]) }
            let cue = townTolls.contains { infos[$0].tellsOtherSites }
            let larger = [TollFigure.Kind.killed, .injured].contains { k in
                guard let t = firm(townTolls, k), let f = firm(siteIdx, k) else { return false }
                return t > f
            }
            guard cue || larger else { out.append(d); continue }
            let day = draftDate(d, infos)
            var site = MentionDraft(sentences: siteIdx, role: d.role, inheritedDate: d.inheritedDate ?? day)
            var rest = MentionDraft(sentences: townIdx, role: d.role, inheritedDate: d.inheritedDate ?? day)
            rest.companion = siteIdx
            site.contextDate = d.contextDate
            rest.contextDate = d.contextDate
            for (k, v) in d.placeOnly {
                if siteIdx.contains(k) { site.placeOnly[k] = v } else { rest.placeOnly[k] = v }
            }
            out.append(site)
            out.append(rest)
        }
        return out
    }

    /// A lead that names only a region ("in southwest Yemen", "in northwestern Syria") and a next
    /// sentence that goes on about the same strike ("The strikes hit ... Dhamar"): that town.
    func townOfTheNextSentence(_ s: SentenceInfo, _ place: ResolvedPlace?, _ infos: [SentenceInfo]) -> ResolvedPlace? {
        guard place.map({ level($0) <= 2 }) ?? true, s.index + 1 < infos.count else { return nil }
        let next = infos[s.index + 1]
        guard next.paragraph - s.paragraph <= 1, isAnaphoric(next), let town = primaryPlace(next), level(town) >= 3 else { return nil }
        return place.map { compatible($0, town) } ?? true ? town : nil
    }

    private static let anaphoraStarts: Set<String> = ["the", "these", "those", "this", "that"]
    private static let anaphoraSkips: Set<String> = ["said", "latest", "same", "reported", "alleged", "israeli", "us", "u.s", "russian", "turkish", "overnight", "recent", "two", "three", "deadly"]

    private func isAnaphoric(_ s: SentenceInfo) -> Bool {
        guard let first = s.tokens.first, Self.anaphoraStarts.contains(first.key) else { return false }
        var k = 1
        while k < s.tokens.count, k < 4, Self.anaphoraSkips.contains(s.tokens[k].key) { k += 1 }
        return s.events.contains { $0.range.lowerBound == k }
    }

    func isFocus(_ p: ResolvedPlace, _ s: SentenceInfo) -> Bool {
        guard let id = p.entry ?? p.anchor else { return true }
        let cc = gazetteer.entries.countryCode(at: Int(id))
        // An article whose country nothing settles ("Rafah" is a town in Gaza and in Egypt): the
        // town it names is where its incident happened.
        guard let top = s.topCountry else { return true }
        let count = s.focus[cc] ?? 0
        return cc == top || count >= 2 || count == s.focus[top]
    }

    /// The sentence's most specific place that locates an incident (not a reference point).
    func primaryPlace(_ s: SentenceInfo) -> ResolvedPlace? {
        var best: ResolvedPlace?
        var bestScore = -1
        let top = s.topCountry
        let located = s.places.filter { !$0.isReference && $0.locative }
        // The direct target of an incident word counts even in a country the article names less
        // ("Hezbollah fighters targeted the settlement of Kiryat Shmona" in a Lebanese report).
        let inFocus = located.filter { p in isFocus(p, s) || isEventTarget(p, s) }
        for p in (inFocus.isEmpty ? located : inFocus) {
            let country = (p.entry ?? p.anchor).map { gazetteer.entries.countryCode(at: Int($0)) }
            // The place in the incident's own phrase ("an airstrike at an overpass near Barvinkove")
            // rather than one named for another reason ("trains were blocked in Sloviansk").
            let inEventPhrase = s.events.contains { $0.range.upperBound <= p.position && p.position - $0.range.upperBound <= ($0.type != nil ? 12 : 4) }
            // "shelled the Nikopol district ..., injuring two people in Marhanets": the town in it.
            let district = p.namesDistrict && located.contains { q in q.key != p.key && !q.namesDistrict && level(q) == 3 && sameProvince(p, q) }
            let score = level(p) * 4 + (country != nil && country == top ? 1 : 0) + (inEventPhrase ? 2 : 0) - (district ? 3 : 0)
            if score > bestScore { bestScore = score; best = p }
        }
        return best
    }

    /// 4 unknown settlement located by a known place, 3 populated place (or an unknown settlement
    /// nothing locates: it does not outrank a known town told elsewhere), 2 province, 1 country.
    func level(_ p: ResolvedPlace) -> Int {
        if p.adHocName != nil { return p.anchor == nil ? 3 : 4 }
        guard let id = p.entry else { return 0 }
        switch gazetteer.entries.kind(at: Int(id)) {
        case .place: return p.adminReading ? 2 : 3
        case .admin1: return 2
        case .country: return 1
        }
    }

    /// Country and province codes of a place reading, for containment tests.
    func codes(_ p: ResolvedPlace) -> (country: String, admin1: String?, place: Int32?)? {
        let id = p.entry ?? p.anchor ?? p.contextAnchor
        guard let id else { return nil }
        let e = gazetteer.entries[Int(id)]
        switch e.kind {
        case .country: return (e.countryCode, nil, nil)
        case .admin1: return (e.countryCode, e.admin1Code, nil)
        case .place:
            if p.adHocName != nil || p.adminReading { return (e.countryCode, e.admin1Code, nil) }
            return (e.countryCode, e.admin1Code, id)
        }
    }

    func compatible(_ a: ResolvedPlace, _ b: ResolvedPlace) -> Bool {
        if let x = a.adHocName, let y = b.adHocName { return x == y }
        // A settlement the gazetteer does not know, with no known place beside it, is not another
        // town of another name.
        if (a.adHocName != nil && codes(a) == nil && level(b) >= 3) || (b.adHocName != nil && codes(b) == nil && level(a) >= 3) { return a.key == b.key }
        guard let ca = codes(a), let cb = codes(b) else { return true }
        if ca.country != cb.country { return false }
        if let pa = ca.place, let pb = cb.place, pa != pb {
            let ea = gazetteer.entries[Int(pa)], eb = gazetteer.entries[Int(pb)]
            return a.key == b.key || ea.admin1Code == eb.admin1Code || distance(ea, eb) < 30
        }
        if let aa = ca.admin1, let ab = cb.admin1, aa != ab { return false }
        if (a.adHocName != nil && cb.place != nil && b.entry != a.anchor) || (b.adHocName != nil && ca.place != nil && a.entry != b.anchor) { return false }
        return true
    }

    func distance(_ a: GazetteerEntry, _ b: GazetteerEntry) -> Double {
        guard let la = a.latitude, let lo = a.longitude, let lb = b.latitude, let lob = b.longitude else { return .infinity }
        return Place(name: nil, admin1: nil, country: nil, latitude: la, longitude: lo)
            .distanceKilometres(to: Place(name: nil, admin1: nil, country: nil, latitude: lb, longitude: lob)) ?? .infinity
    }

    func fits(_ d: MentionDraft, place: ResolvedPlace?, date: IncidentDate?, infos: [SentenceInfo]) -> Bool {
        if let p = place, let q = bestPlace(d, infos), q.locative, !compatible(p, q) { return false }
        if let dt = date, let dd = draftDate(d, infos), dt.gap(to: dd) > 1 { return false }
        return true
    }

    /// The incident day of a draft: its earliest explicit date, else its earliest relative one.
    func draftDate(_ d: MentionDraft, _ infos: [SentenceInfo]) -> IncidentDate? {
        // One pass, no arrays: the earliest explicit and the earliest of all (the first on ties,
        // as `min(by:)` keeps).
        var earliestExplicit: IncidentDate?
        var earliest: IncidentDate?
        for i in d.sentences {
            guard let e = infos[i].eventDate else { continue }
            if e.isExplicit, earliestExplicit.map({ e.date.start < $0.start }) ?? true { earliestExplicit = e.date }
            // On the same first day, the narrower span: "On Saturday a drone hit ..." within a
            // draft that also says "over the weekend".
            if earliest.map({ e.date.start < $0.start || (e.date.start == $0.start && e.date.end < $0.end) }) ?? true { earliest = e.date }
        }
        if let e = earliestExplicit { return e }
        if let inherited = d.inheritedDate { return inherited }
        return earliest ?? d.contextDate
    }

    /// Two drafts at the same named place and day are one incident told twice.
    private func mergeSamePlace(_ drafts: [MentionDraft], _ infos: [SentenceInfo]) -> [MentionDraft] {
        var out: [MentionDraft] = []
        // Each kept draft's place and day, recomputed only when a draft merges into it.
        var outPlaces: [ResolvedPlace?] = []
        var outDates: [IncidentDate?] = []
        for d in drafts {
            let p = bestPlace(d, infos)
            let day = draftDate(d, infos)
            // A draft told apart from the one before it takes that one's place only for want of its
            // own: the same place does not make them one again.
            if let p, p.locative, d.inheritedPlace == nil, let k = out.indices.first(where: { k in
                out[k].role == d.role && sameFamily(out[k], d, infos) && outPlaces[k].map { $0.entry == p.entry && $0.adHocName == p.adHocName && level($0) >= 3 } == true
                    && (outDates[k].flatMap { a in day.map { a.gap(to: $0) <= 1 && (!(d.ownDay || out[k].ownDay) || a.start == $0.start) } } ?? true)
            }) {
                out[k].sentences.append(contentsOf: d.sentences)
                out[k].sentences.sort()
                outPlaces[k] = bestPlace(out[k], infos)
                outDates[k] = draftDate(out[k], infos)
            } else {
                out.append(d)
                outPlaces.append(p)
                outDates.append(day)
            }
        }
        return out
    }

    /// Two drafts whose first incident words of a named kind are of one family (or one has none):
    /// an artillery attack on a town is not the air strike on it told before.
    private func sameFamily(_ a: MentionDraft, _ b: MentionDraft, _ infos: [SentenceInfo]) -> Bool {
        func family(_ d: MentionDraft) -> EventType.Family? {
            d.sentences.lazy.compactMap { infos[$0].events.first(where: { $0.type != nil })?.type?.family }.first
        }
        guard let x = family(a), let y = family(b) else { return true }
        return x == y
    }

    /// The draft's place: the most specific reading, the most repeated among equals, then the first.
    func bestPlace(_ d: MentionDraft, _ infos: [SentenceInfo]) -> ResolvedPlace? {
        let focus = infos.first?.focus ?? [:]
        var all: [ResolvedPlace] = []
        for i in d.sentences {
            let only = d.placeOnly.isEmpty ? nil : d.placeOnly[i]
            for p in infos[i].places where !p.isReference && (only == nil || p.key == only) { all.append(p) }
        }
        if all.contains(where: { $0.adminReading && $0.strongLocative }) {
            let adminKeys = Set(all.filter { $0.adminReading && $0.strongLocative }.map(\.key))
            for k in all.indices where adminKeys.contains(all[k].key) && !all[k].adminReading && !all[k].namesSettlement {
                all[k].adminReading = true
                if let id = all[k].entry, gazetteer.entries.kind(at: Int(id)) == .place {
                    let e = gazetteer.entries[Int(id)]
                    all[k].entry = gazetteer.admin1Entry(countryCode: e.countryCode, admin1Code: e.admin1Code) ?? id
                }
            }
        }
        var best: ResolvedPlace?
        var bestScore = -1000
        let counts = LocativeCounts(all)
        let entries = gazetteer.entries
        // Read only once a town reading needs them (bestPlace is asked of every draft per sentence).
        var countries: (stated: [String], named: [String])?
        for k in all.indices {
            let p = all[k]
            let country = (p.entry ?? p.anchor).map { entries.countryCode(at: Int($0)) } ?? ""
            // "in Yemen's Hajjah province ... the town of Mastaba": a town in a country the
            // incident's sentences never name, where they say in which country it happened, is a
            // homonym.
            if level(p) >= 3, !country.isEmpty {
                if countries == nil { countries = statedCountries(d, infos) }
                if let (stated, named) = countries, !stated.isEmpty, !stated.contains(country), !named.contains(country) { continue }
            }
            // "shelled the Nikopol district ..., injuring two people in Marhanets": the town rather
            // than the district named after another.
            let district = p.namesDistrict && all.contains { q in
                q.key != p.key && !q.namesDistrict && q.locative && level(q) == 3 && sameProvince(p, q)
            }
            let score = level(p) * 100 - (p.locative ? 0 : 150) + min(counts.count(of: k, in: all), 20) * 2 + min(focus[country] ?? 0, 10)
                - (district ? 50 : 0) - (p.isCapital ? 5 : 0)
            if score > bestScore { bestScore = score; best = p }
        }
        if let inherited = d.inheritedPlace, best.map({ !$0.locative || (level($0) < level(inherited) && compatible($0, inherited)) }) ?? true {
            return inherited
        }
        // "In Daraa, gunmen shot dead a commander in Tafas town in the western countryside of
        // Daraa": an opening name the draft reads as a province elsewhere is that province.
        if let opening = d.openingPlace, let b = best, level(opening) >= 3, level(opening) >= level(b), b.key != opening.key, !opening.isCapital,
           opening.namesSettlement || !all.contains(where: { $0.adminReading && $0.key == opening.key }) { return opening }
        return best
    }

    /// Countries the draft names, as a country or a province, as where its incident happened ("in
    /// eastern Syria", "in Yemen's Hajjah province"; not "from Iraq").
    /// `named`: every country the draft names as a country or a province, also as a reference.
    /// (Lists, not sets: a draft names a country or two, which a scan finds sooner than a hash.)
    private func statedCountries(_ d: MentionDraft, _ infos: [SentenceInfo]) -> (stated: [String], named: [String]) {
        var stated: [String] = [], named: [String] = []
        for i in d.sentences {
            for p in infos[i].places where p.adHocName == nil && (1...2).contains(level(p)) {
                guard let id = p.entry else { continue }
                let code = gazetteer.entries.countryCode(at: Int(id))
                if p.strongLocative && !p.isReference {
                    if !stated.contains(code) { stated.append(code) }
                } else if !named.contains(code) {
                    named.append(code)
                }
            }
        }
        return (stated, named)
    }

    /// Both readings lie in one province (a district and a town in it).
    func sameProvince(_ a: ResolvedPlace, _ b: ResolvedPlace) -> Bool {
        guard let x = a.entry, let y = b.entry else { return false }
        let ea = gazetteer.entries[Int(x)], eb = gazetteer.entries[Int(y)]
        return ea.countryCode == eb.countryCode && ea.admin1Code == eb.admin1Code
    }

    /// How many locative readings share a reading's key (and province or town reading). A draft has a handful of places, which
    /// are counted by comparing keys; a table is built only for many (it costs more than it saves
    /// below that).
    private struct LocativeCounts {
        private var table: [String: Int]?

        init(_ all: [ResolvedPlace]) {
            guard all.count > 16 else { return }
            var counts: [String: Int] = [:]
            for p in all where p.locative { counts[Self.reading(p), default: 0] += 1 }
            table = counts
        }

        /// A name read as a province and the same name read as a town are counted apart.
        private static func reading(_ p: ResolvedPlace) -> String { p.adminReading ? p.key + "#province" : p.key }

        func count(of k: Int, in all: [ResolvedPlace]) -> Int {
            if let table { return table[Self.reading(all[k])] ?? 0 }
            var n = 0
            for q in all where q.locative && q.key == all[k].key && q.adminReading == all[k].adminReading { n += 1 }
            return n
        }
    }
}
