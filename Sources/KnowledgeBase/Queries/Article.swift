import GRDB

/// One fact of an article, with the sentence it was read from there.
public struct ArticleFact: Sendable, Codable, Equatable {
    /// country, person, role, visit, agreement, domain or trade.
    public var kind: String
    /// One line saying what the fact is.
    public var fact: String
    public var evidence: String
    /// The extraction rule that read it (`visit.arrival`, …; empty for evidence stored before rules were recorded).
    public var rule: String
}

/// An article with what was extracted from it (`kb show`).
public struct ArticleCard: Sendable, Codable, Equatable {
    public var article: ArticleRef
    /// Every file it was read from.
    public var files: [String]
    /// The cleaned story, paragraphs separated by blank lines.
    public var body: String
    public var facts: [ArticleFact]
}

extension KnowledgeBase {
    /// The card of an article given by id or by the file name it was ingested from.
    /// Throws `LookupError` when no article or several match.
    public func article(_ key: String) throws -> ArticleCard {
        try read { db in
            let id = try Lookup.article(db, key)
            let ref = try QueryRows.articles(db, where: "id = ?", [id])[0]
            let body = try ArticleStore.body(db, articleID: id)
            let files = try String.fetchAll(db, sql: "SELECT path FROM article_sources WHERE article_id = ? ORDER BY path", arguments: [id])
            // Each fact with the sentence of this article it was read from, in reading order.
            let facts = try Row.fetchAll(db, sql: """
                SELECT 'country' AS kind, c.name || ' (' || c.iso2 || '), ' || ac.mentions || ' mention(s)' AS fact, e.sentence, e.rule, e.id AS ev
                  FROM article_countries ac JOIN countries c USING (iso2) JOIN evidence e ON e.id = ac.evidence_id WHERE ac.article_id = :a
                UNION ALL
                SELECT 'person', p.name || coalesce(' (' || p.country || ')', ''), e.sentence, e.rule, e.id
                  FROM person_mentions pm JOIN people p ON p.id = pm.person_id JOIN evidence e ON e.id = pm.evidence_id WHERE pm.article_id = :a
                UNION ALL
                SELECT 'role', p.name || ': ' || r.title, e.sentence, e.rule, e.id
                  FROM role_statements rs JOIN roles r ON r.id = rs.role_id JOIN people p ON p.id = r.person_id
                  JOIN evidence e ON e.id = rs.evidence_id WHERE rs.article_id = :a
                UNION ALL
                SELECT 'visit', coalesce(vf.visitor, 'someone') || coalesce(' (' || vf.visitor_country || ')', '') || ' → '
                       || coalesce(vf.city || ', ', '') || vf.host_country || coalesce(', ' || vf.start_date, '') || coalesce(', ' || vf.kind, ''),
                       e.sentence, e.rule, e.id
                  FROM visit_evidence ve JOIN evidence e ON e.id = ve.evidence_id JOIN visit_facts vf ON vf.visit_id = ve.visit_id WHERE e.article_id = :a
                UNION ALL
                SELECT 'agreement', af.kind || ': ' || af.title || coalesce(' (' || af.parties || ')', '') || coalesce(', signed ' || af.signed, ''),
                       e.sentence, e.rule, e.id
                  FROM agreement_evidence ae JOIN evidence e ON e.id = ae.evidence_id JOIN agreement_facts af ON af.agreement_id = ae.agreement_id
                  WHERE e.article_id = :a
                UNION ALL
                SELECT 'domain', d.label_fr || ' (' || d.slug || ')', e.sentence, e.rule, e.id
                  FROM article_domains ad JOIN domains d USING (slug) JOIN evidence e ON e.id = ad.evidence_id WHERE ad.article_id = :a
                UNION ALL
                SELECT 'trade', t.kind || coalesce(' ' || t.year, '') || coalesce(' ' || t.period, '') || ': '
                       || coalesce(printf('%.0f', t.amount), 'amount not stated') || coalesce(' ' || t.currency, ''),
                       e.sentence, e.rule, e.id
                  FROM trade_figure_evidence te JOIN evidence e ON e.id = te.evidence_id JOIN trade_figures t ON t.id = te.trade_figure_id
                  WHERE e.article_id = :a
                ORDER BY ev, kind
                """, arguments: ["a": id]).map { ArticleFact(kind: $0["kind"], fact: $0["fact"], evidence: $0["sentence"], rule: $0["rule"]) }
            return ArticleCard(article: ref, files: files, body: body, facts: facts)
        }
    }
}
