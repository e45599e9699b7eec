import Foundation
import Testing
import Extraction
@testable import KnowledgeBase

/// The schema is documented from the migrations' comments, and the generated files are kept in sync.
@Suite struct QuerySchemaTests {
    @Test func everyTableViewAndColumnIsDescribed() throws {
        let objects = try KnowledgeBase.schema()
        #expect(objects.contains { $0.name == "visit_facts" && $0.kind == .view })
        #expect(!objects.contains { $0.name.hasPrefix("articles_fts_") || $0.name.hasPrefix("sqlite_") })
        var missing: [String] = []
        for o in objects {
            if o.description.isEmpty { missing.append(o.name) }
            for c in o.columns where c.description.isEmpty { missing.append("\(o.name).\(c.name)") }
        }
        // Document new columns with a trailing comment in their migration, or `-- doc table.column: …`.
        #expect(missing == [])
    }

    @Test func visitFactsHasReadableColumns() throws {
        let view = try #require(try KnowledgeBase.schema().first { $0.name == "visit_facts" })
        for column in ["visitor", "visitor_country", "host_country", "city", "start_date", "end_date", "kind", "article_source", "evidence"] {
            #expect(view.columns.contains { $0.name == column })
        }
    }

    @Test func docsSchemaIsUpToDate() throws {
        let file = TestSupport.packageRoot.appendingPathComponent("docs/SCHEMA.md")
        let stored = try String(contentsOf: file, encoding: .utf8)
        #expect(stored == (try KnowledgeBase.schemaMarkdown()), "docs/SCHEMA.md is stale: run `make schema-docs`")
    }

    @Test func datasetteMetadataIsUpToDate() throws {
        let file = TestSupport.packageRoot.appendingPathComponent("datasette/metadata.json")
        let stored = try String(contentsOf: file, encoding: .utf8)
        #expect(stored == (try KnowledgeBase.datasetteMetadata()), "datasette/metadata.json is stale: run `make schema-docs`")
        let json = try JSONSerialization.jsonObject(with: Data(stored.utf8)) as? [String: Any]
        let db = (json?["databases"] as? [String: Any])?["kb"] as? [String: Any]
        #expect((db?["queries"] as? [String: Any])?["visits_by_year"] != nil)
    }

    @Test func docParserReadsBlocksTrailingCommentsAndDocLines() {
        let docs = SchemaDocs.parse(["""
            -- Things. More about things.
            CREATE TABLE things (
                id   INTEGER PRIMARY KEY,
                name TEXT NOT NULL,        -- what it is called
                CHECK (name <> '')
            );
            -- doc things.id: Thing number.
            -- When it was made.
            ALTER TABLE things ADD COLUMN made TEXT;
            CREATE VIEW v AS SELECT t.name AS label -- the label
            FROM things t;
            """])
        #expect(docs.objects["things"] == "Things.")
        #expect(docs.columns["things.name"] == "What it is called")
        #expect(docs.columns["things.id"] == "Thing number.")
        #expect(docs.columns["things.made"] == "When it was made.")
        #expect(docs.columns["v.label"] == "The label")
    }
}
