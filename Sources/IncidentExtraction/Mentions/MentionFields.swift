import IncidentModel

/// Reads a mention's fields from its sentences: event type, date, place, perpetrator and
/// attribution, tolls, with the sentence each came from.
struct MentionFieldReader: Sendable {
    let gazetteer: Gazetteer
    let grouper: MentionGrouper
    /// For the stated zero tolls ("No one was hurt"), read only for a mention without a figure.
    var cues: CueLexicon? = nil
    /// Per actor, the folded names of the countries that are its own ground (`actor-homes.tsv`).
    var actorHomes: [String: Set<String>] = [:]

    struct Context {
        var infos: [SentenceInfo]
        var headline: [EventWord]
        var headlineActors: ActorEvidence
        var claimingActors: Set<String>
        /// Sentences of main mentions: another main incident's statements are not about this one.
        var sentencesInDrafts: Set<Int> = []
        /// Sentences of every mention, main or background.
        var sentencesInAnyDraft: Set<Int> = []
        /// The actor the outlet itself speaks for (`actor-voices.tsv`: "Anadolu Agency" for Turkey):
        /// what it tells of that actor's operations is the actor's own account.
        var outletVoice: String?
        var reference: CalendarDay?
        var leadDraftFirstSentence: Int?
        var leadType: EventType?
        var leadPerpetrator: (String, Attribution?)?
        /// Sentences that tell arrests (`arrest` cue).
        var arrests: Set<Int> = []
        /// Per sentence, the kind of a `weapon` right before an incident word (by the word's position).
        var weaponBefore: [Int: [Int: EventType]] = [:]

        func isLeadDraft(_ d: MentionDraft) -> Bool { d.sentences.first == leadDraftFirstSentence }
    }

    /// Whether `read(d, ctx)` is the same whatever `ctx.leadType` and `ctx.leadPerpetrator` say:
    /// only a draft with listed towns (`placeOnly`), or one of no sentences (all of which then count
    /// as listed), takes the lead's kind or perpetrator. The extractor reads the lead before setting
    /// them, and keeps that reading instead of making it twice.
    static func ignoresLead(_ d: MentionDraft) -> Bool {
        d.placeOnly.isEmpty && !d.sentences.isEmpty
    }

    func read(_ d: MentionDraft, _ ctx: Context) -> IncidentMention {
        let sentences = d.sentences.map { ctx.infos[$0] }
        var fieldEvidence: [String: String] = [:]
        // "CENTCOM forces conducted a unilateral strike": a command that announces its own operations
        // (`self-reporting`) strikes from the air.
        let commandStrike = sentences.first.map { f in
            f.actors.candidates.contains(where: \.selfReported) && f.events.contains { $0.type == nil && ["strike", "strikes"].contains(f.tokens[$0.range.lowerBound].key) }
        } ?? false
        let air = commandStrike || sentences.contains { $0.actors.mentionsAircraft }
        var type = EventWordFinder.classify(sentences.map(\.events), headline: ctx.headline, airActorPresent: air,
                                            firstSentenceHasActor: sentences.first?.actors.candidates.contains { !$0.viaEventNoun && !$0.viaAttribution } ?? false)
        if type == .other, let w = sentences.lazy.compactMap(\.weaponType).first { type = w }
        // "The enemy struck the city with three missiles": the lead's weapon, not the actor's usual arm.
        if let first = sentences.first, !first.hasSpecificEvent, let w = first.weaponType, first.actors.candidates.contains(where: { !$0.viaEventNoun }) { type = w }

        var place: Place?
        if let p = grouper.bestPlace(d, ctx.infos) {
            place = makePlace(p)
            if let s = sentences.first(where: { $0.places.contains { $0.key == p.key } }) { fieldEvidence["place"] = s.text }
        }

        // A town listed among others hit by the same barrage takes the lead incident's kind and
        // perpetrator when its own sentences say nothing more.
        let onlyListed = d.sentences.allSatisfy { d.placeOnly[$0] != nil }
        if onlyListed, let own = listedKind(d, ctx) {
            // "artillery shelled Bani Suheila, while drones opened fire on ... in Qizan an-Najjar": each
            // listed town takes the kind told right before it.
            type = own
        } else if onlyListed || type == .other, !d.placeOnly.isEmpty, let lead = ctx.leadType { type = lead }
        // "troops operating overnight in the camp killed a gunman and arrested five suspects": forces
        // that fight where they make arrests raid the place.
        if type == .groundClash, sentences.first.map({ ctx.arrests.contains($0.index) }) == true { type = .raid }
        var date = grouper.draftDate(d, ctx.infos)
        // The lead incident of a news report told without any day ("forces have killed nine"):
        // the report's own day, unless the text dates statements about it (then the day is unknown).
        // So is any other news incident of an article that gives no day for anything.
        if date == nil, d.role == .main, ctx.isLeadDraft(d) || !ctx.infos.contains(where: { $0.eventDate != nil }), let ref = ctx.reference,
           !ctx.infos.contains(where: { $0.dates.contains(where: \.isSpeechDate) }),
           (place.map { $0.name != nil || $0.admin1 != nil } ?? false) || d.sentences.contains(where: { !ctx.infos[$0].tolls.isEmpty }) {
            date = IncidentDate(day: ref)
        }
        if let dt = date, let s = sentences.first(where: { $0.eventDate?.date == dt }) { fieldEvidence["date"] = s.text }

        var (perpetrator, attribution, perpSentence) = readPerpetrator(sentences, ctx, isMain: d.role == .main, isLead: ctx.isLeadDraft(d) || ctx.leadDraftFirstSentence == nil)
        if perpetrator == nil, onlyListed, let lead = ctx.leadPerpetrator {
            (perpetrator, attribution) = (lead.0, lead.1)
        }
        // "IAF jets struck targets in the Hodeidah and Salif ports": a town of the listed wave whose
        // actor claimed the wave is claimed too, where its own sentences only name the actor.
        if !d.placeOnly.isEmpty, attribution == .confirmed, let lead = ctx.leadPerpetrator, lead.0 == perpetrator, lead.1 == .claimed {
            attribution = .claimed
        }
        if !d.companion.isEmpty {
            // Other strikes on a town, told beside the strike on one of its facilities: the same
            // barrage, so the facility's sentences give what these do not.
            let comp = d.companion.map { ctx.infos[$0] }
            let compType = EventWordFinder.classify(comp.map(\.events), headline: ctx.headline, airActorPresent: comp.contains { $0.actors.mentionsAircraft })
            let ownType = type
            if type == .other { type = compType }
            // Another kind of violence told beside it ("rebels also clashed near ...") is not the
            // same actor's.
            if perpetrator == nil, ownType == .other || ownType.family == compType.family {
                (perpetrator, attribution, perpSentence) = readPerpetrator(comp, ctx)
            }
        }
        // "The United States struck Houthi anti-ship missiles near Hodeidah": a strike whose means no
        // word gives is from the air, a drone's where the article tells drone strikes more than others.
        if type == .other, sentences.contains(where: { s in s.events.contains { $0.type == nil && Self.strikeWords.contains(s.tokens[$0.range.lowerBound]) } }) {
            type = airKindOfTheArticle(ctx)
        }
        // "Turkey's defence ministry said its forces had \"neutralised\" four PKK members in Sinjar.
        // Local officials said the drone struck a car ...": the toll told just before the incident's
        // sentence names who did it.
        if perpetrator == nil, let t = d.leadToll, ctx.infos[t].actors.candidates.contains(where: { !$0.viaAttribution }) {
            (perpetrator, attribution, perpSentence) = readPerpetrator([ctx.infos[t]] + sentences, ctx)
        }
        if perpetrator == nil, let (voice, s) = narratedAbroad(sentences, place: place) {
            (perpetrator, attribution, perpSentence) = (voice, .claimed, s)
        }
        if let s = perpSentence { fieldEvidence["perpetrator"] = s }

        var killed = chooseToll(d, ctx, kind: .killed)
        var injured = chooseToll(d, ctx, kind: .injured)
        // A toll stated as none ("No one was hurt") where the mention has no figure of that kind.
        if killed == nil || injured == nil {
            let zeros = statedZeros(d, ctx)
            func zero(_ kind: TollFigure.Kind) -> TollFigure {
                TollFigure(kind: kind, value: 0, qualifier: .exact, isRevision: false, isRough: false, isSingular: false, isBodies: false, position: 0)
            }
            if killed == nil, let s = zeros.killed { killed = (zero(.killed), s) }
            if injured == nil, let s = zeros.injured { injured = (zero(.injured), s) }
        }
        if let k = killed { fieldEvidence["killed"] = k.sentence }
        if let i = injured { fieldEvidence["injured"] = i.sentence }

        let evidence = sentences.prefix(8).map(\.text).joined(separator: " ")
        return IncidentMention(
            eventType: type, role: d.role, date: date, place: place, perpetrator: perpetrator, attribution: attribution,
            target: sentences.first(where: { $0.site != nil && !$0.events.isEmpty })?.site, killed: killed?.figure.value, killedQualifier: killed?.figure.qualifier, injured: injured?.figure.value,
            evidence: evidence, fieldEvidence: fieldEvidence)
    }

    /// The kind of the incident word of a named kind nearest before the listed town in each of its
    /// sentences (a weapon right before a ground word names the kind: "drones opened fire"), when
    /// all agree.
    private func listedKind(_ d: MentionDraft, _ ctx: Context) -> EventType? {
        var kind: EventType?
        for i in d.sentences {
            let s = ctx.infos[i]
            guard let key = d.placeOnly[i], let p = s.places.first(where: { $0.key == key }),
                  let e = s.events.last(where: { $0.type != nil && $0.range.upperBound <= p.position }) else { return nil }
            // "the aggression warplanes waged three raids on ...": raids by aircraft are air strikes.
            var k = EventWordFinder.classify([[e]], headline: [], airActorPresent: s.actors.mentionsAircraft)
            if k.family == .ground, let w = ctx.weaponBefore[i]?[e.range.lowerBound] { k = w }
            if let known = kind, known != k { return nil }
            kind = k
        }
        return kind
    }

    private func makePlace(_ p: ResolvedPlace) -> Place? {
        if let name = p.adHocName {
            let anchor = (p.anchor ?? p.contextAnchor).map { gazetteer.entries[Int($0)] }
            // "the village of X east of Y": X lies close to Y, so Y's coordinates place it (within
            // the distance the deduplication treats as the same spot).
            let near = p.anchorIsNear ? anchor : nil
            return Place(name: name, admin1: anchor.flatMap { gazetteer.admin1Name(of: $0) }, country: anchor.flatMap { gazetteer.countryName(of: $0) },
                         latitude: near?.latitude, longitude: near?.longitude)
        }
        guard let id = p.entry else { return nil }
        let e = gazetteer.entries[Int(id)]
        switch e.kind {
        case .country: return Place(name: nil, admin1: nil, country: gazetteer.countryName(of: e))
        case .admin1: return Place(name: nil, admin1: e.name, country: gazetteer.countryName(of: e))
        case .place:
            if p.adminReading {
                return Place(name: nil, admin1: gazetteer.admin1Name(of: e), country: gazetteer.countryName(of: e))
            }
            return Place(name: e.name, admin1: gazetteer.admin1Name(of: e), country: gazetteer.countryName(of: e), latitude: e.latitude, longitude: e.longitude)
        }
    }

    /// A listing sentence's figures for one of its places: "28 in Kryvyi Rih" belongs to Kryvyi Rih,
    /// the sentence's own figures to the first place listed.
    /// Reads the fields of `infos[i]` in place: copying a whole `SentenceInfo` retains every array
    /// in it, and tolls are chosen twice per mention over all its sentences.
    private func tolls(of infos: [SentenceInfo], _ i: Int, only key: String?) -> [TollFigure] {
        guard let key, let p = infos[i].places.first(where: { $0.key == key }) else { return infos[i].tolls }
        let pos = p.position
        let tokens = infos[i].tokens
        if pos >= 2, tokens[pos - 1].key == "in", let n = tokens[pos - 2].number ?? Self.smallNumbers[tokens[pos - 2].key], let kind = infos[i].tolls.first?.kind {
            return [TollFigure(kind: kind, value: n, qualifier: .exact, isRevision: false, isRough: false, isSingular: false, isBodies: false, position: pos)]
        }
        let places = infos[i].places
        let firstListed = places.filter(\.locative).first?.key == key
        return firstListed ? infos[i].tolls.filter { $0.position < pos + 3 || places.filter(\.locative).count < 2 } : []
    }

    private static let strikeWords: KeySet = ["strike", "strikes", "struck", "striking"]

    /// Drone strike when the article names drone strikes more often than air strikes, else airstrike.
    private func airKindOfTheArticle(_ ctx: Context) -> EventType {
        var balance = 0
        for e in [ctx.headline, ctx.infos.flatMap(\.events)].joined() {
            if e.type == .droneStrike { balance += 1 } else if e.type == .airstrike { balance -= 1 }
        }
        return balance > 0 ? .droneStrike : .airstrike
    }

    private static let smallNumbers: [String: Int] = ["one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10]

    /// Who did it and how firmly: an actor named through an attribution phrase next to
    /// "unidentified aircraft" is alleged; "unidentified" before any actor means unknown; the actor's
    /// own voice (or an outlet that speaks for it) makes it claimed; a doubt on who did it makes it
    /// alleged (a hedge, a denial, the accused's silence, a source or unnamed sources it is named
    /// inside, unless the outlet names the actor by an epithet); otherwise confirmed. An actor who
    /// denies any involvement right after an incident no sentence names a perpetrator for is alleged.
    private func readPerpetrator(_ sentences: [SentenceInfo], _ ctx: Context, isMain: Bool = false, isLead: Bool = true) -> (String?, Attribution?, String?) {
        for s in sentences where s.actors.saysUnidentified {
            if let c = s.actors.candidates.first(where: \.viaAttribution) { return (c.actor, .alleged, s.text) }
        }
        let firstCandidate = sentences.firstIndex { !$0.actors.candidates.isEmpty }
        let firstUnknown = sentences.firstIndex { $0.actors.saysUnidentified }
        // A doubt on who did it told outside every mention speaks of the incident told nearest before
        // it: "Separately, gunmen shot a constable in Tank. No one claimed responsibility." is the
        // shooting's, not the bombing's the TTP claimed in the paragraph before.
        let mine = Set(sentences.map(\.index))
        func doubtsThis(_ s: SentenceInfo) -> Bool { s.actors.saysUnidentified && !ctx.sentencesInDrafts.contains(s.index) && speaksOfThis(s, mine, ctx) }
        if let u = firstUnknown, firstCandidate.map({ u <= $0 }) ?? true {
            // "Airstrikes by unidentified aircraft ... Fourteen were killed in the alleged Israeli
            // airstrikes": the mention's later sentence names the suspect, hedged.
            if let f = firstCandidate, let c = sentences[f].actors.candidates.first, sentences[f].actors.hasHedge || c.viaAttribution {
                return (c.actor, .alleged, sentences[f].text)
            }
            return ("unknown", .unidentified, sentences[u].text)
        }
        var actor: String?
        var sentence: String?
        // The mention's sentences, and a follow-up sentence the perpetrator is read from.
        var sentences = sentences
        if let f = firstCandidate, let c = sentences[f].actors.candidates.first {
            actor = c.actor
            sentence = sentences[f].text
        } else if let s = sentences.first(where: { !$0.actors.responsibleActors.isEmpty }), let r = s.actors.responsibleActors.first,
                  !ctx.infos.contains(where: doubtsThis) {
            // "A suicide bomber struck ... The TTP claimed responsibility for the attack."
            actor = r
            sentence = s.text
        } else if let f = followUp(sentences, ctx), let c = f.actors.candidates.first?.actor ?? f.actors.responsibleActors.first {
            // "A rocket hit a football pitch in Majdal Shams ... The military said the rocket was
            // fired by Hezbollah.": a sentence right after, about no other incident, names who
            // (or claims it: "... JNIM claimed responsibility.").
            actor = c
            sentence = f.text
            sentences.append(f)
        } else if let c = ctx.headlineActors.candidates.first {
            actor = c.actor
        } else if ctx.headlineActors.saysUnidentified {
            return ("unknown", .unidentified, nil)
        } else if isMain, let s = ctx.infos.first(where: { doubtsThis($0) && !ctx.sentencesInAnyDraft.contains($0.index) && !$0.isIrrealis }) {
            // "It was not immediately clear who launched the rockets.": a sentence of its own, with
            // no incident word, about the article's incident (not one telling an older incident:
            // "last week, raids by unidentified aircraft hit the hospital" is that one's doubt). "No group has claimed it, but suspicion
            // fell on X": X is alleged.
            if let c = s.actors.candidates.first(where: \.viaAttribution) { return (c.actor, .alleged, s.text) }
            return ("unknown", .unidentified, s.text)
        } else if isMain, let s = ctx.infos.first(where: { !$0.actors.disowningActors.isEmpty && !ctx.sentencesInDrafts.contains($0.index) && !$0.isIrrealis && follows($0, sentences) }),
                  let d = s.actors.namedActors.first(where: { s.actors.disowningActors.contains($0) }) {
            // "A drone strike hit a car near Tyre ... Israel denied involvement.": the one denying
            // is the one suspected, when no sentence names who did it.
            return (d, .alleged, s.text)
        }
        guard let p = actor else { return (nil, nil, nil) }
        // The actor's own voice, in this mention's sentences or in sentences about no other
        // reported incident (a statement's context often names an older one) that speak of an
        // incident at all or follow the mention's own ("the spokesman said the shortage of
        // interceptors ..." claims nothing).
        let ownSentences = Set(sentences.map(\.index))
        // A statement that tells no incident word and only follows the mention claims it when it
        // tells an act ("said it had struck command centres"), not a defence or a loss.
        // Not a sentence where it also keeps silent ("The Israeli military does not comment on
        // specific strikes, but has acknowledged carrying out hundreds of sorties"): a habit owned
        // in general claims no one strike.
        let claimed = ctx.infos.contains { s in
            s.actors.claimingActors.contains(p) && !s.isIrrealis && !s.actors.silentActors.contains(p)
                && (ownSentences.contains(s.index)
                    || (!ctx.sentencesInDrafts.contains(s.index) && !tellsAnotherActorsIncident(s, p)
                        && (!s.events.isEmpty || (follows(s, sentences) && s.actors.actingClaimants.contains(p)))))
        }
        let selfReported = sentences.contains { s in !s.isIrrealis && s.actors.candidates.contains { $0.actor == p && $0.selfReported } }
        if claimed || selfReported || ctx.outletVoice == p || sentences.contains(where: { $0.actors.claimsByReference && !$0.isIrrealis }) { return (p, .claimed, sentence) }
        // A denial in the mention's sentences, or a denial of any involvement in a sentence about
        // no other reported incident ("Moscow denied involvement") that follows this mention rather
        // than another one (a denial of the hospital strike is not one of the shelling told later).
        let denied = ctx.infos.contains { s in
            ownSentences.contains(s.index) ? s.actors.denyingActors.contains(p)
                : s.actors.disowningActors.contains(p) && !ctx.sentencesInDrafts.contains(s.index) && speaksOfThis(s, ownSentences, ctx)
        }
        // The accused keeping silent next to the mention ("Kyiv rarely comments on such reports").
        let unconfirmed = ctx.infos.contains { s in
            s.actors.silentActors.contains(p) && (ownSentences.contains(s.index) || (!ctx.sentencesInDrafts.contains(s.index) && follows(s, sentences)))
        }
        let hedged = sentences.contains { s in s.actors.hasHedge && s.actors.candidates.contains { $0.actor == p } }
            // The headline's doubt is about the incident it tells, the lead ("RSF drone blamed for hospital
            // massacre, shelling hits camp" leaves the shelling as told).
            || (isLead && ctx.headlineActors.hasHedge && ctx.headlineActors.candidates.contains { $0.actor == p })
            || sentences.contains { s in s.actors.candidates.contains { $0.actor == p && $0.viaAttribution } }
            // What its own side's officials say of the enemy, an outlet that names the enemy so
            // relays as fact ("the Kiev regime ...; the governor said Ukrainian forces struck").
            || ((namedInsideASource(p, sentences) || sentences.contains { $0.actors.reportedByOthers.contains(p) }
                || sentences.contains { s in s.actors.citesUnnamedSources && s.actors.candidates.contains { $0.actor == p } }) && !toldByItsEnemy(p, ctx))
        // "an Israeli enemy drone targeted a car": an outlet that names the actor as its side's
        // enemy anywhere tells the other side's account.
        let enemyNamed = ctx.headlineActors.enemyNamedActors.contains(p) || ctx.infos.contains { $0.actors.enemyNamedActors.contains(p) }
        if denied || hedged || unconfirmed || enemyNamed { return (p, .alleged, sentence) }
        return (p, .confirmed, sentence)
    }

    /// A military voice that tells a strike naming no agent (`ActorEvidence.narratingVoices`) tells
    /// its own strike when the place lies outside its own ground (`actor-homes.tsv`): the Israeli
    /// military on Beit Lahia, Russia's defence ministry on Kramatorsk. At home it tells an attack on
    /// itself, and where the place or the actor's ground is unknown nothing is read.
    private func narratedAbroad(_ sentences: [SentenceInfo], place: Place?) -> (String, String)? {
        guard !actorHomes.isEmpty, let country = place?.country.map(Tokenizer.fold) else { return nil }
        for s in sentences where !s.isIrrealis && !s.actors.saysUnidentified {
            for v in s.actors.narratingVoices {
                guard let homes = actorHomes[v] else { continue }
                if !homes.contains(country) { return (v, s.text) }
                // "The Nigerien armed forces said a drone strike on a militant camp near Tera had
                // killed around twenty terrorists": at home, a strike from the air on the armed
                // groups it fights is its own.
                if s.events.contains(where: { $0.type == .airstrike || $0.type == .droneStrike }),
                   s.tokens.contains(where: { Self.armedGroupWords.contains($0) }) { return (v, s.text) }
            }
        }
        return nil
    }

    private static let armedGroupWords: KeySet = ["terrorists", "terrorist", "militants", "militant", "jihadists", "jihadist", "insurgents",
                                                 "bandits", "khwarij", "kharji", "extremists"]

    /// The actor is named inside what a source says ("According to the ministry, Ukrainian forces
    /// fired ...", "A local source told the agency: a Turkish drone targeted ..."), not after it.
    private func namedInsideASource(_ p: String, _ sentences: [SentenceInfo]) -> Bool {
        sentences.contains { s in
            guard let h = s.actors.sourceHedgeStart else { return false }
            return s.actors.candidates.contains { $0.actor == p && !$0.viaAttribution && $0.position > h }
        }
    }

    /// The article names the actor through an epithet: its outlet speaks for the other side.
    private func toldByItsEnemy(_ p: String, _ ctx: Context) -> Bool {
        ctx.headlineActors.epithetActors.contains(p) || ctx.infos.contains { $0.actors.epithetActors.contains(p) }
    }

    /// "The attack came a day after Russia launched its largest air attack, Ukraine said": a statement
    /// about what another actor did is no claim of this one's incident.
    private func tellsAnotherActorsIncident(_ s: SentenceInfo, _ p: String) -> Bool {
        let acting = s.actors.candidates.filter { !$0.viaAttribution }
        return !acting.isEmpty && !acting.contains { $0.actor == p }
    }

    /// The nearest incident told before `s` is this mention's (or none is told before it).
    private func speaksOfThis(_ s: SentenceInfo, _ own: Set<Int>, _ ctx: Context) -> Bool {
        guard let before = ctx.sentencesInAnyDraft.filter({ $0 < s.index }).max() else { return true }
        return own.contains(before)
    }

    /// Within two sentences after one of `sentences`, in the same or the next paragraph.
    private func follows(_ s: SentenceInfo, _ sentences: [SentenceInfo]) -> Bool {
        sentences.contains { s.index > $0.index && s.index - $0.index <= 2 && s.paragraph - $0.paragraph <= 1 }
    }

    /// The first sentence within three after one of the mention's own that tells no incident of its
    /// own and names a perpetrator (same or next paragraph).
    private func followUp(_ sentences: [SentenceInfo], _ ctx: Context) -> SentenceInfo? {
        for s in sentences {
            for i in (s.index + 1)...(s.index + 3) where i < ctx.infos.count {
                let f = ctx.infos[i]
                // A blame is told as a fact even beside a threat ("blamed X ... and vowed to respond").
                let blames = f.actors.candidates.contains(where: \.viaAttribution)
                if f.paragraph - s.paragraph > 2 || !f.events.isEmpty || ctx.sentencesInDrafts.contains(i) || f.isBackground || (f.isIrrealis && !blames) { break }
                // "Hours later, the BLA claimed responsibility": a claim told on its own, naming no
                // place, is made later than the act, so its opening turn leads to no other incident.
                if !f.actors.responsibleActors.isEmpty, f.places.isEmpty, !f.turnsAway { return f }
                // "Later on Saturday, rocket sirens sounded ...": another incident begins.
                if f.turnsAway || f.startsNewIncident || f.opensWithTurn { break }
                if !f.actors.candidates.isEmpty || !f.actors.responsibleActors.isEmpty { return f }
            }
        }
        return nil
    }

    /// "A rocket landed in an open field near Sderot. No one was hurt.": the tolls stated as none in
    /// the draft's sentences, or in a sentence right after them that tells no incident of its own and
    /// belongs to no other mention, each with the first sentence that states it. Read once per
    /// mention that lacks a figure, for both kinds.
    private func statedZeros(_ d: MentionDraft, _ ctx: Context) -> (killed: String?, injured: String?) {
        guard let cues else { return (nil, nil) }
        var candidates = d.sentences
        // After each of the draft's sentences, not only its last: "... shelled the village overnight.
        // A house was damaged; there were no casualties." may be followed by a sentence the draft
        // took from a later paragraph.
        for own in d.sentences {
            var k = own + 1
            while k < ctx.infos.count, k - own <= 2, !ctx.sentencesInAnyDraft.contains(k), ctx.infos[k].events.isEmpty,
                  ctx.infos[k].paragraph <= ctx.infos[own].paragraph + 1 {
                if !candidates.contains(k) { candidates.append(k) }
                k += 1
            }
        }
        var out: (killed: String?, injured: String?) = (nil, nil)
        for i in candidates {
            let z = StatedZero.read(ctx.infos[i].tokens, cues)
            if out.killed == nil, z.contains(.killed) { out.killed = ctx.infos[i].text }
            if out.injured == nil, z.contains(.injured) { out.injured = ctx.infos[i].text }
            if out.killed != nil && out.injured != nil { break }
        }
        return out
    }

    /// The toll: the last revised figure if any ("rose to", "put the death toll at"), else the first
    /// firm figure, else a rough one ("more than two dozen"), else one named victim, else bodies.
    private func chooseToll(_ d: MentionDraft, _ ctx: Context, kind: TollFigure.Kind) -> (figure: TollFigure, sentence: String)? {
        var all: [(TollFigure, String)] = []
        for i in (d.leadToll.map { [$0] } ?? []) + d.sentences {
            for f in tolls(of: ctx.infos, i, only: d.placeOnly.isEmpty ? nil : d.placeOnly[i]) where f.kind == kind { all.append((f, ctx.infos[i].text)) }
        }
        if all.isEmpty { return nil }
        let firm = all.filter { !$0.0.isRough && !$0.0.isSingular && !$0.0.isBodies }
        if let revised = firm.last(where: { $0.0.isRevision }) { return revised }
        // "Twelve people were still being treated": those in hospital, when no other figure is told.
        if let f = firm.first(where: { !$0.0.isTreated }) ?? firm.first { return f }
        if let f = all.first(where: { $0.0.isRough }) { return f }
        if let f = all.first(where: { $0.0.isSingular }) { return f }
        return all.first
    }
}
