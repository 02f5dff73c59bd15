import GRDB

/// The stored articles sharing the most LSH bands with a new one: the near-duplicate candidates.
///
/// The articles sharing the most bands are the most similar ones: a near-copy shares many of its
/// 32 bands, unrelated text almost none, so the best `limit` are enough to check. Boilerplate makes
/// some bands common to hundreds of articles; ranking them with `GROUP BY … ORDER BY count(*)` in
/// SQL ran a sorter over every posting and was the largest single cost of recording an article.
/// Here the postings are read straight off the index and counted in a dictionary; the ranking is
/// the same (most shared bands first, then the lower id).
enum NearDuplicateCandidates {
    static func mostShared(_ db: Database, bandKeys keys: [Int64], limit: Int = 16) throws -> [Int64] {
        guard !keys.isEmpty else { return [] }
        let marks = Array(repeating: "?", count: keys.count).joined(separator: ",")
        let statement = try db.cachedStatement(sql: "SELECT article_id FROM article_band WHERE band_key IN (\(marks))")
        var shared: [Int64: Int] = [:]
        let postings = try Int64.fetchCursor(statement, arguments: StatementArguments(keys))
        while let id = try postings.next() { shared[id, default: 0] += 1 }
        guard !shared.isEmpty else { return [] }
        return Self.top(shared, limit: limit)
    }

    /// The `limit` ids with the highest counts, ties broken by the lower id.
    static func top(_ counts: [Int64: Int], limit: Int) -> [Int64] {
        let ranked = counts.sorted { a, b in a.value != b.value ? a.value > b.value : a.key < b.key }
        return ranked.prefix(limit).map(\.key)
    }
}
