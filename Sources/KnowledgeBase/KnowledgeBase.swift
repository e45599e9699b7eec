import Foundation
import GRDB
import Extraction
import FrenchText

/// The knowledge base: one SQLite file, and every operation kb offers on it.
///
/// ```swift
/// let kb = try KnowledgeBase(path: "kb.sqlite")
/// let summary = try kb.ingest(paths: ["seeds/articles"])
/// for record in try kb.exportRecords() { print(record.title) }
/// ```
public final class KnowledgeBase: @unchecked Sendable {
    public enum Mode: Sendable {
        /// Creates the file if needed and upgrades the schema in place.
        case create
        /// Opens an existing knowledge base, upgrading its schema if it is older.
        case readWrite
        /// Opens an existing knowledge base strictly read-only (no upgrade, no write).
        case readOnly
    }

    public let path: String
    let dbQueue: DatabaseQueue
    let extractor: FactExtractor
    let referenceIndex: ReferenceIndex

    public init(path: String, mode: Mode = .readWrite, reference: Reference = .embedded) throws {
        self.path = path
        self.extractor = FactExtractor(reference: reference)
        self.referenceIndex = ReferenceIndex(reference)
        if mode != .create && !FileManager.default.fileExists(atPath: path) {
            throw KBError.cannotOpenDatabase(path: path, reason: "the file does not exist (run `kb ingest` first to create it)")
        }
        // Refuse a database from a newer or different kb before opening it for writing,
        // so that such a file is left byte-for-byte untouched.
        // Read-only opens check on their own connection below (pendingCount), without this
        // second connection, which cost a schema parse on every `kb search`.
        if mode != .readOnly && (mode != .create || FileManager.default.fileExists(atPath: path)) {
            try Self.checkCompatible(path: path)
        }
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(10)
        config.readonly = mode == .readOnly
        if mode != .readOnly { config.journalMode = .wal }
        do {
            dbQueue = try DatabaseQueue(path: path, configuration: config)
        } catch let error as DatabaseError {
            throw KBError.cannotOpenDatabase(path: path, reason: error.message ?? "\(error)")
        }
        try wrap {
            if mode == .readOnly {
                try dbQueue.read { db in
                    guard try db.tableExists("schema_migrations") else { throw KBError.notAKnowledgeBase(path: path) }
                    if try Migrator.pendingCount(db) > 0 {
                        throw KBError.invalidArgument("the database \(path) has an older schema; run any kb command that writes (e.g. `kb ingest`) to upgrade it first")
                    }
                }
            } else {
                try dbQueue.writeWithoutTransaction { db in
                    try Migrator.migrate(db)
                }
            }
        }
    }

    private static func checkCompatible(path: String) throws {
        var config = Configuration()
        config.readonly = true
        do {
            let queue = try DatabaseQueue(path: path, configuration: config)
            defer { try? queue.close() }
            try queue.read { db in
                let tables = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") ?? 0
                if tables == 0 { return }
                guard try db.tableExists("schema_migrations") else { throw KBError.notAKnowledgeBase(path: path) }
                _ = try Migrator.check(db)
            }
        } catch let e as KBError {
            throw e
        } catch let e as DatabaseError {
            if e.resultCode == .SQLITE_NOTADB { throw KBError.notAKnowledgeBase(path: path) }
            throw KBError.cannotOpenDatabase(path: path, reason: e.message ?? "\(e)")
        }
    }

    /// Schema version of this database (the last migration applied).
    public func schemaVersion() throws -> Int {
        try wrap { try dbQueue.read { db in try Int.fetchOne(db, sql: "SELECT max(version) FROM schema_migrations") ?? 0 } }
    }

    /// The highest schema version this kb knows.
    public static var supportedSchemaVersion: Int { Migrator.latestVersion }

    /// Number of articles stored.
    public func articleCount() throws -> Int {
        try wrap { try dbQueue.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM articles") ?? 0 } }
    }

    /// Runs `body`, turning SQLite errors into `KBError.database` with their message.
    func wrap<T>(_ body: () throws -> T) throws -> T {
        do { return try body() }
        catch let e as KBError { throw e }
        catch let e as DatabaseError { throw KBError.database(e.message ?? "\(e)") }
    }
}
