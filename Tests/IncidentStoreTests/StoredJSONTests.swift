import Deduplication
import Foundation
import IncidentModel
import Testing
import TestSupport
@testable import IncidentStore

/// `StoredJSON` must write exactly what `JSONEncoder` with sorted keys writes, so stores written
/// before and after it read alike and cached JSON comparisons keep matching.
@Suite struct StoredJSONTests {
    static func reference(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// Text that needs every kind of escape, and some that needs none.
    static let awkward = [
        "plain", "", "a/b \"quoted\" back\\slash", "tab\there\nnewline\r\ncarriage", "bell\u{07} nul\u{00} esc\u{1B} us\u{1F} del\u{7F}",
        "form\u{0C}feed back\u{08}space", "Zaporizhzhia — Запоріжжя, Ḥalab حلب, 🚀 rockets", "ends with a slash/",
    ]

    static let places = [
        Place(name: "Al Mayadin", admin1: "Deir ez-Zor", country: "Syria", latitude: 35.0198, longitude: 40.4515),
        Place(name: nil, admin1: "Kherson Oblast", country: "Ukraine", latitude: -0.5, longitude: 12.0),
        Place(name: "Tiny", admin1: nil, country: nil, latitude: 1e-7, longitude: -179.99999999999997),
        Place(name: nil, admin1: nil, country: "Somalia"),
        Place(name: "Far", admin1: "x/y", country: "z", latitude: 1e20, longitude: 0.1 + 0.2),
    ]

    static let dates = [
        IncidentDate(day: CalendarDay(year: 2024, month: 3, day: 9)),
        IncidentDate(start: CalendarDay(year: 2023, month: 12, day: 31), end: CalendarDay(year: 2024, month: 1, day: 2)),
        IncidentDate(start: CalendarDay(year: 2020, month: 5, day: 1), end: CalendarDay(year: 2020, month: 5, day: 31), precision: .month),
    ]

    @Test func everyFieldFilledMatchesJSONEncoder() throws {
        for (i, text) in Self.awkward.enumerated() {
            let record = IncidentRecord(
                eventType: .droneStrike, role: .background, date: Self.dates[i % 3], window: Self.dates[(i + 1) % 3],
                place: Self.places[i % Self.places.count], perpetrator: text, attribution: .claimed, perpetratorSupport: 3,
                target: text, killedLow: -1, killedBest: 0, killedHigh: Int.max, killedQualifier: .atLeast,
                injuredLow: 4, injuredBest: 5, injuredHigh: 600_000, reportCount: 7, outlets: [text, "B/C", ""])
            #expect(StoredJSON.encode(record) == (try Self.reference(record)))
            let mention = IncidentMention(
                eventType: .shelling, role: .main, date: Self.dates[i % 3], place: Self.places[(i + 2) % Self.places.count],
                perpetrator: text, attribution: .denied, target: text, killed: 12, killedQualifier: .about, injured: Int.min,
                evidence: text, fieldEvidence: ["place": text, "date": "On 9 March.", "killed": "", "injured": "x", "perpetrator": "/"])
            #expect(StoredJSON.encode(mention) == (try Self.reference(mention)))
        }
    }

    @Test func absentFieldsAreLeftOutAsJSONEncoderLeavesThem() throws {
        let record = IncidentRecord(eventType: .other)
        #expect(StoredJSON.encode(record) == (try Self.reference(record)))
        let mention = IncidentMention(eventType: .raid, evidence: "A raid.")
        #expect(StoredJSON.encode(mention) == (try Self.reference(mention)))
    }

    @Test func generatedValuesMatchJSONEncoderAndReadBack() throws {
        var rng = SplitMix64(seed: 0x5704_ED15)
        func text() -> String {
            let pieces = Self.awkward + ["x", "12", "é", "\u{1}", "/"]
            return (0..<rng.next(4)).map { _ in pieces[rng.next(pieces.count)] }.joined(separator: " ")
        }
        func maybe<T>(_ value: @autoclosure () -> T) -> T? { rng.next(3) == 0 ? nil : value() }
        for _ in 0..<400 {
            let place = maybe(Place(name: maybe(text()), admin1: maybe(text()), country: maybe(text()),
                                    latitude: maybe(Double(Int64(bitPattern: rng.next())) / 1e15), longitude: maybe(Double(rng.next(360_000)) / 1000 - 180)))
            let record = IncidentRecord(
                eventType: EventType.allCases[rng.next(EventType.allCases.count)], role: rng.next(2) == 0 ? .main : .background,
                date: maybe(Self.dates[rng.next(3)]), window: maybe(Self.dates[rng.next(3)]), place: place, perpetrator: maybe(text()),
                attribution: maybe(Attribution.allCases[rng.next(Attribution.allCases.count)]), perpetratorSupport: rng.next(5),
                target: maybe(text()), killedLow: maybe(rng.next(100)), killedBest: maybe(rng.next(100)), killedHigh: maybe(rng.next(1000)),
                killedQualifier: maybe(.exact), injuredLow: maybe(rng.next(9)), injuredBest: maybe(rng.next(99)), injuredHigh: maybe(rng.next(999)),
                reportCount: rng.next(50), outlets: (0..<rng.next(3)).map { _ in text() })
            let json = StoredJSON.encode(record)
            #expect(json == (try Self.reference(record)))
            #expect(try JSONDecoder().decode(IncidentRecord.self, from: Data(json.utf8)) == record)

            var evidence: [String: String] = [:]
            for key in ["date", "place", "perpetrator", "killed", "injured"] where rng.next(2) == 0 { evidence[key] = text() }
            let mention = IncidentMention(
                eventType: EventType.allCases[rng.next(EventType.allCases.count)], date: maybe(Self.dates[rng.next(3)]), place: place,
                perpetrator: maybe(text()), target: maybe(text()), killed: maybe(rng.next(40)), injured: maybe(rng.next(40)),
                evidence: text(), fieldEvidence: evidence)
            let mjson = StoredJSON.encode(mention)
            #expect(mjson == (try Self.reference(mention)))
            #expect(try JSONDecoder().decode(IncidentMention.self, from: Data(mjson.utf8)) == mention)
        }
    }

    @Test func aCoordinateJSONCannotHoldIsLeftOutInsteadOfWritingInvalidJSON() throws {
        let record = IncidentRecord(eventType: .airstrike, place: Place(name: "Nowhere", admin1: nil, country: nil, latitude: .nan, longitude: .infinity))
        let json = StoredJSON.encode(record)
        let decoded = try JSONDecoder().decode(IncidentRecord.self, from: Data(json.utf8))
        #expect(decoded.place?.name == "Nowhere")
        #expect(decoded.place?.latitude == nil && decoded.place?.longitude == nil)
    }
}
