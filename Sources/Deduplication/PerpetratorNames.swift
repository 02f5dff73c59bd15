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

    /// A joint strike's perpetrator ("United States and United Kingdom") and one of its partners
    /// ("United States", "US"): one outlet names both, another the one it heard from.
    static func shareAPartner(_ a: String?, _ b: String?) -> Bool {
        guard let a, let b, a.contains(" and ") || b.contains(" and ") else { return false }
        let pa = partners(a), pb = partners(b)
        return pa.contains { pb.contains($0) }
    }

    private static func partners(_ name: String) -> [String] {
        name.components(separatedBy: " and ").compactMap { key($0) }
    }

    /// Actors that are often named for each other (a coalition strike is "US" in another outlet,
    /// an IS-K bombing is claimed by "Islamic State"): related actors never veto a merge.
    static func related(_ a: String, _ b: String) -> Bool {
        guard let fa = family[a], let fb = family[b] else { return false }
        return fa == fb
    }

    static let families: [[String]] = [
        ["unitedstates", "usledcoalition"],
        ["russia", "syriangovernment", "wagnergroup"],
        ["iran", "iranbackedmilitia", "kataibhezbollah", "hezbollah", "islamicrevolutionaryguardcorps"],
        ["isk", "islamicstate"],
        ["hamas", "islamicjihad"],
        ["taliban", "afghanistan"],
    ]

    static let family: [String: Int] = {
        var out: [String: Int] = [:]
        for (i, f) in families.enumerated() { for k in f { out[k] = i } }
        return out
    }()

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
        "iskp": "isk", "isisk": "isk", "islamicstatekhorasan": "isk", "islamicstatekhorasanprovince": "isk",
        "islamicstatekhorasanisk": "isk", "islamicstatekhorasaniskp": "isk",
        "isis": "islamicstate", "isil": "islamicstate", "daesh": "islamicstate", "is": "islamicstate",
        "houthi": "houthis", "ansarallah": "houthis", "houthirebels": "houthis",
        "hizbollah": "hezbollah", "hizballah": "hezbollah",
        "iranbackedmilitias": "iranbackedmilitia", "proiranianmilitia": "iranbackedmilitia", "proiranmilitia": "iranbackedmilitia",
        "irgc": "islamicrevolutionaryguardcorps", "revolutionaryguards": "islamicrevolutionaryguardcorps",
        "wagner": "wagnergroup", "ukrainianarmy": "ukraine", "russianarmy": "russia",
        "syrianregime": "syriangovernment", "assadregime": "syriangovernment", "syrianarmy": "syriangovernment",
        "syrianarabarmy": "syriangovernment", "regimeforces": "syriangovernment", "syrianforces": "syriangovernment",
    ]

}
