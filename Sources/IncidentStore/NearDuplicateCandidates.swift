import Deduplication
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
///
/// All bands are read by ONE statement (a `UNION ALL` of one bounded range scan per band): 32
/// separate lookups paid the per-statement cost 32 times, which was most of the lookup's CPU.
/// Postings live in two generation tables (`NearDuplicateWindow`); each band reads the current
/// one first, whose ids are all above the previous one's, so the first `commonAbove + 1` postings
/// of a band are its newest ones, as they were with one table.
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

    /// - Parameter held: where the lookup statement is kept between calls (the writer's holder in
    ///   the record transaction; a new one prepares it for this call only).
    /// - Parameter current: the current generation's slot (`NearDuplicateWindow.State.current`);
    ///   nil reads it from the store.
    static func mostShared(_ db: Database, bandKeys keys: [Int64], current: Int? = nil, limit: Int = 16,
                           commonAbove: Int = commonBandPostings, held: HeldStatements = HeldStatements()) throws -> Lookup {
        guard !keys.isEmpty else { return Lookup(candidates: [], postingsRead: 0, commonBands: 0) }
        let current = try current ?? NearDuplicateWindow.state(db, held: held).current
        let sql = { lookupSQL(bands: keys.count, postings: commonAbove + 1, current: current) }
        // Held per band count at the default bound only (other bounds are for tests).
        let statement = commonAbove == commonBandPostings && keys.count <= HeldStatements.countedLimit
            ? try held.statement(current == 0 ? .bandLookupCurrent0 : .bandLookupCurrent1, count: keys.count, db, sql: sql())
            : try HeldStatements.unheld(db, sql: sql())
        HeldStatements.bind(integers: keys, to: statement, from: 1)
        // Each posting comes back as `article_id * 64 + band position` (one integer column, the
        // cheapest row to read); article ids stay far below 2^57.
        var postings: [Int64] = []
        postings.reserveCapacity(keys.count * 8)
        var perBand = [Int](repeating: 0, count: keys.count)
        try HeldStatements.forEachInteger(statement) { packed in
            // Past `commonAbove + 1`, a band's postings come from the previous generation: older
            // than those kept, and the band is common already.
            let band = Int(packed & 63)
            if perBand[band] <= commonAbove { postings.append(packed) }
            perBand[band] += 1
        }
        // Counted by sorting `article * 2 + common` and walking the runs: cheaper than hashing every
        // posting into a dictionary (the same counts, so the same ranking).
        var keyed = postings.map { ($0 >> 6) << 1 | (perBand[Int($0 & 63)] > commonAbove ? 1 : 0) }
        keyed.sort()
        var shared: [(key: Int64, value: Shared)] = []
        shared.reserveCapacity(keyed.count)
        for k in keyed {
            let article = k >> 1
            if shared.last?.key != article { shared.append((article, Shared())) }
            shared[shared.count - 1].value.add(common: k & 1 == 1)
        }
        let commonBands = perBand.lazy.filter { $0 > commonAbove }.count
        return Lookup(candidates: best(shared, limit: limit), postingsRead: postings.count, commonBands: commonBands)
    }

    /// The newest `postings` postings of each of `bands` band keys (bound in order) in each
    /// generation, the `current` one first, as one statement: per band and table one backward range
    /// scan of the (band_key, article_id) key, no sort. The text depends only on the counts and the
    /// slot. It is built only when the statement is prepared (`HeldStatements` keeps the prepared
    /// statement, so once per band count after each idle release), and not kept: a table of the
    /// texts for every band count and slot held 0.4 MB of the worker's heap for good.
    static func lookupSQL(bands: Int, postings: Int, current: Int) -> String {
        precondition(bands <= 64, "a band's position must fit in the low 6 bits")
        let tables = [NearDuplicateWindow.tables[current], NearDuplicateWindow.tables[1 - current]]
        return (0..<bands).flatMap { band in
            tables.map { table in
                "SELECT*FROM(SELECT article_id*64+\(band) FROM \(table) WHERE band_key=?\(band + 1) ORDER BY article_id DESC LIMIT \(postings))"
            }
        }.joined(separator: " UNION ALL ")
    }

    /// Bands one candidate shares with the new article, rare and common.
    struct Shared {
        var rare: Int32 = 0
        var common: Int32 = 0

        mutating func add(common isCommon: Bool) {
            if isCommon { common += 1 } else { rare += 1 }
        }

        /// Ranks before `other` (with ids `id` and `otherID`): more rare bands, then more common
        /// bands, then the lower id.
        func ranks(before other: Shared, id: Int64, otherID: Int64) -> Bool {
            if rare != other.rare { return rare > other.rare }
            if common != other.common { return common > other.common }
            return id < otherID
        }
    }

    /// The `limit` best-ranked ids, by keeping a sorted list of at most `limit` while scanning
    /// (candidates are a few hundred; sorting all of them cost more than the lookup's reads).
    static func best(_ shared: some Sequence<(key: Int64, value: Shared)>, limit: Int) -> [Int64] {
        guard limit > 0 else { return [] }
        var kept: [(id: Int64, shared: Shared)] = []
        kept.reserveCapacity(limit + 1)
        for (id, s) in shared {
            if kept.count == limit, let last = kept.last, !s.ranks(before: last.shared, id: id, otherID: last.id) { continue }
            var i = kept.count
            while i > 0, s.ranks(before: kept[i - 1].shared, id: id, otherID: kept[i - 1].id) { i -= 1 }
            kept.insert((id, s), at: i)
            if kept.count > limit { kept.removeLast() }
        }
        return kept.map(\.id)
    }

    /// The `limit` ids with the highest counts, ties broken by the lower id.
    static func top(_ counts: [Int64: Int], limit: Int) -> [Int64] {
        top(rare: counts, common: [:], limit: limit)
    }

    /// The `limit` ids ranked by rare bands shared, then common bands shared, then the lower id.
    static func top(rare: [Int64: Int], common: [Int64: Int], limit: Int) -> [Int64] {
        var shared: [Int64: Shared] = [:]
        for (id, n) in rare { shared[id, default: Shared()].rare = Int32(n) }
        for (id, n) in common { shared[id, default: Shared()].common = Int32(n) }
        return best(shared, limit: limit)
    }
}
