import GRDB

/// Statements from the connection's cache: parsed and authorised once, then reused. The record
/// transaction runs the same dozen statements for every article, and re-parsing them was a large
/// share of its CPU time.
///
/// Arguments are bound without GRDB's per-call validation (`setUncheckedArguments`): every SQL
/// text here is a literal written beside its argument list, and validating, then binding through
/// one nested closure per argument, cost more than SQLite's own work on these small statements.
/// Debug builds (the tests) still validate every call, so a miscounted list fails there.
extension Database {
    func run(sql: String, arguments: StatementArguments = StatementArguments()) throws {
        try bound(sql, arguments).execute()
    }

    /// Runs a statement whose arguments are large (an article's text) and unbinds them afterwards,
    /// so the cached statement does not keep a copy of the last article alive between files. (A
    /// statement that failed is not unbound: GRDB drops it from the cache, which frees it, and
    /// resetting it would only report the failure again.)
    func runReleasingArguments(sql: String, arguments: StatementArguments) throws {
        let statement = try bound(sql, arguments)
        try statement.execute()
        statement.setUncheckedArguments(StatementArguments())
    }

    func rows(sql: String, arguments: StatementArguments = StatementArguments()) throws -> [Row] {
        try Row.fetchAll(bound(sql, arguments))
    }

    func row(sql: String, arguments: StatementArguments = StatementArguments()) throws -> Row? {
        try Row.fetchOne(bound(sql, arguments))
    }

    func value<T: DatabaseValueConvertible & StatementColumnConvertible>(
        _ type: T.Type, sql: String, arguments: StatementArguments = StatementArguments()
    ) throws -> T? {
        try T.fetchOne(bound(sql, arguments))
    }

    func values<T: DatabaseValueConvertible & StatementColumnConvertible>(
        _ type: T.Type, sql: String, arguments: StatementArguments = StatementArguments()
    ) throws -> [T] {
        try T.fetchAll(bound(sql, arguments))
    }

    /// The cached statement for `sql` with `arguments` bound.
    func bound(_ sql: String, _ arguments: StatementArguments) throws -> Statement {
        let statement = try cachedStatement(sql: sql)
        #if DEBUG
        try statement.validateArguments(arguments)
        #endif
        statement.setUncheckedArguments(arguments)
        return statement
    }
}
