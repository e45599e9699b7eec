import GRDB
import Extraction

extension KnowledgeBase {
    /// Every article as an export record (EXPORT.md), in source order.
    public func exportRecords() throws -> [ExportRecord] {
        var records: [ExportRecord] = []
        try forEachExportRecord { records.append($0) }
        return records
    }

    /// Streams export records one by one, so exporting 100,000 articles needs little memory.
    public func forEachExportRecord(_ body: (ExportRecord) throws -> Void) throws {
        try wrap {
            try dbQueue.read { db in
                let rows = try Row.fetchCursor(db, sql: "SELECT id, source, date, headline FROM articles ORDER BY source, id")
                while let row = try rows.next() {
                    try body(try ExportQueries.record(db, id: row["id"], source: row["source"], date: row["date"], title: row["headline"]))
                }
            }
        }
    }
}

/// Reads one article's facts back from the normalised tables into the export shape.
enum ExportQueries {
    static func record(_ db: Database, id: Int64, source: String, date: String?, title: String) throws -> ExportRecord {
        var r = ExportRecord(source: source, date: date, title: title)
        r.countries = try Row.fetchAll(db, sql: """
            SELECT ac.iso2, c.name, e.rule FROM article_countries ac JOIN countries c USING (iso2) JOIN evidence_spans e ON e.id = ac.evidence_id
            WHERE ac.article_id = ? ORDER BY ac.evidence_id
            """, arguments: [id]).map { .init(iso2: $0["iso2"], name: $0["name"], rule: $0["rule"]) }
        r.people = try Row.fetchAll(db, sql: """
            SELECT p.id, p.name, p.country, e.rule FROM person_mentions pm JOIN people p ON p.id = pm.person_id
            JOIN evidence_spans e ON e.id = pm.evidence_id
            WHERE pm.article_id = ? ORDER BY pm.evidence_id
            """, arguments: [id]).map { row in
            let personID: Int64 = row["id"]
            let roles = try String.fetchAll(db, sql: """
                SELECT r.title FROM role_statements rs JOIN roles r ON r.id = rs.role_id
                WHERE rs.article_id = ? AND r.person_id = ? ORDER BY rs.evidence_id, r.id
                """, arguments: [id, personID])
            let name: String = row["name"]
            let aliases = try String.fetchAll(db, sql: "SELECT alias FROM person_aliases WHERE person_id = ? AND alias <> ? ORDER BY alias",
                                              arguments: [personID, name])
            return .init(name: name, country: row["country"], roles: roles, aliases: aliases, rule: row["rule"])
        }
        r.visits = try Row.fetchAll(db, sql: """
            SELECT coalesce(p.name, v.visitor) AS visitor, v.visitor_country, v.host_country, v.city, v.start_date, v.end_date,
                   v.kind, min(e.sentence) AS sentence, min(e.rule) AS rule
            FROM visit_evidence ve JOIN evidence e ON e.id = ve.evidence_id JOIN visits v ON v.id = ve.visit_id
            LEFT JOIN people p ON p.id = v.visitor_id
            WHERE e.article_id = ? GROUP BY v.id ORDER BY min(e.id)
            """, arguments: [id]).map {
            .init(visitor: $0["visitor"], visitor_country: $0["visitor_country"], host_country: $0["host_country"], city: $0["city"],
                  start: $0["start_date"], end: $0["end_date"], kind: $0["kind"], evidence: ExportRecord.evidenceText($0["sentence"]), rule: $0["rule"])
        }
        r.agreements = try Row.fetchAll(db, sql: """
            SELECT a.id, a.kind, a.title, a.signed, min(e.sentence) AS sentence, min(e.rule) AS rule
            FROM agreement_evidence ae JOIN evidence e ON e.id = ae.evidence_id JOIN agreements a ON a.id = ae.agreement_id
            WHERE e.article_id = ? GROUP BY a.id ORDER BY min(e.id)
            """, arguments: [id]).map { row in
            let agreementID: Int64 = row["id"]
            return .init(kind: row["kind"], title: row["title"],
                         parties: try String.fetchAll(db, sql: "SELECT party FROM agreement_parties WHERE agreement_id = ? ORDER BY party", arguments: [agreementID]),
                         signed: row["signed"],
                         domains: try String.fetchAll(db, sql: "SELECT slug FROM agreement_domains WHERE agreement_id = ? ORDER BY slug", arguments: [agreementID]),
                         evidence: ExportRecord.evidenceText(row["sentence"]), rule: row["rule"])
        }
        r.domains = try String.fetchAll(db, sql: "SELECT slug FROM article_domains WHERE article_id = ? ORDER BY evidence_id", arguments: [id])
        r.trade_figures = try Row.fetchAll(db, sql: """
            SELECT t.amount, t.currency, t.kind, t.year, t.period, t.country_a, t.country_b, t.organisation, t.scope,
                   min(e.sentence) AS sentence, min(e.rule) AS rule
            FROM trade_figure_evidence te JOIN evidence e ON e.id = te.evidence_id JOIN trade_figures t ON t.id = te.trade_figure_id
            WHERE e.article_id = ? GROUP BY t.id ORDER BY min(e.id)
            """, arguments: [id]).map {
            .init(amount: $0["amount"], currency: $0["currency"], kind: $0["kind"], year: $0["year"], period: $0["period"],
                  countries: [$0["country_a"], $0["country_b"], $0["organisation"]].compactMap { $0 as String? },
                  scope: $0["scope"], evidence: ExportRecord.evidenceText($0["sentence"]), rule: $0["rule"])
        }
        return r
    }
}
