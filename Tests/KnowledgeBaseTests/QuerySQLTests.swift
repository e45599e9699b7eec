import Foundation
import Testing
@testable import KnowledgeBase

/// `kb sql` reads and never writes: every way of changing the database is refused with a reason.
@Suite struct QuerySQLTests {
    var kb: KnowledgeBase { QueryFixtures.seeded.kb }

    @Test func selectsKeepColumnOrderAndTypes() throws {
        let r = try kb.sql("SELECT 2 AS z, 1.5 AS a, NULL AS m, 'é' AS b, x'00ff' AS blob")
        #expect(r.columns == ["z", "a", "m", "b", "blob"])
        #expect(r.rows == [[.integer(2), .real(1.5), .null, .text("é"), .blob("00ff")]])
        #expect(try kb.sql("SELECT count(*) FROM visit_facts").rows[0][0] != .integer(0))
        #expect(try kb.sql("PRAGMA table_info(articles)").rows.count > 5)
        #expect(try kb.sql("SELECT name FROM pragma_table_info('visit_facts')").rows.count > 5)
        #expect(try kb.sql("SELECT source FROM articles WHERE 0;").rows.isEmpty)
    }

    static let refused: [(String, String)] = [
        ("DELETE FROM articles", "DELETE"),
        ("UPDATE articles SET headline = ''", "UPDATE"),
        ("INSERT INTO kb_meta VALUES ('k', 'v')", "INSERT"),
        ("DROP TABLE articles", "schema"),
        ("DROP VIEW visit_facts", "schema"),
        ("CREATE TABLE t(x)", "schema"),
        ("ALTER TABLE articles ADD COLUMN x", "schema"),
        ("ATTACH DATABASE '/tmp/kb-attack.sqlite' AS other", "ATTACH"),
        ("PRAGMA writable_schema = 1", "writable_schema"),
        ("PRAGMA journal_mode = DELETE", "journal_mode"),
        ("PRAGMA wal_checkpoint", "wal_checkpoint"),
        ("SELECT load_extension('/tmp/evil.so')", "load_extension"),
        ("VACUUM INTO '/tmp/kb-copy.sqlite'", "read-only"),
        ("INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')", "INSERT"),
        ("SELECT 1; DELETE FROM articles", "one statement"),
    ]

    @Test(arguments: refused) func refusesWithAReason(_ query: String, _ reason: String) {
        #expect {
            try kb.sql(query)
        } throws: { error in
            guard case let .badQuery(message)? = error as? KBError else { return false }
            return message.contains(reason)
        }
    }

    @Test func runawayQueriesAreInterrupted() {
        let start = Date()
        #expect {
            try kb.sql("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c", timeout: 0.3)
        } throws: { error in
            (error as? KBError).map { "\($0)".contains("interrupted") } ?? false
        }
        #expect(Date().timeIntervalSince(start) < 5)
    }
}
