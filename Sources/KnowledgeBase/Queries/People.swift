import GRDB
import FrenchText

/// A person across all articles.
public struct Person: Sendable, Codable, Equatable {
    public var id: Int64
    public var name: String
    /// Nationality (ISO code), when known.
    public var country: String?
    /// Other forms of the name (« Loukachenko », « Lukashenko »).
    public var aliases: [String]
    /// Distinct titles, most recently stated first.
    public var roles: [String]
    /// Number of articles naming this person.
    public var articles: Int
}

extension KnowledgeBase {
    /// People, most mentioned first. `country` is a nationality (ISO code or name); `role`
    /// keeps people with a title containing these words (accent- and case-insensitive).
    public func people(country: String? = nil, role: String? = nil) throws -> [Person] {
        try read { db in
            let iso = try country.map { try Lookup.country(db, $0) }
            let rows = try Row.fetchAll(db, sql: """
                SELECT p.id, p.name, p.country, (SELECT count(*) FROM person_mentions WHERE person_id = p.id) AS articles
                FROM people p WHERE ? IS NULL OR p.country = ? ORDER BY articles DESC, p.name, p.id
                """, arguments: [iso, iso])
            let wanted = role.map { Folding.fold($0) }
            let people = try rows.compactMap { row -> Person? in
                let p = try QueryRows.person(db, row)
                if let wanted, !p.roles.contains(where: { Folding.fold($0).contains(wanted) }) { return nil }
                return p
            }
            // Ties in mentions by name as people read it: SQLite's order is by code point (« Đoàn » after « Z »).
            return people.map { (Folding.fold($0.name), $0) }
                .sorted { ($1.1.articles, $0.0, $0.1.id) < ($0.1.articles, $1.0, $1.1.id) }.map(\.1)
        }
    }
}

extension QueryRows {
    /// A person from a row with id, name, country and articles.
    static func person(_ db: Database, _ row: Row) throws -> Person {
        let id: Int64 = row["id"], name: String = row["name"]
        let aliases = try String.fetchAll(db, sql: "SELECT alias FROM person_aliases WHERE person_id = ? AND alias <> ?",
                                          arguments: [id, name]).sortedByFoldedName()
        let roles = try String.fetchAll(db, sql: """
            SELECT title FROM people_roles WHERE person_id = ? GROUP BY role_id ORDER BY max(stated_on) DESC, title
            """, arguments: [id])
        return Person(id: id, name: name, country: row["country"], aliases: aliases, roles: roles, articles: row["articles"])
    }
}
