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
                    description: "Trade figures by year and trading pair, actual next to target, newest first (regional and bloc figures on their own lines).",
                    sql: """
                        SELECT year, period, country_a, country_b, coalesce(scope, 'bilateral') AS scope, currency,
                               \(amountSQL("max(CASE kind WHEN 'actual' THEN amount END)")) AS actual,
                               \(amountSQL("max(CASE kind WHEN 'target' THEN amount END)")) AS target
                        FROM trade_facts GROUP BY year, period, country_a, country_b, scope, currency
                        ORDER BY year IS NULL, year DESC, country_a, country_b
                        """),
        CannedQuery(name: "roles_over_time", title: "Roles over time",
                    description: "Each person's titles with the dates articles stated them.",
                    sql: """
                        SELECT person, person_country, title, min(stated_on) AS first_stated, max(stated_on) AS last_stated,
                               count(*) AS articles
                        FROM people_roles GROUP BY role_id ORDER BY person, first_stated
                        """),
    ]

    /// The « search » canned query, in one place: when the article index changes (another text
    /// indexed, other columns), this and `searchSnippetColumn` are what to adapt. Datasette's
    /// own search box matches indexed words as typed; this query folds accents and elisions in
    /// SQL, expands the word (and the word less a plural s or x, when that one is indexed) to every
    /// indexed form of the same stem (search_terms), ranks with the
    /// index's bm25 and marks the matches in a snippet of the analysed text with [ ].
    public static let searchQuery = CannedQuery(
        name: "search", title: "Search articles (ranked, with snippets)",
        description: "One French word or a phrase in quotes; accents, case, elision (l', d', qu') and plural or other forms of the word are matched. The snippet shows the analysed text (lower case, no accents, no stop words) with the matches in [ ]. kb search does more: aliases and transliterations of names (Loukachenko, Lukashenko), typos, several words.",
        sql: """
            WITH input AS (SELECT lower(trim(:q)) AS raw),
            folded AS (SELECT \(foldSQL("raw")) AS word FROM input),
            word AS (SELECT CASE WHEN word GLOB '[cdjlmnst]''*' THEN substr(word, 3)
                                 WHEN word GLOB 'qu''*' THEN substr(word, 4) ELSE word END AS word FROM folded),
            candidates AS (SELECT word FROM word
                           UNION SELECT substr(word, 1, length(word) - 1) FROM word WHERE word GLOB '*[sx]' AND length(word) > 3),
            forms AS (SELECT term FROM search_terms WHERE stem IN (SELECT stem FROM search_terms WHERE term IN (SELECT word FROM candidates))
                      UNION SELECT word FROM word),
            expression AS (SELECT CASE WHEN (SELECT word FROM word) GLOB '*[ "]*'
                                       THEN '"' || replace(trim((SELECT word FROM word), '"'), '"', '') || '"'
                                       ELSE (SELECT group_concat('"' || term || '"', ' OR ') FROM forms) END AS m)
            SELECT a.id, a.date, a.headline,
                   snippet(articles_fts, \(searchSnippetColumn), '[', ']', ' … ', 24) AS snippet,
                   printf('%.3g', -articles_fts.rank) AS score, a.source
            FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid
            WHERE articles_fts MATCH (SELECT m FROM expression)
            ORDER BY articles_fts.rank LIMIT 100
            """)

    /// The indexed column the snippet is cut from (articles_fts: 0 search_headline, 1 search_body).
    static let searchSnippetColumn = 1

    /// SQLite has no accent folding outside FTS: the letters of French text, replaced one by one.
    static func foldSQL(_ column: String) -> String {
        let pairs = [("’", "'"), ("é", "e"), ("è", "e"), ("ê", "e"), ("ë", "e"), ("à", "a"), ("â", "a"), ("ä", "a"),
                     ("î", "i"), ("ï", "i"), ("ô", "o"), ("ö", "o"), ("ù", "u"), ("û", "u"), ("ü", "u"), ("ç", "c"),
                     ("œ", "oe"), ("æ", "ae"), ("É", "e"), ("È", "e"), ("Ê", "e"), ("À", "a"), ("Â", "a"), ("Î", "i"),
                     ("Ô", "o"), ("Ç", "c"), ("Œ", "oe")]
        return pairs.reduce(column) { "replace(\($0), '\($1.0)', '\($1.1.replacingOccurrences(of: "'", with: "''"))')" }
    }

    /// An amount written with thousands separators (1,200,000,000), as a text; NULL stays NULL.
    static func amountSQL(_ expression: String) -> String {
        "CASE WHEN \(expression) IS NULL THEN NULL ELSE printf('%,d', CAST(\(expression) AS INTEGER)) END"
    }

    /// Raw tables shown on Datasette's database page; every other table is internal (search index,
    /// fingerprints, join tables, ingest machinery) and hidden, reachable from « hidden tables ».
    static let browsableTables: Set<String> = ["articles", "people", "visits", "agreements", "trade_figures", "countries"]

    /// How Datasette opens each table or view: newest first, facets, the search box.
    static let browsing: [String: (sortDesc: String?, facets: [String], fts: (table: String, pk: String)?)] = [
        "visit_list": ("start_date", ["host_country", "visitor_country", "year", "kind"], nil),
        "agreement_list": ("signed", ["year", "kind"], nil),
        "trade_list": ("year", ["scope", "kind", "year", "currency"], nil),
        "article_list": ("date", ["main_country", "year"], ("articles_fts", "article_id")),
        "visit_facts": ("start_date", ["host_country", "visitor_country", "kind"], nil),
        "agreement_facts": ("signed", ["kind"], nil),
        "trade_facts": ("year", ["scope", "kind", "currency"], nil),
        "people_roles": ("stated_on", ["person_country"], nil),
        "article_facts_summary": ("date", [], nil),
        "articles": ("date", ["date_precision"], ("articles_fts", "id")),
        "visits": ("start_date", ["host_country", "kind"], nil),
        "agreements": ("signed", ["kind"], nil),
        "trade_figures": ("year", ["scope", "kind"], nil),
        "ingest_runs": ("started_at", ["status"], nil),
    ]

    /// Views listed first on the database page's introduction, in this order.
    static let startViews = ["visit_list", "agreement_list", "trade_list", "article_list", "people_roles"]

    /// datasette/metadata.json: titles and descriptions of every table, view and column (from the
    /// migrations' comments, like `kb schema`), how each opens (sort, facets, search box), which
    /// tables are internal, the canned queries, and a stylesheet that keeps long text out of the way.
    public static func datasetteMetadata(databaseName: String = "kb") throws -> String {
        struct Table: Encodable {
            var description: String
            var columns: [String: String]
            var hidden: Bool?
            var fts_table: String?
            var fts_pk: String?
            var sort_desc: String?
            var facets: [String]?
        }
        struct Query: Encodable { var title: String; var description: String; var sql: String }
        struct Database: Encodable { var description_html: String; var tables: [String: Table]; var queries: [String: Query] }
        struct Metadata: Encodable {
            var title: String; var description: String; var extra_css_urls: [String]; var databases: [String: Database]
        }
        var tables: [String: Table] = [:]
        let objects = try schema()
        for o in objects {
            let how = browsing[o.name]
            tables[o.name] = Table(description: o.description,
                                   columns: Dictionary(uniqueKeysWithValues: o.columns.map { ($0.name, $0.description) }),
                                   hidden: o.kind == .table && !browsableTables.contains(o.name) ? true : nil,
                                   fts_table: how?.fts?.table, fts_pk: how?.fts?.pk,
                                   sort_desc: how?.sortDesc, facets: how.map(\.facets).flatMap { $0.isEmpty ? nil : $0 })
        }
        let all = [searchQuery] + cannedQueries
        let queries = Dictionary(uniqueKeysWithValues: all.map { ($0.name, Query(title: $0.title, description: $0.description, sql: $0.sql)) })
        func link(_ path: String, _ label: String) -> String { "<a href=\"/\(databaseName)/\(path)\">\(label)</a>" }
        let describe: (String) -> String = { name in objects.first { $0.name == name }?.description ?? "" }
        let intro = """
            <p><strong>Start here.</strong> Compact views, newest first, with facets by country, year and kind:</p>
            <ul>\(startViews.map { "<li>\(link($0, $0)) — \(describe($0))</li>" }.joined())</ul>
            <p>Canned queries: \(all.map { link($0.name, $0.title) }.joined(separator: " · ")).</p>
            <p><strong>Searching:</strong> the \(link("search", "search query")) ranks articles and shows highlighted snippets. \
            Datasette's own search box (on \(link("article_list", "article_list")) and \(link("articles", "articles"))) matches words only as indexed, \
            so it finds fewer articles: <code>kb search</code> on the command line also understands plurals and other forms of a word \
            (« coopérations »), elision (« l'accord »), and aliases and transliterations of names (« Lukashenko », « Loukachenko »).</p>
            <p>The *_facts views have every column; raw tables follow; internal tables are under « hidden tables ». \
            docs/SCHEMA.md describes every column.</p>
            """
        let metadata = Metadata(
            title: "kb — international relations from French-language news",
            description: "Articles from Le Courrier du Vietnam and Vietnam+, and the facts extracted from them.",
            extra_css_urls: ["/kb-static/kb.css"],
            databases: [databaseName: Database(description_html: intro, tables: tables, queries: queries)])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(metadata), as: UTF8.self) + "\n"
    }
}
