import IncidentModel

/// Where one incident ends and the next begins inside an article. Reports often tell several
/// incidents of one province or one week side by side (a provincial round-up, a live blog, a
/// military statement listing engagements); province-level compatibility and a day's tolerance are
/// right for one incident told over several sentences, but they fold such neighbours together.
///
/// A sentence tells another incident than a draft when it reports an incident of its own (an
/// incident word that is not a definite reference back: "a drone struck", not "the strike") and
/// either names another town than the draft's (with its own figure or day, another kind of
/// violence, a word turning to another incident such as "meanwhile", or at the head of a list
/// item), or another day with a casualty figure of its own.
/// "The strike", "the attack", "the blast" keep a sentence with the incident in focus.
extension MentionGrouper {
    /// Whether `s` reports an incident other than the one `d` tells.
    /// - Parameters:
    ///   - place: the town `s` locates its incident at (`eventPlace`).
    ///   - opensItem: `s` opens an item of a list or a live blog's entry (`opensItem`).
    func tellsAnotherIncident(_ s: SentenceInfo, place: ResolvedPlace?, opensItem: Bool, than d: MentionDraft, _ infos: [SentenceInfo]) -> Bool {
        // "Meanwhile, Russian warplanes carried out more than 20 airstrikes on ISIS positions near
        // Al-Sukhnah following the ambush": a turn to another kind of violence by another side is
        // another incident, even at the same town and even when it names the one told as its cause.
        if s.opensWithTurn, turnsToAnotherSide(s, than: d, infos) { return true }
        guard !s.events.isEmpty, !refersBack(s) else { return false }
        let ownFigure = s.tolls.contains { !$0.isRough }
        let ownDay = s.eventDate.map { !$0.isSpeechDate } ?? false
        // A sentence that also names the draft's town beside its own ("targeted Deir ez-Zor city and
        // al-Bukamal") widens that incident rather than telling another; "in Idlib" after "Idlib
        // province" is the province again, unless the sentence tells its own figure or kind.
        // Another kind of violence ("Artillery also shelled the outskirts of ...") beside an airstrike.
        let otherKind = s.events.first(where: { $0.type != nil })?.type.map { own in
            d.sentences.lazy.compactMap { infos[$0].events.first(where: { $0.type != nil })?.type }.first.map { $0.family != own.family } ?? false
        } ?? false
        if let p = place, level(p) >= 3, ownFigure || ownDay || opensItem || otherKind || s.turnsAway,
           let q = bestPlace(d, infos), q.locative, level(q) >= 3, !sameTown(p, q), !s.places.contains(where: { !$0.isReference && abs($0.position - p.position) <= 8 && sameTown($0, q) }),
           ownFigure || otherKind || !namesProvinceOf(p, d, infos) {
            return true
        }
        if ownFigure, let day = s.eventDate?.date, day.span == 1, let other = draftDate(d, infos), other.span == 1, day.start != other.start {
            return true
        }
        // "• Nyala, 9 June: Residents accused the army of an airstrike ...": a list item with its own
        // town and day, neither of which the draft names, is an incident of its own.
        if opensItem, ownDay, let p = place, level(p) >= 3,
           !d.sentences.contains(where: { i in infos[i].places.contains { !$0.isReference && sameTown($0, p) } }),
           let day = s.eventDate?.date, draftDate(d, infos).map({ day.end < $0.start || $0.end < day.start }) ?? true {
            return true
        }
        // "ISWAP overran a base in Marte on Monday ... The air force said follow-up air strikes on
        // Tuesday near Marte killed scores": another kind of violence on another day is another
        // incident, even at the same town and with no firm figure.
        if ownDay, otherKind, let day = s.eventDate?.date, day.span == 1, let other = draftDate(d, infos), other.span == 1, day.start != other.start {
            return true
        }
        // (Not one that names only a wider area round the draft's town: "It also says troops shelled
        // areas in southern Lebanon" after a strike on a Lebanese village goes on about its day.)
        if turnsToAnotherKind(s, than: d, infos), place.map({ level($0) >= 3 }) ?? true { return true }
        if answers(s) { return true }
        if place == nil, s.eventDate == nil, actsForAnotherSide(s, than: d, infos) { return true }
        // "In northern Syria, Turkish commandos ...": a sentence opening with a place the draft does
        // not name, with an incident of a named kind of its own.
        if let front = s.frontedPlace, s.hasSpecificEvent, let p = s.places.first(where: { $0.position == front }), !p.isReference,
           !d.sentences.contains(where: { i in infos[i].places.contains { $0.key == p.key } }) {
            guard let q = bestPlace(d, infos) else { return true }
            return !(sameTown(p, q) || (codes(p) != nil && codes(q) != nil && compatible(p, q)))
        }
        return false
    }

    /// "The al-Quds Brigades claimed it fired the rockets ..." after an Israeli strike: an incident
    /// of a named kind carried out by an actor the news draft does not name as the one acting (the
    /// draft names one): the other side's act. (An older incident's context goes on about whoever.)
    /// An incident of another family than the draft's, by an actor the draft's incident sentences
    /// do not name as acting (and no denial or hedge about the one told).
    private func turnsToAnotherSide(_ s: SentenceInfo, than d: MentionDraft, _ infos: [SentenceInfo]) -> Bool {
        guard d.role == .main, let own = s.events.first(where: { $0.type != nil })?.type, s.actors.denyingActors.isEmpty, !s.actors.hasHedge,
              let theirKind = d.sentences.lazy.compactMap({ infos[$0].events.first(where: { $0.type != nil })?.type }).first,
              theirKind.family != own.family else { return false }
        let acting = s.actors.candidates.filter { !$0.viaAttribution && !$0.viaEventNoun }.map(\.actor)
        let theirs = actingActors(of: d, infos)
        return !acting.isEmpty && !theirs.isEmpty && theirs.isDisjoint(with: acting)
    }

    /// The actors the draft's incident sentences name as acting (a toll's "19 operatives among
    /// those killed" names victims).
    private func actingActors(of d: MentionDraft, _ infos: [SentenceInfo]) -> Set<String> {
        Set(d.sentences.filter { !infos[$0].events.isEmpty }.flatMap { infos[$0].actors.candidates.filter { !$0.viaAttribution }.map(\.actor) })
    }

    func actsForAnotherSide(_ s: SentenceInfo, than d: MentionDraft, _ infos: [SentenceInfo]) -> Bool {
        // "Russia denied carrying out a missile strike and claimed the missile was used by the
        // Ukrainian army": a denial or a hedge argues about the incident told, it tells no other.
        guard d.role == .main, s.hasSpecificEvent, !refersBack(s), s.actors.denyingActors.isEmpty, !s.actors.hasHedge else { return false }
        let own = s.actors.candidates.filter { !$0.viaAttribution && !$0.viaEventNoun }.map(\.actor)
        guard !own.isEmpty else { return false }
        let theirs = actingActors(of: d, infos)
        return !theirs.isEmpty && theirs.isDisjoint(with: own)
    }

    /// "In response to the assassination, the fighters targeted ...": an answer to the incident
    /// told before, with an incident of a named kind of its own (not "The strike came in response").
    func answers(_ s: SentenceInfo) -> Bool {
        s.opensAsAnswer && !refersBack(s)
    }

    /// A turn ("meanwhile", "also") to a kind of violence of another family than the draft's
    /// ("Meanwhile, artillery shelling targeted ..." after an air raid): another incident, even
    /// where no place says so.
    func turnsToAnotherKind(_ s: SentenceInfo, than d: MentionDraft, _ infos: [SentenceInfo]) -> Bool {
        guard s.turnsAway, !refersBack(s), let own = s.events.first(where: { $0.type != nil })?.type else { return false }
        guard let theirs = d.sentences.lazy.compactMap({ infos[$0].events.first(where: { $0.type != nil })?.type }).first else { return false }
        return theirs.family != own.family
    }

    /// The town a sentence's incident happened at: its located place, else a town named as the
    /// subject of the incident word ("Nikopol was shelled", "Kherson came under fire").
    func eventPlace(_ s: SentenceInfo) -> ResolvedPlace? {
        if let p = primaryPlace(s) { return p }
        guard let first = s.events.first(where: { $0.type != nil }) else { return nil }
        return s.places.first { p in
            !p.isReference && !p.locative && level(p) >= 3 && isFocus(p, s) && p.position < first.range.lowerBound
                && first.range.lowerBound - p.position <= 4 && !s.tokens[p.position..<first.range.lowerBound].contains { $0.kind == .punctuation }
        }
    }

    /// A town named like a province the draft names ("in Idlib" after "Idlib province"): most
    /// likely the province again, so nothing tells another incident.
    private func namesProvinceOf(_ p: ResolvedPlace, _ d: MentionDraft, _ infos: [SentenceInfo]) -> Bool {
        d.sentences.contains { i in infos[i].places.contains { $0.adminReading && $0.key == p.key } }
    }

    /// A place right after an incident word ("targeted the town of Metula", "shelled Kherson"): what
    /// the incident hit.
    func isEventTarget(_ p: ResolvedPlace, _ s: SentenceInfo) -> Bool {
        s.events.contains { $0.range.upperBound <= p.position && p.position - $0.range.upperBound <= 4 }
    }

    /// One town: the same name or gazetteer entry, an unknown settlement placed next to it, or a
    /// second entry for the same spot.
    func sameTown(_ a: ResolvedPlace, _ b: ResolvedPlace) -> Bool {
        if a.adminReading != b.adminReading { return false }
        if a.key == b.key { return true }
        if let x = a.adHocName, let y = b.adHocName { return x == y }
        if a.adHocName != nil { return a.anchor != nil && a.anchor == b.entry }
        if b.adHocName != nil { return b.anchor != nil && b.anchor == a.entry }
        guard let x = a.entry, let y = b.entry else { return false }
        if x == y { return true }
        let ex = gazetteer.entries[Int(x)], ey = gazetteer.entries[Int(y)]
        guard ex.kind == .place, ey.kind == .place, !a.adminReading, !b.adminReading else { return false }
        return distance(ex, ey) < 3
    }

    /// A definite reference to an incident already told: "the strike", "killed in the attack",
    /// "the Kramatorsk strike", "these attacks" (not "the latest attack", which tells a new one).
    func refersBack(_ s: SentenceInfo) -> Bool {
        for e in s.events {
            // A verb ("the Islamic Resistance targeted ...") tells an act, not a reference back.
            let head = s.tokens[e.range.lowerBound].key
            if head.hasSuffix("ed") || head == "struck" || head == "hit" { continue }
            var k = e.range.lowerBound - 1
            var hops = 0
            while k >= 0, hops < 3 {
                let t = s.tokens[k]
                if Self.backReferences.contains(t.key) { return true }
                guard t.kind == .word, Self.referenceModifiers.contains(t.key) || (t.isCapitalized && k > 0) else { break }
                k -= 1
                hops += 1
            }
        }
        return false
    }

    private static let backReferences: Set<String> = ["the", "these", "those", "this", "its", "their"]
    /// Words between "the" and the incident word that keep it a reference back ("the deadly
    /// strike", "the two attacks", "the suspected drone attack").
    private static let referenceModifiers: Set<String> = ["said", "same", "reported", "alleged", "suspected", "overnight", "recent", "deadly",
        "two", "three", "both", "morning", "night", "evening", "afternoon", "car", "suicide", "drone", "missile", "rocket", "air", "mortar", "artillery"]

    /// The first sentence of a list item or a live blog's entry: its paragraph opens with a list
    /// mark ("-", "•", "3."), a time of day ("08:10", "14.05") or a label in capitals and a colon
    /// ("GHAZNI:").
    func opensItem(_ s: SentenceInfo, _ infos: [SentenceInfo]) -> Bool {
        guard s.index == 0 || infos[s.index - 1].paragraph != s.paragraph, let first = s.tokens.first else { return false }
        if first.kind == .punctuation { return ["-", "\u{2013}", "\u{2014}", "\u{2022}", "*", "\u{25CF}", "\u{25AA}"].contains(first.text) || Self.isBulletSymbol(first) }
        if first.kind == .number, s.tokens.count > 2 {
            let second = s.tokens[1]
            if second.key == ":" || second.key == "." { return s.tokens[2].kind == .number || s.tokens[2].isCapitalized }
            return second.key == ")"
        }
        // "GHAZNI:", "NORTH WAZIRISTAN:": words in capitals before a colon.
        var k = 0
        while k < s.tokens.count, k < 4, s.tokens[k].kind == .word, s.tokens[k].text == s.tokens[k].text.uppercased(), s.tokens[k].text.count > 1 { k += 1 }
        if k > 0 && k < s.tokens.count && s.tokens[k].key == ":" { return true }
        // "Bilopillia community:", "Velyka Pysarivka hromada:": a place and its kind as a label.
        k = 0
        while k < s.tokens.count, k < 4, s.tokens[k].kind == .word, s.tokens[k].isCapitalized || (k > 0 && s.tokens[k].hyphenBefore) { k += 1 }
        return k > 0 && k + 1 < s.tokens.count && Self.labelKinds.contains(s.tokens[k].key) && s.tokens[k + 1].key == ":"
    }

    private static let labelKinds: Set<String> = ["community", "hromada", "district", "region", "oblast", "province", "governorate", "village", "town", "city"]

    /// A variation selector or other mark that styles the symbol before it.
    static func isStyleMark(_ t: Token) -> Bool {
        t.text.unicodeScalars.allSatisfy { $0.properties.generalCategory == .nonspacingMark || $0.properties.isVariationSelector }
    }

    static let headingDashes: Set<String> = ["-", "\u{2013}", "\u{2014}"]

    /// A pictograph opening a paragraph ("🔸 KHARKOV.", "► Belgorod region:"): a channel's bullet.
    static func isBulletSymbol(_ t: Token) -> Bool {
        guard let u = t.text.unicodeScalars.first else { return false }
        switch u.properties.generalCategory {
        case .otherSymbol, .mathSymbol: return true
        default: return false
        }
    }

    /// A list's introduction: a sentence with a day and no figure or town of its own, ending with a
    /// colon ("The following incidents took place on Sunday:", "Officials reported these attacks on
    /// Saturday:"), dates the items after it.
    func introducesList(_ s: SentenceInfo) -> Bool {
        s.tolls.isEmpty && s.eventDate != nil && s.text.hasSuffix(":") && !s.events.contains { $0.type != nil }
            && !s.places.contains { level($0) >= 3 }
    }
}

extension MentionGrouper {
    /// A sentence's town differs from the town of the incident a draft tells.
    func namesAnotherTown(_ place: ResolvedPlace?, than d: MentionDraft, _ infos: [SentenceInfo]) -> Bool {
        guard let p = place, level(p) >= 3, let q = bestPlace(d, infos), q.locative, level(q) >= 3 else { return false }
        return !sameTown(p, q)
    }
}

extension MentionGrouper {
    /// A paragraph's first sentence that is only a place's name ("Niger.", "Burkina Faso.", "Deir
    /// ez-Zor:"): a round-up's section heading, after which the incidents of another place are told.
    func isSectionHeading(_ s: SentenceInfo, _ infos: [SentenceInfo]) -> Bool {
        // A bulleted name the gazetteer does not know ("▪️ Tetkino.") heads a section too.
        guard !s.places.isEmpty || s.tokens.first.map(Self.isBulletSymbol) == true, s.events.isEmpty, s.tolls.isEmpty,
              s.index == 0 || infos[s.index - 1].paragraph != s.paragraph else { return false }
        var words = 0
        // "2) MALI - Kidal region.", "3. SOMALIA - Mogadishu.": an item's number first.
        var first = 0
        if s.tokens.count > 2, s.tokens[0].kind == .number, s.tokens[1].key == ")" || s.tokens[1].key == "." { first = 2 }
        // "▪️ Tetkino.": a bullet and the marks that style it (a variation selector).
        while first < s.tokens.count - 1, (s.tokens[first].kind == .punctuation && Self.isBulletSymbol(s.tokens[first])) || Self.isStyleMark(s.tokens[first]) { first += 1 }
        for (k, t) in s.tokens.enumerated() where k >= first {
            switch t.kind {
            case .word:
                // "Kidal region": a name's generic noun after it.
                let afterName = k > first && s.tokens[k - 1].kind == .word && s.tokens[k - 1].isCapitalized && k == s.tokens.count - 2
                guard t.isCapitalized || afterName || t.hyphenBefore || (k + 1 < s.tokens.count && s.tokens[k + 1].hyphenBefore) else { return false }
                words += 1
            case .punctuation:
                // "MALI - Kidal region": a country, a dash, its region.
                if k > first, k < s.tokens.count - 1, Self.headingDashes.contains(t.key) { continue }
                guard k == s.tokens.count - 1, t.key == "." || t.key == ":" else { return false }
            case .number:
                return false
            }
        }
        return words <= 4
    }
}

/// The bullets of a summary an article opens with ("Key takeaways:", "Highlights:"; the
/// `summary-heading` cue on a line ending with a colon): each repeats an incident the body tells
/// with its day and place, so none opens a mention of its own.
struct SummaryList {
    private var active = false
    private var paragraph = -1

    /// Whether `s` is one of the summary's bullets (and the heading itself).
    mutating func skips(_ s: SentenceInfo, _ infos: [SentenceInfo], grouper: MentionGrouper) -> Bool {
        if s.headsSummary {
            active = true
            paragraph = s.paragraph
            return true
        }
        guard active else { return false }
        if s.paragraph == paragraph { return true }
        if grouper.opensItem(s, infos), s.tokens.first?.kind == .punctuation {
            paragraph = s.paragraph
            return true
        }
        active = false
        return false
    }
}
