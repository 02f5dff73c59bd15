import GRDB

/// The stored articles sharing the most LSH bands with a new one: the near-duplicate candidates.
///
/// The articles sharing the most bands are the most similar ones: a near-copy shares many of its
/// 32 bands, unrelated text almost none, so the best `limit` are enough to check.
///
/// Boilerplate makes some bands common: every article of an outlet shares the bands its footer
/// fills, so reading every posting of such a band made the lookup grow with the store. Each band's
/// postings are therefore read newest first and at most `commonBandPostings + 1` of them: a band
/// with more postings than that is *common* and says nothing about near-copies. Articles found
/// through rare bands rank first (a real near-copy shares most of its bands with the original,
/// and its content bands are rare); common bands only order the rest and fill the list when
/// the rare ones find fewer than `limit` (an article that is all boilerplate still finds the
/// newest articles with the same boilerplate). On a store where no band is common the ranking is
/// exactly the old one: most shared bands first, then the lower id.
enum NearDuplicateCandidates {
    /// Postings above which a band is common (boilerplate). Only originals are indexed and two
    /// originals are by definition not near-copies of each other, so a band that 64 of them share
    /// is text they all carry (a footer, a standard paragraph), not a sign of copying. It bounds a
    /// lookup at 32 x 65 postings whatever the store's size.
    static let commonBandPostings = 64

    /// What one lookup found and what it read (the read count is the cost bound tests check).
    struct Lookup: Sendable, Equatable {
        var candidates: [Int64]
        var postingsRead: Int
        var commonBands: Int
    }

    static func mostShared(_ db: Database, bandKeys keys: [Int64], limit: Int = 16,
                           commonAbove: Int = commonBandPostings) throws -> Lookup {
        guard !keys.isEmpty else { return Lookup(candidates: [], postingsRead: 0, commonBands: 0) }
        // Newest first off the (band_key, article_id) primary key: a backward range scan, no sort.
        let statement = try db.cachedStatement(sql: "SELECT article_id FROM article_band WHERE band_key = ? ORDER BY article_id DESC LIMIT ?")
        var rare: [Int64: Int] = [:]
        var common: [Int64: Int] = [:]
        var band: [Int64] = []
        band.reserveCapacity(commonAbove + 1)
        var read = 0, commonBands = 0
        for key in keys {
            band.removeAll(keepingCapacity: true)
            let postings = try Int64.fetchCursor(statement, arguments: [key, commonAbove + 1])
            while let id = try postings.next() { band.append(id) }
            read += band.count
            if band.count > commonAbove {
                commonBands += 1
                for id in band { common[id, default: 0] += 1 }
            } else {
                for id in band { rare[id, default: 0] += 1 }
            }
        }
        return Lookup(candidates: top(rare: rare, common: common, limit: limit), postingsRead: read, commonBands: commonBands)
    }

    /// The `limit` ids with the highest counts, ties broken by the lower id.
    static func top(_ counts: [Int64: Int], limit: Int) -> [Int64] {
        top(rare: counts, common: [:], limit: limit)
    }

    /// The `limit` ids ranked by rare bands shared, then common bands shared, then the lower id.
    ///
    /// Kept as a short sorted list while the counts are walked, not by sorting them all: on a
    /// large store a lookup meets up to 32 x 65 distinct ids, and sorting those was most of its
    /// CPU. The order is total (ids are distinct), so the result is what a full sort gives.
    static func top(rare: [Int64: Int], common: [Int64: Int], limit: Int) -> [Int64] {
        guard limit > 0 else { return [] }
        var best: [Scored] = []
        best.reserveCapacity(limit + 1)
        func consider(_ candidate: Scored) {
            if best.count == limit, let last = best.last, !candidate.ranksBefore(last) { return }
            var i = best.count
            while i > 0 && candidate.ranksBefore(best[i - 1]) { i -= 1 }
            best.insert(candidate, at: i)
            if best.count > limit { best.removeLast() }
        }
        for (id, n) in rare { consider(Scored(id: id, rare: n, common: common[id] ?? 0)) }
        for (id, n) in common where rare[id] == nil { consider(Scored(id: id, rare: 0, common: n)) }
        return best.map(\.id)
    }

    private struct Scored {
        let id: Int64
        let rare: Int
        let common: Int

        func ranksBefore(_ other: Scored) -> Bool {
            if rare != other.rare { return rare > other.rare }
            if common != other.common { return common > other.common }
            return id < other.id
        }
    }
}
