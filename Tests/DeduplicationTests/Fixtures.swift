import Deduplication
import IncidentModel

/// Hand-written places, mentions and article texts (invented wording, real geography).
enum Fixtures {
    static func day(_ iso: String) -> CalendarDay { CalendarDay(iso: iso)! }
    /// `YYYY-MM-DD`, `YYYY-MM-DD/YYYY-MM-DD`, or `YYYY-MM` for a month-precision date.
    static func date(_ iso: String) -> IncidentDate {
        if let d = IncidentDate(string: iso) { return d }
        let first = CalendarDay(iso: iso + "-01")!
        let last = CalendarDay(year: first.year, month: first.month, day: CalendarDay.daysIn(month: first.month, year: first.year))
        return IncidentDate(start: first, end: last, precision: .month)
    }

    static let abuKamal = Place(name: "Abu Kamal", admin1: "Deir ez-Zor", country: "Syria", latitude: 34.4529, longitude: 40.9186)
    static let abuKamalVariant = Place(name: "Abu Kamal", admin1: "Deir Ez-Zor", country: "Syria", latitude: 34.45, longitude: 40.92)
    static let alMayadin = Place(name: "Al Mayadin", admin1: "Deir ez-Zor", country: "Syria", latitude: 35.0208, longitude: 40.4517)
    static let hasrat = Place(name: "Hasrat", admin1: "Deir ez-Zor", country: "Syria", latitude: 34.40, longitude: 40.99)
    static let deirEzZorProvince = Place(name: nil, admin1: "Deir ez-Zor", country: "Syria")
    static let aleppo = Place(name: "Aleppo", admin1: "Aleppo", country: "Syria", latitude: 36.2021, longitude: 37.1343)
    static let qamishli = Place(name: "Qamishli", admin1: "Hasakah", country: "Syria", latitude: 37.0522, longitude: 41.2317)
    static let kyiv = Place(name: "Kyiv", admin1: "Kyiv City", country: "Ukraine", latitude: 50.4501, longitude: 30.5234)
    static let dnipro = Place(name: "Dnipro", admin1: "Dnipropetrovsk Oblast", country: "Ukraine", latitude: 48.4647, longitude: 35.0462)
    static let kryvyiRih = Place(name: "Kryvyi Rih", admin1: "Dnipropetrovsk Oblast", country: "Ukraine", latitude: 47.9105, longitude: 33.3918)
    static let dniproProvince = Place(name: nil, admin1: "Dnipropetrovsk Oblast", country: "Ukraine")
    static let syria = Place(name: nil, admin1: nil, country: "Syria")

    static func mention(
        _ type: EventType = .airstrike, role: MentionRole = .main, date: String? = nil, place: Place? = abuKamal,
        perpetrator: String? = nil, attribution: Attribution? = nil, target: String? = nil,
        killed: Int? = nil, qualifier: TollQualifier? = nil, injured: Int? = nil
    ) -> IncidentMention {
        IncidentMention(
            eventType: type, role: role, date: date.map(Fixtures.date), place: place,
            perpetrator: perpetrator, attribution: attribution, target: target, killed: killed,
            killedQualifier: qualifier, injured: injured, evidence: "test evidence"
        )
    }

    static func report(
        _ m: IncidentMention, outlet: String? = "Outlet", id: Int64 = 1, articleDay: String? = nil
    ) -> ReportFacts {
        ReportFacts(mention: m, outlet: outlet, articleID: id, articleDay: articleDay.map(day))
    }

    static func record(_ reports: ReportFacts...) -> IncidentRecord {
        IncidentConsolidator.consolidate(reports)
    }

    // MARK: - Article texts (written for these tests)

    static let wireHeadline = "Overnight strikes hit militia depots near Syria-Iraq border"

    static let wireBody = """
    Unidentified warplanes struck a string of weapons depots on the outskirts of a town close to the \
    Iraqi frontier late on Saturday, killing at least nine fighters from groups aligned with Tehran, a \
    monitoring group said on Sunday.

    The raids came in three waves shortly after midnight and set off secondary explosions that could be \
    heard across the river valley, according to residents reached by telephone. One farmer said the \
    blasts shattered windows in his village two kilometres away and that ambulances ran back and forth \
    until dawn.

    The monitor, which relies on a network of informants inside the country, said the dead included two \
    commanders who had arrived from Iraq earlier in the week. It said the toll was likely to rise because \
    several of the wounded were in critical condition and rescuers were still digging through rubble.

    No government or armed force claimed responsibility for the attack. Officials in Damascus did not \
    respond to requests for comment, and a spokesman for the militias described the strikes as an act of \
    aggression that would not go unanswered.

    Similar raids on the same stretch of desert have been blamed in the past on aircraft from several \
    countries, and analysts say the crossing has become a key corridor for moving fighters and rockets \
    between the two countries. Traffic at the nearby crossing point was suspended for several hours on \
    Sunday morning while engineers inspected the road for unexploded ordnance.

    Aid workers warned that the renewed violence could disrupt deliveries of flour and fuel to camps \
    further north, where thousands of displaced families have spent the winter in tents. A local council \
    member said schools in the area would stay closed until Tuesday as a precaution.
    """

    static let boilerplate = """
    Subscribe to our morning briefing for the stories that matter, delivered before breakfast. \
    Support independent journalism: make a donation today. Related articles: Markets steady as oil \
    prices ease; Regional leaders meet for water talks; Football league announces new season dates. \
    All rights reserved. Reproduction without permission is prohibited.
    """

    /// A different story about the same region, sharing the outlet's boilerplate.
    static let otherRegionalStory = """
    Farmers in the eastern river valley say this year's wheat harvest may be the smallest in a decade \
    after a dry winter and soaring prices for diesel used to run irrigation pumps. Agricultural engineers \
    visiting villages near the Iraqi border estimated that yields would fall by almost half compared with \
    last season, and several cooperatives have already asked for emergency seed supplies. Traders in the \
    provincial capital said the price of a bag of flour had doubled since the autumn, pushing many \
    families to rely on bread distributed by charities. Local officials blamed the shortages on damaged \
    canals and the closure of the main bridge, while residents complained that electricity now arrives for \
    barely two hours a day. A regional water authority promised to repair the largest pumping station \
    before the summer, but engineers said spare parts would have to be imported and could take months to \
    arrive.
    """
}
