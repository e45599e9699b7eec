import GRDB
#if canImport(GRDBSQLite)
import GRDBSQLite
#else
import SQLite3
#endif

/// A value bound by `DirectStatement`.
enum DirectValue {
    case int(Int64), real(Double), text(String), null

    /// NULL when absent.
    static func opt(_ v: String?) -> DirectValue { v.map { .text($0) } ?? .null }
    static func opt(_ v: Int?) -> DirectValue { v.map { .int(Int64($0)) } ?? .null }
    static func opt(_ v: Int64?) -> DirectValue { v.map { .int($0) } ?? .null }
    static func opt(_ v: Double?) -> DirectValue { v.map { .real($0) } ?? .null }
}

/// An insert or update the ingest writer runs for every article, many times: bound and stepped
/// with SQLite's C calls. GRDB's argument conversion (`StatementArguments` → `DatabaseValue`
/// array → bindings, observation broker) cost the writer more than SQLite's own insert (perf:
/// `withBindings` and `statementWillExecute` on the writer thread). The statement's SQL carries a
/// comment of its own, so no GRDB-driven use of the same cached statement shares its bindings.
struct DirectStatement {
    private let statement: Statement
    private let db: Database
    private let sql: String

    init(_ db: Database, sql: String) throws {
        self.db = db
        self.sql = sql
        statement = try db.cachedStatement(sql: sql + " -- bound directly")
    }

    /// Binds `values` to the parameters 1…n, steps once (no rows expected) and resets.
    func run(_ values: DirectValue...) throws {
        let s = statement.sqliteStatement
        sqlite3_reset(s)
        var code = SQLITE_OK
        for (i, v) in values.enumerated() where code == SQLITE_OK {
            code = Self.bind(s, Int32(i + 1), v)
        }
        if code == SQLITE_OK { code = sqlite3_step(s) }
        sqlite3_reset(s)
        guard code == SQLITE_DONE else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)), sql: sql)
        }
    }

    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    private static func bind(_ s: OpaquePointer?, _ i: Int32, _ v: DirectValue) -> Int32 {
        switch v {
        case .int(let n): return sqlite3_bind_int64(s, i, n)
        case .real(let d): return sqlite3_bind_double(s, i, d)
        case .null: return sqlite3_bind_null(s, i)
        case .text(var t):
            // An empty string has no buffer address: bound as '' explicitly, never as NULL.
            return t.withUTF8 { b in
                b.count == 0 ? sqlite3_bind_text(s, i, "", 0, transient)
                    : sqlite3_bind_text(s, i, UnsafeRawPointer(b.baseAddress!).assumingMemoryBound(to: CChar.self), Int32(b.count), transient)
            }
        }
    }
}
