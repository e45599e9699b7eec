import GRDB
import Extraction
import FrenchText

/// SQL for facts: replaces an article's facts, merging facts other articles already stated
/// (one fact, several pieces of evidence) and removing facts no article supports any more.
enum FactStore {
    struct Context {
        let db: Database
        let articleID: Int64
        let articleDate: String?
        let offsets: TextOffsets
        let version: String
        let knownCountries: Set<String>
        let knownOrganisations: Set<String>
        let knownDomains: Set<String>
        let people: PersonResolver
    }

    static func replace(_ db: Database, articleID: Int64, article: Article, facts: ArticleFacts, offsets: TextOffsets,
                        extractorVersion: String, reference: ReferenceIndex, removeFirst: Bool = true, inserted: Bool = false,
                        personForms: [PersonResolver.Forms]? = nil) throws {
        // A new article (or one whose facts the caller removed) has nothing to remove; a row just
        // inserted already has its extractor version.
        if removeFirst && !inserted { try removeFacts(db, articleID: articleID) }
        let c = Context(db: db, articleID: articleID, articleDate: article.date?.description, offsets: offsets,
                        version: extractorVersion, knownCountries: reference.countries,
                        knownOrganisations: reference.organisations, knownDomains: reference.domains,
                        people: PersonResolver(reference: reference))
        if !inserted {
            try db.cachedStatement(sql: "UPDATE articles SET extractor_version = ? WHERE id = ?").execute(arguments: [extractorVersion, articleID])
        }
        for country in facts.countries where c.knownCountries.contains(country.iso2) {
            guard let first = country.evidence.first else { continue }
            let ev = try evidence(c, first, "countries")
            try DirectStatement(db, sql: "INSERT OR IGNORE INTO article_countries(article_id, iso2, mentions, evidence_id) VALUES (?, ?, ?, ?)")
                .run(.int(articleID), .text(country.iso2), .int(Int64(country.evidence.count)), .int(ev))
        }
        var personIDs: [String: Int64] = [:]
        // `personForms`, when a worker computed them, match `facts.people` one for one.
        let forms = personForms.flatMap { $0.count == facts.people.count ? $0 : nil }
        for (i, person) in facts.people.enumerated() {
            guard let id = try savePerson(c, person, forms: forms?[i]) else { continue }
            for n in [person.name] + person.aliases { personIDs[Folding.fold(n)] = id }
        }
        for visit in facts.visits where c.knownCountries.contains(visit.hostCountry) {
            try saveVisit(c, visit, visitorID: visit.visitor.flatMap { personIDs[Folding.fold($0)] })
        }
        for agreement in facts.agreements { try saveAgreement(c, agreement) }
        for domain in facts.domains where c.knownDomains.contains(domain.slug) {
            guard let first = domain.evidence.first else { continue }
            let ev = try evidence(c, first, "domains")
            try DirectStatement(db, sql: "INSERT OR IGNORE INTO article_domains(article_id, slug, evidence_id) VALUES (?, ?, ?)")
                .run(.int(articleID), .text(domain.slug), .int(ev))
        }
        let pair = FactMerging.tradingPair(facts.countries, known: c.knownCountries)
        for figure in facts.tradeFigures { try saveTradeFigure(c, figure, articlePair: pair) }
    }

    /// Deletes an article's evidence (links cascade) and the facts nothing supports any more.
    static func removeFacts(_ db: Database, articleID: Int64) throws {
        let visits = try Int64.fetchAll(db.cachedStatement(sql: "SELECT DISTINCT visit_id FROM visit_evidence JOIN evidence_spans e ON e.id = evidence_id WHERE e.article_id = ?"), arguments: [articleID])
        let agreements = try Int64.fetchAll(db.cachedStatement(sql: "SELECT DISTINCT agreement_id FROM agreement_evidence JOIN evidence_spans e ON e.id = evidence_id WHERE e.article_id = ?"), arguments: [articleID])
        let figures = try Int64.fetchAll(db.cachedStatement(sql: "SELECT DISTINCT trade_figure_id FROM trade_figure_evidence JOIN evidence_spans e ON e.id = evidence_id WHERE e.article_id = ?"), arguments: [articleID])
        let people = try Int64.fetchAll(db.cachedStatement(sql: "SELECT person_id FROM person_mentions WHERE article_id = ?"), arguments: [articleID])
        let roles = try Int64.fetchAll(db.cachedStatement(sql: "SELECT role_id FROM role_statements WHERE article_id = ?"), arguments: [articleID])
        try db.cachedStatement(sql: "DELETE FROM evidence_spans WHERE article_id = ?").execute(arguments: [articleID])
        for id in visits { try db.cachedStatement(sql: "DELETE FROM visits WHERE id = ? AND NOT EXISTS (SELECT 1 FROM visit_evidence WHERE visit_id = ?)").execute(arguments: [id, id]) }
        for id in agreements { try db.cachedStatement(sql: "DELETE FROM agreements WHERE id = ? AND NOT EXISTS (SELECT 1 FROM agreement_evidence WHERE agreement_id = ?)").execute(arguments: [id, id]) }
        for id in figures { try db.cachedStatement(sql: "DELETE FROM trade_figures WHERE id = ? AND NOT EXISTS (SELECT 1 FROM trade_figure_evidence WHERE trade_figure_id = ?)").execute(arguments: [id, id]) }
        for id in roles { try db.cachedStatement(sql: "DELETE FROM roles WHERE id = ? AND NOT EXISTS (SELECT 1 FROM role_statements WHERE role_id = ?)").execute(arguments: [id, id]) }
        for id in people { try db.cachedStatement(sql: "DELETE FROM people WHERE id = ? AND NOT EXISTS (SELECT 1 FROM person_mentions WHERE person_id = ?)").execute(arguments: [id, id]) }
    }

    private static func evidence(_ c: Context, _ e: Evidence, _ extractor: String) throws -> Int64 {
        try DirectStatement(c.db, sql: """
            INSERT INTO evidence_spans(article_id, start_offset, end_offset, extractor, extractor_version, rule) VALUES (?, ?, ?, ?, ?, ?)
            """).run(.int(c.articleID), .int(Int64(c.offsets.characterOffset(ofByte: e.range.lowerBound))),
                     .int(Int64(c.offsets.characterOffset(ofByte: e.range.upperBound))), .text(extractor), .text(c.version), .text(e.rule))
        return c.db.lastInsertedRowID
    }

    /// Saves a person mention (resolved to one person across articles) and the roles it states.
    /// A person without evidence could not be traced to a sentence, so it is not stored.
    private static func savePerson(_ c: Context, _ p: PersonFact, forms: PersonResolver.Forms?) throws -> Int64? {
        guard let first = p.evidence.first else { return nil }
        let country = p.country.flatMap { c.knownCountries.contains($0) ? $0 : nil }
        let id = try c.people.resolve(c.db, name: p.name, forms: forms ?? c.people.forms(name: p.name, aliases: p.aliases), country: country)
        let ev = try evidence(c, first, "people")
        try DirectStatement(c.db, sql: "INSERT OR IGNORE INTO person_mentions(person_id, article_id, name, evidence_id) VALUES (?, ?, ?, ?)")
            .run(.int(id), .int(c.articleID), .text(p.name), .int(ev))
        for role in p.roles {
            try c.db.cachedStatement(sql: """
                INSERT INTO roles(person_id, title, organisation, country) VALUES (?, ?, ?, ?)
                ON CONFLICT(person_id, title) DO UPDATE SET organisation = coalesce(roles.organisation, excluded.organisation),
                    country = coalesce(roles.country, excluded.country)
                """).execute(arguments: [id, role.title, role.organisation, role.country.flatMap { c.knownCountries.contains($0) ? $0 : nil }])
            let roleID = try Int64.fetchOne(c.db.cachedStatement(sql: "SELECT id FROM roles WHERE person_id = ? AND title = ?"), arguments: [id, role.title])!
            try DirectStatement(c.db, sql: "INSERT OR IGNORE INTO role_statements(role_id, article_id, stated_on, evidence_id) VALUES (?, ?, ?, ?)")
                .run(.int(roleID), .int(c.articleID), .opt(c.articleDate), .int(ev))
        }
        return id
    }

    private static func saveVisit(_ c: Context, _ v: VisitFact, visitorID: Int64?) throws {
        let visitorCountry = v.visitorCountry.flatMap { c.knownCountries.contains($0) ? $0 : nil }
        let start = v.start?.description
        // The same visit told by another article: same visitor and host, compatible dates.
        // Two shapes, so each uses its index: a known person's visits, or a delegation's.
        let candidates = try visitorID.map { id in
            try Row.fetchAll(c.db.cachedStatement(sql: """
                SELECT id, start_date, end_date, city, kind FROM visits WHERE visitor_id = ? AND host_country = ?
                """), arguments: [id, v.hostCountry])
        } ?? Row.fetchAll(c.db.cachedStatement(sql: """
                SELECT id, start_date, end_date, city, kind FROM visits
                WHERE visitor_id IS NULL AND host_country = ? AND visitor_country IS ? AND visitor IS ?
                """), arguments: [v.hostCountry, visitorCountry, v.visitor])
        let ev = try evidence(c, v.evidence, "visits")
        for row in candidates {
            let s: String? = row["start_date"]
            guard FactMerging.datesCompatible(s, start) else { continue }
            let id: Int64 = row["id"]
            let best = FactMerging.morePrecise(s, start)
            try c.db.cachedStatement(sql: """
                UPDATE visits SET start_date = ?, date_precision = ?, end_date = coalesce(end_date, ?), city = coalesce(city, ?),
                    kind = coalesce(kind, ?) WHERE id = ?
                """).execute(arguments: [best, best.flatMap { PartialDate(iso: $0)?.precision.rawValue }, v.end?.description, v.city, v.kind?.rawValue, id])
            try c.db.cachedStatement(sql: "INSERT OR IGNORE INTO visit_evidence(visit_id, evidence_id) VALUES (?, ?)").execute(arguments: [id, ev])
            return
        }
        try c.db.cachedStatement(sql: """
            INSERT INTO visits(visitor_id, visitor, visitor_country, host_country, city, start_date, end_date, date_precision, kind)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [visitorID, v.visitor, visitorCountry, v.hostCountry, v.city, start,
                             start == nil ? nil : v.end?.description, v.start?.precision.rawValue, v.kind?.rawValue])
        try c.db.cachedStatement(sql: "INSERT INTO visit_evidence(visit_id, evidence_id) VALUES (?, ?)").execute(arguments: [c.db.lastInsertedRowID, ev])
    }

    private static func saveAgreement(_ c: Context, _ a: AgreementFact) throws {
        let ev = try evidence(c, a.evidence, "agreements")
        let parties = Set(a.parties.filter { c.knownCountries.contains($0) || c.knownOrganisations.contains($0) })
        // The earliest agreement of that kind and title signed the same day, or undated (either
        // side): one index seek per date (migration 020), not a scan of every date of the title.
        let signed = a.signed?.description
        var existing = try Int64.fetchOne(c.db.cachedStatement(sql: signed == nil ? """
            SELECT min(id) FROM agreements WHERE kind = ?1 AND title = ?2
            """ : """
            SELECT min(id) FROM (SELECT min(id) AS id FROM agreements WHERE kind = ?1 AND title = ?2 AND signed = ?3
                UNION ALL SELECT min(id) FROM agreements WHERE kind = ?1 AND title = ?2 AND signed IS NULL)
            """), arguments: signed == nil ? [a.kind.rawValue, a.title] : [a.kind.rawValue, a.title, signed])
        // Told in other words by another article (« l'accord de libre-échange Vietnam-UEEA », « l'Accord de
        // libre-échange entre le Vietnam et l'Union économique eurasiatique »): same kind, key and parties.
        if existing == nil, !a.key.isEmpty {
            let candidates = try Int64.fetchAll(c.db.cachedStatement(sql: signed == nil ? """
                SELECT id FROM agreements WHERE kind = ?1 AND match_key = ?2 ORDER BY id
                """ : """
                SELECT id FROM agreements WHERE kind = ?1 AND match_key = ?2 AND signed = ?3
                UNION ALL SELECT id FROM agreements WHERE kind = ?1 AND match_key = ?2 AND signed IS NULL ORDER BY id
                """), arguments: signed == nil ? [a.kind.rawValue, a.key] : [a.kind.rawValue, a.key, signed])
            for id in candidates {
                let known = Set(try String.fetchAll(c.db.cachedStatement(sql: "SELECT party FROM agreement_parties WHERE agreement_id = ?"), arguments: [id]))
                if known == parties || (known.intersection(parties).count >= 2) { existing = id; break }
            }
        }
        let id: Int64
        if let existing {
            id = existing
            if let signed = a.signed {
                try c.db.cachedStatement(sql: "UPDATE agreements SET signed = coalesce(signed, ?), signed_precision = coalesce(signed_precision, ?) WHERE id = ?").execute(arguments: [signed.description, signed.precision.rawValue, id])
            }
        } else {
            try c.db.cachedStatement(sql: "INSERT INTO agreements(kind, title, signed, signed_precision, match_key) VALUES (?, ?, ?, ?, ?)").execute(arguments: [a.kind.rawValue, a.title, a.signed?.description, a.signed?.precision.rawValue, a.key.isEmpty ? nil : a.key])
            id = c.db.lastInsertedRowID
        }
        for party in a.parties {
            if c.knownCountries.contains(party) {
                try c.db.cachedStatement(sql: "INSERT OR IGNORE INTO agreement_parties(agreement_id, party, country) VALUES (?, ?, ?)").execute(arguments: [id, party, party])
            } else if c.knownOrganisations.contains(party) {
                try c.db.cachedStatement(sql: "INSERT OR IGNORE INTO agreement_parties(agreement_id, party, organisation) VALUES (?, ?, ?)").execute(arguments: [id, party, party])
            }
        }
        for slug in a.domains where c.knownDomains.contains(slug) {
            try c.db.cachedStatement(sql: "INSERT OR IGNORE INTO agreement_domains(agreement_id, slug) VALUES (?, ?)").execute(arguments: [id, slug])
        }
        try DirectStatement(c.db, sql: "INSERT OR IGNORE INTO agreement_evidence(agreement_id, evidence_id) VALUES (?, ?)").run(.int(id), .int(ev))
    }

    /// A figure's traders come from its own sentence (TradeFigureFact.countries), as `kb extract` shows them;
    /// the article's two main countries stand in for a figure stored without them.
    private static func saveTradeFigure(_ c: Context, _ t: TradeFigureFact, articlePair: (String?, String?)) throws {
        let ev = try evidence(c, t.evidence, "trade_figures")
        let named = t.countries.filter { c.knownCountries.contains($0) }.sorted()
        let organisation = t.scope == .bloc ? t.countries.first { c.knownOrganisations.contains($0) } : nil
        let pair: (String?, String?) = t.countries.isEmpty ? articlePair : (named.first, named.count > 1 ? named[1] : nil)
        let scope = t.scope?.rawValue
        let existing = try Int64.fetchOne(c.db.cachedStatement(sql: """
            SELECT id FROM trade_figures WHERE amount IS ? AND currency IS ? AND kind = ? AND year IS ? AND period IS ?
                AND country_a IS ? AND country_b IS ? AND scope IS ? AND organisation IS ?
            """), arguments: [t.amount, t.currency, t.kind.rawValue, t.year, t.period, pair.0, pair.1, scope, organisation])
        let id: Int64
        if let existing { id = existing } else {
            try c.db.cachedStatement(sql: """
                INSERT INTO trade_figures(amount, currency, kind, year, period, country_a, country_b, scope, organisation)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).execute(arguments: [t.amount, t.currency, t.kind.rawValue, t.year, t.period, pair.0, pair.1, scope, organisation])
            id = c.db.lastInsertedRowID
        }
        try DirectStatement(c.db, sql: "INSERT OR IGNORE INTO trade_figure_evidence(trade_figure_id, evidence_id) VALUES (?, ?)").run(.int(id), .int(ev))
    }
}
