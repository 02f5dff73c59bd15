/// The cue categories (`cues.tsv`) the rules ask about. Each lexicon resolves them to its matchers
/// once (`rawValue` indexes that table), so the dozens of cue queries per sentence read an array
/// instead of hashing and comparing a category name each time.
enum Cue: Int, CaseIterable, Sendable {
    case about
    case adminPrefix
    case adminSuffix
    case agentNoun
    case agentVerb
    case atLeast
    case attributedTo
    case backed
    case background
    case claimNegation
    case claimVerb
    case cumulative
    case cumulativeCompound
    case reportVerb
    case anotherSite
    case causeClause
    case deny
    case denyInvolvement
    case hedge
    case injure
    case irrealis
    case kill
    case locative
    case newIncident
    case otherSites
    case pro
    case relative
    case responsibility
    case responsibilityPassive
    case revision
    case sameTime
    case settlement
    case site
    case speech
    case unidentified
    case victim
    case victimVerb
    case partOf
    case evaluative
    case actorReference
    case selfReporting
    case reaction
    case placePlural
    case several
    case waterOf
    case water
    case waterName
    case killPeople
    case people
    case totalClause
    case treated
    case consequence
    case repeated
    case weapon
    case turn
    case ranking
    case sourceHedge
    case noComment
    case noCommentFrom
    case detailDenial
    case epithet
    case actorDescriptor
    case behind
    case anonymousSource
    case ownLosses
    case armedAgent
    case agentKill
    case materiel
    case claimedKilling
    case summaryHeading
    case forcesAgent
    case agentAttack
    case repel
    case repelled
    case exercise
    case arrest
    case townPart
    case dayBefore
    case superseded
    case mediaWord
    case noCasualties
    case assessment
    case militaryVoice
    case blamedFor
    case shootDown
    case aircraft
    case accident
    case nonviolentSubject
    case explosive
    case ownLossVerb
    case ownSide
    case clauseBreak
    case comeUnder
    case fireNoun
    case fireCriticism
    case periodStart
    case deliberate
    case periodPast
    case periodUnit
    case trend
    case accidentDoubt
    case aggregateToll
    case aggregateOf
    case aggregatePlural
    case agentGap
    case launchVerb
    case facilityName
    case destination
    case careSite

    /// The category's name in `cues.tsv`.
    var name: String {
        switch self {
        case .about: "about"
        case .adminPrefix: "admin-prefix"
        case .adminSuffix: "admin-suffix"
        case .agentNoun: "agent-noun"
        case .agentVerb: "agent-verb"
        case .atLeast: "at-least"
        case .attributedTo: "attributed-to"
        case .backed: "backed"
        case .background: "background"
        case .claimNegation: "claim-negation"
        case .claimVerb: "claim-verb"
        case .cumulative: "cumulative"
        case .cumulativeCompound: "cumulative-compound"
        case .reportVerb: "report-verb"
        case .anotherSite: "another-site"
        case .causeClause: "cause-clause"
        case .deny: "deny"
        case .denyInvolvement: "deny-involvement"
        case .hedge: "hedge"
        case .injure: "injure"
        case .irrealis: "irrealis"
        case .kill: "kill"
        case .locative: "locative"
        case .newIncident: "new-incident"
        case .otherSites: "other-sites"
        case .pro: "pro"
        case .relative: "relative"
        case .responsibility: "responsibility"
        case .responsibilityPassive: "responsibility-passive"
        case .revision: "revision"
        case .sameTime: "same-time"
        case .settlement: "settlement"
        case .site: "site"
        case .speech: "speech"
        case .unidentified: "unidentified"
        case .victim: "victim"
        case .victimVerb: "victim-verb"
        case .partOf: "part-of"
        case .evaluative: "evaluative"
        case .actorReference: "actor-reference"
        case .selfReporting: "self-reporting"
        case .reaction: "reaction"
        case .placePlural: "place-plural"
        case .several: "several"
        case .waterOf: "water-of"
        case .water: "water"
        case .waterName: "water-name"
        case .killPeople: "kill-people"
        case .people: "people"
        case .totalClause: "total-clause"
        case .treated: "treated"
        case .consequence: "consequence"
        case .repeated: "repeated"
        case .weapon: "weapon"
        case .turn: "turn"
        case .ranking: "ranking"
        case .sourceHedge: "source-hedge"
        case .noComment: "no-comment"
        case .noCommentFrom: "no-comment-from"
        case .detailDenial: "detail-denial"
        case .epithet: "epithet"
        case .actorDescriptor: "actor-descriptor"
        case .behind: "behind"
        case .anonymousSource: "anonymous-source"
        case .ownLosses: "own-losses"
        case .armedAgent: "armed-agent"
        case .agentKill: "agent-kill"
        case .materiel: "materiel"
        case .claimedKilling: "claimed-killing"
        case .summaryHeading: "summary-heading"
        case .forcesAgent: "forces-agent"
        case .agentAttack: "agent-attack"
        case .repel: "repel"
        case .repelled: "repelled"
        case .exercise: "exercise"
        case .arrest: "arrest"
        case .townPart: "town-part"
        case .dayBefore: "day-before"
        case .superseded: "superseded"
        case .mediaWord: "media-word"
        case .noCasualties: "no-casualties"
        case .assessment: "assessment"
        case .militaryVoice: "military-voice"
        case .blamedFor: "blamed-for"
        case .shootDown: "shoot-down"
        case .aircraft: "aircraft"
        case .accident: "accident"
        case .nonviolentSubject: "nonviolent-subject"
        case .explosive: "explosive"
        case .ownLossVerb: "own-loss-verb"
        case .ownSide: "own-side"
        case .clauseBreak: "clause-break"
        case .comeUnder: "come-under"
        case .fireNoun: "fire-noun"
        case .fireCriticism: "fire-criticism"
        case .periodStart: "period-start"
        case .deliberate: "deliberate"
        case .periodPast: "period-past"
        case .periodUnit: "period-unit"
        case .trend: "trend"
        case .accidentDoubt: "accident-doubt"
        case .aggregateToll: "aggregate-toll"
        case .aggregateOf: "aggregate-of"
        case .aggregatePlural: "aggregate-plural"
        case .agentGap: "agent-gap"
        case .launchVerb: "launch-verb"
        case .facilityName: "facility-name"
        case .destination: "destination"
        case .careSite: "care-site"
        }
    }
}
