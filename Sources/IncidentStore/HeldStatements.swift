import GRDB
import GRDBSQLite

/// The record transaction's statements, prepared once and kept for the writer connection's life,
/// each in a numbered slot, with their arguments bound straight to SQLite.
///
/// Why not `Database.cachedStatement(sql:)` and `StatementArguments`: the cache hashes the whole
/// SQL text on every call (the band lookup's text is 3.5 KB), and an argument list boxes every
/// value as an existential, converts it to a `DatabaseValue`, then binds it through GRDB: together
/// some 260,000 instructions per article, more than SQLite's work on most of these statements.
/// Execution and fetching still go through GRDB (its error handling, savepoint and transaction
/// tracking); only the look-up and the binding are replaced. This file is the one place that calls
/// SQLite's C API directly.
///
/// A holder belongs to one connection: the writer's (`IncidentDatabase.heldStatements`, used only
/// inside write transactions, which GRDB serialises) or a short-lived one made for a single
/// transaction. A statement that failed is dropped (`forget()`, inside the same transaction), as
/// GRDB drops its cached ones.
final class HeldStatements: @unchecked Sendable {
    /// The statements with a fixed text.
    enum Slot: Int, CaseIterable {
        case articleByHash, insertArticle, insertSketch, insertBand0, insertBand1, windowState, updateWindow, candidateSketches, insertReceipt, insertOutbox
        case blockCandidates, insertIncident, insertReport, insertOrphanKey, reportCount
        case orphanMatches, orphanRows, reportExists, adoptReport, deleteOrphanKeys
        case incidentJSON, incidentReports, updateIncident, incidentKeys, deleteIncidentKeys, insertIncidentKey
        case settleReceipt
    }

    /// Slots after the fixed ones for statements whose text depends on a count (0...`countedLimit`).
    enum Counted: Int, CaseIterable {
        /// The band lookup with `article_band_0` (or `_1`) as the current generation, read first.
        case bandLookupCurrent0, bandLookupCurrent1
    }

    static let countedLimit = 64

    private var statements: [Statement?]
    private weak var owner: Database?

    init() {
        statements = Array(repeating: nil, count: Slot.allCases.count + Counted.allCases.count * (Self.countedLimit + 1))
    }

    /// The statement in `slot`, prepared from `sql` the first time, reset and ready to bind.
    func statement(_ slot: Slot, _ db: Database, sql: @autoclosure () -> String) throws -> Statement {
        try statement(at: slot.rawValue, db, sql: sql)
    }

    /// The statement for `count` items of a counted kind (`count` ≤ `countedLimit`).
    func statement(_ kind: Counted, count: Int, _ db: Database, sql: @autoclosure () -> String) throws -> Statement {
        precondition(count <= Self.countedLimit, "counted statements hold at most \(Self.countedLimit) items")
        return try statement(at: Slot.allCases.count + kind.rawValue * (Self.countedLimit + 1) + count, db, sql: sql)
    }

    private func statement(at index: Int, _ db: Database, sql: () -> String) throws -> Statement {
        if owner !== db {
            forget()
            owner = db
        }
        if let held = statements[index] {
            sqlite3_reset(held.sqliteStatement)
            return held
        }
        let statement = try Self.unheld(db, sql: sql())
        statements[index] = statement
        return statement
    }

    /// A statement prepared for one use, to bind like a held one.
    static func unheld(_ db: Database, sql: String) throws -> Statement {
        let statement = try db.makeStatement(sql: sql)
        // Marks the (empty) arguments as bound, so GRDB's execution only resets the statement and
        // keeps the values bound here.
        statement.setUncheckedArguments(StatementArguments())
        return statement
    }

    /// Drops every statement (after a failure, or to hand their memory back while idle).
    func forget() {
        for i in statements.indices { statements[i] = nil }
    }

    /// Binds `values` in order to the statement in `slot` and runs it.
    func execute(_ slot: Slot, _ db: Database, sql: @autoclosure () -> String, _ values: Binding...) throws {
        let statement = try statement(at: slot.rawValue, db, sql: sql)
        Self.bind(values, to: statement)
        try Self.run(statement)
    }

    /// Binds `values` to a statement from `statement(…)` (reset again) and runs it: for a statement
    /// run many times in a row.
    func execute(_ statement: Statement, _ values: Binding...) throws {
        sqlite3_reset(statement.sqliteStatement)
        Self.bind(values, to: statement)
        try Self.run(statement)
    }

    /// Steps a bound statement that writes (an INSERT, UPDATE or DELETE of this file's statements)
    /// to its end, straight through SQLite: GRDB's execution adds some 1,200 instructions of
    /// bookkeeping per statement (observation, cancellation and region checks this store does not
    /// use), and the record transaction runs some 50 such statements per article. A failure is
    /// thrown as GRDB's `DatabaseError`; the caller rolls back and drops the held statements, and
    /// GRDB's transaction handling asks SQLite whether a transaction is still open.
    static func run(_ statement: Statement) throws {
        let raw = statement.sqliteStatement
        while true {
            switch sqlite3_step(raw) {
            case SQLITE_DONE: return
            case SQLITE_ROW: continue
            case let code:
                throw failure(code, statement)
            }
        }
    }

    /// The statement in `slot` with `values` bound, for a GRDB fetch (`Row.fetchOne(statement)`).
    func bound(_ slot: Slot, _ db: Database, sql: @autoclosure () -> String, _ values: Binding...) throws -> Statement {
        let statement = try statement(at: slot.rawValue, db, sql: sql)
        Self.bind(values, to: statement)
        return statement
    }

    /// Binds `values` to parameters 1…n of a statement returned by `statement(…)`.
    static func bind(_ values: [Binding], to statement: Statement) {
        let raw = statement.sqliteStatement
        #if DEBUG
        precondition(Int(sqlite3_bind_parameter_count(raw)) == values.count, "\(values.count) values for: \(statement.sql)")
        #endif
        for (i, value) in values.enumerated() {
            value.bind(raw, CInt(i + 1))
        }
    }

    /// Binds 64-bit integers to parameters `first`, `first + 1`, … (the band keys).
    static func bind(integers: some Sequence<Int64>, to statement: Statement, from first: CInt) {
        let raw = statement.sqliteStatement
        var index = first
        for value in integers {
            sqlite3_bind_int64(raw, index, value)
            index += 1
        }
        #if DEBUG
        precondition(index - 1 == sqlite3_bind_parameter_count(raw), "\(index - 1) values for: \(statement.sql)")
        #endif
    }

    /// Releases the values bound to `statement` (an article's text), so the held statement does not
    /// keep a copy alive between files.
    static func clearBindings(_ statement: Statement) {
        sqlite3_clear_bindings(statement.sqliteStatement)
    }

    /// Hands `body` the first column of each row of a bound statement, as a 64-bit integer, read
    /// straight from SQLite (the band lookup's some 200 postings per article: GRDB's cursor added
    /// about 250 instructions per row). A failure is thrown as for `run`.
    static func forEachInteger(_ statement: Statement, _ body: (Int64) -> Void) throws {
        let raw = statement.sqliteStatement
        while true {
            switch sqlite3_step(raw) {
            case SQLITE_ROW: body(sqlite3_column_int64(raw, 0))
            case SQLITE_DONE: return
            case let code: throw failure(code, statement)
            }
        }
    }

    /// Hands `body` each row's first column as an integer and second as bytes (nil for NULL), read
    /// straight from SQLite (the candidates' sketches: GRDB's row access cost some 2,000
    /// instructions per sketch). The bytes are valid only during the call.
    static func forEachIntegerAndBlob(_ statement: Statement, _ body: (Int64, UnsafeRawBufferPointer?) -> Void) throws {
        let raw = statement.sqliteStatement
        while true {
            switch sqlite3_step(raw) {
            case SQLITE_ROW:
                let id = sqlite3_column_int64(raw, 0)
                let bytes = sqlite3_column_blob(raw, 1)
                body(id, bytes.map { UnsafeRawBufferPointer(start: $0, count: Int(sqlite3_column_bytes(raw, 1))) })
            case SQLITE_DONE: return
            case let code: throw failure(code, statement)
            }
        }
    }

    /// Runs a statement from `statement(…)` with two integer parameters (a band key and its
    /// article, 32 times per article).
    static func run(_ statement: Statement, _ first: Int64, _ second: Int64) throws {
        let raw = statement.sqliteStatement
        sqlite3_reset(raw)
        sqlite3_bind_int64(raw, 1, first)
        sqlite3_bind_int64(raw, 2, second)
        try run(statement)
    }

    private static func failure(_ code: CInt, _ statement: Statement) -> DatabaseError {
        let raw = statement.sqliteStatement
        let message = sqlite3_db_handle(raw).flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) }
        sqlite3_reset(raw)
        return DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: statement.sql)
    }
}

/// One value to bind, as GRDB binds it: text as a C string (up to a NUL, as GRDB does), integers as
/// 64-bit, reals as doubles, nil as NULL.
enum Binding {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob([UInt8])

    static func of(_ value: Int64?) -> Binding { value.map(Binding.integer) ?? .null }
    static func of(_ value: Int?) -> Binding { value.map { .integer(Int64($0)) } ?? .null }
    static func of(_ value: Double?) -> Binding { value.map(Binding.real) ?? .null }
    static func of(_ value: String?) -> Binding { value.map(Binding.text) ?? .null }

    func bind(_ raw: SQLiteStatement, _ index: CInt) {
        let code: CInt
        switch self {
        case .null: code = sqlite3_bind_null(raw, index)
        case .integer(let v): code = sqlite3_bind_int64(raw, index, v)
        case .real(let v): code = sqlite3_bind_double(raw, index, v)
        case .text(let s): code = s.withCString { sqlite3_bind_text(raw, index, $0, -1, transient) }
        case .blob(let bytes): code = bytes.withUnsafeBytes { sqlite3_bind_blob(raw, index, $0.baseAddress, CInt($0.count), transient) }
        }
        precondition(code == SQLITE_OK, "binding parameter \(index) failed: \(code)")
    }
}

/// SQLite copies the value before the bind call returns.
private let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)
