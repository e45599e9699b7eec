import Foundation
import GRDB
import Testing
@testable import KnowledgeBase

extension TestSupport {
    /// A knowledge base file at schema `version` (by default the one before this kb's), as an older kb left it.
    static func olderDatabase(at path: String, upTo version: Int = Migrator.all.dropLast().last!.version, wal: Bool = false) throws {
        let queue = try DatabaseQueue(path: path)
        try queue.writeWithoutTransaction { db in
            if wal { try db.execute(sql: "PRAGMA journal_mode = WAL") }
            try Migrator.migrate(db, upTo: version)
        }
        try queue.close()
    }
}

@Suite struct MigrationTests {
    @Test func embeddedMigrationsMatchTheFiles() throws {
        let dir = TestSupport.packageRoot.appendingPathComponent("migrations")
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".sql") }.sorted()
        #expect(EmbeddedMigrations.migrations.map(\.name) == names, "run `make generate`")
        for m in EmbeddedMigrations.migrations {
            let text = try String(contentsOf: dir.appendingPathComponent(m.name), encoding: .utf8)
            #expect(m.sql == text, "\(m.name) is stale in EmbeddedMigrations.swift: run `make generate`")
        }
    }

    @Test func migrationsAreNumberedInOrder() {
        let versions = Migrator.all.map(\.version)
        #expect(versions == versions.sorted() && Set(versions).count == versions.count && versions.first == 1)
    }

    @Test func appliesFromEmpty() throws {
        let dir = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let kb = try KnowledgeBase(path: dir.appendingPathComponent("kb.sqlite").path, mode: .create)
        #expect(try kb.schemaVersion() == KnowledgeBase.supportedSchemaVersion)
        let mode = try kb.dbQueue.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
        #expect(mode == "wal")
    }

    @Test func upgradesFromThePreviousVersion() throws {
        let dir = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("kb.sqlite").path
        try TestSupport.olderDatabase(at: path)
        let kb = try KnowledgeBase(path: path, mode: .readWrite)
        #expect(try kb.schemaVersion() == KnowledgeBase.supportedSchemaVersion)
        _ = try kb.ingest(paths: [TestSupport.seedsDirectory])
        #expect(try kb.articleCount() == 5)
    }

    @Test func refusesADatabaseFromANewerKb() throws {
        let dir = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("kb.sqlite").path
        _ = try KnowledgeBase(path: path, mode: .create)
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(sql: "INSERT INTO schema_migrations(version, name, applied_at) VALUES (999, '999_future.sql', 'x')")
        }
        try queue.close()
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(throws: KBError.databaseTooNew(found: 999, supported: KnowledgeBase.supportedSchemaVersion)) {
            _ = try KnowledgeBase(path: path, mode: .readWrite)
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test func refusesAFileThatIsNotAKnowledgeBase() throws {
        let dir = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("other.sqlite").path
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in try db.execute(sql: "CREATE TABLE t(x)") }
        try queue.close()
        #expect(throws: KBError.notAKnowledgeBase(path: path)) { _ = try KnowledgeBase(path: path, mode: .readWrite) }
    }
}
