import GRDB

/// Applies the SQL migrations of `migrations/` (embedded at build time) in order, recording each
/// in `schema_migrations`. Refuses a database whose recorded history is ahead of or different
/// from this binary's.
enum Migrator {
    struct Migration { let version: Int; let name: String; let sql: String }

    static let all: [Migration] = EmbeddedMigrations.migrations.map { m in
        let version = Int(m.name.prefix(while: \.isNumber)) ?? 0
        return Migration(version: version, name: m.name, sql: m.sql)
    }

    static var latestVersion: Int { all.last?.version ?? 0 }

    /// Whether the file has kb's migration history table. Asked of `sqlite_master` directly: GRDB's
    /// `tableExists` reads its whole schema description first, a tenth of a `kb search` process.
    static func hasHistory(_ db: Database) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations' COLLATE NOCASE)") ?? false
    }

    /// Checks the recorded history against this binary; returns the versions already applied.
    static func check(_ db: Database) throws -> Set<Int> {
        guard try hasHistory(db) else { return [] }
        var applied = Set<Int>()
        for row in try Row.fetchAll(db, sql: "SELECT version, name FROM schema_migrations ORDER BY version") {
            let version: Int = row["version"], name: String = row["name"]
            guard version <= latestVersion else { throw KBError.databaseTooNew(found: version, supported: latestVersion) }
            if let expected = all.first(where: { $0.version == version }), expected.name != name {
                throw KBError.migrationMismatch(version: version, recorded: name, expected: expected.name)
            }
            applied.insert(version)
        }
        return applied
    }

    /// Brings the schema up to date, each migration in its own transaction. Like GRDB's
    /// `DatabaseMigrator`, a migration that leaves a dangling foreign key is rolled back
    /// (`PRAGMA foreign_key_check`), so a schema change can never commit rows that break a reference.
    static func migrate(_ db: Database, upTo target: Int = Int.max) throws {
        try db.execute(sql: """
            CREATE TABLE IF NOT EXISTS schema_migrations (
                version    INTEGER PRIMARY KEY,
                name       TEXT NOT NULL,
                applied_at TEXT NOT NULL
            )
            """)
        let applied = try check(db)
        for m in all where m.version <= target && !applied.contains(m.version) {
            try db.inTransaction {
                try db.execute(sql: m.sql)
                try db.checkForeignKeys()
                try db.execute(sql: "INSERT INTO schema_migrations(version, name, applied_at) VALUES (?, ?, ?)",
                               arguments: [m.version, m.name, Clock.nowISO()])
                return .commit
            }
        }
    }

    static func pendingCount(_ db: Database) throws -> Int {
        let applied = try check(db)
        return all.filter { !applied.contains($0.version) }.count
    }
}
