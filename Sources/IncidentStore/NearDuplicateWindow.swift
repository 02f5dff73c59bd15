import GRDB

/// Which stored originals the near-duplicate lookup covers: the most recent ones, in two
/// generations of band postings.
///
/// Why bounded: band keys are random 64-bit values, so each new article inserts its 32 keys into
/// 32 random leaves of the band index and reads the same leaves to find candidates. Once that index
/// outgrows the caches, every article pays some 30 page reads and 30 WAL frames, and ingest cost
/// grew with the store (0.67 ms per article at 1k stored, 2.05 ms at 1M). Near-copies of a story
/// arrive within days, so only the bands of the most recent originals are indexed; exact
/// duplicates stay detected forever through the content-hash index, and an older story's
/// near-copy still merges into the same incidents through the incident resolver (only its
/// `near_duplicate_of` link is lost).
///
/// Why two tables: retiring old postings one by one would be as many random deletes as the
/// inserts were. Bands go into the *current* table (`article_band_0` or `article_band_1`); when it
/// holds `window` originals the *previous* table is emptied in one statement (SQLite frees its
/// pages without visiting rows) and becomes the current one. Lookups read both, so the lookup
/// covers between `window` and `2 × window` of the newest originals. Retiring a generation also
/// deletes the sketches older than the remaining one (a range of the lowest ids), so the sketch
/// table stays as small as the band tables. The band tables have no foreign key: with one,
/// SQLite would delete row by row; articles are never deleted.
enum NearDuplicateWindow {
    /// Originals per generation by default (`near_duplicate_window`), chosen by measurement
    /// (`Scripts/bench --scale 1000,100000 --boilerplate-bands --near-duplicate-window N`): CPU per
    /// article at 100k stored was about +25 % over a 1k store with 1,024, +40 % with 2,048, +55 % with
    /// 4,096 (the content-hash and blocking-key indexes account for most of what remains at 1,024).
    static let defaultOriginals = 1_024

    /// The two band tables, by slot.
    static let tables = ["article_band_0", "article_band_1"]

    /// The row of `band_generation`: which table is current and how full it is.
    struct State: Sendable, Equatable {
        /// Slot (0 or 1) of the table new bands go to; its ids are all above the other table's.
        var current: Int
        /// Originals whose bands are in the current table.
        var originals: Int
        /// The current generation's first article id: sketches below it are retired with the
        /// previous generation.
        var firstArticle: Int64

        var previous: Int { 1 - current }
    }

    static func state(_ db: Database, held: HeldStatements) throws -> State {
        let statement = try held.bound(.windowState, db, sql: "SELECT current, originals, first_article FROM band_generation WHERE id = 0")
        guard let row = try Row.fetchOne(statement) else {
            throw StoreError(.corrupt, "the band_generation row is missing from the database")
        }
        return State(current: row[0], originals: row[1], firstArticle: row[2])
    }

    /// Counts `articleID` as an original of the current generation, first retiring the previous
    /// generation when the current one is full. Returns the table its bands go to.
    static func admit(_ db: Database, _ state: State, articleID: Int64, window: Int, held: HeldStatements) throws -> String {
        var next = state
        if state.originals >= window {
            try retire(db, state)
            next = State(current: state.previous, originals: 0, firstArticle: articleID)
        }
        next.originals += 1
        try held.execute(.updateWindow, db, sql: "UPDATE band_generation SET current = ?, originals = ?, first_article = ? WHERE id = 0",
                         .integer(Int64(next.current)), .integer(Int64(next.originals)), .integer(next.firstArticle))
        return tables[next.current]
    }

    /// Empties the previous generation's table (a `DELETE` without `WHERE` on a table without
    /// triggers or foreign keys: SQLite drops its pages whole) and deletes the sketches of the
    /// originals it held: every id below the current generation's first.
    private static func retire(_ db: Database, _ state: State) throws {
        try db.execute(sql: "DELETE FROM \(tables[state.previous])")
        try db.execute(sql: "DELETE FROM article_sketch WHERE article_id < ?", arguments: [state.firstArticle])
    }

    /// SQL creating the two band tables and the generation row (schema v4).
    static let schemaSQL = """
        CREATE TABLE article_band_0 (band_key INTEGER NOT NULL, article_id INTEGER NOT NULL, PRIMARY KEY (band_key, article_id)) WITHOUT ROWID;
        CREATE TABLE article_band_1 (band_key INTEGER NOT NULL, article_id INTEGER NOT NULL, PRIMARY KEY (band_key, article_id)) WITHOUT ROWID;
        CREATE TABLE band_generation (
            id INTEGER PRIMARY KEY CHECK (id = 0),
            current INTEGER NOT NULL CHECK (current IN (0, 1)),
            originals INTEGER NOT NULL,
            first_article INTEGER NOT NULL
        );
        """
}
