import ArgumentParser
import Foundation
import FrenchText
import KnowledgeBase

struct Search: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search articles (French-aware full-text search).",
        discussion: """
            Words are matched whatever their accents, case, elision or plural: « cybersecurite » finds \
            « cybersécurité », « coopérations » finds « coopération », « l'intelligence » finds « intelligence ». \
            Country names and demonyms find each other (« Belarus », « biélorusse », « Biélorussie »), and so do \
            the spellings of known people (« Lukashenko », « Loukachenko »). Spelling is forgiven: typos in \
            words of 5 letters or more (« pharmaceutiqe »), transliterations of names (« Lukachenko », \
            « Tokaev »), compounds written apart or hyphenated (« cyber-sécurité »); stderr says what else a \
            word matched, and --exact turns this off.

            Query language:
              word word            all words must match
              "exact phrase"       the words next to each other, in order
              word OR word         either
              -word, NOT word      exclude articles with the word
              cyber*               any word beginning with « cyber »
            Use --raw to pass FTS5 syntax through unchanged.

            Exit status like grep: 0 when something was found, 1 when nothing (or when a --country, --person \
            or --domain names nothing known), 2 on error. --limit 0 shows every hit.

            Examples:
              kb search "cybersécurité"
              kb search coopération -militaire --country BY --since 2025-01
              kb search "\\"intelligence artificielle\\"" --format json
              kb search --person "Tô Lâm" --facets
              kb search --raw 'cybersecurite NEAR(vietnam bielorussie, 10)'
            """)

    @OptionGroup var database: DatabaseOptions
    @Argument(parsing: .allUnrecognized, help: ArgumentHelp("Search terms (may be empty with a filter).", valueName: "query"))
    var query: [String] = []
    @Flag(help: "Pass the query to FTS5 unchanged (expert syntax: NEAR, column filters, ^).") var raw = false
    @Option(help: ArgumentHelp("Only articles mentioning this country (ISO code or name); repeatable.", valueName: "code"))
    var country: [String] = []
    @Option(help: ArgumentHelp("Only articles mentioning this person (any known spelling); repeatable.", valueName: "name"))
    var person: [String] = []
    @Option(help: ArgumentHelp("Only articles about this cooperation domain (slug, e.g. cybersecurity); repeatable.", valueName: "slug"))
    var domain: [String] = []
    @Option(help: ArgumentHelp("Only articles dated on or after this date (YYYY, YYYY-MM or YYYY-MM-DD).", valueName: "date"))
    var since: String?
    @Option(help: ArgumentHelp("Only articles dated on or before this date.", valueName: "date")) var until: String?
    @Option(help: "Maximum number of hits (0: no limit).") var limit: Int = Options.defaults.limit
    @Option(help: "Hits to skip (for paging).") var offset: Int = Options.defaults.offset
    @Flag(help: "Count hits per country, domain and year (other formats than table print these counts instead of the hits).")
    var facets = false
    @Option(help: "Output format.") var format: OutputFormat = Options.defaults.format
    @Flag(help: "Print the SQL the search would run instead of running it.") var sql = false
    @Option(help: "Seconds before the search is interrupted.") var timeout: Double = Options.defaults.timeout
    @Flag(help: "Match the words as typed (their forms and known aliases) only: no typo, transliteration or compound tolerance.")
    var exact = false
    @Flag(help: "Show every copy of a story (other outlets' copies, updated versions) as its own hit.") var all = false

    func run() throws {
        if let unknown = query.first(where: { $0.hasPrefix("--") && $0.count > 2 }) {
            CLI.warn("kb: unknown option \(unknown) (see kb search --help); to search for it, write it in quotes with a space: \" \(unknown)\"")
            throw ExitCode(2)
        }
        try Self.perform(Options(db: database.path, words: query, raw: raw, country: country, person: person, domain: domain,
                                 since: since, until: until, limit: limit, offset: offset, facets: facets, format: format,
                                 sql: sql, timeout: timeout, exact: exact, all: all))
    }

    /// What `kb search` was asked, as plain values (the defaults are the options').
    struct Options {
        var db: String
        var words: [String]
        var raw = false
        var country: [String] = [], person: [String] = [], domain: [String] = []
        var since: String?, until: String?
        var limit = 20, offset = 0
        var facets = false
        var format = OutputFormat.table
        var sql = false
        var timeout: Double = 10
        var exact = false, all = false

        /// The options' defaults, which the quick reading of a command line (`quickOptions`) also gives.
        static let defaults = Options(db: "", words: [])
    }

    static func perform(_ o: Options) throws {
        let kb = try CLI.run { try DatabaseOptions.open(o.db, .readOnly) }
        // `--` ends the options (POSIX); it is not a word to search for.
        var words = o.words
        if let i = words.firstIndex(of: "--") { words.remove(at: i) }
        guard o.timeout.isFinite, o.timeout > 0 else {
            CLI.warn("kb: --timeout must be a positive number of seconds, not « \(o.timeout) »")
            throw ExitCode(2)
        }
        var request = SearchRequest(words.joined(separator: " "), raw: o.raw, countries: o.country, people: o.person, domains: o.domain,
                                    since: o.since, until: o.until, limit: o.limit == 0 ? Int(Int32.max) : o.limit, offset: o.offset,
                                    facets: o.facets, exact: o.exact, all: o.all)
        request.timeout = o.timeout
        if o.sql {
            let out = StandardOutput()
            out.write(try CLI.query { try kb.searchSQL(request) })
            return
        }
        let result = try CLI.query { try kb.search(request) }
        if !result.ignoredWords.isEmpty {
            CLI.warn("kb: left out, too common to search for: \(result.ignoredWords.joined(separator: ", "))")
        }
        if o.format == .table, !result.alsoMatched.isEmpty {
            let list = result.alsoMatched.map { "\($0.typed) → \($0.matched.joined(separator: ", "))" }
            CLI.warn("also matched: \(list.joined(separator: "; "))  (--exact to turn off)")
        }
        switch o.format {
        case .table: SearchReport(result: result).print()
        default:
            if o.facets, let f = result.facets {
                Printer(format: o.format).print(FacetRow.rows(f))
            } else {
                let also = result.alsoMatched.flatMap(\.matched).joined(separator: " ")
                Printer(format: o.format).print(result.hits.map { SearchRow($0, alsoMatched: also) })
            }
        }
        if result.hits.isEmpty {
            if let s = result.suggestions.last {
                CLI.warn("Did you mean: \(result.suggestions.map(\.suggestion).joined(separator: ", "))?  kb search \(shellQuoted(s.query))")
            }
            throw ExitCode(1)
        }
    }

    /// The commonest search, `kb search [--db PATH] word…`, read without ArgumentParser: its parse of
    /// this command (the reflection over 17 options, each first dynamic cast a scan of every protocol
    /// conformance in the static binary) was a third of a whole selective search's instructions.
    /// Anything else (an option, a dash, « help », no word) returns nil and is parsed as usual, so both
    /// roads give one behaviour.
    static func quickOptions(_ args: ArraySlice<String>) -> Options? {
        guard args.first == "search" else { return nil }
        var db: String?
        var words: [String] = []
        var rest = args.dropFirst()
        while let a = rest.popFirst() {
            if a == "--db", db == nil, let path = rest.popFirst(), !path.hasPrefix("-") { db = path; continue }
            if a.hasPrefix("--db="), db == nil, a.count > 5 { db = String(a.dropFirst(5)); continue }
            guard !a.hasPrefix("-"), a != "help", !a.isEmpty else { return nil }
            words.append(a)
        }
        guard !words.isEmpty, words.count <= 64 else { return nil }
        return Options(db: DatabaseOptions.resolve(db), words: words)
    }

    private static func shellQuoted(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }
}

/// The human listing: per hit, date · source, the headline, the snippet with matched words in bold
/// (or between [ ] when not on a colour terminal).
struct SearchReport {
    let result: SearchResult

    func print() {
        let out = StandardOutput(human: true)
        let (open, close) = Terminal.isColor ? (String(Terminal.boldOn), String(Terminal.reset)) : ("[", "]")
        for hit in result.hits {
            out.write(Terminal.dim("\(hit.date ?? "undated") · \(hit.source)") + "\n")
            out.write(Terminal.bold(hit.headline) + "\n")
            if !hit.snippet.text.isEmpty { out.write("  " + hit.snippet.marked(open: open, close: close) + "\n") }
            if hit.alsoIn > 0 { out.write(Terminal.dim("  also in \(hit.alsoIn) source\(hit.alsoIn == 1 ? "" : "s") (--all to list them)") + "\n") }
            out.write("\n")
        }
        if let f = result.facets {
            for (name, counts) in [("Countries", f.countries), ("Domains", f.domains), ("Years", f.years)] where !counts.isEmpty {
                let list = counts.map { $0.value == $0.label ? "\($0.value) \($0.count)" : "\($0.label) (\($0.value)) \($0.count)" }
                out.write(Terminal.bold(name + ":") + " " + list.joined(separator: " · ") + "\n")
            }
        }
        out.flush()
        let shown = result.hits.count
        let page = shown < result.total ? "\(shown) of \(result.total)" : "\(result.total)"
        CLI.warn("\(page) article\(result.total == 1 ? "" : "s")")
    }
}

/// One hit in json, ndjson, csv and tsv; the snippet marks matched words with [ ].
struct SearchRow: TableRow {
    let id: Int64
    let date: String?
    let source: String
    let headline: String
    let score: Double
    let snippet: String
    /// The other spellings the query was widened to (space-separated; empty when none).
    let alsoMatched: String
    /// Near-duplicates of this hit left out (see --all).
    let alsoIn: Int

    init(_ hit: SearchHit, alsoMatched: String = "") {
        id = hit.articleID; date = hit.date; source = hit.source; headline = hit.headline; score = hit.score
        snippet = hit.snippet.marked(open: "[", close: "]")
        self.alsoMatched = alsoMatched
        alsoIn = hit.alsoIn
    }

    enum CodingKeys: String, CodingKey { case id, date, source, headline, score, snippet, alsoMatched = "also_matched", alsoIn = "also_in" }
    static let columns = ["id", "date", "source", "headline", "score", "snippet", "also_matched", "also_in"]
}

struct FacetRow: TableRow {
    let facet: String
    let value: String
    let label: String
    let count: Int

    static func rows(_ f: SearchFacets) -> [FacetRow] {
        f.countries.map { FacetRow(facet: "country", value: $0.value, label: $0.label, count: $0.count) }
            + f.domains.map { FacetRow(facet: "domain", value: $0.value, label: $0.label, count: $0.count) }
            + f.years.map { FacetRow(facet: "year", value: $0.value, label: $0.label, count: $0.count) }
    }

    static let columns = ["facet", "value", "label", "count"]
}
