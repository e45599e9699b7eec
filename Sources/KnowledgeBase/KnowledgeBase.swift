import Foundation
import GRDB
import Synchronization
import Extraction
import FrenchText
#if canImport(GRDBSQLite)
import GRDBSQLite
#else
import SQLite3
#endif

/// The knowledge base: one SQLite file, and every operation kb offers on it.
///
/// ```swift
/// let kb = try KnowledgeBase(path: "kb.sqlite")
/// let summary = try kb.ingest(paths: ["seeds/articles"])
/// for record in try kb.exportRecords() { print(record.title) }
/// ```
public final class KnowledgeBase: Sendable {
    public enum Mode: Sendable {
        /// Creates the file if needed and upgrades the schema in place.
        case create
        /// Opens an existing knowledge base, upgrading its schema if it is older.
        case readWrite
        /// Opens an existing knowledge base strictly read-only (no upgrade, no write).
        case readOnly
        /// Opens an existing knowledge base for a command that needs SQLite's write lock but
        /// changes nothing (`kb check`: FTS5 runs its integrity check as an INSERT): no upgrade.
        case readWriteNoUpgrade
    }

    public let path: String
    /// A `DatabasePool` once the file is a kb database in WAL mode (every database kb wrote) opened
    /// for writing: readers run concurrently with the writer and with each other. Opened read-only,
    /// or not in WAL mode, it keeps the `DatabaseQueue` it was checked with. The name predates the pool.
    let dbQueue: any DatabaseWriter
    /// Parsed on first use: a search or a listing never reads the reference files.
    private let builtReference: BuiltOnFirstUse<Reference>
    var reference: Reference { builtReference.value }
    /// Built on first use: only commands that extract (ingest, reextract) pay for the gazetteers.
    private let builtExtractor: BuiltOnFirstUse<FactExtractor>
    private let builtReferenceIndex: BuiltOnFirstUse<ReferenceIndex>
    var extractor: FactExtractor { builtExtractor.value }
    var referenceIndex: ReferenceIndex { builtReferenceIndex.value }

    public init(path: String, mode: Mode = .readWrite, reference: @autoclosure @escaping @Sendable () -> Reference = .embedded) throws {
        self.path = path
        let builtReference = BuiltOnFirstUse(reference)
        self.builtReference = builtReference
        builtExtractor = BuiltOnFirstUse { FactExtractor(reference: builtReference.value) }
        builtReferenceIndex = BuiltOnFirstUse { ReferenceIndex(builtReference.value) }
        if mode != .create && !FileManager.default.fileExists(atPath: path) {
            throw KBError.databaseNotFound(path: path)
        }
        try DatabaseFile.refuseHardLinks(path)
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(10)
        config.readonly = mode == .readOnly
        if mode != .readOnly {
            // The WAL and its index stay when the last connection closes, so that analysts who may
            // read the database but not write its directory can still open it (a read-only
            // connection cannot create `-wal`/`-shm` there).
            config.prepareDatabase { db in
                var on: Int32 = 1
                _ = sqlite3_file_control(db.sqliteConnection, "main", SQLITE_FCNTL_PERSIST_WAL, &on)
            }
        }
        // A writable pool writes the file as it opens (GRDB sets WAL mode and makes sure the `-wal`
        // file is not empty): the file is checked, and created or upgraded, through a queue first,
        // so that a file that is not a kb database, or is from a newer kb, is left byte-for-byte untouched.
        let queue: DatabaseQueue
        do {
            queue = try DatabaseQueue(path: path, configuration: config)
        } catch let error as DatabaseError {
            if error.resultCode == .SQLITE_NOTADB { throw KBError.notAKnowledgeBase(path: path) }
            throw KBError.cannotOpenDatabase(path: path, reason: error.message ?? "\(error)")
        }
        try Self.checkAndMigrate(queue, path: path, mode: mode)
        // A read-only command (search, export, listings) reads from one thread: the connection that
        // checked the file serves it. A pool would open two more connections, each parsing the whole
        // schema again (about a third of a `kb search` process's instructions, callgrind).
        guard mode != .readOnly, DatabaseFile.isInWALMode(path) else { dbQueue = queue; return }
        try Self.wrap { try queue.close() }
        dbQueue = try Self.wrap {
            let pool = try DatabasePool(path: path, configuration: config)
            // GRDB's pool commits with synchronous = NORMAL; kb keeps SQLite's FULL, as before the
            // pool: a commit reported to the user survives a power cut, not only a killed process.
            if !config.readonly { try pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = FULL") } }
            return pool
        }
    }

    /// Refuses a file that is not a kb database or comes from a newer or different kb (reads
    /// only), then applies the pending migrations under the writer lock.
    private static func checkAndMigrate(_ dbQueue: any DatabaseWriter, path: String, mode: Mode) throws {
        let pending: Int = try wrap {
            try dbQueue.read { db in
                let tables = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") ?? 0
                if tables == 0 && mode == .create { return Migrator.all.count }
                guard try Migrator.hasHistory(db) else { throw KBError.notAKnowledgeBase(path: path) }
                return try Migrator.pendingCount(db)
            }
        }
        guard pending > 0 else { return }
        if mode == .readOnly || mode == .readWriteNoUpgrade {
            throw KBError.olderSchema(path: path)
        }
        // Only the writer upgrades, under the writer lock (reentrant: `kb ingest` already holds it).
        let lock = try WriterLock.acquire(databasePath: path)
        try withExtendedLifetime(lock) {
            try wrap {
                try dbQueue.writeWithoutTransaction { db in
                    // Another writer may have upgraded it between our check and the lock.
                    guard try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") == 0 || Migrator.pendingCount(db) > 0 else { return }
                    // Only before the first table: pages freed by FTS5 merges go back to the file system.
                    try DatabaseSpace.prepareNewFile(db)
                    // WAL is persistent in the file: set once, when the schema is created or upgraded.
                    try db.execute(sql: "PRAGMA journal_mode = WAL")
                    try Migrator.migrate(db)
                }
            }
        }
    }

    /// Schema version of this database (the last migration applied).
    public func schemaVersion() throws -> Int {
        try wrap { try dbQueue.read { db in try Int.fetchOne(db, sql: "SELECT max(version) FROM schema_migrations") ?? 0 } }
    }

    /// kb's release (the CLI's `--version`, kb fetch's User-Agent).
    public static let version = "0.1.0"

    /// The highest schema version this kb knows.
    public static var supportedSchemaVersion: Int { Migrator.latestVersion }

    /// Number of articles stored.
    public func articleCount() throws -> Int {
        try wrap { try dbQueue.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM articles") ?? 0 } }
    }

    /// Runs `body` in a read transaction, turning SQLite errors into `KBError`.
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        try wrap { try dbQueue.read(body) }
    }

    /// Runs `body`, turning SQLite errors into `KBError.database` with their message.
    func wrap<T>(_ body: () throws -> T) throws -> T { try Self.wrap(body) }

    static func wrap<T>(_ body: () throws -> T) throws -> T {
        do { return try body() }
        catch let e as KBError { throw e }
        catch let e as DatabaseError { throw KBError.database(e.message ?? "\(e)") }
    }
}

/// A value built the first time it is asked for, once, whichever thread asks first (a `lazy var`
/// is not safe to share between threads).
final class BuiltOnFirstUse<Value: Sendable>: Sendable {
    private let make: @Sendable () -> Value
    private let built = Mutex<Value?>(nil)

    init(_ make: @escaping @Sendable () -> Value) { self.make = make }

    var value: Value {
        built.withLock { built in
            if let value = built { return value }
            let value = make()
            built = value
            return value
        }
    }
}
