import Foundation
import ArticleFiles
import GRDB
import Testing
import Extraction
import FrenchText
@testable import KnowledgeBase

/// Facts repeated by several articles are one fact with several pieces of evidence;
/// facts no article supports any more disappear.
@Suite struct FactStoreTests {
    let reference = ReferenceIndex(Reference.embedded)

    func save(_ db: Database, source: String, text: String, facts: (Article) -> ArticleFacts) throws -> Int64 {
        let article = ArticleParser(agencies: []).parse(text, source: source)
        let hash = SHA256.hex(text.utf8)
        _ = try ArticleStore.save(db, article: article, facts: facts(article), hash: hash,
                                  source: .init(path: "/x/" + source, name: source, size: text.utf8.count, mtime: 0),
                                  extractorVersion: "test", reference: reference)
        return try Int64.fetchOne(db, sql: "SELECT article_id FROM article_sources WHERE path = ?", arguments: ["/x/" + source])!
    }

    func evidence(_ a: Article) -> Evidence {
        let doc = Document(article: a)
        return doc.sentences[1].evidence
    }

    func withDatabase(_ body: (Database) throws -> Void) throws {
        let dir = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let kb = try KnowledgeBase(path: dir.appendingPathComponent("kb.sqlite").path, mode: .create)
        try kb.dbQueue.write { db in
            try ReferenceStore.sync(db, reference.reference)
            try body(db)
        }
    }

    @Test func onePersonAcrossArticlesAndSpellings() throws {
        try withDatabase { db in
            _ = try save(db, source: "a.txt", text: " date 2025-05 Titre A\n\nLe président Alexandre Loukachenko a parlé.") { a in
                var f = ArticleFacts()
                f.people = [PersonFact(name: "Alexandre Loukachenko", aliases: ["Loukachenko"], country: "BY",
                                       roles: [RoleFact(title: "président")], evidence: [evidence(a)])]
                return f
            }
            _ = try save(db, source: "b.txt", text: " date 2025-06 Titre B\n\nLukashenko a reçu le ministre.") { a in
                var f = ArticleFacts()
                f.people = [PersonFact(name: "Lukashenko", country: "BY", roles: [RoleFact(title: "président")], evidence: [evidence(a)])]
                return f
            }
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM people") == 1)
            #expect(try String.fetchOne(db, sql: "SELECT name FROM people") == "Alexandre Loukachenko")
            // The role is one dated position stated by two articles.
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM roles") == 1)
            #expect(try String.fetchAll(db, sql: "SELECT stated_on FROM role_statements ORDER BY stated_on") == ["2025-05", "2025-06"])
        }
    }

    @Test func transliteratedSpellingsAcrossArticlesAreOnePerson() throws {
        // No reference entry: the transliteration key alone joins them; a surname-first form with a
        // patronymic too.
        try withDatabase { db in
            let spellings = ["Viktor Karankevitch", "Viktor Karankevich", "Karankevich Viktor Ivanovich"]
            for (k, name) in spellings.enumerated() {
                _ = try save(db, source: "\(k).txt", text: " date 2025-0\(k + 1) Titre \(k)\n\n\(name) a parlé.") { a in
                    var f = ArticleFacts()
                    f.people = [PersonFact(name: name, country: "BY", evidence: [evidence(a)])]
                    return f
                }
            }
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM people") == 1)
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM person_aliases") == 3)
        }
    }

    @Test func sameVisitFromTwoArticlesIsOneVisitWithTwoEvidence() throws {
        try withDatabase { db in
            for (name, start) in [("a.txt", "2025-05"), ("b.txt", "2025-05-10")] {
                _ = try save(db, source: name, text: " date 2025-05-12 Titre \(name)\n\nTô Lâm est en visite d'État en Biélorussie.") { a in
                    var f = ArticleFacts()
                    f.people = [PersonFact(name: "Tô Lâm", country: "VN", evidence: [evidence(a)])]
                    f.visits = [VisitFact(visitor: "Tô Lâm", visitorCountry: "VN", hostCountry: "BY", start: PartialDate(iso: start),
                                          kind: .state, evidence: evidence(a))]
                    return f
                }
            }
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM visits") == 1)
            #expect(try String.fetchOne(db, sql: "SELECT start_date FROM visits") == "2025-05-10")
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM visit_evidence") == 2)
        }
    }

    @Test func factsNoLongerStatedAreRemoved() throws {
        try withDatabase { db in
            let text = " date 2025-05 Titre\n\nUn protocole a été signé."
            let id = try save(db, source: "a.txt", text: text) { a in
                var f = ArticleFacts()
                f.agreements = [AgreementFact(kind: .protocol, title: "protocole de coopération", parties: ["VN", "BY", "EAEU"],
                                              signed: PartialDate(iso: "2025-05"), domains: ["security"], evidence: evidence(a))]
                f.tradeFigures = [TradeFigureFact(amount: 1e8, currency: "USD", kind: .actual, year: 2024, evidence: evidence(a))]
                return f
            }
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM agreement_parties WHERE agreement_id IN (SELECT id FROM agreements)") == 3)
            try FactStore.removeFacts(db, articleID: id)
            for table in ["agreements", "agreement_parties", "trade_figures", "evidence"] {
                #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") == 0, "\(table) not emptied")
            }
            #expect(try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").isEmpty)
        }
    }

    @Test func oneAgreementInOtherWordsAcrossArticlesIsOneRow() throws {
        try withDatabase { db in
            for (name, title) in [("a.txt", "accord de libre-échange entre le Vietnam et l'Union économique eurasiatique"),
                                  ("b.txt", "Accord de libre-échange Vietnam-UEEA")] {
                _ = try save(db, source: name, text: " date 2025-05 Titre \(name)\n\nL'accord a été salué.") { a in
                    var f = ArticleFacts()
                    f.agreements = [AgreementFact(kind: .agreement, title: title, parties: ["VN", "EAEU"], key: "libre-echange", evidence: evidence(a))]
                    return f
                }
            }
            // Same key, other parties: another document.
            _ = try save(db, source: "c.txt", text: " date 2025-05 Titre c\n\nL'accord a été salué.") { a in
                var f = ArticleFacts()
                f.agreements = [AgreementFact(kind: .agreement, title: "accord de libre-échange Vietnam-UE", parties: ["VN", "EU"],
                                              key: "libre-echange", evidence: evidence(a))]
                return f
            }
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM agreements") == 2)
            #expect(try Int.fetchOne(db, sql: "SELECT articles FROM agreement_facts WHERE parties = 'EAEU, VN'") == 2)
        }
    }

    @Test func aFiguresOwnTradersAndScopeAreStored() throws {
        try withDatabase { db in
            _ = try save(db, source: "a.txt", text: " date 2025-05 Titre\n\nLe commerce a progressé.") { a in
                var f = ArticleFacts()
                f.tradeFigures = [TradeFigureFact(amount: 8e10, currency: "USD", kind: .actual, year: 2024, countries: ["VN", "ASEAN"],
                                                  scope: .bloc, evidence: evidence(a)),
                                  TradeFigureFact(amount: 1e9, currency: "USD", kind: .actual, year: 2024, countries: ["BY", "VN"],
                                                  scope: .bilateral, evidence: evidence(a))]
                return f
            }
            let bloc = try Row.fetchOne(db, sql: "SELECT country_a, country_b, organisation, scope FROM trade_facts WHERE amount = 8e10")!
            #expect(bloc["country_a"] as String? == "VN" && bloc["country_b"] as String? == nil)
            #expect(bloc["organisation"] as String? == "ASEAN" && bloc["scope"] as String? == "bloc")
            // A national series holds the bilateral figure only.
            let series = try QueryRows.trade(db, country: "VN")
            #expect(series.map(\.actual) == [1e9], "\(series)")
        }
    }
}
