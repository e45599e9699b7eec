import Foundation

/// A named, reusable analyst query (Datasette's canned queries; also runnable with `kb sql`).
public struct CannedQuery: Sendable, Codable, Equatable {
    public var name: String
    public var title: String
    public var description: String
    /// SQL over the analyst views; `:name` parameters are filled in by Datasette's form.
    public var sql: String
}

extension KnowledgeBase {
    /// Queries analysts ask often, shipped in datasette/metadata.json.
    public static let cannedQueries: [CannedQuery] = [
        CannedQuery(name: "visits_by_year", title: "Visits by year",
                    description: "Number of visits per year (of their start), with the countries visited.",
                    sql: """
                        SELECT substr(start_date, 1, 4) AS year, count(*) AS visits, group_concat(DISTINCT host_country) AS hosts
                        FROM visit_facts GROUP BY year ORDER BY year IS NULL, year
                        """),
        CannedQuery(name: "visits_to_country", title: "Visits to a country",
                    description: "Every visit a country received (ISO code, e.g. VN or BY), oldest first.",
                    sql: """
                        SELECT start_date, end_date, visitor, visitor_country, city, kind, article_source, evidence
                        FROM visit_facts WHERE host_country = upper(:country) ORDER BY start_date IS NULL, start_date
                        """),
        CannedQuery(name: "agreements_by_domain", title: "Agreements by domain",
                    description: "How many agreements cover each cooperation domain.",
                    sql: """
                        SELECT d.slug, d.label_fr, count(ad.agreement_id) AS agreements
                        FROM domains d LEFT JOIN agreement_domains ad ON ad.slug = d.slug
                        GROUP BY d.slug HAVING agreements > 0 ORDER BY agreements DESC, d.slug
                        """),
        CannedQuery(name: "trade_series", title: "Trade series, actual vs target",
                    description: "Trade figures by year and trading pair, actual next to target.",
                    sql: """
                        SELECT year, period, country_a, country_b, currency,
                               max(CASE kind WHEN 'actual' THEN amount END) AS actual,
                               max(CASE kind WHEN 'target' THEN amount END) AS target
                        FROM trade_facts GROUP BY year, period, country_a, country_b, currency
                        ORDER BY year IS NULL, year, country_a, country_b
                        """),
        CannedQuery(name: "roles_over_time", title: "Roles over time",
                    description: "Each person's titles with the dates articles stated them.",
                    sql: """
                        SELECT person, person_country, title, min(stated_on) AS first_stated, max(stated_on) AS last_stated,
                               count(*) AS articles
                        FROM people_roles GROUP BY role_id ORDER BY person, first_stated
                        """),
    ]

    /// datasette/metadata.json: titles and descriptions of every table, view and column (from the
    /// migrations' comments, like `kb schema`), the articles search box, and the canned queries.
    public static func datasetteMetadata(databaseName: String = "kb") throws -> String {
        struct Table: Encodable {
            var description: String
            var columns: [String: String]
            var fts_table: String?
            var fts_pk: String?
            var sort_desc: String?
        }
        struct Query: Encodable { var title: String; var description: String; var sql: String }
        struct Database: Encodable { var tables: [String: Table]; var queries: [String: Query] }
        struct Metadata: Encodable {
            var title: String; var description: String; var databases: [String: Database]
        }
        var tables: [String: Table] = [:]
        for o in try schema() {
            tables[o.name] = Table(description: o.description,
                                   columns: Dictionary(uniqueKeysWithValues: o.columns.map { ($0.name, $0.description) }),
                                   fts_table: o.name == "articles" ? "articles_fts" : nil,
                                   fts_pk: o.name == "articles" ? "id" : nil,
                                   sort_desc: o.name == "articles" ? "date" : nil)
        }
        let queries = Dictionary(uniqueKeysWithValues: cannedQueries.map { ($0.name, Query(title: $0.title, description: $0.description, sql: $0.sql)) })
        let metadata = Metadata(
            title: "kb — international relations from French-language news",
            description: "Articles from Le Courrier du Vietnam and Vietnam+, and the facts extracted from them. Start with the views (visit_facts, agreement_facts, people_roles, trade_facts, article_facts_summary); docs/SCHEMA.md describes every column.",
            databases: [databaseName: Database(tables: tables, queries: queries)])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(metadata), as: UTF8.self) + "\n"
    }
}
