/// A change to an incident worth one "incident updated" journal line.
///
/// Only what an analyst acts on counts: a higher toll, a claim of responsibility, an identified
/// perpetrator, a more precise place or date. Another outlet repeating the same facts is not a
/// change, so a story syndicated twenty times does not flood the journal.
public enum MaterialChange: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Best killed figure rose (or appeared).
    case killedRaised(from: Int?, to: Int)
    /// Best injured figure rose (or appeared).
    case injuredRaised(from: Int?, to: Int)
    /// An actor claimed it, or an authority confirmed it (attribution became claimed/confirmed).
    case responsibilityClaimed(by: String?, confirmed: Bool)
    /// A perpetrator is named where none was, or the best-supported one changed.
    case perpetratorIdentified(from: String?, to: String)
    /// The place became more specific (country -> province -> named place).
    case placeRefined(from: String?, to: String)
    /// The date became known or more precise (month -> range -> day).
    case dateRefined(from: String?, to: String)

    /// One short clause for the journal, e.g. "killed 7 -> 9".
    public var description: String {
        switch self {
        case let .killedRaised(from?, to): "killed \(from) -> \(to)"
        case let .killedRaised(nil, to): "toll reported: \(to) killed"
        case let .injuredRaised(from?, to): "injured \(from) -> \(to)"
        case let .injuredRaised(nil, to): "\(to) injured reported"
        case let .responsibilityClaimed(by, confirmed):
            confirmed ? "confirmed: \(by ?? "perpetrator")" : "responsibility claimed by \(by ?? "an unnamed actor")"
        case let .perpetratorIdentified(from?, to): "perpetrator \(from) -> \(to)"
        case let .perpetratorIdentified(nil, to): "perpetrator identified: \(to)"
        case let .placeRefined(from?, to): "place \(from) -> \(to)"
        case let .placeRefined(nil, to): "place identified: \(to)"
        case let .dateRefined(from?, to): "date \(from) -> \(to)"
        case let .dateRefined(nil, to): "date identified: \(to)"
        }
    }
}
