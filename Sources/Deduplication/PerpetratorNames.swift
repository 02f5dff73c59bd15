import IncidentModel

/// Perpetrator names folded to one key per actor, so "US", "U.S." and "American" count as one
/// and "unknown" never competes with a named actor.
enum PerpetratorNames {
    /// Folded key; nil for unknown / unidentified / empty.
    static func key(_ name: String?) -> String? {
        guard var k = NameFolding.key(name) else { return nil }
        if k.hasPrefix("the") && k.count > 6 { k.removeFirst(3) }
        if unknownKeys.contains(k) { return nil }
        return aliases[k] ?? k
    }

    /// Actors that are often named for each other (a coalition strike is "US" in another outlet).
    static func related(_ a: String, _ b: String) -> Bool {
        relatedPairs.contains([a, b].sorted().joined(separator: "|"))
    }

    static let unknownKeys: Set<String> = ["unknown", "unidentified", "unknownactor", "none", "na", "unclaimed"]

    static let aliases: [String: String] = [
        "us": "unitedstates", "usa": "unitedstates", "american": "unitedstates", "unitedstatesofamerica": "unitedstates",
        "usmilitary": "unitedstates", "usforces": "unitedstates", "pentagon": "unitedstates",
        "israeli": "israel", "idf": "israel", "israeldefenseforces": "israel", "israelimilitary": "israel",
        "russian": "russia", "russianforces": "russia", "russianfederation": "russia",
        "turkish": "turkey", "turkiye": "turkey", "turkisharmy": "turkey",
        "ukrainian": "ukraine", "ukrainianforces": "ukraine",
        "iranian": "iran",
        "coalition": "usledcoalition", "internationalcoalition": "usledcoalition", "usledinternationalcoalition": "usledcoalition",
        "globalcoalition": "usledcoalition",
        "syrianregime": "syriangovernment", "assadregime": "syriangovernment", "syrianarmy": "syriangovernment",
        "syrianarabarmy": "syriangovernment", "regimeforces": "syriangovernment", "syrianforces": "syriangovernment",
    ]

    static let relatedPairs: Set<String> = [
        "unitedstates|usledcoalition",
        "russia|syriangovernment",
        "iran|iranbackedmilitia", "iran|iranbackedmilitias",
    ]
}
