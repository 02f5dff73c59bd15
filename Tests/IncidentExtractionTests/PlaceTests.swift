import Foundation
import IncidentModel
import Testing
@testable import IncidentExtraction

/// Places through the gazetteer and its transliteration variants.
@Suite struct PlaceTests {
    private func place(_ sentence: String) -> Place? {
        Fixture.mains(Fixture.extract("Attack", [sentence])).first?.place
    }

    @Test(arguments: ["Albukamal", "Al-Bukamal", "Abu Kamal", "Albu Kamal"])
    func bukamalVariants(_ spelling: String) {
        let p = place("Airstrikes hit a militia base in \(spelling) on Monday, killing four fighters.")
        #expect(p?.admin1 == "Deir ez-Zor")
        #expect(p?.country == "Syria")
        #expect(p?.latitude.map { abs($0 - 34.45) < 0.1 } == true)
    }

    @Test(arguments: ["Al-Mayadeen", "Mayadin"])
    func mayadinVariants(_ spelling: String) {
        #expect(place("Drones struck a depot in \(spelling) on Monday, killing two guards.")?.admin1 == "Deir ez-Zor")
    }

    /// Displayed names are the ASCII forms; the diacritic spelling still finds the place.
    @Test(arguments: [("Al-Mayadeen", "Al Mayadin"), ("Al Mayādīn", "Al Mayadin"), ("Bukamal", "Albu Kamal"),
                      ("Ālbū Kamāl", "Albu Kamal"), ("Al Qāmishlī", "Qamishli")])
    func canonicalNamesAreASCII(_ spelling: String, _ canonical: String) {
        let p = place("A drone hit a car in \(spelling) on Monday, killing two men.")
        #expect(p?.name == canonical)
        #expect(p?.name?.allSatisfy(\.isASCII) == true)
    }

    @Test(arguments: ["Deir Ezzor", "Deir Al-Zour", "Dayr az-Zawr", "Deir ez-Zor"])
    func provinceReadingOfAnArea(_ spelling: String) {
        let p = place("Airstrikes targeted militia posts in the \(spelling) area on Monday, killing three fighters.")
        #expect(p?.name == nil)
        #expect(p?.admin1 == "Deir ez-Zor")
    }

    @Test func mostSpecificPlaceWins() {
        let p = place("Seven fighters were killed when jets struck a site near Al-Bukamal in the Deir Ezzor area on Monday.")
        #expect(p?.admin1 == "Deir ez-Zor")
        #expect(p?.name != nil)
    }

    @Test func unknownVillageTakesItsNeighboursProvince() {
        let p = place("A drone targeted a car in the village of Tell Hamdoun east of Qamishli on Monday, killing two men.")
        #expect(p?.name == "Tell Hamdoun")
        #expect(p?.admin1 == "Hasakah")
    }

    @Test func ukrainianCityAndOblast() {
        let p = place("A missile strike hit a shopping centre in Kramatorsk on Monday, killing nine people.")
        #expect(p?.admin1 == "Donetsk Oblast")
        #expect(p?.country == "Ukraine")
    }

    @Test func aPersonsNameIsNotAPlace() {
        let p = place("Omar Abu Laila said jets struck a depot in Deir ez-Zor city on Monday, killing five guards.")
        #expect(p?.country == "Syria")
    }

    /// An extractor reading the shipped Config and a user dictionaries folder holding one file.
    private func extractor(withUserFile name: String, _ contents: String) throws -> IncidentExtractor {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("incidentd-user-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try contents.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8)
        return IncidentExtractor(resources: try ExtractionResources.load(from: [Fixture.packageRoot.appendingPathComponent("Config"), dir]))
    }

    @Test func userAliasesExtendTheShippedGazetteer() throws {
        let a = try extractor(withUserFile: "user-aliases.tsv", "Bukamalo\tĀlbū Kamāl\tSY\n").extract(
            text: "Raid\n\nJets bombed a depot in Bukamalo on Monday, killing two guards.", fallbackReferenceDate: Fixture.day("2023-03-15"))
        #expect(a.mentions.first?.place?.admin1 == "Deir ez-Zor")
    }

    @Test func villageNamedRelativeToATownTakesTheTownsCoordinates() {
        let p = place("A Turkish drone struck a motorbike in the village of Dar Hamdo east of Qamishli on Friday, killing two fighters.")
        #expect(p?.name == "Dar Hamdo")
        #expect(p?.admin1 == "Hasakah")
        #expect(p?.latitude.map { abs($0 - 37.05) < 0.1 } == true)
        #expect(p?.longitude.map { abs($0 - 41.23) < 0.1 } == true)
    }

    @Test func villageCloseToItsTownTakesItsCoordinatesButNotOneFarAway() {
        let near = place("A Turkish drone struck a motorbike in the village of Dar Hamdo, 8 km east of Qamishli, on Friday, killing two fighters.")
        #expect(near?.latitude.map { abs($0 - 37.05) < 0.1 } == true)
        let far = place("A Turkish drone struck a motorbike in the village of Dar Hamdo, 40 km east of Qamishli, on Friday, killing two fighters.")
        #expect(far?.name == "Dar Hamdo")
        #expect(far?.latitude == nil)
    }

    @Test func villageMerelyNamedBesideATownHasNoCoordinates() {
        let p = place("A Turkish drone struck a motorbike in the village of Dar Hamdo on Friday, the day after clashes in Qamishli, killing two fighters.")
        #expect(p?.name == "Dar Hamdo")
        #expect(p?.latitude == nil)
    }

    @Test func cityOfNamesTheTownNotItsProvince() {
        let p = place("A ballistic missile hit a residential area in the city of Marib on Sunday, killing two people.")
        #expect(p?.name == "Marib")
        #expect(p?.country == "Yemen")
    }

    @Test(arguments: [("Maarat al-Numan", "Maarat al-Numan"), ("Tal Rifaat", "Tell Rifaat"), ("Jisr al-Shughur", "Jisr al-Shughur"),
                      ("Ain al-Asad", "Ain al-Asad Air Base"), ("Deir el-Balah", "Deir al-Balah"), ("Ma'arrat an-Nu'man", "Maarat al-Numan")])
    func commonTransliterations(_ spelling: String, _ canonical: String) {
        #expect(place("Rockets struck \(spelling) on Monday, killing three people.")?.name == canonical)
    }

    /// Places are reported by the name news and analysts write, not GeoNames' scholarly
    /// transliteration; the coordinates are GeoNames' own.
    @Test(arguments: [("Nabatieh", "Nabatieh", 33.38), ("Tajoura", "Tajoura", 32.88), ("Tajura", "Tajoura", 32.88),
                      ("Dayr al Balah", "Deir al-Balah", 31.42), ("Bint Jbeil", "Bint Jbeil", 33.12), ("Qalqilya", "Qalqilya", 32.19)])
    func displayNamesAreTheCommonEnglishForm(_ spelling: String, _ display: String, _ latitude: Double) {
        let p = place("A drone struck a house in \(spelling) on Monday, killing two men.")
        #expect(p?.name == display)
        #expect(p?.latitude.map { abs($0 - latitude) < 0.01 } == true)
    }

    /// Provinces follow one convention across neighbours: Russia's oblasts are "X Oblast" as
    /// Ukraine's are; Sudan's states take their English names.
    @Test(arguments: [("Shelling hit a market in Shebekino on Monday, killing two people.", "Belgorod Oblast", "Russia"),
                      ("A drone hit a substation in Kursk on Monday, injuring two workers.", "Kursk Oblast", "Russia"),
                      ("Shelling hit the main hospital in El Fasher on Monday, killing nine patients.", "North Darfur", "Sudan"),
                      ("An airstrike hit a market in Saada on Monday, killing ten people.", "Saada", "Yemen"),
                      ("Missiles hit the port of Hodeidah on Monday, killing three workers.", "Hodeidah", "Yemen")])
    func provinceNamesFollowOneConvention(_ sentence: String, _ admin1: String, _ country: String) {
        let p = place(sentence)
        #expect(p?.admin1 == admin1)
        #expect(p?.country == country)
    }

    @Test func userDisplayNamesOverrideTheShippedOnes() throws {
        let extractor = try extractor(withUserFile: "display-names.tsv", "Tajourah\tTajura'\tLY\nBelgorod Region\tBelgorod Oblast\tRU\n")
        let a = extractor.extract(text: "Raid\n\nJets bombed a depot in Tajoura on Monday, killing two guards.", fallbackReferenceDate: Fixture.day("2023-03-15"))
        #expect(a.mentions.first?.place?.name == "Tajourah")
        #expect(a.mentions.first?.place?.admin1 == "Tripoli")
        let b = extractor.extract(text: "Raid\n\nShelling hit a market in Shebekino on Monday, killing two people.", fallbackReferenceDate: Fixture.day("2023-03-15"))
        #expect(b.mentions.first?.place?.admin1 == "Belgorod Region")
    }

    @Test func aCountrysCapital() {
        let p = place("Two car bombs exploded at a busy junction in Somalia's capital on Saturday, killing 100 people.")
        #expect(p?.name == "Mogadishu")
    }

    @Test func aPossessiveRegionBeforeTheTownOnlyLocatesIt() {
        let p = place("An airstrike on a school in central Gaza's Deir el-Balah killed nine people on Tuesday.")
        #expect(p?.name == "Deir al-Balah")
        #expect(place("A drone hit a bus stop in Ukraine's Kherson on Monday, killing one man.")?.name == "Kherson")
    }

    @Test func aTownNamedLikeItsProvinceIsTheTown() {
        let m = Fixture.mains(Fixture.extract("Market bombed", [
            "Government warplanes bombed a vegetable market in the city of Idlib on Saturday, killing 11 civilians.",
            "The strikes on Idlib came as troops advanced in southern Idlib province.",
        ])).first
        #expect(m?.place?.name == "Idlib")
        #expect(m?.place?.admin1 == "Idlib")
        #expect(place("A missile hit a residential building in Homs on Sunday, wounding four people.")?.name == "Homs")
    }

    @Test(arguments: [
        "Houthi fighters fired a missile at a tanker in the Gulf of Aden on Friday, wounding two sailors.",
        "A naval drone struck a patrol boat in the Sea of Azov on Friday, wounding two sailors.",
        "A drone hit a cargo ship in the Red Sea on Friday, wounding two sailors.",
        "Shelling hit a ferry crossing the Dnipro River on Friday, wounding two sailors.",
    ])
    func seasGulfsAndRiversAreNotTowns(_ sentence: String) {
        let m = Fixture.mains(Fixture.extract("Attack at sea", [sentence])).first
        #expect(m != nil)
        #expect(m?.place?.name == nil)
        #expect(m?.place?.admin1 == nil)
    }

    @Test func aRiverNamedLikeATownIsTheRiverAfterThe() {
        let p = place("Russian shelling hit a boat on the Dnipro near Kherson on Thursday, killing two men.")
        #expect(p?.name == "Kherson")
    }

    @Test func provincesCarryTheirCommonEnglishNames() {
        #expect(place("A Ukrainian drone hit a fuel depot in the town of Shebekino on Monday, injuring two workers.")?.admin1 == "Belgorod Oblast")
        #expect(place("A drone struck a hospital in El Fasher on Friday, killing 30 patients.")?.admin1 == "North Darfur")
    }

    @Test func aPlaceInAClauseAboutCircumstancesIsNotWhereItHappened() {
        let m = Fixture.mains(Fixture.extract("School hit", [
            "An airstrike on a school in the town of Deir al-Balah killed 30 people, officials said, as the army pressed on with its offensive in the southern city of Khan Younis.",
        ])).first
        #expect(m?.place?.name == "Deir al-Balah")
        let r = Fixture.mains(Fixture.extract("Raid", ["Israeli forces killed nine Palestinians on Thursday, as they raided the West Bank city of Jenin."])).first
        #expect(r?.place?.name == "Jenin")
    }
}
