import Foundation
import GRDB
#if canImport(GRDBSQLite)
import GRDBSQLite
#else
import SQLite3
#endif
import FrenchText

/// What to search for: a query in kb's query language (or raw FTS5) and filters on the facts.
public struct SearchRequest: Sendable, Codable, Equatable {
    /// Plain words (all must match), "exact phrase", OR, -word, word*. May be empty when filters are given.
    public var query: String
    /// Pass `query` to FTS5 unchanged (its own syntax; errors are reported, not escaped).
    public var raw: Bool
    /// ISO codes (« BY ») or country names (« Biélorussie »): articles mentioning every one.
    public var countries: [String]
    /// People as written in any known spelling (« Tô Lâm », « Lukashenko »): articles mentioning every one.
    public var people: [String]
    /// Domain slugs (« cybersecurity ») or labels: articles about every one.
    public var domains: [String]
    /// Partial dates `YYYY[-MM[-DD]]`, inclusive; an article dated less precisely counts when its period overlaps.
    public var since: String?
    public var until: String?
    public var limit: Int
    public var offset: Int
    /// Also count hits per country, domain and year.
    public var facets: Bool
    /// Only the words as typed (with their forms and known aliases): no typo, transliteration or
    /// compound tolerance.
    public var exact: Bool
    /// Every copy of a story as its own hit, instead of one hit per group of near-duplicates.
    public var all: Bool
    /// Seconds before the search is interrupted (`KBError.badQuery`).
    public var timeout: Double = 10

    public init(_ query: String = "", raw: Bool = false, countries: [String] = [], people: [String] = [],
                domains: [String] = [], since: String? = nil, until: String? = nil, limit: Int = 20, offset: Int = 0,
                facets: Bool = false, exact: Bool = false, all: Bool = false) {
        self.query = query; self.raw = raw; self.countries = countries; self.people = people; self.domains = domains
        self.since = since; self.until = until; self.limit = limit; self.offset = offset; self.facets = facets
        self.exact = exact; self.all = all
    }
}

/// A passage of an article's original text, with the words that matched.
public struct SearchSnippet: Sendable, Codable, Equatable {
    /// Offsets in Unicode code points into `text`, end exclusive.
    public struct Span: Sendable, Codable, Equatable {
        public var start: Int
        public var end: Int
    }
    /// One line of the original body (white space collapsed), with « … » where it was cut.
    public var text: String
    public var highlights: [Span]

    /// The text with each highlight wrapped: `marked(open: "[", close: "]")`.
    public func marked(open: String, close: String) -> String {
        // The text between marks is appended a run at a time (a scalar at a time cost more than
        // the search's own query, on a page of hits).
        let scalars = text.unicodeScalars
        var out = ""
        out.reserveCapacity(text.utf8.count + highlights.count * (open.utf8.count + close.utf8.count))
        var spans = highlights[...]
        var run = scalars.startIndex, index = scalars.startIndex
        var i = 0
        while index != scalars.endIndex {
            if let h = spans.first, h.start == i { out += Substring(scalars[run..<index]); out += open; run = index }
            index = scalars.index(after: index)
            i += 1
            if let h = spans.first, h.end == i { out += Substring(scalars[run..<index]); out += close; run = index; spans = spans.dropFirst() }
        }
        out += Substring(scalars[run..<index])
        return out
    }
}

/// One search hit.
public struct SearchHit: Sendable, Codable, Equatable {
    public var articleID: Int64
    public var source: String
    public var date: String?
    public var headline: String
    /// bm25 (headline weighted 5, body 1): lower is better; 0 when there was no text query.
    public var score: Double
    public var snippet: SearchSnippet
    /// Near-duplicates of this article (other outlets' copies, updated versions) left out of the hits.
    public var alsoIn: Int
}

/// One value of a facet (a country, a domain, a year) and the number of hits that have it.
public struct FacetCount: Sendable, Codable, Equatable {
    /// ISO code, domain slug or year.
    public var value: String
    /// Country name, domain label, or the year again.
    public var label: String
    public var count: Int
}

/// Counts of all hits (not only the page shown) per country, domain and year.
public struct SearchFacets: Sendable, Codable, Equatable {
    public var countries: [FacetCount] = []
    public var domains: [FacetCount] = []
    public var years: [FacetCount] = []
}

/// « Did you mean »: a query word absent from the index and the closest indexed word.
public struct SearchSuggestion: Sendable, Codable, Equatable {
    /// As the user typed it (« Loukachenco »).
    public var typed: String
    /// As articles write it (« Loukachenko »).
    public var suggestion: String
    /// The whole query with the word replaced.
    public var query: String
}

/// The answer to a `SearchRequest`: the page of hits, the total, facets, suggestions when nothing
/// matched, and what the query was expanded to.
public struct SearchResult: Sendable, Codable, Equatable {
    public var request: SearchRequest
    /// The FTS5 expression that ran (nil without a text query).
    public var match: String?
    /// Hits in all, beyond `limit`.
    public var total: Int
    public var hits: [SearchHit]
    public var facets: SearchFacets?
    /// Only when there are no hits.
    public var suggestions: [SearchSuggestion]
    /// Words left out of the search (too common to search for).
    public var ignoredWords: [String]
    /// Query words that also matched other spellings (empty with `exact`).
    public var alsoMatched: [SearchExpansion]
}

extension KnowledgeBase {
    /// French-aware search: the query is analysed like the articles (elisions, case, accents, stop
    /// words), each word matches every form with the same light stem, country names and known people
    /// match all their spellings; hits are ranked by bm25 with a snippet of the original text.
    public func search(_ request: SearchRequest) throws -> SearchResult {
        guard request.timeout.isFinite, request.timeout > 0 else {
            throw KBError.badQuery("the search timeout must be a positive number of seconds, not \(request.timeout)")
        }
        try ensureSearchIndexCurrent()
        return try wrap {
            try dbQueue.read { db in
                // SQLite calls the handler every 10,000 steps: past the deadline it interrupts the statement.
                let deadline = Date().addingTimeInterval(request.timeout)
                let box = Unmanaged.passRetained(DeadlineBox(deadline)).toOpaque()
                sqlite3_progress_handler(db.sqliteConnection, 10_000, { p in
                    Date() > Unmanaged<DeadlineBox>.fromOpaque(p!).takeUnretainedValue().deadline ? 1 : 0
                }, box)
                defer {
                    sqlite3_progress_handler(db.sqliteConnection, 0, nil, nil)
                    Unmanaged<DeadlineBox>.fromOpaque(box).release()
                }
                do {
                    let plan = try SearchPlan(db, request, reference: { referenceIndex })
                    return try SearchRunner.run(db, plan)
                } catch let e as DatabaseError where e.resultCode == .SQLITE_INTERRUPT {
                    throw KBError.badQuery("kb search: interrupted after \(String(format: "%g", request.timeout)) s; narrow the query (fewer or more specific words, filters)")
                } catch let e as KBError {
                    if Date() > deadline { throw KBError.badQuery("kb search: interrupted after \(String(format: "%g", request.timeout)) s; narrow the query (fewer or more specific words, filters)") }
                    throw e
                }
            }
        }
    }

    /// The SQL `search` would run, with its arguments written in: paste it into `sqlite3`.
    public func searchSQL(_ request: SearchRequest) throws -> String {
        try wrap {
            try dbQueue.read { db in
                let plan = try SearchPlan(db, request, reference: { referenceIndex })
                var out = SearchSQL.hits(plan).inlined + ";\n"
                if request.facets { out += SearchSQL.facets(plan).inlined + ";\n" }
                return out
            }
        }
    }

    /// Shorthand: the first `limit` hits of a plain query.
    public func search(_ query: String, limit: Int = 20) throws -> [SearchHit] {
        try search(SearchRequest(query, limit: limit)).hits
    }
}

final class DeadlineBox {
    let deadline: Date
    init(_ d: Date) { deadline = d }
}
