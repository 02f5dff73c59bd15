import IncidentModel

/// How two places relate, from the most to the least specific agreement.
///
/// Two named places farther apart than `nearbyKilometres` are never the same incident, even on the
/// same night (Aleppo and Abu Kamal, 2020-05-16): `relation` returns nil for them.
public enum PlaceRelation: Sendable, Hashable {
    /// Same canonical name (and no contradicting province, country or coordinates).
    case samePlace
    /// Different names within `nearbyKilometres` (a village and the town next to it).
    case nearby(kilometres: Double)
    /// One side knows only the province, and it is the other's province.
    case sameProvince
    /// At most the country is known on one side (and it does not contradict).
    case coarse

    /// Weight in the match score.
    var weight: Double {
        switch self {
        case .samePlace: 1.0
        case let .nearby(km): 0.85 - 0.15 * min(1, km / PlaceComparison.nearbyKilometres)
        case .sameProvince: 0.55
        case .coarse: 0.2
        }
    }

    /// Whether the two sides pin the same spot (named place or nearby), not just an area.
    public var isPointLevel: Bool {
        switch self {
        case .samePlace, .nearby: true
        case .sameProvince, .coarse: false
        }
    }
}

/// Place comparison on gazetteer-canonical names, provinces, countries and coordinates.
public enum PlaceComparison {
    /// Two differently named places closer than this can be one incident (xSub merges within 1-5 km;
    /// strikes are often reported by the nearest town, villages sit 10-20 km from it).
    public static let nearbyKilometres = 25.0
    /// Same canonical name but coordinates farther apart than this: homonyms, not the same place.
    public static let homonymKilometres = 50.0

    /// Specificity rank: 0 named place, 1 province only, 2 country only, 3 nothing.
    public static func specificity(_ p: Place?) -> Int {
        guard let p else { return 3 }
        if NameFolding.key(p.name) != nil { return 0 }
        if NameFolding.key(p.admin1) != nil { return 1 }
        if NameFolding.key(p.country) != nil { return 2 }
        return 3
    }

    /// Whether both places name a country and the countries differ.
    public static func crossesBorder(_ a: Place?, _ b: Place?) -> Bool {
        guard let ca = NameFolding.key(a?.country), let cb = NameFolding.key(b?.country) else { return false }
        return ca != cb
    }

    /// nil when the places contradict each other (must not merge). Two named places on either side
    /// of a border within `nearbyKilometres` (Abu Kamal and Al Qaim) are `.nearby`: the matcher
    /// then demands the same actor, since border towns are also where opposing sides fire across.
    public static func relation(_ a: Place?, _ b: Place?) -> PlaceRelation? {
        let na = NameFolding.key(a?.name), nb = NameFolding.key(b?.name)
        let aa = NameFolding.key(a?.admin1), ab = NameFolding.key(b?.admin1)
        let km: Double? = if let a, let b { a.distanceKilometres(to: b) } else { nil }
        if crossesBorder(a, b) {
            guard na != nil, nb != nil, let km, km <= nearbyKilometres else { return nil }
            return .nearby(kilometres: km)
        }

        switch (na, nb) {
        case let (x?, y?):
            if x == y {
                if let km, km > homonymKilometres { return nil }
                if let aa, let ab, aa != ab {
                    // Same name in two provinces: homonyms unless the coordinates say otherwise.
                    guard let km, km <= nearbyKilometres else { return nil }
                }
                return .samePlace
            }
            if let km, km <= nearbyKilometres { return .nearby(kilometres: km) }
            return nil
        case (_?, nil), (nil, _?):
            // One side names a place, the other knows at most the province.
            let unnamedAdmin = na == nil ? aa : ab
            let namedAdmin = na == nil ? ab : aa
            guard let unnamedAdmin else { return .coarse }
            guard let namedAdmin else { return .coarse }
            return unnamedAdmin == namedAdmin ? .sameProvince : nil
        case (nil, nil):
            if let aa, let ab { return aa == ab ? .sameProvince : nil }
            return .coarse
        }
    }
}
