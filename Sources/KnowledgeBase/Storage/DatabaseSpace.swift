import GRDB

/// Keeps the file no larger than what it holds. A bulk load's FTS5 `optimize` rewrites the whole
/// index and frees the pages of the old segments (a tenth of a fresh database), and the persistent
/// WAL (see KnowledgeBase.init) keeps the size of the run's last checkpoint: both are given back
/// once a run has written.
enum DatabaseSpace {
    /// On a file with no table yet: freed pages can be returned to the file system later
    /// (`incremental_vacuum`; SQLite only lets a database choose this before its first table).
    static func prepareNewFile(_ db: Database) throws {
        guard try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") == 0 else { return }
        try db.execute(sql: "PRAGMA auto_vacuum = INCREMENTAL")
    }

    /// After a run that wrote: free pages returned (a no-op in files created before
    /// `prepareNewFile`), then the WAL copied into the database and truncated to zero bytes. Both
    /// are ordinary SQLite transactions and checkpoints: a kill in the middle loses nothing.
    static func release(_ db: Database) throws {
        try db.execute(sql: "PRAGMA incremental_vacuum")
        // A reader in a transaction keeps part of the WAL alive: then it is truncated next time.
        _ = try Row.fetchOne(db, sql: "PRAGMA wal_checkpoint(TRUNCATE)")
    }
}
