import Foundation

/// A geocoded place: the canonical name from the gazetteer, its province and country.
public struct Place: Hashable, Sendable, Codable {
    /// Most specific populated place; nil when only the province is known.
    public var name: String?
    public var admin1: String?
    public var country: String?
    public var latitude: Double?
    public var longitude: Double?

    public init(name: String?, admin1: String?, country: String?, latitude: Double? = nil, longitude: Double? = nil) {
        self.name = name
        self.admin1 = admin1
        self.country = country
        self.latitude = latitude
        self.longitude = longitude
    }

    /// Great-circle distance in kilometres, when both sides have coordinates.
    public func distanceKilometres(to other: Place) -> Double? {
        guard let la1 = latitude, let lo1 = longitude, let la2 = other.latitude, let lo2 = other.longitude else {
            return nil
        }
        let r = 6371.0
        let p1 = la1 * .pi / 180, p2 = la2 * .pi / 180
        let dp = (la2 - la1) * .pi / 180, dl = (lo2 - lo1) * .pi / 180
        let a = pow(sin(dp / 2), 2) + cos(p1) * cos(p2) * pow(sin(dl / 2), 2)
        return 2 * r * asin(min(1, a.squareRoot()))
    }

    /// "Abu Kamal, Deir ez-Zor, Syria", skipping unknown parts.
    public var label: String {
        [name, admin1, country].compactMap { $0 }.joined(separator: ", ")
    }
}

