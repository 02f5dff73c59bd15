import Deduplication
import Foundation
import GRDB

extension IncidentDatabase {
    /// Named, versioned migrations; never edit one that has shipped, add a new one instead.
    static var migrator: DatabaseMigrator { migrator(nearDuplicateWindow: NearDuplicateWindow.defaultOriginals) }

    /// - Parameter window: originals whose bands v4 keeps indexed (see `NearDuplicateWindow`).
    static func migrator(nearDuplicateWindow window: Int) -> DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1-articles-incidents-outbox") { db in
            try db.execute(sql: """
            CREATE TABLE article (
                id INTEGER PRIMARY KEY,
                content_hash TEXT NOT NULL UNIQUE,
                file_name TEXT NOT NULL,
                outlet TEXT,
                title TEXT,
                published TEXT,
                reference_day TEXT,
                received_at REAL NOT NULL,
                text TEXT NOT NULL,
                near_duplicate_of INTEGER REFERENCES article(id),
                sketch BLOB
            );
            CREATE TABLE article_band (
                band_key INTEGER NOT NULL,
                article_id INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
                PRIMARY KEY (band_key, article_id)
            ) WITHOUT ROWID;
            CREATE TABLE incident (
                id INTEGER PRIMARY KEY,
                event_type TEXT NOT NULL,
                role TEXT NOT NULL,
                date TEXT,
                date_start TEXT,
                date_end TEXT,
                place TEXT,
                admin1 TEXT,
                country TEXT,
                latitude REAL,
                longitude REAL,
                perpetrator TEXT,
                attribution TEXT,
                target TEXT,
                killed_low INTEGER, killed_best INTEGER, killed_high INTEGER,
                injured_low INTEGER, injured_best INTEGER, injured_high INTEGER,
                report_count INTEGER NOT NULL DEFAULT 0,
                record_json TEXT NOT NULL,
                created_at REAL NOT NULL,
                updated_at REAL NOT NULL
            );
            CREATE INDEX incident_date ON incident(date_start);
            CREATE TABLE incident_block (
                key TEXT NOT NULL,
                incident_id INTEGER NOT NULL REFERENCES incident(id) ON DELETE CASCADE,
                PRIMARY KEY (key, incident_id)
            ) WITHOUT ROWID;
            CREATE INDEX incident_block_incident ON incident_block(incident_id);
            CREATE TABLE report (
                id INTEGER PRIMARY KEY,
                article_id INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
                mention_index INTEGER NOT NULL,
                incident_id INTEGER REFERENCES incident(id) ON DELETE SET NULL,
                role TEXT NOT NULL,
                event_type TEXT NOT NULL,
                date TEXT,
                place TEXT,
                admin1 TEXT,
                country TEXT,
                perpetrator TEXT,
                attribution TEXT,
                killed INTEGER,
                injured INTEGER,
                evidence TEXT NOT NULL,
                mention_json TEXT NOT NULL,
                UNIQUE (article_id, mention_index)
            );
            CREATE INDEX report_incident ON report(incident_id);
            CREATE TABLE receipt (
                id INTEGER PRIMARY KEY,
                file_name TEXT NOT NULL,
                inbox_path TEXT NOT NULL,
                device INTEGER,
                inode INTEGER,
                size INTEGER,
                mtime REAL,
                received_at REAL NOT NULL,
                outcome TEXT NOT NULL,
                reason TEXT,
                article_id INTEGER REFERENCES article(id),
                destination TEXT,
                settled INTEGER NOT NULL DEFAULT 0
            );
            CREATE INDEX receipt_unsettled ON receipt(settled) WHERE settled = 0;
            CREATE TABLE outbox (
                id INTEGER PRIMARY KEY,
                kind TEXT NOT NULL,
                incident_id INTEGER,
                payload_json TEXT NOT NULL,
                created_at REAL NOT NULL,
                sent_at REAL
            );
            CREATE INDEX outbox_pending ON outbox(id) WHERE sent_at IS NULL;
            """)
        }
        m.registerMigration("v2-orphan-reports") { db in
            // Background mentions that arrived before the incident they recall, findable by the
            // same blocking keys an incident stores, so they can be adopted later.
            try db.execute(sql: """
            CREATE TABLE orphan_block (
                key TEXT NOT NULL,
                report_id INTEGER NOT NULL REFERENCES report(id) ON DELETE CASCADE,
                PRIMARY KEY (key, report_id)
            ) WITHOUT ROWID;
            CREATE INDEX orphan_block_report ON orphan_block(report_id);
            """)
        }
        m.registerMigration("v3-article-sketch", foreignKeyChecks: .immediate) { db in
            // The near-duplicate lookup reads up to 16 sketches per article. In `article` the sketch
            // sits after `text`, so reading it walked the text's overflow pages (about 9 % of the
            // daemon's CPU in a burst); here it is a 517-byte row found by its key. Only originals
            // (articles without `near_duplicate_of`, the ones whose bands are indexed) can be
            // candidates, so only their sketches are kept. `article.sketch` stays, unread and NULL
            // for new rows: dropping or clearing it would rewrite every article row (5 GB on a
            // 1M-article store). Immediate foreign-key checks: the default deferred mode runs
            // `foreign_key_check` over every table, minutes on a large store, and this migration
            // only adds rows whose key it takes from `article`.
            try db.execute(sql: """
            CREATE TABLE article_sketch (
                article_id INTEGER PRIMARY KEY REFERENCES article(id) ON DELETE CASCADE,
                sketch BLOB NOT NULL
            );
            INSERT INTO article_sketch (article_id, sketch)
                SELECT id, sketch FROM article WHERE sketch IS NOT NULL AND near_duplicate_of IS NULL ORDER BY id;
            """)
        }
        m.registerMigration("v4-band-generations", foreignKeyChecks: .immediate) { db in
            // Only the most recent originals' bands stay indexed, in two generations (see
            // `NearDuplicateWindow`). Their postings are computed again from their sketches (the
            // recorder indexed exactly `Set(sketch.bandKeys)`): reading `window` sketches by id
            // instead of scanning every posting of the old table (145k pages in a 1M store). The
            // older sketches go too, as a rotation would retire them: the kept ones are copied to a
            // new table and the old one dropped whole, fewer pages changed than by a `DELETE` of
            // the others (migrations run with `temp_store = FILE`: see `IncidentDatabase.init`).
            try db.execute(sql: NearDuplicateWindow.schemaSQL)
            let cutoff = try Int64.fetchOne(db, sql: "SELECT article_id FROM article_sketch ORDER BY article_id DESC LIMIT 1 OFFSET ?",
                                            arguments: [window - 1]) ?? 0
            let insert = try db.makeStatement(sql: "INSERT OR IGNORE INTO article_band_0 (band_key, article_id) VALUES (?, ?)")
            var originals = 0
            let rows = try Row.fetchCursor(db, sql: "SELECT article_id, sketch FROM article_sketch WHERE article_id >= ? ORDER BY article_id",
                                           arguments: [cutoff])
            var first: Int64?
            var kept: [(Int64, [Int64])] = []
            while let row = try rows.next() {
                let data: Data = row[1]
                guard let sketch = NearDuplicateSketch(encoded: data), !sketch.isEmpty else { continue }
                kept.append((row[0], Array(Set(sketch.bandKeys))))
            }
            for (id, keys) in kept {
                first = first ?? id
                originals += 1
                for key in keys { try insert.execute(arguments: [key, id]) }
            }
            try db.execute(sql: "INSERT INTO band_generation (id, current, originals, first_article) VALUES (0, 0, ?, ?)",
                           arguments: [originals, first ?? 0])
            try db.execute(sql: """
                CREATE TABLE article_sketch_kept (
                    article_id INTEGER PRIMARY KEY REFERENCES article(id) ON DELETE CASCADE,
                    sketch BLOB NOT NULL
                );
                INSERT INTO article_sketch_kept (article_id, sketch)
                    SELECT article_id, sketch FROM article_sketch WHERE article_id >= ? ORDER BY article_id;
                DROP TABLE article_sketch;
                ALTER TABLE article_sketch_kept RENAME TO article_sketch;
                DROP TABLE article_band;
                """, arguments: [cutoff])
        }
        return m
    }
}
