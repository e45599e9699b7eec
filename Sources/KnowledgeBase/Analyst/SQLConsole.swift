import Foundation
import GRDB
import Synchronization
#if canImport(GRDBSQLite)
import GRDBSQLite
#else
import SQLite3
#endif

/// A value of a `kb sql` result cell, as SQLite typed it.
public enum SQLValue: Sendable, Equatable, Codable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    /// Blobs are shown as lowercase hex.
    case blob(String)

    /// The cell as text (CSV, TSV, table): NULL is the empty string.
    public var text: String {
        switch self {
        case .null: return ""
        case let .integer(i): return String(i)
        case let .real(d): return d == d.rounded() && abs(d) < 1e15 ? String(Int64(d)) + ".0" : String(d)
        case let .text(s), let .blob(s): return s
        }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .null: try c.encodeNil()
        case let .integer(i): try c.encode(i)
        case let .real(d): try c.encode(d)
        case let .text(s), let .blob(s): try c.encode(s)
        }
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null }
        else if let i = try? c.decode(Int64.self) { self = .integer(i) }
        else if let d = try? c.decode(Double.self) { self = .real(d) }
        else { self = .text(try c.decode(String.self)) }
    }
}

/// The rows of an analyst query, columns in the order the query gives them.
public struct SQLResult: Sendable, Codable, Equatable {
    public var columns: [String]
    public var rows: [[SQLValue]]
}

extension KnowledgeBase {
    /// Runs one read-only SQL statement (`kb sql`). The statement runs on its own connection,
    /// opened read-only, under an authorizer that refuses writes, schema changes, ATTACH, PRAGMA
    /// changes and extension loading; it is interrupted after `timeout` seconds.
    /// Refusals, timeouts and SQL errors are `KBError.badQuery` with a sentence saying why.
    public func sql(_ query: String, timeout: Double = 5) throws -> SQLResult {
        var result = SQLResult(columns: [], rows: [])
        try sql(query, timeout: timeout, columns: { result.columns = $0 }, row: { result.rows.append($0) })
        return result
    }

    /// The same, streaming: `columns` once, then `row` for each row as SQLite produces it, so the
    /// first rows reach a pipe at once and memory stays bounded whatever the result's size. The
    /// timeout covers preparing the statement, every step and the callbacks' own time.
    public func sql(_ query: String, timeout: Double = 5, columns: ([String]) throws -> Void, row: ([SQLValue]) throws -> Void) throws {
        guard timeout.isFinite, timeout > 0 else {
            throw KBError.badQuery("kb sql: the timeout must be a positive number of seconds, not \(timeout)")
        }
        let console = try SQLConsole(path: path)
        defer { console.close() }
        try console.run(query, timeout: timeout, columns: columns, row: row)
    }
}

/// One raw SQLite connection, read-only and guarded; GRDB's connections keep GRDB's own authorizer.
final class SQLConsole {
    private var handle: OpaquePointer?
    private let guardState = GuardState()

    /// Read by SQLite's callbacks on the query's thread; `timedOut` is also set by the watchdog's.
    final class GuardState: Sendable {
        private let state = Mutex<(refusal: String?, deadline: Date)>((nil, .distantFuture))
        private let timeout = Atomic<Bool>(false)
        var refusal: String? { state.withLock { $0.refusal } }
        var deadline: Date {
            get { state.withLock { $0.deadline } }
            set { state.withLock { $0.deadline = newValue } }
        }
        var timedOut: Bool { timeout.load(ordering: .relaxed) }
        func refuse(_ reason: String) { state.withLock { if $0.refusal == nil { $0.refusal = reason } } }
        func markTimedOut() { timeout.store(true, ordering: .relaxed) }
    }

    init(path: String) throws {
        let flags = SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX
        guard sqlite3_open_v2(path, &handle, flags, nil) == SQLITE_OK else {
            let message = handle.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            sqlite3_close(handle)
            throw KBError.cannotOpenDatabase(path: path, reason: message)
        }
        sqlite3_busy_timeout(handle, 5000)
        sqlite3_limit(handle, SQLITE_LIMIT_SQL_LENGTH, Int32(Self.maxQueryBytes))
        let state = Unmanaged.passUnretained(guardState).toOpaque()
        sqlite3_set_authorizer(handle, { state, action, a, b, _, _ in
            let s = Unmanaged<GuardState>.fromOpaque(state!).takeUnretainedValue()
            let reason = SQLConsole.refusal(action, a.map { String(cString: $0) }, b.map { String(cString: $0) })
            if let reason { s.refuse(reason); return SQLITE_DENY }
            return SQLITE_OK
        }, state)
        sqlite3_progress_handler(handle, 10_000, { state in
            let s = Unmanaged<GuardState>.fromOpaque(state!).takeUnretainedValue()
            if Date() > s.deadline { s.markTimedOut(); return 1 }
            return 0
        }, state)
    }

    func close() {
        sqlite3_close_v2(handle)
        handle = nil
    }

    /// Pragmas that only read; any other pragma, and any of these given a value, is refused.
    static let readOnlyPragmas: Set<String> = [
        "table_info", "table_xinfo", "table_list", "index_list", "index_info", "index_xinfo", "foreign_key_list",
        "foreign_key_check", "integrity_check", "quick_check", "database_list", "collation_list", "function_list",
        "module_list", "pragma_list", "compile_options", "user_version", "schema_version", "application_id",
        "page_count", "page_size", "freelist_count", "encoding", "foreign_keys", "data_version",
    ]
    /// Pragmas whose argument names a table or index rather than setting a value.
    static let pragmasWithArgument: Set<String> = [
        "table_info", "table_xinfo", "table_list", "index_list", "index_info", "index_xinfo", "foreign_key_list",
        "foreign_key_check", "integrity_check", "quick_check",
    ]
    static let schemaTables: Set<String> = ["sqlite_master", "sqlite_schema", "sqlite_temp_master", "sqlite_temp_schema"]
    static let refusedFunctions: Set<String> = ["load_extension", "readfile", "writefile", "edit", "fts3_tokenizer"]

    /// Why an action is refused, or nil when it only reads.
    static func refusal(_ action: Int32, _ a: String?, _ b: String?) -> String? {
        switch action {
        case SQLITE_READ, SQLITE_SELECT, SQLITE_RECURSIVE:
            return nil
        case SQLITE_FUNCTION:
            guard let f = b?.lowercased(), refusedFunctions.contains(f) else { return nil }
            return f == "load_extension" ? "loading extensions (load_extension) is not allowed" : "the function \(f)() is not allowed"
        case SQLITE_PRAGMA:
            let name = (a ?? "").lowercased()
            if readOnlyPragmas.contains(name) && (b == nil || pragmasWithArgument.contains(name)) { return nil }
            return b == nil ? "PRAGMA \(name) is not allowed (only read-only pragmas such as table_info are)"
                            : "changing settings (PRAGMA \(name) = \(b!)) is not allowed"
        case SQLITE_UPDATE where schemaTables.contains(a ?? ""):
            // Eponymous virtual tables (pragma_table_info(…)) report this while connecting; statements that
            // really change the schema are refused by their own action code (CREATE, DROP, ALTER, …).
            return nil
        case SQLITE_INSERT where schemaTables.contains(a ?? ""), SQLITE_DELETE where schemaTables.contains(a ?? ""):
            return "changing the schema (CREATE, DROP, ALTER) is not allowed"
        case SQLITE_INSERT: return "writing (INSERT INTO \(a ?? "?")) is not allowed"
        case SQLITE_UPDATE: return "writing (UPDATE \(a ?? "?")) is not allowed"
        case SQLITE_DELETE: return "writing (DELETE FROM \(a ?? "?")) is not allowed"
        case SQLITE_ATTACH, SQLITE_DETACH: return "ATTACH and DETACH are not allowed"
        case SQLITE_TRANSACTION, SQLITE_SAVEPOINT: return "transactions are not needed: each query runs alone, read-only"
        case SQLITE_DROP_TABLE, SQLITE_DROP_TEMP_TABLE, SQLITE_DROP_VIEW, SQLITE_DROP_TEMP_VIEW, SQLITE_DROP_INDEX,
             SQLITE_DROP_TEMP_INDEX, SQLITE_DROP_TRIGGER, SQLITE_DROP_TEMP_TRIGGER, SQLITE_DROP_VTABLE:
            return "dropping \(a ?? "objects") is not allowed"
        default:
            return "changing the database or its schema is not allowed"
        }
    }

    /// Blobs longer than this are shown cut, with their size: a `zeroblob(1e9)` must not take minutes to print.
    static let blobDisplayLimit = 4096
    /// The longest statement `kb sql` accepts (also SQLite's SQLITE_LIMIT_SQL_LENGTH on its connection).
    static let maxQueryBytes = 1 << 20

    func run(_ query: String, timeout: Double, columns onColumns: ([String]) throws -> Void, row onRow: ([SQLValue]) throws -> Void) throws {
        // The progress handler only runs while statements execute; a watchdog interrupts the
        // parser too (a 5-million-element IN list), and whatever else runs past the deadline.
        // SQLite's parser is not interruptible between tokens without spaces (« IN (1,2,3,…) »): the
        // length of a statement is bounded instead, before any work on it.
        guard query.utf8.count <= Self.maxQueryBytes else {
            throw KBError.badQuery("kb sql: the query is \(query.utf8.count) bytes, over the limit of \(Self.maxQueryBytes); put long value lists in a table or shorten it")
        }
        let started = Date()
        guardState.deadline = started.addingTimeInterval(timeout)
        let watchdog = Watchdog(handle: handle!, state: guardState, seconds: timeout)
        defer { watchdog.cancel() }
        let sql = query.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !sql.isEmpty else { throw KBError.badQuery("kb sql: the query is empty") }
        // SQLite would read the statement only up to the NUL, silently dropping the rest.
        guard !sql.utf8.contains(0) else { throw KBError.badQuery("kb sql: the query contains a NUL byte; remove it") }
        var statement: OpaquePointer?
        var tail: UnsafePointer<CChar>?
        let bytes = Array(sql.utf8CString)
        let prepared = bytes.withUnsafeBufferPointer { p -> Int32 in
            let rc = sqlite3_prepare_v2(handle, p.baseAddress, Int32(p.count), &statement, &tail)
            if rc == SQLITE_OK, let tail, let base = p.baseAddress {
                let rest = String(cString: tail).trimmingCharacters(in: CharacterSet.whitespacesAndNewlines.union(.init(charactersIn: ";")))
                if !rest.isEmpty && tail - base < p.count - 1 {
                    sqlite3_finalize(statement); statement = nil
                    return -1
                }
            }
            return rc
        }
        defer { sqlite3_finalize(statement) }
        if prepared == -1 { throw KBError.badQuery("kb sql runs one statement at a time; split the query") }
        guard prepared == SQLITE_OK else { throw failure(prepared, timeout: timeout) }
        guard let statement else { throw KBError.badQuery("kb sql: the query holds no statement (only comments?)") }
        if sqlite3_stmt_readonly(statement) == 0 {
            throw KBError.badQuery("kb sql is read-only: only SELECT (and read-only PRAGMA) statements can run")
        }
        let count = Int(sqlite3_column_count(statement))
        try onColumns((0..<count).map { String(cString: sqlite3_column_name(statement, Int32($0))) })
        while true {
            let rc = sqlite3_step(statement)
            if rc == SQLITE_DONE { break }
            guard rc == SQLITE_ROW else { throw failure(rc, timeout: timeout) }
            try onRow((0..<count).map { value(statement, Int32($0)) })
            if Date() > guardState.deadline { guardState.markTimedOut(); throw failure(SQLITE_INTERRUPT, timeout: timeout) }
        }
    }

    /// Calls `sqlite3_interrupt` when the deadline passes (safe from another thread).
    final class Watchdog: Sendable {
        private let condition = NSCondition()
        /// Written under `condition`'s lock, so the watchdog cannot miss a cancel between its check and its wait.
        private let cancelled = Atomic<Bool>(false)
        init(handle: OpaquePointer, state: GuardState, seconds: Double) {
            let deadline = Date().addingTimeInterval(seconds)
            // The compiler cannot check this capture: an `OpaquePointer` is a C pointer, never Sendable.
            // It is safe here because the watchdog only passes it to `sqlite3_interrupt`, which SQLite
            // documents as callable from any thread, and only under `condition`'s lock; the console
            // calls `cancel()` before it closes the handle, and `cancel()` takes that lock, so the
            // handle is still open whenever the watchdog uses it.
            nonisolated(unsafe) let h = handle
            Thread.detachNewThread { [self] in
                condition.lock()
                while !cancelled.load(ordering: .relaxed) && condition.wait(until: deadline) {}
                if !cancelled.load(ordering: .relaxed) { state.markTimedOut(); sqlite3_interrupt(h) }
                condition.unlock()
            }
        }
        func cancel() {
            condition.lock()
            cancelled.store(true, ordering: .relaxed)
            condition.signal()
            condition.unlock()
        }
    }

    private func value(_ s: OpaquePointer, _ i: Int32) -> SQLValue {
        switch sqlite3_column_type(s, i) {
        case SQLITE_INTEGER: return .integer(sqlite3_column_int64(s, i))
        case SQLITE_FLOAT: return .real(sqlite3_column_double(s, i))
        case SQLITE_TEXT: return .text(String(cString: sqlite3_column_text(s, i)))
        case SQLITE_BLOB:
            let n = Int(sqlite3_column_bytes(s, i))
            guard n > 0, let p = sqlite3_column_blob(s, i) else { return .blob("") }
            let bytes = UnsafeRawBufferPointer(start: p, count: min(n, Self.blobDisplayLimit))
            let digits: [UInt8] = Array("0123456789abcdef".utf8)
            var hex = [UInt8]()
            hex.reserveCapacity(bytes.count * 2)
            for b in bytes { hex.append(digits[Int(b >> 4)]); hex.append(digits[Int(b & 15)]) }
            let shown = String(decoding: hex, as: UTF8.self)
            return .blob(n > Self.blobDisplayLimit ? shown + "… (\(n) bytes, first \(Self.blobDisplayLimit) shown)" : shown)
        default: return .null
        }
    }

    private func failure(_ rc: Int32, timeout: Double = 0) -> KBError {
        if let refusal = guardState.refusal {
            return .badQuery("kb sql is read-only: \(refusal). The database was not modified.")
        }
        if guardState.timedOut || rc == SQLITE_INTERRUPT {
            return .queryInterrupted(seconds: timeout)
        }
        return .badQuery("kb sql: \(String(cString: sqlite3_errmsg(handle)))")
    }
}
